import type { GeodeticPosition } from '../../geo/earthFrames';

/** A 3D Tiles bounding `region`: longitude/latitude bounds in radians and ellipsoid heights in metres. */
export interface GeographicRegion {
  westRadians: number;
  southRadians: number;
  eastRadians: number;
  northRadians: number;
  minimumHeightMeters: number;
  maximumHeightMeters: number;
}

/** A region that contains nothing yet; extending it with the first position makes it that point. */
export function createEmptyRegion(): GeographicRegion {
  return {
    westRadians: Infinity,
    southRadians: Infinity,
    eastRadians: -Infinity,
    northRadians: -Infinity,
    minimumHeightMeters: Infinity,
    maximumHeightMeters: -Infinity,
  };
}

/** Grows the region (in place) to contain a position. No handling of the antimeridian: NRW is far from it. */
export function extendRegion(region: GeographicRegion, position: GeodeticPosition): void {
  region.westRadians = Math.min(region.westRadians, position.longitudeRadians);
  region.eastRadians = Math.max(region.eastRadians, position.longitudeRadians);
  region.southRadians = Math.min(region.southRadians, position.latitudeRadians);
  region.northRadians = Math.max(region.northRadians, position.latitudeRadians);
  region.minimumHeightMeters = Math.min(region.minimumHeightMeters, position.heightMeters);
  region.maximumHeightMeters = Math.max(region.maximumHeightMeters, position.heightMeters);
}

/** The smallest region containing all the given regions. */
export function unionRegions(regions: readonly GeographicRegion[]): GeographicRegion {
  const union = createEmptyRegion();
  for (const region of regions) {
    union.westRadians = Math.min(union.westRadians, region.westRadians);
    union.southRadians = Math.min(union.southRadians, region.southRadians);
    union.eastRadians = Math.max(union.eastRadians, region.eastRadians);
    union.northRadians = Math.max(union.northRadians, region.northRadians);
    union.minimumHeightMeters = Math.min(union.minimumHeightMeters, region.minimumHeightMeters);
    union.maximumHeightMeters = Math.max(union.maximumHeightMeters, region.maximumHeightMeters);
  }
  return union;
}

/** The centre of the region, half-way between its bounds (also in height). */
export function regionCenter(region: GeographicRegion): GeodeticPosition {
  return {
    longitudeRadians: (region.westRadians + region.eastRadians) / 2,
    latitudeRadians: (region.southRadians + region.northRadians) / 2,
    heightMeters: (region.minimumHeightMeters + region.maximumHeightMeters) / 2,
  };
}

/** The region as 3D Tiles writes it: [west, south, east, north, minimum height, maximum height]. */
export function regionToArray(region: GeographicRegion): number[] {
  return [
    region.westRadians,
    region.southRadians,
    region.eastRadians,
    region.northRadians,
    region.minimumHeightMeters,
    region.maximumHeightMeters,
  ];
}
