import Flatbush from 'flatbush';
import type { BuildingMesh } from '../buildings/buildingModel';
import type { BuildingSearchEntry } from '../buildings/searchIndex';
import { lonLatToPlane } from './corridorPlane';
import { estimateResidents } from './estimateResidents';
import { constantGroundHeight, type GroundHeightFunction } from './heightLimits';
import { convexHull, ringArea, ringBounds } from './planarGeometry';

/**
 * A building as the corridor checks see it: a footprint and heights above mean sea level. Build the list from
 * the pipeline's meshes ({@link corridorBuildingFromMesh}), from a tileset's search index
 * ({@link corridorBuildingsFromSearchIndex}) or from any footprint source.
 */
export interface CorridorBuilding {
  id: string;
  /** Outer ring of the footprint without a closing point, in `footprintCrs`. */
  footprint: readonly (readonly [number, number])[];
  /** `EPSG:25832`: [easting, northing] metres (NRW's plane); `EPSG:4326`: [longitude, latitude] degrees. */
  footprintCrs: 'EPSG:25832' | 'EPSG:4326';
  /** The ground at the building above mean sea level (DHHN2016), metres; AGL corridor limits are measured from it. */
  baseHeightMeters: number;
  /** The building's highest point above mean sea level (DHHN2016), metres. */
  topHeightMeters: number;
  /** ALKIS building function, e.g. `31001_1010` (Wohnhaus); decides whether people live there. */
  functionCode?: string;
  storeysAboveGround?: number;
}

/** Buildings with their footprints on the plane and a spatial index (flatbush), built once per building set. */
export interface BuildingIndex {
  buildings: readonly CorridorBuilding[];
  /** Footprints on the EPSG:25832 plane, flat [x0, y0, x1, y1, …]. */
  rings: readonly Float64Array[];
  footprintAreasSquareMeters: Float64Array;
  /** Estimated residents per building (see estimateResidents). */
  residents: Float64Array;
  /** Undefined when there are no buildings (flatbush needs at least one item). */
  tree: Flatbush | undefined;
}

/**
 * Projects every footprint and indexes its bounds. Footprints in EPSG:25832 are taken as they are; WGS84 ones are
 * projected point by point (about 1 s per 150,000 buildings), so prefer the plane when the source has it.
 */
export function createBuildingIndex(buildings: readonly CorridorBuilding[]): BuildingIndex {
  const rings = buildings.map((building) => {
    const ring = new Float64Array(building.footprint.length * 2);
    building.footprint.forEach((point, index) => {
      const [x, y] = building.footprintCrs === 'EPSG:4326' ? lonLatToPlane([point[0], point[1]]) : point;
      ring[2 * index] = x;
      ring[2 * index + 1] = y;
    });
    return ring;
  });
  const footprintAreasSquareMeters = Float64Array.from(rings, ringArea);
  const residents = Float64Array.from(buildings, (building, index) =>
    estimateResidents({
      functionCode: building.functionCode,
      storeys: building.storeysAboveGround,
      footprintAreaSquareMeters: footprintAreasSquareMeters[index]!,
      heightMeters: building.topHeightMeters - building.baseHeightMeters,
    }),
  );
  let tree: Flatbush | undefined;
  if (buildings.length > 0) {
    tree = new Flatbush(buildings.length);
    for (const ring of rings) {
      const [minX, minY, maxX, maxY] = ringBounds(ring);
      tree.add(minX, minY, maxX, maxY);
    }
    tree.finish();
  }
  return { buildings, rings, footprintAreasSquareMeters, residents, tree };
}

/**
 * A building from the pipeline's triangulated mesh (EPSG:25832 + DHHN2016): footprint = the convex hull of all
 * its vertices (never smaller than the real outline, so clearances err on the safe side), base = its ground
 * height, top = its highest vertex.
 */
export function corridorBuildingFromMesh(mesh: BuildingMesh): CorridorBuilding {
  const { attributes, positions } = mesh;
  let top = Number.NEGATIVE_INFINITY;
  for (let offset = 2; offset < positions.length; offset += 3) top = Math.max(top, positions[offset]!);
  const hull = convexHull(positions, 3);
  const footprint: [number, number][] = [];
  for (let index = 0; index < hull.length; index += 2) footprint.push([hull[index]!, hull[index + 1]!]);
  return {
    id: attributes.sourceId,
    footprint,
    footprintCrs: 'EPSG:25832',
    baseHeightMeters: attributes.groundHeightMeters,
    topHeightMeters: top,
    ...(attributes.functionCode !== undefined ? { functionCode: attributes.functionCode } : {}),
    ...(attributes.storeysAboveGround !== undefined
      ? { storeysAboveGround: attributes.storeysAboveGround }
      : {}),
  };
}

/**
 * How the tileset was built (buildings/tiles/placeBuilding's HeightMode): with `ellipsoid` each top is a height
 * above the building's own ground; with `true` it is an ellipsoid height, turned into MSL with the geoid
 * undulation (pass placeBuilding's `geoidUndulationMeters`; not imported here to keep EGM96 out of the app).
 */
export type SearchIndexHeightMode =
  | { heightMode: 'ellipsoid' }
  | {
      heightMode: 'true';
      geoidUndulationMeters: (longitudeDegrees: number, latitudeDegrees: number) => number;
    };

export type SearchIndexBuildingOptions = SearchIndexHeightMode & {
  /** The ground (MSL) under each building, which the index does not hold; default Münster's 60 m. */
  groundHeightMeters?: GroundHeightFunction;
  /** Side of the square footprint put around each address point; default 12 m (the index has no outlines). */
  footprintSizeMeters?: number;
};

/** Default side of the stand-in footprint: about a detached house or a narrow town house. */
export const DEFAULT_SEARCH_INDEX_FOOTPRINT_METERS = 12;

/**
 * Buildings from a tileset's address search index, one per building id. The index holds a point and a top
 * height but no outline, base or function: the footprint is a square around the point, the base comes from the
 * ground function, and with no function code nobody is counted as a resident. Good enough to find tall
 * buildings under a corridor; use the pipeline's buildings for clearances to the metre and for residents.
 */
export function corridorBuildingsFromSearchIndex(
  entries: readonly BuildingSearchEntry[],
  options: SearchIndexBuildingOptions,
): CorridorBuilding[] {
  const ground = options.groundHeightMeters ?? constantGroundHeight();
  const half = (options.footprintSizeMeters ?? DEFAULT_SEARCH_INDEX_FOOTPRINT_METERS) / 2;
  const seen = new Set<string>();
  const buildings: CorridorBuilding[] = [];
  for (const entry of entries) {
    if (seen.has(entry.buildingId)) continue;
    seen.add(entry.buildingId);
    const [x, y] = lonLatToPlane([entry.longitudeDegrees, entry.latitudeDegrees]);
    const base = ground(entry.longitudeDegrees, entry.latitudeDegrees);
    const top =
      options.heightMode === 'ellipsoid'
        ? base + entry.topHeightMeters
        : entry.topHeightMeters -
          options.geoidUndulationMeters(entry.longitudeDegrees, entry.latitudeDegrees);
    buildings.push({
      id: entry.buildingId,
      footprint: [
        [x - half, y - half],
        [x + half, y - half],
        [x + half, y + half],
        [x - half, y + half],
      ],
      footprintCrs: 'EPSG:25832',
      baseHeightMeters: base,
      topHeightMeters: Math.max(base, top),
    });
  }
  return buildings;
}
