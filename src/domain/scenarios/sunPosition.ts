/**
 * The sun's position for a place and instant, with NOAA's solar position equations (NOAA Global Monitoring
 * Laboratory, "General Solar Position Calculations" and the spreadsheet NOAA_Solar_Calculations_day.xls, after
 * Jean Meeus, "Astronomical Algorithms"): accurate to about 0.01° for dates between 1800 and 2100, including the
 * spreadsheet's correction for atmospheric refraction at standard conditions.
 */

/** A place on the ellipsoid, in WGS84 degrees. */
export interface GeographicLocation {
  longitudeDegrees: number;
  latitudeDegrees: number;
}

/** Münster's Prinzipalmarkt, the default place for sun positions (a few kilometres change nothing visible). */
export const MUENSTER_LOCATION: Readonly<GeographicLocation> = Object.freeze({
  longitudeDegrees: 7.6283,
  latitudeDegrees: 51.9621,
});

export interface SunPosition {
  /** Clockwise from north: 90 east, 180 south, 270 west. */
  azimuthDegrees: number;
  /** Above the horizon, corrected for atmospheric refraction; negative at night. */
  elevationDegrees: number;
  /** The elevation without the refraction correction. */
  geometricElevationDegrees: number;
  declinationDegrees: number;
  /** Apparent minus mean solar time. */
  equationOfTimeMinutes: number;
}

const DEGREES = 180 / Math.PI;
const RADIANS = Math.PI / 180;
const MILLISECONDS_PER_DAY = 86_400_000;
/** Julian day of the Unix epoch, 1970-01-01T00:00Z. */
const UNIX_EPOCH_JULIAN_DAY = 2_440_587.5;

function positiveModulo(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}

/** Refraction in degrees for a geometric elevation, as in the NOAA spreadsheet (column AE). */
function atmosphericRefractionDegrees(elevationDegrees: number): number {
  if (elevationDegrees > 85) return 0;
  const tangent = Math.tan(elevationDegrees * RADIANS);
  let arcSeconds: number;
  if (elevationDegrees > 5) {
    arcSeconds = 58.1 / tangent - 0.07 / tangent ** 3 + 0.000086 / tangent ** 5;
  } else if (elevationDegrees > -0.575) {
    const e = elevationDegrees;
    arcSeconds = 1735 + e * (-518.2 + e * (103.4 + e * (-12.79 + e * 0.711)));
  } else {
    arcSeconds = -20.772 / tangent;
  }
  return arcSeconds / 3600;
}

/** The sun's azimuth and elevation seen from `location` at `instant`. */
export function computeSunPosition(
  instant: Date,
  location: GeographicLocation = MUENSTER_LOCATION,
): SunPosition {
  const milliseconds = instant.getTime();
  const julianDay = milliseconds / MILLISECONDS_PER_DAY + UNIX_EPOCH_JULIAN_DAY;
  const t = (julianDay - 2_451_545) / 36_525;

  const meanLongitude = positiveModulo(280.46646 + t * (36000.76983 + t * 0.0003032), 360);
  const meanAnomaly = 357.52911 + t * (35999.05029 - 0.0001537 * t);
  const eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const anomaly = meanAnomaly * RADIANS;
  const equationOfCentre =
    Math.sin(anomaly) * (1.914602 - t * (0.004817 + 0.000014 * t)) +
    Math.sin(2 * anomaly) * (0.019993 - 0.000101 * t) +
    Math.sin(3 * anomaly) * 0.000289;
  const trueLongitude = meanLongitude + equationOfCentre;
  const omega = (125.04 - 1934.136 * t) * RADIANS;
  const apparentLongitude = trueLongitude - 0.00569 - 0.00478 * Math.sin(omega);
  const meanObliquity = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
  const obliquity = (meanObliquity + 0.00256 * Math.cos(omega)) * RADIANS;
  const declination = Math.asin(Math.sin(obliquity) * Math.sin(apparentLongitude * RADIANS));

  const y = Math.tan(obliquity / 2) ** 2;
  const l0 = meanLongitude * RADIANS;
  const equationOfTimeMinutes =
    4 *
    DEGREES *
    (y * Math.sin(2 * l0) -
      2 * eccentricity * Math.sin(anomaly) +
      4 * eccentricity * y * Math.sin(anomaly) * Math.cos(2 * l0) -
      0.5 * y * y * Math.sin(4 * l0) -
      1.25 * eccentricity * eccentricity * Math.sin(2 * anomaly));

  const minutesOfUtcDay = positiveModulo(milliseconds / 60_000, 1440);
  const trueSolarTimeMinutes = positiveModulo(
    minutesOfUtcDay + equationOfTimeMinutes + 4 * location.longitudeDegrees,
    1440,
  );
  // The spreadsheet's hour angle: negative before and positive after true solar noon.
  const hourAngleDegrees = trueSolarTimeMinutes / 4 - 180;
  const latitude = location.latitudeDegrees * RADIANS;
  const cosZenith = Math.min(
    1,
    Math.max(
      -1,
      Math.sin(latitude) * Math.sin(declination) +
        Math.cos(latitude) * Math.cos(declination) * Math.cos(hourAngleDegrees * RADIANS),
    ),
  );
  const zenith = Math.acos(cosZenith);
  const geometricElevationDegrees = 90 - zenith * DEGREES;

  const azimuthDenominator = Math.cos(latitude) * Math.sin(zenith);
  let azimuthDegrees: number;
  if (Math.abs(azimuthDenominator) < 1e-12) {
    // Sun in the zenith or observer at a pole: azimuth undefined, south by convention.
    azimuthDegrees = 180;
  } else {
    const cosine = (Math.sin(latitude) * Math.cos(zenith) - Math.sin(declination)) / azimuthDenominator;
    const angle = Math.acos(Math.min(1, Math.max(-1, cosine))) * DEGREES;
    azimuthDegrees =
      hourAngleDegrees > 0 ? positiveModulo(angle + 180, 360) : positiveModulo(540 - angle, 360);
  }
  return {
    azimuthDegrees,
    elevationDegrees: geometricElevationDegrees + atmosphericRefractionDegrees(geometricElevationDegrees),
    geometricElevationDegrees,
    declinationDegrees: declination * DEGREES,
    equationOfTimeMinutes,
  };
}
