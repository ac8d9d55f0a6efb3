/**
 * A synthetic quarter of N massings on the York site for the scenarios bench: rows of rotated rectangles and, every
 * tenth, a courtyard block, all with mixed uses, plus open spaces between them; seeded, so every run is the same.
 */
import { createRectangularMassing } from '../../../src/domain/scenarios/massingEdits';
import {
  isPointInPlanarPolygon,
  planarPolygonArea,
  planarPolygonBounds,
  planarPolygonCentroid,
  projectPolygon,
  unprojectPoint,
  unprojectPolygon,
} from '../../../src/domain/scenarios/scenarioPlanarGeometry';
import type {
  Massing,
  OpenSpace,
  ScenarioDocument,
  ScenarioVariant,
} from '../../../src/domain/scenarios/scenarioSchema';

/** Massings laid on a grid over the site's bounding box, kept where their centre lies in the site. */
export function createSyntheticVariant(scenario: ScenarioDocument, massingCount: number): ScenarioVariant {
  const site = projectPolygon(scenario.site.boundary);
  const [minX, minY, maxX, maxY] = planarPolygonBounds(site);
  const [centreX, centreY] = planarPolygonCentroid(site);
  // Enough cells for the count: 500 massings on 50 ha leave about 900 m² per massing.
  const spacing = Math.sqrt((planarPolygonArea(site) * 0.9) / massingCount);
  const massings: Massing[] = [];
  const openSpaces: OpenSpace[] = [];
  for (let row = 0; massings.length < massingCount && minY + spacing * row <= maxY; row++) {
    for (let column = 0; massings.length < massingCount; column++) {
      const x = minX + spacing * (column + 0.5);
      const y = minY + spacing * (row + 0.5);
      if (x > maxX) break;
      if (!isPointInPlanarPolygon(site, x, y)) continue;
      const index = massings.length;
      const courtyard = index % 10 === 0;
      const massing = createRectangularMassing({
        id: `m-${index + 1}`,
        centre: unprojectPoint([x, y]),
        lengthMeters: spacing * 0.55,
        widthMeters: spacing * (courtyard ? 0.45 : 0.22),
        rotationDegrees: ((index * 37) % 90) - 45,
        storeys: 2 + (index % 6),
        uses: index % 4 === 0 ? { housing: 0.7, commerce: 0.2, dayCare: 0.1 } : { housing: 1 },
        subsidisedHousingShare: index % 3 === 0 ? 0.5 : 0,
        greenRoof: index % 2 === 0,
      });
      if (courtyard) {
        // A courtyard: the rectangle shrunk to a third about its centre, as a hole.
        const outer = projectPolygon(massing.footprint)[0]!;
        const [cx, cy] = planarPolygonCentroid([outer]);
        const hole = [...outer]
          .reverse()
          .map(([px, py]) => [cx + (px - cx) / 3, cy + (py - cy) / 3] as const);
        massing.footprint = unprojectPolygon([outer, hole]);
      }
      massings.push(massing);
      // The open space south of each massing: where the sunlight-hours map is computed.
      const gardenY = y - spacing * 0.42;
      openSpaces.push({
        id: `garden-${index + 1}`,
        kind: 'garden',
        surface: 'green',
        area: unprojectPolygon([
          [
            [x - spacing * 0.3, gardenY - spacing * 0.06],
            [x + spacing * 0.3, gardenY - spacing * 0.06],
            [x + spacing * 0.3, gardenY + spacing * 0.06],
            [x - spacing * 0.3, gardenY + spacing * 0.06],
          ],
        ]),
      });
    }
  }
  return {
    id: 'synthetic',
    title: { de: 'Synthetisch' },
    massings,
    openSpaces,
    sealedAreas: [],
    mobilityHubs: [
      { id: 'hub', position: unprojectPoint([centreX, centreY]), parkingSpaces: 500, bikeSpaces: 1500 },
    ],
    streets: [],
  };
}
