import proj4 from 'proj4';
import type { LonLat } from './corridorScene';

/** Metres in one international nautical mile (OpenAir's unit for radii). */
export const NAUTICAL_MILE_METERS = 1852;

/** Default largest gap between a densified arc and the true circle, metres. */
export const DEFAULT_MAX_CHORD_ERROR_METERS = 5;

/** Arcs never take steps of more than this many degrees, so small circles stay round (72 points at most). */
const MAX_STEP_DEGREES = 5;

const DEGREES = 180 / Math.PI;

/** A plane around a centre where distances and bearings from the centre are true (to 1 m in 40 km). */
interface LocalPlane {
  toPlane(point: LonLat): [x: number, y: number];
  toLonLat(x: number, y: number): LonLat;
}

/**
 * A transverse Mercator projection on the WGS84 ellipsoid whose central meridian and origin pass through the
 * centre, with scale 1: grid north is true north at the centre and distances from it are true to about 1e-5
 * within 20 NM, so circles and arcs drawn in it are circles on the ground.
 */
function localPlaneAround([longitude, latitude]: LonLat): LocalPlane {
  const converter = proj4(
    'EPSG:4326',
    `+proj=tmerc +lat_0=${latitude} +lon_0=${longitude} +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs`,
  );
  return {
    toPlane: (point) => {
      const [x, y] = converter.forward([point[0], point[1]]);
      return [x!, y!];
    },
    toLonLat: (x, y) => {
      const [lon, lat] = converter.inverse([x, y]);
      return [lon!, lat!];
    },
  };
}

function stepDegrees(radiusMeters: number, maxChordErrorMeters: number): number {
  const ratio = Math.min(1, maxChordErrorMeters / radiusMeters);
  return Math.min(MAX_STEP_DEGREES, 2 * Math.acos(1 - ratio) * DEGREES);
}

/** An arc to densify: around `centre`, from a bearing, sweeping clockwise (> 0) or counter-clockwise (< 0). */
export interface ArcDefinition {
  centre: LonLat;
  startBearingDegrees: number;
  sweepDegrees: number;
  startRadiusMeters: number;
  /** The radius at the arc's end; the radius changes evenly along the arc (DB arcs whose ends differ slightly). */
  endRadiusMeters?: number;
  maxChordErrorMeters?: number;
}

/** The points of an arc, both ends included, no chord farther than `maxChordErrorMeters` from the circle. */
export function densifyArc(arc: ArcDefinition): LonLat[] {
  const plane = localPlaneAround(arc.centre);
  const endRadius = arc.endRadiusMeters ?? arc.startRadiusMeters;
  const step = stepDegrees(
    Math.max(arc.startRadiusMeters, endRadius),
    arc.maxChordErrorMeters ?? DEFAULT_MAX_CHORD_ERROR_METERS,
  );
  const count = Math.max(1, Math.ceil(Math.abs(arc.sweepDegrees) / step));
  const points: LonLat[] = [];
  for (let index = 0; index <= count; index++) {
    const fraction = index / count;
    const bearing = (arc.startBearingDegrees + arc.sweepDegrees * fraction) / DEGREES;
    const radius = arc.startRadiusMeters + (endRadius - arc.startRadiusMeters) * fraction;
    points.push(plane.toLonLat(radius * Math.sin(bearing), radius * Math.cos(bearing)));
  }
  return points;
}

/** A circle as a ring (no closing point), starting due north and going clockwise. */
export function circleRing(
  centre: LonLat,
  radiusMeters: number,
  maxChordErrorMeters = DEFAULT_MAX_CHORD_ERROR_METERS,
): LonLat[] {
  return densifyArc({
    centre,
    startBearingDegrees: 0,
    sweepDegrees: 360,
    startRadiusMeters: radiusMeters,
    maxChordErrorMeters,
  }).slice(0, -1);
}

/** Distance (metres) and bearing (degrees clockwise from north) of a point seen from a centre. */
export function polarAround(
  centre: LonLat,
  point: LonLat,
): { distanceMeters: number; bearingDegrees: number } {
  const [x, y] = localPlaneAround(centre).toPlane(point);
  return { distanceMeters: Math.hypot(x, y), bearingDegrees: normalizeDegrees(Math.atan2(x, y) * DEGREES) };
}

/** An angle in [0, 360). */
export function normalizeDegrees(degrees: number): number {
  const value = degrees % 360;
  return value < 0 ? value + 360 : value;
}

/**
 * The sweep from one bearing to another in a direction: clockwise in (0, 360], counter-clockwise in [-360, 0);
 * equal bearings make a full turn.
 */
export function sweepBetween(fromDegrees: number, toDegrees: number, clockwise: boolean): number {
  const difference = normalizeDegrees(clockwise ? toDegrees - fromDegrees : fromDegrees - toDegrees);
  const sweep = difference === 0 ? 360 : difference;
  return clockwise ? sweep : -sweep;
}
