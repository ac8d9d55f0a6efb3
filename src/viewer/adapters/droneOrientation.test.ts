import { Axis, Cartesian3, Matrix3, Matrix4 } from 'cesium';
import { describe, expect, it } from 'vitest';
import type { Corridor } from '../../domain/corridors/corridorScene';
import { createFlightPath, flightPositionAt } from '../../domain/corridors/flightSimulation';
import { droneOrientationAt } from './droneOrientation';

// North-east first, then south-east, at 10 m/s (Münster's harbour area).
const corridor: Corridor = {
  id: 'bend',
  name: { de: 'Knick' },
  purpose: 'parcel-delivery',
  operationCategory: 'specific',
  centreLine: [
    [7.64, 51.95],
    [7.65, 51.956],
    [7.66, 51.95],
  ],
  widthMeters: 30,
  floor: { reference: 'AGL', heightMeters: 40 },
  ceiling: { reference: 'AGL', heightMeters: 100 },
  cruiseSpeedMetersPerSecond: 10,
  operatingHours: [{ weekdays: ['mon'], from: '07:00', to: '19:00' }],
  accuracyMeters: 1,
  source: 'test',
};

const ecefOf = (at: ReturnType<typeof flightPositionAt>) =>
  Cartesian3.fromDegrees(at.longitudeDegrees, at.latitudeDegrees, at.heightMeters);

/** Where the model's front (glTF +Z, through Cesium's own axis correction) points on the globe, as a unit vector. */
function frontOfModel(position: Cartesian3, headingDegrees: number): Cartesian3 {
  // Cesium's own glTF axis correction (ModelUtility.getAxisCorrectionMatrix; the constants are not in its typings).
  const axes = Axis as unknown as { Y_UP_TO_Z_UP: Matrix4; Z_UP_TO_X_UP: Matrix4 };
  const axisCorrection = Matrix4.multiplyTransformation(axes.Y_UP_TO_Z_UP, axes.Z_UP_TO_X_UP, new Matrix4());
  const modelFront = Matrix4.multiplyByPointAsVector(
    axisCorrection,
    new Cartesian3(0, 0, 1),
    new Cartesian3(),
  );
  const rotation = Matrix3.fromQuaternion(droneOrientationAt(position, headingDegrees));
  return Cartesian3.normalize(
    Matrix3.multiplyByVector(rotation, modelFront, new Cartesian3()),
    new Cartesian3(),
  );
}

describe('droneOrientationAt', () => {
  const path = createFlightPath(corridor);

  it('points the model’s front along each segment the drone flies, out and back', () => {
    for (const [seconds, repeat] of [
      [20, 'once'],
      [path.durationSeconds - 30, 'once'],
      [path.durationSeconds + 20, 'shuttle'],
      [2 * path.durationSeconds - 30, 'shuttle'],
    ] as const) {
      const now = flightPositionAt(path, seconds, repeat);
      const soon = flightPositionAt(path, seconds + 1, repeat);
      const travelled = Cartesian3.subtract(ecefOf(soon), ecefOf(now), new Cartesian3());
      const direction = Cartesian3.normalize(travelled, new Cartesian3());
      const front = frontOfModel(ecefOf(now), now.headingDegrees);
      // Within about 1°: the heading of the segment, not of the whole flight.
      expect(Cartesian3.dot(front, direction), `${repeat} at ${seconds} s`).toBeGreaterThan(0.9998);
    }
  });

  it('keeps the drone level: its front is horizontal', () => {
    const position = Cartesian3.fromDegrees(7.63, 51.96, 100);
    const up = Cartesian3.normalize(position, new Cartesian3());
    for (const heading of [0, 90, 200]) {
      expect(Math.abs(Cartesian3.dot(frontOfModel(position, heading), up))).toBeLessThan(0.01);
    }
  });
});
