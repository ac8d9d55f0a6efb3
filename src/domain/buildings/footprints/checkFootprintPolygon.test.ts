import { describe, expect, it } from 'vitest';
import { checkFootprintPolygon } from './checkFootprintPolygon';
import { signedRingArea, type PlanarPoint } from './footprintPolygon';
import { ringSelfIntersects } from './ringSelfIntersection';

const SQUARE: PlanarPoint[] = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
];

describe('ringSelfIntersects', () => {
  it('accepts convex and concave simple rings', () => {
    expect(ringSelfIntersects(SQUARE)).toBe(false);
    const comb: PlanarPoint[] = [
      [0, 0],
      [30, 0],
      [30, 10],
      [25, 10],
      [25, 3],
      [20, 3],
      [20, 10],
      [0, 10],
    ];
    expect(ringSelfIntersects(comb)).toBe(false);
  });

  it('finds a bow-tie, a ring touching itself and a spike', () => {
    const bowTie: PlanarPoint[] = [
      [0, 0],
      [10, 10],
      [10, 0],
      [0, 10],
    ];
    const touching: PlanarPoint[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [5, 0],
      [0, 10],
    ];
    const spike: PlanarPoint[] = [
      [0, 0],
      [10, 0],
      [15, 0],
      [12, 0],
      [10, 10],
    ];
    expect(ringSelfIntersects(bowTie)).toBe(true);
    expect(ringSelfIntersects(touching)).toBe(true);
    expect(ringSelfIntersects(spike)).toBe(true);
  });

  it('checks a ring of hundreds of points quickly and finds one crossing among them', () => {
    const circle: PlanarPoint[] = Array.from({ length: 600 }, (_, index) => {
      const angle = (index / 600) * 2 * Math.PI;
      return [405_000 + 50 * Math.cos(angle), 5_757_000 + 50 * Math.sin(angle)];
    });
    const start = performance.now();
    expect(ringSelfIntersects(circle)).toBe(false);
    expect(performance.now() - start).toBeLessThan(50);
    const crossed = circle.slice();
    [crossed[100], crossed[101]] = [crossed[101]!, crossed[100]!];
    expect(ringSelfIntersects(crossed)).toBe(true);
  });
});

describe('checkFootprintPolygon', () => {
  it('returns the cleaned, oriented polygon', () => {
    const clockwiseClosed: PlanarPoint[] = [...SQUARE].reverse().concat([SQUARE[3]!]);
    const { polygon, problems } = checkFootprintPolygon([clockwiseClosed]);
    expect(problems).toEqual([]);
    expect(polygon!.outer).toHaveLength(4);
    expect(signedRingArea(polygon!.outer)).toBeGreaterThan(0);
  });

  it.each([
    [
      'too-few-points',
      [
        [0, 0],
        [10, 0],
        [10, 0],
        [0, 0],
      ],
    ],
    [
      'zero-area',
      [
        [0, 0],
        [10, 0],
        [20, 0],
      ],
    ],
    [
      'self-intersecting-ring',
      [
        [0, 0],
        [10, 10],
        [10, 0],
        [0, 10],
      ],
    ],
    [
      'invalid-coordinates',
      [
        [0, 0],
        [10, Number.NaN],
        [10, 10],
      ],
    ],
  ] as [string, PlanarPoint[]][])('rejects an outer ring with %s', (code, outer) => {
    const { polygon, problems } = checkFootprintPolygon([outer]);
    expect(polygon).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', code })]);
  });

  it('drops a degenerate hole with a warning but rejects a self-intersecting one', () => {
    const flatHole: PlanarPoint[] = [
      [2, 2],
      [4, 2],
      [6, 2],
    ];
    const dropped = checkFootprintPolygon([SQUARE, flatHole]);
    expect(dropped.polygon!.holes).toEqual([]);
    expect(dropped.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'zero-area' })]);
    const crossingHole: PlanarPoint[] = [
      [2, 2],
      [8, 8],
      [8, 2],
      [2, 8],
    ];
    const rejected = checkFootprintPolygon([SQUARE, crossingHole]);
    expect(rejected.polygon).toBeUndefined();
    expect(rejected.problems[0]).toMatchObject({ severity: 'error', code: 'self-intersecting-ring' });
  });
});
