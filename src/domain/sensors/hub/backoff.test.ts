import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff';

const options = { initialDelayMs: 1_000, maxDelayMs: 30_000 };

describe('backoffDelayMs', () => {
  it('doubles with each failure up to the cap', () => {
    const longest = [0, 1, 2, 3, 4, 5, 6, 40].map((attempt) => backoffDelayMs(attempt, options, () => 1));
    expect(longest).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('adds jitter: between half and all of the exponential delay', () => {
    expect(backoffDelayMs(3, options, () => 0)).toBe(4_000);
    expect(backoffDelayMs(3, options, () => 0.5)).toBe(6_000);
    for (let index = 0; index < 100; index++) {
      const delay = backoffDelayMs(2, options);
      expect(delay).toBeGreaterThanOrEqual(2_000);
      expect(delay).toBeLessThanOrEqual(4_000);
    }
  });
});
