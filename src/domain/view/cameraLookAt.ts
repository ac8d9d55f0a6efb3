import type { CameraPose } from './cameraPose';

const METERS_PER_DEGREE_LATITUDE = 111_320;

/**
 * A camera pose that looks at a point from the given heading and distance, tilted down by `pitchDegrees`:
 * used to fly to a place or a building without a Cesium camera at hand.
 */
export function cameraLookingAt(
  target: { longitudeDegrees: number; latitudeDegrees: number; heightMeters: number },
  {
    rangeMeters,
    pitchDegrees = -35,
    headingDegrees = 0,
  }: { rangeMeters: number; pitchDegrees?: number; headingDegrees?: number },
): CameraPose {
  const pitchRadians = (-pitchDegrees * Math.PI) / 180;
  const headingRadians = (headingDegrees * Math.PI) / 180;
  const horizontalMeters = rangeMeters * Math.cos(pitchRadians);
  const northMeters = -horizontalMeters * Math.cos(headingRadians);
  const eastMeters = -horizontalMeters * Math.sin(headingRadians);
  const metersPerDegreeLongitude =
    METERS_PER_DEGREE_LATITUDE * Math.cos((target.latitudeDegrees * Math.PI) / 180);
  return {
    longitudeDegrees: target.longitudeDegrees + eastMeters / metersPerDegreeLongitude,
    latitudeDegrees: target.latitudeDegrees + northMeters / METERS_PER_DEGREE_LATITUDE,
    heightMeters: target.heightMeters + rangeMeters * Math.sin(pitchRadians),
    headingDegrees,
    pitchDegrees,
  };
}
