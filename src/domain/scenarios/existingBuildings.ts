/**
 * Which buildings of the buildings layer a quarter hides: those it removes by id and, with `removeAllInsideSite`,
 * every building whose footprint centre lies inside the site, except those it keeps (e.g. listed buildings).
 */
import {
  isPointInPlanarPolygon,
  planarPolygonBounds,
  projectPolygon,
  projectPosition,
} from './scenarioPlanarGeometry';
import type { ScenarioDocument } from './scenarioSchema';

/** A building of the layer with the centre of its footprint (the search index's position will do). */
export interface BuildingLocation {
  buildingId: string;
  longitudeDegrees: number;
  latitudeDegrees: number;
}

/** Whether a WGS84 point lies inside the quarter's site. */
export function isInsideSite(
  scenario: Pick<ScenarioDocument, 'site'>,
  longitudeDegrees: number,
  latitudeDegrees: number,
): boolean {
  const site = projectPolygon(scenario.site.boundary);
  const [x, y] = projectPosition([longitudeDegrees, latitudeDegrees]);
  const [minX, minY, maxX, maxY] = planarPolygonBounds(site);
  return x >= minX && x <= maxX && y >= minY && y <= maxY && isPointInPlanarPolygon(site, x, y);
}

/** Source ids of the buildings to hide while the quarter is shown, sorted. */
export function selectBuildingsToHide(
  scenario: Pick<ScenarioDocument, 'site' | 'existingBuildings'>,
  buildings: Iterable<BuildingLocation>,
): string[] {
  const { removeAllInsideSite, keep, remove } = scenario.existingBuildings;
  const kept = new Set(keep.map((reference) => reference.buildingId));
  const hidden = new Set(remove.map((reference) => reference.buildingId));
  if (removeAllInsideSite) {
    const site = projectPolygon(scenario.site.boundary);
    // A cheap test in degrees first, so a city of buildings is not projected one by one.
    const outer = scenario.site.boundary[0] ?? [];
    const longitudes = outer.map((position) => position[0]);
    const latitudes = outer.map((position) => position[1]);
    const [minLongitude, maxLongitude] = [Math.min(...longitudes), Math.max(...longitudes)];
    const [minLatitude, maxLatitude] = [Math.min(...latitudes), Math.max(...latitudes)];
    for (const building of buildings) {
      const { longitudeDegrees, latitudeDegrees } = building;
      if (longitudeDegrees < minLongitude || longitudeDegrees > maxLongitude) continue;
      if (latitudeDegrees < minLatitude || latitudeDegrees > maxLatitude) continue;
      const [x, y] = projectPosition([longitudeDegrees, latitudeDegrees]);
      if (isPointInPlanarPolygon(site, x, y)) hidden.add(building.buildingId);
    }
  }
  for (const id of kept) hidden.delete(id);
  return [...hidden].sort();
}
