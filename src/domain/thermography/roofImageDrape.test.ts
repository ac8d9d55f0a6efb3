import { describe, expect, it } from 'vitest';
import type { OwnerRoofImage } from './ownerDocument';
import { imageGridRotationRadians, roofImageTextureWindow } from './roofImageDrape';

const image: OwnerRoofImage = {
  crs: 'EPSG:25832',
  width: 40,
  height: 20,
  originEastingMeters: 405_000,
  originNorthingMeters: 5_757_020,
  pixelSizeMeters: 0.5,
  scaleMinCelsius: -12,
  scaleMaxCelsius: 6,
};

describe('roofImageTextureWindow', () => {
  it('places a roof polygon inside the 20 m × 10 m image by its bounding box', () => {
    // Roof from easting 405 005 to 405 015, northing 5 757 012 to 5 757 017 (image: 405 000–405 020, 5 757 010–020).
    const ring = [
      [405_005, 5_757_012],
      [405_015, 5_757_012],
      [405_010, 5_757_017],
    ] as const;
    expect(roofImageTextureWindow(ring, image)).toEqual({
      offsetS: 0.25,
      offsetT: 0.2,
      scaleS: 0.5,
      scaleT: 0.5,
    });
  });

  it('maps the whole image onto itself', () => {
    const ring = [
      [405_000, 5_757_020],
      [405_020, 5_757_020],
      [405_020, 5_757_010],
      [405_000, 5_757_010],
    ] as const;
    expect(roofImageTextureWindow(ring, image)).toEqual({ offsetS: 0, offsetT: 0, scaleS: 1, scaleT: 1 });
  });
});

describe('imageGridRotationRadians', () => {
  it('turns by the meridian convergence: west of 9° E, grid east points north of east', () => {
    // Convergence γ ≈ (λ − 9°) · sin φ ≈ −1.37° · 0.79 ≈ −1.08° for Münster; the grid's east axis is turned by −γ.
    const degrees = (imageGridRotationRadians(image) * 180) / Math.PI;
    expect(degrees).toBeGreaterThan(0.9);
    expect(degrees).toBeLessThan(1.2);
  });
});
