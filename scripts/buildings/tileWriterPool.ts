import { Worker } from 'node:worker_threads';
import type {
  TileBuildings,
  TileContent,
  TileContentSettings,
  TileContentWriter,
} from '../../src/domain/buildings/tiles/tileContentWriter';
import type { FromTileWriter, ToTileWriter } from './tileWriterProtocol';

const WORKER_ENTRY = new URL('./tileWriterWorkerEntry.mjs', import.meta.url);
/** Tiles queued per thread beyond the one it writes, so that none waits for the main thread between tiles. */
const TILES_AHEAD_PER_THREAD = 2;

interface PendingTile {
  resolve(content: TileContent): void;
  reject(error: Error): void;
}

/**
 * Threads that write the tiles of pass 2 (place the buildings, build and compress each GLB), while the main
 * thread loads the next leaves' meshes and writes finished files in the leaves' order. Started before pass 1, so
 * their start-up (loading gltf-transform and meshopt's WebAssembly) overlaps it. Each tile goes to the thread
 * with the fewest waiting; results depend only on the tile, so the bytes are those of one thread.
 */
export class TileWriterPool {
  private readonly workers: Worker[] = [];
  private readonly queued = new Map<Worker, number>();
  private readonly pending = new Map<number, PendingTile>();
  private nextId = 0;
  private closed = false;
  private fatal: Error | undefined;

  constructor(readonly size: number) {
    for (let index = 0; index < size; index++) {
      const worker = new Worker(WORKER_ENTRY);
      worker.on('message', (message: FromTileWriter) => this.receive(worker, message));
      worker.on('error', (error) => this.abandon(error));
      worker.on('exit', (code) => {
        if (!this.closed) this.abandon(new Error(`A tile writer thread exited unexpectedly (code ${code}).`));
      });
      this.workers.push(worker);
      this.queued.set(worker, 0);
    }
  }

  /** A writer for one tileset's tiles with these settings (labels: GERMAN_BUILDING_LABELS). */
  createWriter(settings: TileContentSettings): TileContentWriter {
    for (const worker of this.workers)
      worker.postMessage({ type: 'settings', settings } satisfies ToTileWriter);
    return {
      concurrency: this.size * (1 + TILES_AHEAD_PER_THREAD),
      write: (buildings) => this.write(buildings),
    };
  }

  /** Stops every thread; tiles not yet written fail. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.abandon(new Error('The tile writer threads were stopped.'));
  }

  private write(buildings: TileBuildings): Promise<TileContent> {
    if (this.fatal) return Promise.reject(this.fatal);
    const worker = this.workers.reduce((least, candidate) =>
      this.queued.get(candidate)! < this.queued.get(least)! ? candidate : least,
    );
    const id = this.nextId++;
    this.queued.set(worker, this.queued.get(worker)! + 1);
    // Copied, not transferred: an in-memory spill store still holds these meshes.
    worker.postMessage({ type: 'tile', id, buildings } satisfies ToTileWriter);
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  private receive(worker: Worker, message: FromTileWriter): void {
    const pending = this.pending.get(message.id);
    this.pending.delete(message.id);
    this.queued.set(worker, this.queued.get(worker)! - 1);
    if (!pending) return;
    if (message.type === 'tile') pending.resolve(message.content);
    else pending.reject(Object.assign(new Error(message.message), { stack: message.stack }));
  }

  /** A thread died (a crash, out of memory): every tile still waiting fails with its error. */
  private abandon(error: Error): void {
    this.fatal ??= error;
    for (const pending of this.pending.values()) pending.reject(this.fatal);
    this.pending.clear();
  }
}
