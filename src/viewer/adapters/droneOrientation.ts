import {
  Ellipsoid,
  HeadingPitchRoll,
  Math as CesiumMath,
  Quaternion,
  Transforms,
  type Cartesian3,
} from 'cesium';

const scratchHeadingPitchRoll = new HeadingPitchRoll();

/**
 * The orientation that points the drone model's front (glTF +Z, which CesiumJS turns into the model's +X) in the
 * direction of flight, level. `headingDegrees` is clockwise from true north (`flightPositionAt`); Cesium's
 * heading 0 points a model's +X east, so the model turns by heading − 90°.
 */
export function droneOrientationAt(
  position: Cartesian3,
  headingDegrees: number,
  result?: Quaternion,
): Quaternion {
  scratchHeadingPitchRoll.heading = CesiumMath.toRadians(headingDegrees - 90);
  return Transforms.headingPitchRollQuaternion(
    position,
    scratchHeadingPitchRoll,
    Ellipsoid.WGS84,
    Transforms.eastNorthUpToFixedFrame,
    result ?? new Quaternion(),
  );
}
