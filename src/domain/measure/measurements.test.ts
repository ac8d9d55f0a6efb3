import { describe, expect, it } from 'vitest';
import { geographicToUtm32, utm32ToGeographic } from '../geo/projection';
import { measure, type MeasuredPoint } from './measurements';

/** A point offset from the Prinzipalmarkt by metres east and north on the EPSG:25832 plane. */
function pointAt(eastMeters: number, northMeters: number, heightMeters = 50): MeasuredPoint {
  const origin = geographicToUtm32({ longitudeDegrees: 7.6283, latitudeDegrees: 51.9621 });
  const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic({
    eastingMeters: origin.eastingMeters + eastMeters,
    northingMeters: origin.northingMeters + northMeters,
  });
  return { longitudeDegrees, latitudeDegrees, heightMeters };
}

// UTM's scale factor near 7.6° E is about 0.9997: plane metres and true metres differ by 0.03 %.
const PLANE_TOLERANCE = 0.0006;

describe('measurements on the model', () => {
  it('measures a path of several legs, in 3D and on the ground plane', () => {
    const result = measure('distance', [pointAt(0, 0, 50), pointAt(30, 40, 50), pointAt(30, 40, 70)]);
    expect(result.distanceMeters! / 70).toBeCloseTo(1, 3);
    expect(result.horizontalDistanceMeters! / 50).toBeCloseTo(1, 3);
  });

  it('measures the height of a building: top minus foot, and how far apart they are', () => {
    const result = measure('height', [pointAt(0, 0, 48.2), pointAt(3, 4, 73.7)]);
    expect(result.heightDifferenceMeters).toBeCloseTo(25.5, 2);
    expect(Math.abs(result.horizontalDistanceMeters! - 5)).toBeLessThan(5 * PLANE_TOLERANCE);
  });

  it('measures the area and perimeter of a site on the horizontal plane, whatever the heights', () => {
    const result = measure('area', [
      pointAt(0, 0, 50),
      pointAt(100, 0, 60),
      pointAt(100, 50, 55),
      pointAt(0, 50, 50),
    ]);
    expect(Math.abs(result.areaSquareMeters! / 5000 - 1)).toBeLessThan(2 * PLANE_TOLERANCE);
    expect(Math.abs(result.perimeterMeters! / 300 - 1)).toBeLessThan(PLANE_TOLERANCE);
  });

  it('shows nothing until enough points are set', () => {
    expect(measure('distance', [pointAt(0, 0)])).toEqual({});
    expect(measure('area', [pointAt(0, 0), pointAt(1, 1)])).toEqual({});
  });
});
