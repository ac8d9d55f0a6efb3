import { describe, expect, it } from 'vitest';
import { intervalsOf, median, percentile } from './statistics';

describe('frame statistics', () => {
  it('interpolates percentiles between sorted neighbours', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 20, 30, 40])).toBe(25);
    expect(percentile([0, 100], 0.95)).toBeCloseTo(95);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('turns timestamps into intervals', () => {
    expect(intervalsOf([0, 16, 50])).toEqual([16, 34]);
    expect(intervalsOf([5])).toEqual([]);
  });
});
