/**
 * Where no building may stand: the Aasee with its shore park, and a clearance around the scene's places (a
 * crossing, a car park, the open centres of the conversion sites).
 */
import type { PlanarPoint } from '../footprints/footprintPolygon';
import {
  AASEE_POLYGON,
  AASEE_SHORE_CLEARANCE_METERS,
  ANCHOR_PLACES,
  CONVERSION_SITE_IDS,
  CONVERSION_SITE_RADIUS_METERS,
  toPlanar,
} from './muensterPlaces';
import { distance, distanceToBoundary, isInsideConvex, isInsidePolygon } from './planarGeometry';

interface Circle {
  centre: PlanarPoint;
  radiusMeters: number;
}

const PLACE_CLEARANCES: readonly Circle[] = ANCHOR_PLACES.map((place) => ({
  centre: toPlanar(place.longitudeDegrees, place.latitudeDegrees),
  radiusMeters: place.clearanceMeters,
}));

const CONVERSION_SITES: readonly PlanarPoint[] = ANCHOR_PLACES.filter((place) =>
  CONVERSION_SITE_IDS.includes(place.id),
).map((place) => toPlanar(place.longitudeDegrees, place.latitudeDegrees));

const LAKE_BOUNDS = boundsOf(AASEE_POLYGON, AASEE_SHORE_CLEARANCE_METERS);

function boundsOf(points: readonly PlanarPoint[], margin = 0): [number, number, number, number] {
  const xs = points.map((point) => point[0]);
  const ys = points.map((point) => point[1]);
  return [
    Math.min(...xs) - margin,
    Math.min(...ys) - margin,
    Math.max(...xs) + margin,
    Math.max(...ys) + margin,
  ];
}

function boundsOverlap(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}

/** Whether a point lies in the Aasee (its approximate outline). */
export function isInAasee(point: PlanarPoint): boolean {
  return isInsidePolygon(AASEE_POLYGON, point);
}

/** Whether a convex footprint keeps out of the lake and its shore park. */
function staysOffTheLake(footprint: readonly PlanarPoint[]): boolean {
  if (!boundsOverlap(boundsOf(footprint), LAKE_BOUNDS)) return true;
  const nearWater = footprint.some(
    (corner) => isInAasee(corner) || distanceToBoundary(AASEE_POLYGON, corner) < AASEE_SHORE_CLEARANCE_METERS,
  );
  // A large hall could straddle a narrow tip of the lake with all its corners on land.
  return !nearWater && !AASEE_POLYGON.some((lakeCorner) => isInsideConvex(footprint, lakeCorner));
}

/** Whether a convex footprint keeps its distance from every place's point. */
function staysClearOfPlaces(footprint: readonly PlanarPoint[]): boolean {
  return PLACE_CLEARANCES.every(
    ({ centre, radiusMeters }) =>
      !isInsideConvex(footprint, centre) && distanceToBoundary(footprint, centre) >= radiusMeters,
  );
}

/** Whether a building may stand on this convex, counter-clockwise footprint. */
export function isBuildableFootprint(footprint: readonly PlanarPoint[]): boolean {
  return staysOffTheLake(footprint) && staysClearOfPlaces(footprint);
}

/** Whether a point lies within a distance (default: the sparse surroundings) of a conversion site (York, Oxford). */
export function isNearConversionSite(
  point: PlanarPoint,
  radiusMeters = CONVERSION_SITE_RADIUS_METERS,
): boolean {
  return CONVERSION_SITES.some((site) => distance(site, point) < radiusMeters);
}
