import process from 'node:process';
import { describe, expect, it, vi } from 'vitest';
import { createInMemoryRecordSort } from '../../src/domain/buildings/tiles/recordSort';
import {
  checkingEvery,
  checkingRecordSorts,
  createGarbageCeiling,
  type MemoryLevels,
} from './garbageCeiling';

const MB = 2 ** 20;

describe('createGarbageCeiling', () => {
  it('collects once buffers or heap have grown by the headroom since the lowest level seen', () => {
    let levels: MemoryLevels = { arrayBuffers: 50 * MB, heapUsed: 20 * MB };
    const collect = vi.fn(() => void (levels = { ...levels, heapUsed: 20 * MB }));
    const check = createGarbageCeiling({ headroomBytes: 16 * MB, collect, levels: () => levels });
    for (const arrayBuffers of [60, 40, 55]) {
      levels = { ...levels, arrayBuffers: arrayBuffers * MB };
      check();
    }
    // 55 MB is 15 above the lowest level seen (40), not 16.
    expect(collect).not.toHaveBeenCalled();
    levels = { ...levels, arrayBuffers: 56 * MB };
    check();
    expect(collect).toHaveBeenCalledTimes(1);
    // Buffers count from the level it collected at (56), until a lower one is seen.
    levels = { ...levels, arrayBuffers: 70 * MB };
    check();
    expect(collect).toHaveBeenCalledTimes(1);
    // The heap on its own: from 20 MB after the collection to 36.
    levels = { ...levels, heapUsed: 36 * MB };
    check();
    expect(collect).toHaveBeenCalledTimes(2);
  });

  it("frees dropped buffers with V8's own collector", async () => {
    const check = createGarbageCeiling({ headroomBytes: 16 * MB });
    check();
    // What a few dozen tiles leave behind: buffers no longer referenced, not yet collected.
    let garbage: Uint8Array[] | undefined = Array.from({ length: 40 }, () => new Uint8Array(MB).fill(1));
    expect(garbage).toHaveLength(40);
    garbage = undefined;
    const piledUp = process.memoryUsage().arrayBuffers;
    check();
    // V8 returns the memory from a background thread, soon after the collection.
    await vi.waitFor(() => expect(process.memoryUsage().arrayBuffers).toBeLessThan(piledUp - 30 * MB), {
      timeout: 5000,
      interval: 20,
    });
  });

  it('checks while sorted records and chunks are taken, every so many', () => {
    const check = vi.fn();
    const seen: number[] = [];
    for (const item of checkingEvery([1, 2, 3, 4, 5], 2, check))
      seen.push(item * 10 + check.mock.calls.length);
    // Checked after the 2nd and the 4th item were taken, before the next was handed out.
    expect(seen).toEqual([10, 20, 31, 41, 52]);

    const sort = checkingRecordSorts(createInMemoryRecordSort, 2, check)((a, b) => a[0]! - b[0]!);
    for (const value of [3, 1, 2]) sort.add(Uint8Array.of(value));
    expect(sort.size).toBe(3);
    expect(Array.from(sort.sorted(), (record) => record[0])).toEqual([1, 2, 3]);
    expect(check).toHaveBeenCalledTimes(3);
    sort.dispose();
  });
});
