import { describe, expect, it } from 'vitest';
import { geodeticToEcef } from '../../geo/earthFrames';
import { utm32ToGeographic } from '../../geo/projection';
import { LocalUtm32Projection } from './localUtm32Projection';

const DEGREES_TO_RADIANS = Math.PI / 180;

/** Distance in metres between two lon/lat points (radians) on the ellipsoid, via ECEF at 100 m height. */
function distanceMeters(
  a: { longitudeRadians: number; latitudeRadians: number },
  b: { longitudeRadians: number; latitudeRadians: number },
): number {
  const pa = geodeticToEcef({ ...a, heightMeters: 100 });
  const pb = geodeticToEcef({ ...b, heightMeters: 100 });
  return Math.hypot(pa[0] - pb[0], pa[1] - pb[1], pa[2] - pb[2]);
}

/** The worst distance between the expansion and proj4 on a grid around `anchor`, up to `reach` metres away. */
function worstErrorMeters(anchor: [number, number], reach: number): number {
  const projection = new LocalUtm32Projection();
  const cell = projection.cellAt(anchor[0], anchor[1]);
  const out = { longitudeRadians: 0, latitudeRadians: 0 };
  let worst = 0;
  const steps = 24;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      const x = cell[0]! - reach + (2 * reach * i) / steps;
      const y = cell[1]! - reach + (2 * reach * j) / steps;
      projection.project(cell, x, y, out);
      const exact = utm32ToGeographic({ eastingMeters: x, northingMeters: y });
      const reference = {
        longitudeRadians: exact.longitudeDegrees * DEGREES_TO_RADIANS,
        latitudeRadians: exact.latitudeDegrees * DEGREES_TO_RADIANS,
      };
      worst = Math.max(worst, distanceMeters(out, reference));
    }
  }
  return worst;
}

describe('LocalUtm32Projection', () => {
  it('agrees with proj4 to well under a millimetre over a whole cell and a building beyond its edge', () => {
    // Münster's centre, a Wesel tile (west of NRW) and the far east of zone 32 (largest scale change).
    for (const anchor of [
      [405_300, 5_757_700],
      [328_500, 5_728_500],
      [750_000, 5_700_000],
    ] as [number, number][]) {
      expect(worstErrorMeters(anchor, 250)).toBeLessThan(1e-5);
      // A building placed with the cell of its centroid may reach outside it: 1 km beyond its edge.
      expect(worstErrorMeters(anchor, 1250)).toBeLessThan(2e-4);
    }
  });

  it('gives every point of a cell the same expansion, whatever the order points come in', () => {
    const projection = new LocalUtm32Projection();
    const first = projection.cellAt(405_499.9, 5_757_000.1);
    projection.cellAt(405_500.1, 5_757_000.1);
    expect(projection.cellAt(405_000, 5_757_499)).toBe(first);
    expect(Array.from(first.slice(0, 2))).toEqual([405_250, 5_757_250]);
    expect(projection.cellAt(405_500, 5_757_000)).not.toBe(first);
  });
});
