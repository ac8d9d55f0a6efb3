import { describe, expect, it } from 'vitest';
import { cameraLookingAt } from './cameraLookAt';

describe('cameraLookingAt', () => {
  it('places the camera south of and above the target when looking north', () => {
    const pose = cameraLookingAt(
      { longitudeDegrees: 7.6283, latitudeDegrees: 51.9621, heightMeters: 0 },
      { rangeMeters: 1000, pitchDegrees: -30 },
    );
    expect(pose.longitudeDegrees).toBeCloseTo(7.6283, 9);
    expect((51.9621 - pose.latitudeDegrees) * 111_320).toBeCloseTo(1000 * Math.cos(Math.PI / 6), 3);
    expect(pose.heightMeters).toBeCloseTo(500, 6);
    expect(pose).toMatchObject({ headingDegrees: 0, pitchDegrees: -30 });
  });

  it('places the camera west of the target when looking east', () => {
    const pose = cameraLookingAt(
      { longitudeDegrees: 7.6, latitudeDegrees: 52, heightMeters: 40 },
      { rangeMeters: 200, headingDegrees: 90 },
    );
    expect(pose.longitudeDegrees).toBeLessThan(7.6);
    expect(pose.latitudeDegrees).toBeCloseTo(52, 9);
  });
});
