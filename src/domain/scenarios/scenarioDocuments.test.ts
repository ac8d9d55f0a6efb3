import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScene, type OverviewScene } from '../scenes/sceneDocument';
import { isInsideSite } from './existingBuildings';
import { computeVariantKeyFigures } from './keyFigures';
import { computeCombinedKeyFigures } from './keyFiguresCombined';
import {
  isPointInPlanarPolygon,
  planarPolygonBounds,
  planarPolygonCentroid,
  polygonAreaSquareMeters,
  projectPolygon,
} from './scenarioPlanarGeometry';
import type { ScenarioDocument } from './scenarioSchema';

const scenesDirectory = resolve(import.meta.dirname, '../../../scenes');

function readScene(name: string) {
  return parseScene(readFileSync(resolve(scenesDirectory, name), 'utf8'), `scenes/${name}`).value;
}

const overview = readScene('muenster.json') as OverviewScene;
const quarters = ['york.json', 'oxford.json'].map((name) => readScene(name) as ScenarioDocument);

describe.each(quarters.map((scenario) => [scenario.id, scenario] as const))(
  'scenes/%s.json',
  (_, scenario) => {
    it('is a scenario with two or three variants and a sourced site of about the stated size', () => {
      expect(scenario.kind).toBe('scenario');
      expect(scenario.variants.length).toBeGreaterThanOrEqual(2);
      expect(scenario.variants.length).toBeLessThanOrEqual(3);
      const hectares = polygonAreaSquareMeters(scenario.site.boundary) / 10_000;
      expect(
        Math.abs(hectares - scenario.site.statedAreaHectares!) / scenario.site.statedAreaHectares!,
      ).toBeLessThan(0.1);
      for (const target of Object.values(scenario.targets)) expect(target.source.length).toBeGreaterThan(20);
    });

    it('surrounds the place of the overview scene it belongs to', () => {
      const place = overview.places.find((candidate) => candidate.id === scenario.placeId);
      expect(place).toBeDefined();
      expect(isInsideSite(scenario, place!.longitudeDegrees, place!.latitudeDegrees)).toBe(true);
    });

    it('keeps every massing and open space inside the site, and massings apart from each other', () => {
      const site = projectPolygon(scenario.site.boundary);
      for (const variant of scenario.variants) {
        const shapes = [
          ...variant.massings.map((m) => m.footprint),
          ...variant.openSpaces.map((o) => o.area),
        ];
        for (const shape of shapes) {
          for (const [x, y] of projectPolygon(shape)[0]!)
            expect(isPointInPlanarPolygon(site, x, y)).toBe(true);
        }
        const footprints = variant.massings.map((massing) => projectPolygon(massing.footprint));
        footprints.forEach((footprint, index) => {
          // Corners pulled 5 cm towards the centre, so footprints that share a wall do not count as overlapping.
          const [cx, cy] = planarPolygonCentroid(footprint);
          const probes = [
            [cx, cy],
            ...footprint[0]!.map(([x, y]) => {
              const length = Math.hypot(cx - x, cy - y);
              return [x + ((cx - x) / length) * 0.05, y + ((cy - y) / length) * 0.05];
            }),
          ];
          const [minX, minY, maxX, maxY] = planarPolygonBounds(footprint);
          footprints.forEach((other, otherIndex) => {
            const [ox0, oy0, ox1, oy1] = planarPolygonBounds(other);
            if (otherIndex === index || ox0 > maxX || ox1 < minX || oy0 > maxY || oy1 < minY) return;
            const inside = probes.filter(([x, y]) => isPointInPlanarPolygon(other, x!, y!));
            expect(
              inside,
              `${variant.massings[index]!.id} overlaps ${variant.massings[otherIndex]!.id}`,
            ).toEqual([]);
          });
        });
      }
    });

    it('has a first variant that reaches the quarter’s homes target, with a school or day-care and a mobility hub', () => {
      const [first] = scenario.variants;
      const figures = computeVariantKeyFigures(scenario, first!);
      expect(figures.targetGaps.find((gap) => gap.figureId === 'homes')?.reached).toBe(true);
      expect(figures.figures.socialInfrastructureFloorArea.value).toBeGreaterThan(0);
      expect(first!.mobilityHubs.length).toBeGreaterThan(0);
      expect(first!.massings.some((massing) => massing.footprint.length > 1)).toBe(true); // courtyards
    });
  },
);

describe('York and Oxford together', () => {
  it('reach the city’s goal of 3,000 homes with their first variants, but not with the smallest ones', () => {
    const first = computeCombinedKeyFigures(
      quarters.map((scenario) => computeVariantKeyFigures(scenario, scenario.variants[0]!)),
    );
    expect(first.homesGoal.reached).toBe(true);
    const smallest = computeCombinedKeyFigures(
      quarters.map((scenario) => computeVariantKeyFigures(scenario, scenario.variants.at(-1)!)),
    );
    expect(smallest.homesGoal.reached).toBe(false);
  });
});
