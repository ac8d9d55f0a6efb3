import { eastNorthUpAxes, geodeticToEcef, type GeodeticPosition, type Vector3 } from '../geo/earthFrames';

/** A point picked on the model: WGS84 degrees and height above the ellipsoid, as the viewer reports it. */
export interface MeasuredPoint {
  longitudeDegrees: number;
  latitudeDegrees: number;
  heightMeters: number;
}

export const MEASURE_MODES = ['distance', 'height', 'area'] as const;
export type MeasureMode = (typeof MEASURE_MODES)[number];

/** What a measurement shows, in metres and square metres; undefined where too few points are set. */
export interface MeasurementResult {
  /** Along the picked points in order (straight lines in 3D). */
  distanceMeters?: number;
  /** Of the same path projected on the horizontal plane. */
  horizontalDistanceMeters?: number;
  /** Second point minus first point (positive when the second is higher). */
  heightDifferenceMeters?: number;
  /** Of the polygon through the points, projected on the horizontal plane (what a site plan shows). */
  areaSquareMeters?: number;
  perimeterMeters?: number;
}

const DEGREES_TO_RADIANS = Math.PI / 180;

function toGeodetic(point: MeasuredPoint): GeodeticPosition {
  return {
    longitudeRadians: point.longitudeDegrees * DEGREES_TO_RADIANS,
    latitudeRadians: point.latitudeDegrees * DEGREES_TO_RADIANS,
    heightMeters: point.heightMeters,
  };
}

/** Points in a local east-north-up frame at the first point: exact enough for anything a city measures (< 10 km). */
function toLocalFrame(points: readonly MeasuredPoint[]): Vector3[] {
  const origin = toGeodetic(points[0]!);
  const originEcef = geodeticToEcef(origin);
  const { east, north, up } = eastNorthUpAxes(origin);
  return points.map((point) => {
    const ecef = geodeticToEcef(toGeodetic(point));
    const offset: Vector3 = [ecef[0] - originEcef[0], ecef[1] - originEcef[1], ecef[2] - originEcef[2]];
    const dot = (axis: Vector3) => axis[0] * offset[0] + axis[1] * offset[1] + axis[2] * offset[2];
    return [dot(east), dot(north), dot(up)];
  });
}

function pathLength(points: readonly Vector3[], dimensions: 2 | 3): number {
  let length = 0;
  for (let index = 1; index < points.length; index++) {
    const [ax, ay, az] = points[index - 1]!;
    const [bx, by, bz] = points[index]!;
    length += Math.hypot(bx - ax, by - ay, dimensions === 3 ? bz - az : 0);
  }
  return length;
}

/** Computes what the mode measures from the picked points. */
export function measure(mode: MeasureMode, points: readonly MeasuredPoint[]): MeasurementResult {
  if (points.length < 2) return {};
  const local = toLocalFrame(points);
  switch (mode) {
    case 'distance':
      return { distanceMeters: pathLength(local, 3), horizontalDistanceMeters: pathLength(local, 2) };
    case 'height': {
      const pair = local.slice(0, 2);
      return {
        heightDifferenceMeters: pair[1]![2] - pair[0]![2],
        horizontalDistanceMeters: pathLength(pair, 2),
        distanceMeters: pathLength(pair, 3),
      };
    }
    case 'area': {
      if (points.length < 3) return {};
      let twiceArea = 0;
      for (let index = 0; index < local.length; index++) {
        const [ax, ay] = local[index]!;
        const [bx, by] = local[(index + 1) % local.length]!;
        twiceArea += ax * by - bx * ay;
      }
      return {
        areaSquareMeters: Math.abs(twiceArea) / 2,
        perimeterMeters: pathLength([...local, local[0]!], 2),
      };
    }
  }
}

/** How many points a mode uses; further clicks start a new measurement (height) or extend it. */
export function maximumPointCount(mode: MeasureMode): number {
  return mode === 'height' ? 2 : Number.POSITIVE_INFINITY;
}
