import process from 'node:process';
import { describe, expect, it, vi } from 'vitest';
import { createCollectAfterTiles } from './collectAfterTiles';

const MB = 2 ** 20;

describe('createCollectAfterTiles', () => {
  it('collects once the buffers have grown by the headroom since the lowest level seen', () => {
    let bytes = 50 * MB;
    const collect = vi.fn(() => void (bytes = 52 * MB));
    const collectAfterTile = createCollectAfterTiles({
      headroomBytes: 16 * MB,
      collect,
      arrayBufferBytes: () => bytes,
    });
    for (const level of [60, 40, 55]) {
      bytes = level * MB;
      collectAfterTile();
    }
    // 55 MB is 15 above the lowest level seen (40), not 16.
    expect(collect).not.toHaveBeenCalled();
    bytes = 56 * MB;
    collectAfterTile();
    expect(collect).toHaveBeenCalledTimes(1);
    // Counted from the level it collected at (56), until a lower one is seen.
    bytes = 70 * MB;
    collectAfterTile();
    expect(collect).toHaveBeenCalledTimes(1);
    bytes = 72 * MB;
    collectAfterTile();
    expect(collect).toHaveBeenCalledTimes(2);
  });

  it("frees dropped buffers with V8's own collector", async () => {
    const collectAfterTile = createCollectAfterTiles({ headroomBytes: 16 * MB });
    collectAfterTile();
    // What a few dozen tiles leave behind: buffers no longer referenced, not yet collected.
    let garbage: Uint8Array[] | undefined = Array.from({ length: 40 }, () => new Uint8Array(MB).fill(1));
    expect(garbage).toHaveLength(40);
    garbage = undefined;
    const piledUp = process.memoryUsage().arrayBuffers;
    collectAfterTile();
    // V8 returns the memory from a background thread, soon after the collection.
    await vi.waitFor(() => expect(process.memoryUsage().arrayBuffers).toBeLessThan(piledUp - 30 * MB), {
      timeout: 5000,
      interval: 20,
    });
  });
});
