/**
 * The fixed skeleton of the generated city: the centre its rings and radials are laid around, and the ring of
 * the Promenade (the old walls, now a green belt) that separates the old town from the rest.
 */
import type { PlanarPoint } from '../footprints/footprintPolygon';
import { CITY_CENTRE } from './muensterPlaces';

/**
 * Centre of the rings: about 120 m west of the Prinzipalmarkt, near the Domplatz, because the Prinzipalmarkt
 * lies in the east of the old town. Approximate, like the Promenade's shape below.
 */
export const LAYOUT_CENTRE: PlanarPoint = [CITY_CENTRE[0] - 110, CITY_CENTRE[1] + 40];

/** Mean radius of the Promenade's centre line: a 4.5 km ring has a radius of about 700 m; the walls ran a bit inside. */
const PROMENADE_MEAN_RADIUS_METERS = 640;

/** Half the Promenade belt between the old town's building line and the first outer ring street. */
export const PROMENADE_HALF_WIDTH_METERS = 30;

/** Outer limit of the layout (from the layout centre); buildings stay well within 6 km of the Prinzipalmarkt. */
export const LAYOUT_RADIUS_METERS = 5400;

/**
 * Radius of the Promenade's centre line at an angle (radians, counter-clockwise from east). Low harmonics make
 * it an irregular oval that stays convex, which the old town's clipping relies on. Not seeded: the Promenade
 * is a landmark and keeps its shape for every seed.
 */
export function promenadeRadius(angleRadians: number): number {
  return (
    PROMENADE_MEAN_RADIUS_METERS *
    (1 + 0.05 * Math.cos(2 * (angleRadians - 1.2)) + 0.02 * Math.cos(3 * (angleRadians - 0.4)))
  );
}

/** The point at an angle and radius around the layout centre. */
export function pointAround(angleRadians: number, radiusMeters: number): PlanarPoint {
  return [
    LAYOUT_CENTRE[0] + radiusMeters * Math.cos(angleRadians),
    LAYOUT_CENTRE[1] + radiusMeters * Math.sin(angleRadians),
  ];
}

/** Angle (radians, counter-clockwise from east) for a compass bearing (degrees clockwise from north). */
export function angleOfBearing(bearingDegrees: number): number {
  return ((90 - bearingDegrees) * Math.PI) / 180;
}

/** Distance of a point from the layout centre. */
export function radiusOf(point: PlanarPoint): number {
  return Math.hypot(point[0] - LAYOUT_CENTRE[0], point[1] - LAYOUT_CENTRE[1]);
}

/** Angle of a point around the layout centre, in [0, 2π). */
export function angleOf(point: PlanarPoint): number {
  const angle = Math.atan2(point[1] - LAYOUT_CENTRE[1], point[0] - LAYOUT_CENTRE[0]);
  return angle < 0 ? angle + 2 * Math.PI : angle;
}
