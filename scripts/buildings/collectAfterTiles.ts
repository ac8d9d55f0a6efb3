import process from 'node:process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Buffers that may pile up between two collections in pass 2. */
const DEFAULT_HEADROOM_BYTES = 16 * 2 ** 20;

/**
 * Keeps pass 2's short-lived buffers from piling up. Each tile allocates a few megabytes of ArrayBuffers (meshes
 * read back, glTF accessors, quantized and meshopt-encoded copies, the GLB) that are garbage once it is
 * written; V8 frees them only when a full collection finds them dead, and starts one for external memory only
 * after it has grown by about 64 MB. A large input always gets there, a small one never does, so the peak
 * grew with the input by that much (measured: arrayBuffers swinging between 30 and 70 MB over 150,000
 * buildings). Called after each tile, this runs a full collection once the buffers have grown by
 * `headroomBytes` since the lowest level seen: a handful of collections of a small heap (2–5 ms each) per
 * hundred tiles. Without a way to call the collector (V8 refused the flag), it does nothing.
 */
export function createCollectAfterTiles({
  headroomBytes = DEFAULT_HEADROOM_BYTES,
  collect = exposedGarbageCollector(),
  arrayBufferBytes = () => process.memoryUsage().arrayBuffers,
}: CollectAfterTilesOptions = {}): () => void {
  if (!collect) return () => undefined;
  let floor = arrayBufferBytes();
  return () => {
    const arrayBuffers = arrayBufferBytes();
    // V8's own collections lower the level too: count from the lowest seen.
    floor = Math.min(floor, arrayBuffers);
    if (arrayBuffers - floor < headroomBytes) return;
    collect();
    // V8 frees the buffers' memory on a background thread: the next calls see the level fall.
    floor = arrayBuffers;
  };
}

export interface CollectAfterTilesOptions {
  headroomBytes?: number;
  /** The collector (default: V8's, exposed at run time); undefined makes the function do nothing. */
  collect?: (() => void) | undefined;
  /** Bytes of ArrayBuffers now (default: process.memoryUsage().arrayBuffers). */
  arrayBufferBytes?: () => number;
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
