/**
 * WGS84 ellipsoid ↔ earth-centred, earth-fixed (ECEF) coordinates and local east-north-up (ENU) frames: the
 * frames 3D Tiles works in. GRS80 (of ETRS89, the datum of EPSG:25832) and WGS84 differ by 0.1 mm in the
 * semi-minor axis, so one ellipsoid serves both.
 */

export const WGS84_SEMI_MAJOR_AXIS_METERS = 6378137;
export const WGS84_FLATTENING = 1 / 298.257223563;
const FIRST_ECCENTRICITY_SQUARED = WGS84_FLATTENING * (2 - WGS84_FLATTENING);

/** A 3D vector or point, metres unless the name says otherwise. */
export type Vector3 = [number, number, number];

/** A position on or above the WGS84 ellipsoid. */
export interface GeodeticPosition {
  longitudeRadians: number;
  latitudeRadians: number;
  /** Height above the ellipsoid, metres. */
  heightMeters: number;
}

/** Converts a geodetic position to ECEF metres (the closed-form formula; exact). */
export function geodeticToEcef(position: GeodeticPosition): Vector3 {
  const { longitudeRadians, latitudeRadians, heightMeters } = position;
  const sinLatitude = Math.sin(latitudeRadians);
  const cosLatitude = Math.cos(latitudeRadians);
  const primeVerticalRadius =
    WGS84_SEMI_MAJOR_AXIS_METERS / Math.sqrt(1 - FIRST_ECCENTRICITY_SQUARED * sinLatitude * sinLatitude);
  const horizontal = (primeVerticalRadius + heightMeters) * cosLatitude;
  return [
    horizontal * Math.cos(longitudeRadians),
    horizontal * Math.sin(longitudeRadians),
    (primeVerticalRadius * (1 - FIRST_ECCENTRICITY_SQUARED) + heightMeters) * sinLatitude,
  ];
}

/**
 * Converts ECEF metres to a geodetic position. Iterates the latitude (Heiskanen–Moritz); near the earth's
 * surface four rounds reach well below a millimetre, six leave margin. Divides by cos(latitude), so it is
 * meant for mid latitudes like Münster's, not for the poles.
 */
export function ecefToGeodetic([x, y, z]: Vector3): GeodeticPosition {
  const longitudeRadians = Math.atan2(y, x);
  const distanceFromAxis = Math.hypot(x, y);
  let latitudeRadians = Math.atan2(z, distanceFromAxis * (1 - FIRST_ECCENTRICITY_SQUARED));
  let heightMeters = 0;
  for (let round = 0; round < 6; round++) {
    const sinLatitude = Math.sin(latitudeRadians);
    const primeVerticalRadius =
      WGS84_SEMI_MAJOR_AXIS_METERS / Math.sqrt(1 - FIRST_ECCENTRICITY_SQUARED * sinLatitude * sinLatitude);
    heightMeters = distanceFromAxis / Math.cos(latitudeRadians) - primeVerticalRadius;
    latitudeRadians = Math.atan2(
      z,
      distanceFromAxis *
        (1 - (FIRST_ECCENTRICITY_SQUARED * primeVerticalRadius) / (primeVerticalRadius + heightMeters)),
    );
  }
  return { longitudeRadians, latitudeRadians, heightMeters };
}

/** The east, north and up unit vectors (in ECEF) of the local frame at a position. */
export interface EastNorthUpAxes {
  east: Vector3;
  north: Vector3;
  up: Vector3;
}

/** Axes of the local east-north-up frame at a geodetic position. */
export function eastNorthUpAxes(position: GeodeticPosition): EastNorthUpAxes {
  const sinLongitude = Math.sin(position.longitudeRadians);
  const cosLongitude = Math.cos(position.longitudeRadians);
  const sinLatitude = Math.sin(position.latitudeRadians);
  const cosLatitude = Math.cos(position.latitudeRadians);
  return {
    east: [-sinLongitude, cosLongitude, 0],
    north: [-sinLatitude * cosLongitude, -sinLatitude * sinLongitude, cosLatitude],
    up: [cosLatitude * cosLongitude, cosLatitude * sinLongitude, sinLatitude],
  };
}

/** The 4×4 ENU → ECEF matrix at a position, column-major as 3D Tiles' `transform` wants it. */
export function eastNorthUpToEcefTransform(position: GeodeticPosition): number[] {
  const { east, north, up } = eastNorthUpAxes(position);
  const origin = geodeticToEcef(position);
  return [...east, 0, ...north, 0, ...up, 0, ...origin, 1];
}

/** Dot product. */
export function dot(a: Vector3, b: Vector3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/** Cross product a × b. */
export function cross(a: Vector3, b: Vector3): Vector3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
