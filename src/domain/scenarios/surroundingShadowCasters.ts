/**
 * The existing buildings around a quarter as shadow casters for the sunlight-hours map, taken from the buildings
 * tileset's address search index: it holds a point, the top height and (version 2) the footprint area but no
 * outline, so each building becomes a square prism of its area (12 × 12 m where the area is unknown) around its point (as `corridorBuildingsFromSearchIndex` does for drone corridors). Buildings the
 * quarter hides (inside the site, or removed by id) cast no shadow; kept ones do.
 */
import { selectBuildingsToHide } from './existingBuildings';
import { planarPolygonBounds, projectPolygon, projectPosition } from './scenarioPlanarGeometry';
import type { ScenarioDocument } from './scenarioSchema';
import type { ShadowCaster } from './shadowCasters';

/** A building as the search index knows it. The top is metres above the building's ground, as in the default
 * city's tileset (built with height mode `ellipsoid`); a tileset with true heights would need its ground subtracted. */
export interface SurroundingBuilding {
  buildingId: string;
  longitudeDegrees: number;
  latitudeDegrees: number;
  topHeightMeters: number;
  /** The real footprint area where the index has it (search index version 2): the stand-in square gets this area. */
  footprintAreaSquareMeters?: number;
}

export interface SurroundingShadowCasterOptions {
  /** How far around the site's bounding box buildings count; 300 m covers a 30 m building at 6° of sun. */
  marginMeters?: number;
  /** Side of the square stand-in footprint where the area is unknown; 12 m (a detached house or a town house). */
  footprintSizeMeters?: number;
}

export const DEFAULT_SURROUNDINGS_MARGIN_METERS = 300;
export const DEFAULT_SURROUNDING_FOOTPRINT_METERS = 12;

/** Square prisms for the buildings near the site that stay visible while the quarter is shown. */
export function surroundingShadowCasters(
  scenario: Pick<ScenarioDocument, 'site' | 'existingBuildings'>,
  buildings: readonly SurroundingBuilding[],
  options: SurroundingShadowCasterOptions = {},
): ShadowCaster[] {
  const margin = options.marginMeters ?? DEFAULT_SURROUNDINGS_MARGIN_METERS;
  const defaultHalf = (options.footprintSizeMeters ?? DEFAULT_SURROUNDING_FOOTPRINT_METERS) / 2;
  const [minX, minY, maxX, maxY] = planarPolygonBounds(projectPolygon(scenario.site.boundary));
  const near = new Map<string, { x: number; y: number; building: SurroundingBuilding }>();
  for (const building of buildings) {
    if (near.has(building.buildingId) || !(building.topHeightMeters > 0)) continue;
    const [x, y] = projectPosition([building.longitudeDegrees, building.latitudeDegrees]);
    if (x < minX - margin || x > maxX + margin || y < minY - margin || y > maxY + margin) continue;
    near.set(building.buildingId, { x, y, building });
  }
  const hidden = new Set(
    selectBuildingsToHide(
      scenario,
      [...near.values()].map((entry) => entry.building),
    ),
  );
  const casters: ShadowCaster[] = [];
  for (const [buildingId, { x, y, building }] of near) {
    if (hidden.has(buildingId)) continue;
    const area = building.footprintAreaSquareMeters;
    const half = area !== undefined && area > 0 ? Math.sqrt(area) / 2 : defaultHalf;
    casters.push({
      id: buildingId,
      footprint: [
        [
          [x - half, y - half],
          [x + half, y - half],
          [x + half, y + half],
          [x - half, y + half],
        ],
      ],
      heightMeters: building.topHeightMeters,
    });
  }
  return casters.sort((a, b) => a.id.localeCompare(b.id));
}
