import { tmpdir } from 'node:os';
import type {
  RecordComparison,
  RecordSort,
  RecordSortFactory,
} from '../../src/domain/buildings/tiles/recordSort';
import {
  MinHeap,
  openSpillFiles,
  SpillReader,
  type ByteRange,
  type SpillFile,
  type SpillFiles,
} from './spillFile';

/** How the external merge sort is sized; the defaults suit any city. */
export interface FileRecordSortOptions {
  /** Bytes of records sorted in memory at a time: one run (a longer record becomes a run of its own). */
  runBytes?: number;
  /** Runs merged at a time; more runs are first merged into fewer, longer ones. */
  runsPerMerge?: number;
  /** Folder the temporary files are made in (default: the OS's temp folder). */
  parentFolder?: string;
}

const DEFAULT_RUN_BYTES = 2 ** 20;
const DEFAULT_RUNS_PER_MERGE = 64;
/** The run buffer starts this small and doubles up to `runBytes`, so a small sort stays small. */
const FIRST_RUN_BUFFER_BYTES = 64 * 1024;
/** What each run's reader reads at a time while merging. */
const READ_BUFFER_BYTES = 64 * 1024;
/** In the files each record stands behind its length, an unsigned 32-bit integer (little-endian). */
const LENGTH_BYTES = 4;
/** Names the sort in error messages. */
const OWNER = 'record sort';

/**
 * A RecordSort that keeps at most one run of records in memory (an external merge sort, for `npm run tiles`):
 * records are copied into a run buffer; whenever the next would make the run longer than `runBytes`, the run is
 * sorted in memory (stably) and written to a temporary file, each record behind its length. sorted() merges the
 * runs through one min-heap, `runsPerMerge` at a time (passes of intermediate merges first when there are more),
 * reading each run through a buffer of 64 KB; ties go to the earlier run, so the order is exactly that of
 * createInMemoryRecordSort. Memory holds one run (plus a view per record of it while it is sorted) and the read
 * buffers, however many records there are. When everything fits in one run, no file is made at all. The
 * temporary files are unlinked as soon as they are open (elsewhere than Windows, where dispose() removes them).
 */
class FileRecordSort implements RecordSort {
  private readonly runBytes: number;
  private readonly runsPerMerge: number;
  private readonly parentFolder: string;
  /** The records of the current run, one after another; undefined once sorted() took over or after dispose(). */
  private runBuffer: Buffer | undefined;
  private runLength = 0;
  /** Where each record of the current run starts in `runBuffer`. */
  private runStarts: number[] = [];
  /** Two files, written alternately while merging level by level; made when the first run is written. */
  private spill: SpillFiles | undefined;
  /** Byte ranges of the runs in the first file. */
  private readonly runs: ByteRange[] = [];
  private count = 0;
  private sortedOnce = false;
  private disposed = false;

  constructor(
    private readonly compare: RecordComparison,
    {
      runBytes = DEFAULT_RUN_BYTES,
      runsPerMerge = DEFAULT_RUNS_PER_MERGE,
      parentFolder = tmpdir(),
    }: FileRecordSortOptions,
  ) {
    if (!(runBytes >= 1) || !(runsPerMerge >= 2))
      throw new Error(`runBytes must be at least 1 and runsPerMerge at least 2.`);
    this.runBytes = runBytes;
    this.runsPerMerge = runsPerMerge;
    this.parentFolder = parentFolder;
    this.runBuffer = Buffer.allocUnsafe(Math.min(runBytes, FIRST_RUN_BUFFER_BYTES));
  }

  get size(): number {
    this.checkOpen();
    return this.count;
  }

  add(record: Uint8Array): void {
    this.checkOpen();
    if (this.sortedOnce) throw new Error('Records cannot be added after sorted() was called.');
    const length = record.byteLength;
    if (length > this.runBytes) {
      // Longer than a whole run: written as a run of its own (runs stay in the order of adding, so it is stable).
      this.writeRun();
      const file = this.runFile();
      const start = file.length;
      file.appendUInt32(length);
      file.append(record);
      this.runs.push({ start, end: file.length });
    } else {
      if (this.runLength + length > this.runBytes) this.writeRun();
      const buffer = this.runBufferFor(this.runLength + length);
      buffer.set(record, this.runLength);
      this.runStarts.push(this.runLength);
      this.runLength += length;
    }
    this.count++;
  }

  sorted(): Iterable<Uint8Array> {
    this.checkOpen();
    if (this.sortedOnce) throw new Error('sorted() may be called only once.');
    this.sortedOnce = true;
    if (!this.spill) return this.sortedRun();
    this.writeRun();
    this.runBuffer = undefined;
    const [first, second] = this.spill.files as [SpillFile, SpillFile];
    first.flush();
    let runs = this.runs;
    let level = 0;
    const fileOf = (at: number) => (at % 2 === 0 ? first : second);
    while (runs.length > this.runsPerMerge) {
      runs = this.mergeIntoFewerRuns(fileOf(level), runs, fileOf(level + 1));
      level++;
    }
    return this.mergeLastRuns(fileOf(level), runs);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.runBuffer = undefined;
    this.runStarts = [];
    this.spill?.close();
  }

