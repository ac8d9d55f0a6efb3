import { describe, expect, it } from 'vitest';
import type { PlanarPoint } from '../footprints/footprintPolygon';
import {
  clipByHalfPlane,
  insetConvexPolygon,
  insetConvexPolygonCuttingCorners,
} from './labeledPolygonOperations';
import { convexPolygonsOverlap, isInsideConvex, signedArea } from './planarGeometry';
import { createSeededRandom, deriveSeed } from './seededRandom';

const SQUARE: PlanarPoint[] = [
  [0, 0],
  [100, 0],
  [100, 100],
  [0, 100],
];

describe('clipByHalfPlane', () => {
  it('keeps the left side and labels the cut edge', () => {
    const clipped = clipByHalfPlane(
      { points: SQUARE, labels: ['s', 'e', 'n', 'w'] },
      [0, 60],
      [100, 40],
      'cut',
    );
    expect(signedArea(clipped.points)).toBeCloseTo(5000, 6);
    expect([...clipped.labels].sort()).toEqual(['cut', 'e', 'n', 'w']);
    // The edge labelled "cut" runs along the cutting line y = 60 − 0.2 x.
    const cutEdge = clipped.labels.indexOf('cut');
    for (const [x, y] of [clipped.points[cutEdge]!, clipped.points[(cutEdge + 1) % clipped.points.length]!]) {
      expect(y).toBeCloseTo(60 - 0.2 * x, 9);
    }
  });
});

describe('insetConvexPolygon', () => {
  it('moves each edge in by its own distance', () => {
    const inset = insetConvexPolygon({ points: SQUARE, labels: ['a', 'b', 'c', 'd'] }, [10, 0, 20, 5])!;
    expect(inset.points).toEqual([
      [5, 10],
      [100, 10],
      [100, 80],
      [5, 80],
    ]);
  });

  it('refuses a polygon too small for the distances, unless corners may be cut', () => {
    const sliver: PlanarPoint[] = [
      [0, 0],
      [100, 0],
      [100, 4],
      [96, 30],
      [0, 30],
    ];
    const labels = ['a', 'b', 'c', 'd', 'e'];
    expect(insetConvexPolygon({ points: sliver, labels }, [5, 5, 5, 5, 5])).toBeUndefined();
    const cut = insetConvexPolygonCuttingCorners({ points: sliver, labels }, () => 5)!;
    expect(cut.inset.points.length).toBe(cut.outline.points.length);
    expect(cut.inset.points.every((point) => isInsideConvex(sliver, point, 4.999))).toBe(true);
  });
});

describe('convexPolygonsOverlap', () => {
  it('counts shared walls as touching, not overlapping', () => {
    const left = SQUARE;
    const right = SQUARE.map(([x, y]): PlanarPoint => [x + 100, y]);
    const shifted = SQUARE.map(([x, y]): PlanarPoint => [x + 99, y]);
    expect(convexPolygonsOverlap(left, right)).toBe(false);
    expect(convexPolygonsOverlap(left, shifted)).toBe(true);
  });
});

describe('createSeededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds and streams', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createSeededRandom(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(deriveSeed(42, 1)).not.toBe(deriveSeed(42, 2));
    expect(draw(42).every((value) => value >= 0 && value < 1)).toBe(true);
  });
});
