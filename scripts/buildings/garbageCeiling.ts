import process from 'node:process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { RecordSortFactory } from '../../src/domain/buildings/tiles/recordSort';

/** Garbage that may pile up between two collections, in ArrayBuffers and on the JS heap each. */
const DEFAULT_HEADROOM_BYTES = 16 * 2 ** 20;

/** What the ceiling looks at: bytes of ArrayBuffers and of the JS heap in use. */
export interface MemoryLevels {
  arrayBuffers: number;
  heapUsed: number;
}

export interface GarbageCeilingOptions {
  headroomBytes?: number;
  /** The collector (default: V8's, exposed at run time); undefined makes the check do nothing. */
  collect?: (() => void) | undefined;
  /** The levels now (default: from process.memoryUsage()). */
  levels?: () => MemoryLevels;
}

/**
 * Keeps the tiler's short-lived garbage from piling up to V8's own thresholds. Every phase of a run churns
 * through memory it lets go at once: pass 2 allocates a few megabytes of ArrayBuffers per tile (meshes read
 * back, glTF accessors, quantized and meshopt-encoded copies, the GLB), the merges of the external sorts a few
 * small objects per record. V8 frees ArrayBuffers only when a full collection finds them dead and starts one
 * for external memory only after it has grown by about 64 MB, and it sizes the JS heap by how fast garbage
 * comes; a large input always gets to those levels, a small one never does, so the peak grew with the input
 * (measured: ArrayBuffers swinging between 30 and 70 MB over 150,000 buildings, the heap committed growing from
 * 45 to 68 MB). The returned check, called often (after each tile, each chunk of a file, every few thousand
 * records), runs a full collection once either level has grown by `headroomBytes` since the lowest seen.
 * Measured on 150,000 footprints (`--trace-gc`): 64 such collections of about 20 ms each, in place of most of
 * V8's own (15 left); the run's speed is unchanged within the bench's noise. Without a way to call the
 * collector (V8 refused the flag), the check does nothing.
 */
export function createGarbageCeiling({
  headroomBytes = DEFAULT_HEADROOM_BYTES,
  collect = exposedGarbageCollector(),
  levels = () => process.memoryUsage(),
}: GarbageCeilingOptions = {}): () => void {
  if (!collect) return () => undefined;
  let floor = levels();
  return () => {
    const now = levels();
    // V8's own collections lower the levels too: count from the lowest seen.
    const arrayBuffersFloor = Math.min(floor.arrayBuffers, now.arrayBuffers);
    const heapFloor = Math.min(floor.heapUsed, now.heapUsed);
    floor = { arrayBuffers: arrayBuffersFloor, heapUsed: heapFloor };
    if (now.arrayBuffers - arrayBuffersFloor < headroomBytes && now.heapUsed - heapFloor < headroomBytes)
      return;
    collect();
    // The heap is swept at once; the buffers' memory is returned from a background thread, so their level is
    // the one before (the next checks see it fall).
    floor = { arrayBuffers: now.arrayBuffers, heapUsed: levels().heapUsed };
  };
}

/** The items, calling `check` after every `every` of them (while they are taken, not ahead). */
export function* checkingEvery<Item>(
  items: Iterable<Item>,
  every: number,
  check: () => void,
): Generator<Item> {
  let count = 0;
  for (const item of items) {
    yield item;
    if (++count % every === 0) check();
  }
}

/** Record sorts of `factory` whose sorted records call `check` after every `every` of them. */
export function checkingRecordSorts(
  factory: RecordSortFactory,
  every: number,
  check: () => void,
): RecordSortFactory {
  return (compare) => {
    const sort = factory(compare);
    return {
      add: (record) => sort.add(record),
      get size() {
        return sort.size;
      },
      sorted: () => checkingEvery(sort.sorted(), every, check),
      dispose: () => sort.dispose(),
    };
  };
}

/**
 * The collector V8 exposes as `gc` with --expose-gc, set here at run time rather than on every command line
 * that starts the CLI (the way Jest gets it for --logHeapUsage); undefined if it cannot be had.
 */
function exposedGarbageCollector(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    setFlagsFromString('--expose-gc');
    const collect: unknown = runInNewContext('gc');
    return typeof collect === 'function' ? (collect as () => void) : undefined;
  } catch {
    return undefined;
  }
}
