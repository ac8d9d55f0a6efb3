import { Cartesian3, Math as CesiumMath, type Camera } from 'cesium';
import { normalizeHeadingDegrees, type CameraPose } from '../../domain/view/cameraPose';

/** Reads Cesium's camera as plain numbers for the store. */
export function readCameraPose(camera: Camera): CameraPose {
  const position = camera.positionCartographic;
  return {
    longitudeDegrees: CesiumMath.toDegrees(position.longitude),
    latitudeDegrees: CesiumMath.toDegrees(position.latitude),
    heightMeters: Math.max(1, position.height),
    headingDegrees: normalizeHeadingDegrees(CesiumMath.toDegrees(camera.heading)),
    pitchDegrees: CesiumMath.clamp(CesiumMath.toDegrees(camera.pitch), -90, 90),
  };
}

/** Cesium's `setView`/`flyTo` options for a pose. */
export function toCameraView(pose: CameraPose) {
  return {
    destination: Cartesian3.fromDegrees(pose.longitudeDegrees, pose.latitudeDegrees, pose.heightMeters),
    orientation: {
      heading: CesiumMath.toRadians(pose.headingDegrees),
      pitch: CesiumMath.toRadians(pose.pitchDegrees),
      roll: 0,
    },
  };
}
