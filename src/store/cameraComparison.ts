import type { CameraPose } from '../domain/view/cameraPose';

const METERS_PER_DEGREE_LATITUDE = 111_320;

/** Whether two poses look the same: within `toleranceMeters` in position and a tenth of that in degrees. */
export function isSameCameraPose(a: CameraPose, b: CameraPose, toleranceMeters = 0.5): boolean {
  const metersPerDegreeLongitude = METERS_PER_DEGREE_LATITUDE * Math.cos((a.latitudeDegrees * Math.PI) / 180);
  const headingDifference = Math.abs(((a.headingDegrees - b.headingDegrees + 540) % 360) - 180);
  const toleranceDegrees = toleranceMeters / 5;
  return (
    Math.abs(a.longitudeDegrees - b.longitudeDegrees) * metersPerDegreeLongitude <= toleranceMeters &&
    Math.abs(a.latitudeDegrees - b.latitudeDegrees) * METERS_PER_DEGREE_LATITUDE <= toleranceMeters &&
    Math.abs(a.heightMeters - b.heightMeters) <= toleranceMeters &&
    headingDifference <= toleranceDegrees &&
    Math.abs(a.pitchDegrees - b.pitchDegrees) <= toleranceDegrees
  );
}
