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
  /**
   * ALKIS building function, e.g. `31001_1010` (Wohnhaus); decides whether people live there. Without it the
   * building's use is unknown: it counts no residents and is tallied in OverflownSummary.unknownUseBuildingCount.
   */
  functionCode?: string;
  storeysAboveGround?: number;
  /**
   * The real footprint area, for the residents estimate, when `footprint` is only a stand-in (the search index's
   * square); without it the area of `footprint` is used.
   */
  footprintAreaSquareMeters?: number;
}

/** Buildings with their footprints on the plane and a spatial index (flatbush), built once per building set. */
export interface BuildingIndex {
  buildings: readonly CorridorBuilding[];
  /** Footprints on the EPSG:25832 plane, flat [x0, y0, x1, y1, …]. */
  rings: readonly Float64Array[];
  footprintAreasSquareMeters: Float64Array;
  /** Estimated residents per building (see estimateResidents). */
  residents: Float64Array;
  /** 1 where the building's use (its function code) is known, 0 where it is not, so its residents are unknown. */
  useKnown: Uint8Array;
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
      footprintAreaSquareMeters: building.footprintAreaSquareMeters ?? footprintAreasSquareMeters[index]!,
      heightMeters: building.topHeightMeters - building.baseHeightMeters,
    }),
  );
  const useKnown = Uint8Array.from(buildings, (building) => (building.functionCode ? 1 : 0));
  let tree: Flatbush | undefined;
  if (buildings.length > 0) {
    tree = new Flatbush(buildings.length);
    for (const ring of rings) {
      const [minX, minY, maxX, maxY] = ringBounds(ring);
      tree.add(minX, minY, maxX, maxY);
    }
    tree.finish();
  }
  return { buildings, rings, footprintAreasSquareMeters, residents, useKnown, tree };
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
 * height but no outline or base: the footprint is a square around the point and the base comes from the ground
 * function. Since index version 2 it also holds the function code, storeys and real footprint area, which are
 * passed on for the residents estimate; from a version 1 index (or a building without a function) the use is
 * unknown and nobody is counted there. Good enough to find tall buildings under a corridor and estimate who
 * lives there; use the pipeline's buildings for clearances to the metre.
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
      ...(entry.functionCode !== undefined ? { functionCode: entry.functionCode } : {}),
      ...(entry.storeysAboveGround !== undefined ? { storeysAboveGround: entry.storeysAboveGround } : {}),
      ...(entry.footprintAreaSquareMeters !== undefined
        ? { footprintAreaSquareMeters: entry.footprintAreaSquareMeters }
        : {}),
    });
  }
  return buildings;
}
