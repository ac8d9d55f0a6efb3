import { Worker } from 'node:worker_threads';
import type { BuildingWorkerData, FileEvent, FromWorker, ToWorker } from './buildingWorkerProtocol';

const WORKER_ENTRY = new URL('./buildingWorkerEntry.mjs', import.meta.url);

/**
 * Large enough for a 1 km tile or two of meshes, so that a worker on a later file keeps its core busy while an
 * earlier, larger file is still being read; small enough to bound memory however the files' sizes vary.
 */
const DEFAULT_BYTES_AHEAD = 32 << 20;

/**
 * Each worker's young generation, in MB (V8 lets it grow to 16 MB semi-spaces, 48 MB in all, when much
 * survives a scavenge, as parsed buildings waiting to be posted do). Measured on 10,000 and 50,000 synthetic
 * LoD2 buildings (2 workers): peak RSS 251–283 and 309–336 MB by default, 203–234 and 228–242 MB with 8, no
 * slower; with 4 no lower than with 8.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/** What has arrived of one file: batches not yet taken, and whether the worker has finished it. */
interface FileProgress {
  worker: Worker;
  batches: { events: FileEvent[]; bytes: number }[];
  done: boolean;
  failure: Error | undefined;
}

/**
 * Worker threads that read and triangulate CityGML files, one file per task, while the caller takes the results
 * file by file in its own order: whatever finishes first, the buildings and issues come out in the order a
 * single thread would give them, so output and messages stay deterministic. Workers read at most `window`
 * files ahead of the one being taken, and each holds at most so many bytes of meshes untaken (see
 * buildingWorker.ts), so memory stays bounded however the files' sizes vary.
 */
export class BuildingWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly waiting: { fileIndex: number; path: string; displayName: string }[] = [];
  private readonly progress = new Map<number, FileProgress>();
  /** The file the caller takes results of; tasks are handed out up to `window` files beyond it. */
  private current = 0;
  private readonly window: number;
  private wake: (() => void) | undefined;
  private closed = false;
  /** Set when a worker died: the run cannot go on without it. */
  private fatal: Error | undefined;

  constructor(
    readonly size: number,
    { bytesAhead = DEFAULT_BYTES_AHEAD }: Partial<BuildingWorkerData> = {},
  ) {
    this.window = 8 * size;
    for (let index = 0; index < size; index++) {
      const worker = new Worker(WORKER_ENTRY, {
        workerData: { bytesAhead } satisfies BuildingWorkerData,
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      worker.on('message', (message: FromWorker) => this.receive(worker, message));
      worker.on('error', (error) => this.abandon(worker, error));
      worker.on('exit', (code) => {
        if (!this.closed)
          this.abandon(worker, new Error(`A tiler worker exited unexpectedly (code ${code}).`));
      });
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  /** Queues a CityGML file; `fileIndex` is its place in the caller's order (other files may sit between). */
  add(fileIndex: number, path: string, displayName: string): void {
    this.waiting.push({ fileIndex, path, displayName });
    this.dispatch();
  }

  /** Moves the caller on to `fileIndex`, which lets workers read further ahead. */
  advanceTo(fileIndex: number): void {
    this.current = fileIndex;
    this.dispatch();
  }

  /** The next batch of the file's events, in order; undefined once the file is finished. Rethrows its failure. */
  async nextBatch(fileIndex: number): Promise<FileEvent[] | undefined> {
    for (;;) {
      const progress = this.progress.get(fileIndex);
      const batch = progress?.batches.shift();
      if (progress && batch) {
        progress.worker.postMessage({ type: 'taken', bytes: batch.bytes } satisfies ToWorker);
        return batch.events;
      }
      if (progress?.failure) throw progress.failure;
      if (this.fatal) throw this.fatal;
      if (progress?.done) {
        this.progress.delete(fileIndex);
        return undefined;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.all.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const task = this.waiting[0]!;
      if (task.fileIndex >= this.current + this.window) return;
      this.waiting.shift();
      const worker = this.idle.pop()!;
      this.progress.set(task.fileIndex, { worker, batches: [], done: false, failure: undefined });
      worker.postMessage({ type: 'read', ...task } satisfies ToWorker);
    }
  }

  private receive(worker: Worker, message: FromWorker): void {
    const progress = this.progress.get(message.fileIndex);
    if (!progress) return;
    if (message.type === 'batch') progress.batches.push({ events: message.events, bytes: message.bytes });
    else {
      if (message.type === 'done') progress.done = true;
      else progress.failure = Object.assign(new Error(message.message), { stack: message.stack });
      this.idle.push(worker);
      this.dispatch();
    }
    this.notify();
  }

  /** A worker died (a crash, out of memory): the run fails with its error once the caller reaches it. */
  private abandon(_worker: Worker, error: Error): void {
    this.fatal ??= error;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
