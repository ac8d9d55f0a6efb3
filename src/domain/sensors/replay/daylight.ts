/**
 * Sunrise and sunset by the standard sunrise equation (NOAA's simplification; within a minute or two at
 * Münster's latitude), so street lights switch and air warms at the right time in any generated week.
 */

const J2000 = 2_451_545;
const UNIX_EPOCH_JULIAN = 2_440_587.5;
const DAY_MS = 86_400_000;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
const toDegrees = (radians: number) => (radians * 180) / Math.PI;

/** Sunrise and sunset (epoch ms) of the UTC day containing `dayUtc`, at a place. */
export function sunriseAndSunset(
  dayUtc: number,
  latitudeDegrees: number,
  longitudeDegrees: number,
): { sunrise: number; sunset: number } {
  const julianDay = Math.floor(dayUtc / DAY_MS) + UNIX_EPOCH_JULIAN;
  const day = Math.ceil(julianDay - J2000 + 0.0008);
  const meanSolarTime = day - longitudeDegrees / 360;
  const anomaly = (357.5291 + 0.98560028 * meanSolarTime) % 360;
  const anomalyRadians = toRadians(anomaly);
  const centre =
    1.9148 * Math.sin(anomalyRadians) +
    0.02 * Math.sin(2 * anomalyRadians) +
    0.0003 * Math.sin(3 * anomalyRadians);
  const eclipticLongitude = toRadians((anomaly + centre + 180 + 102.9372) % 360);
  const transit =
    J2000 + meanSolarTime + 0.0053 * Math.sin(anomalyRadians) - 0.0069 * Math.sin(2 * eclipticLongitude);
  const declination = Math.asin(Math.sin(eclipticLongitude) * Math.sin(toRadians(23.4397)));
  const latitude = toRadians(latitudeDegrees);
  const cosHourAngle =
    (Math.sin(toRadians(-0.833)) - Math.sin(latitude) * Math.sin(declination)) /
    (Math.cos(latitude) * Math.cos(declination));
  const hourAngle = toDegrees(Math.acos(Math.min(1, Math.max(-1, cosHourAngle))));
  const toEpoch = (julian: number) => Math.round((julian - UNIX_EPOCH_JULIAN) * DAY_MS);
  return { sunrise: toEpoch(transit - hourAngle / 360), sunset: toEpoch(transit + hourAngle / 360) };
}

/** The sun's elevation above the horizon as a share of its noon height, 0 at night (for warming, light, algae). */
export function daylightShare(time: number, latitudeDegrees: number, longitudeDegrees: number): number {
  const { sunrise, sunset } = sunriseAndSunset(time, latitudeDegrees, longitudeDegrees);
  if (time <= sunrise || time >= sunset) return 0;
  return Math.sin((Math.PI * (time - sunrise)) / (sunset - sunrise));
}
