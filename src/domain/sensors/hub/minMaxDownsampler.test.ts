import { describe, expect, it } from 'vitest';
import { MinMaxDownsampler } from './minMaxDownsampler';

describe('MinMaxDownsampler', () => {
  it('keeps the lowest and the highest point of each bucket, in time order', () => {
    const downsampler = new MinMaxDownsampler(0, 100, 4);
    [
      [0, 5],
      [10, 9],
      [20, 1],
      [60, 3],
      [70, 3],
      [90, 2],
    ].forEach(([time, value]) => downsampler.push(time!, value!));
    expect(downsampler.finish()).toEqual([
      [10, 9],
      [20, 1],
      [60, 3],
      [90, 2],
    ]);
  });

  it('keeps a bucket of states (no number) as one gap point', () => {
    const downsampler = new MinMaxDownsampler(0, 100, 4);
    downsampler.push(10, null);
    downsampler.push(20, null);
    downsampler.push(60, 4);
    expect(downsampler.finish()).toEqual([
      [10, null],
      [60, 4],
    ]);
  });

  it('never returns more than asked for', () => {
    const downsampler = new MinMaxDownsampler(0, 1_000_000, 101);
    for (let time = 0; time < 1_000_000; time += 7) downsampler.push(time, Math.sin(time));
    expect(downsampler.finish().length).toBeLessThanOrEqual(101);
  });
});
