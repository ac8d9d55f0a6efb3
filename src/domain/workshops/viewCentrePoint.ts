import type { CameraPose } from '../view/cameraPose';
import type { PinPosition } from './workshopProtocol';

const METERS_PER_DEGREE_LATITUDE = 111_320;
/** A view looking at the horizon has no ground in its centre: the point is taken this far ahead instead. */
const MAX_GROUND_DISTANCE_METERS = 2_000;

/**
 * Where the centre of the view meets the ground (height 0): the point a comment is pinned to when someone pins it
 * without clicking on the model (keyboard, screen reader). The inverse of `cameraLookingAt`.
 */
export function viewCentrePoint(camera: CameraPose): PinPosition {
  const downRadians = (-camera.pitchDegrees * Math.PI) / 180;
  const headingRadians = (camera.headingDegrees * Math.PI) / 180;
  const horizontalMeters =
    downRadians > 0.01
      ? Math.min(MAX_GROUND_DISTANCE_METERS, camera.heightMeters / Math.tan(downRadians))
      : MAX_GROUND_DISTANCE_METERS;
  const metersPerDegreeLongitude =
    METERS_PER_DEGREE_LATITUDE * Math.cos((camera.latitudeDegrees * Math.PI) / 180);
  return {
    longitudeDegrees:
      camera.longitudeDegrees + (horizontalMeters * Math.sin(headingRadians)) / metersPerDegreeLongitude,
    latitudeDegrees:
      camera.latitudeDegrees + (horizontalMeters * Math.cos(headingRadians)) / METERS_PER_DEGREE_LATITUDE,
    heightMeters: 0,
  };
}