  /** The records of the current run as views of the run buffer, sorted stably. */
  private sortedRun(): Uint8Array[] {
    const buffer = this.runBuffer!;
    const starts = this.runStarts;
    const ends = starts.length > 0 ? [...starts.slice(1), this.runLength] : [];
    const views = starts.map(
      (start, index) => new Uint8Array(buffer.buffer, buffer.byteOffset + start, ends[index]! - start),
    );
    // Array.prototype.sort is stable: equal records keep the order they came in.
    return views.sort(this.compare);
  }

  /** Sorts the current run and appends it to the first file, each record behind its length. */
  private writeRun(): void {
    if (this.runStarts.length === 0) return;
    const file = this.runFile();
    const start = file.length;
    for (const record of this.sortedRun()) {
      file.appendUInt32(record.byteLength);
      file.append(record);
    }
    this.runs.push({ start, end: file.length });
    this.runStarts = [];
    this.runLength = 0;
  }

  /** Merges every `runsPerMerge` neighbouring runs of `source` into one run of `target`. */
  private mergeIntoFewerRuns(source: SpillFile, runs: readonly ByteRange[], target: SpillFile): ByteRange[] {
    target.truncate();
    const merged: ByteRange[] = [];
    for (let first = 0; first < runs.length; first += this.runsPerMerge) {
      const start = target.length;
      for (const record of this.mergeRuns(source, runs.slice(first, first + this.runsPerMerge))) {
        target.appendUInt32(record.byteLength);
        target.append(record);
      }
      merged.push({ start, end: target.length });
    }
    target.flush();
    source.truncate();
    return merged;
  }

  private *mergeLastRuns(file: SpillFile, runs: readonly ByteRange[]): Generator<Uint8Array> {
    yield* this.mergeRuns(file, runs);
    // The disk space goes back as soon as the last record is read.
    for (const spillFile of this.spill!.files) spillFile.truncate();
  }

  /** The records of sorted runs as one sorted sequence (a binary heap of the runs' next records). */
  private *mergeRuns(file: SpillFile, runs: readonly ByteRange[]): Generator<Uint8Array> {
    const readers = runs.map((run) => new SpillReader(file, run, READ_BUFFER_BYTES, OWNER));
    const heads = readers.map(nextRecord);
    const { compare } = this;
    // Ties go to the earlier run: the merge is stable, as the sort of each run is.
    const heap = new MinHeap((a, b) => (compare(heads[a]!, heads[b]!) || a - b) < 0);
    heads.forEach((head, run) => head && heap.push(run));
    while (heap.size > 0) {
      const run = heap.peek();
      yield heads[run]!;
      this.checkOpen();
      heads[run] = nextRecord(readers[run]!);
      if (heads[run]) heap.replaceTop(run);
      else heap.pop();
    }
  }

  /** The run buffer, grown (doubling, up to `runBytes`) to hold at least `bytes` bytes. */
  private runBufferFor(bytes: number): Buffer {
    const buffer = this.runBuffer!;
    if (bytes <= buffer.length) return buffer;
    let length = buffer.length;
    while (length < bytes) length *= 2;
    const grown = Buffer.allocUnsafe(Math.min(length, this.runBytes));
    buffer.copy(grown, 0, 0, this.runLength);
    this.runBuffer = grown;
    return grown;
  }

  /** The file level-0 runs are written to, made on first use. */
  private runFile(): SpillFile {
    this.spill ??= openSpillFiles(
      this.parentFolder,
      'twin-record-sort-',
      ['runs-a.bin', 'runs-b.bin'],
      OWNER,
    );
    return this.spill.files[0]!;
  }

  private checkOpen(): void {
    if (this.disposed) throw new Error('The record sort has been disposed.');
  }
}

/** The next record of a run (a view valid until the reader's next record), or undefined at its end. */
function nextRecord(reader: SpillReader): Uint8Array | undefined {
  if (reader.done) return undefined;
  reader.ensure(LENGTH_BYTES);
  const length = reader.buffer.readUInt32LE(reader.position);
  reader.ensure(LENGTH_BYTES + length);
  const start = reader.take(LENGTH_BYTES + length) + LENGTH_BYTES;
  const { buffer } = reader;
  return new Uint8Array(buffer.buffer, buffer.byteOffset + start, length);
}

/**
 * A record sort backed by temporary files (a RecordSortFactory as it is, with the default sizes; the options are
 * for tests and for a temporary folder of one's choice).
 */
export function createFileRecordSort(
  compare: RecordComparison,
  options: FileRecordSortOptions = {},
): RecordSort {
  return new FileRecordSort(compare, options);
}

/** A factory of file-backed record sorts with the given options (say, a temporary folder of one's choice). */
export function fileRecordSortFactory(options: FileRecordSortOptions = {}): RecordSortFactory {
  return (compare) => createFileRecordSort(compare, options);
}
