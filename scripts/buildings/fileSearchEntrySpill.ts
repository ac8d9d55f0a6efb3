import { tmpdir } from 'node:os';
import {
  compareSearchKeys,
  SEARCH_INDEX_FILE_NAME,
  SEARCH_INDEX_HEAD,
  SEARCH_INDEX_ROW_SEPARATOR,
  SEARCH_INDEX_TAIL,
  searchIndexRow,
  type BuildingSearchEntry,
  type SearchEntrySpill,
} from '../../src/domain/buildings/searchIndexBuilder';
import type { ChunkedTilesetFile } from '../../src/domain/buildings/tiles/writeBuildingTileset';
import {
  MinHeap,
  openSpillFiles,
  SPILL_WRITE_BUFFER_BYTES,
  SpillReader,
  type ByteRange,
  type SpillFile,
  type SpillFiles,
} from './spillFile';

/** How the spill's external merge sort is sized; the defaults suit any city. */
export interface FileSearchEntrySpillOptions {
  /** Folder the temporary files are made in (default: the OS's temp folder). */
  parentFolder?: string;
  /** Rows sorted in memory at a time: one run. */
  rowsPerRun?: number;
  /** Runs merged at a time; more runs are first merged into fewer, longer ones. */
  runsPerMerge?: number;
}

const DEFAULT_ROWS_PER_RUN = 16_384;
const DEFAULT_RUNS_PER_MERGE = 64;
/** What the runs are read in at a time before sorting. */
const WRITE_BUFFER_BYTES = SPILL_WRITE_BUFFER_BYTES;
/** What each run's reader reads at a time while merging. */
const READ_BUFFER_BYTES = 64 * 1024;
/** Size of the chunks the index file is handed over in. */
const OUTPUT_CHUNK_BYTES = 1 << 20;
/** A record starts with three unsigned 32-bit integers: the address's shape, the id's shape, the row's bytes. */
const RECORD_HEADER_BYTES = 12;
/** Names this spill in error messages. */
const OWNER = 'search entry spill';

/**
 * The address entries of pass 1 in temporary files instead of memory (a SearchEntrySpill for `npm run tiles`):
 * each entry is written as it comes, as its index row (searchIndexRow, UTF-8) behind its two sort keys (stored
 * exactly: Latin-1 when every character is below U+0100, else UTF-16). The index file is then made by an external
 * merge sort: runs of `rowsPerRun` rows are sorted in memory and written out, then merged (`runsPerMerge` at a
 * time) into the rows of the file, which is handed over in chunks. Memory holds one run, one read buffer per run
 * and one chunk, however many entries there are. Ties keep the order the entries came in (each run is sorted
 * stably and merging prefers the earlier run), so the bytes are those of SearchIndexBuilder.toBytes().
 * The files are unlinked as soon as they are open (elsewhere than Windows, where dispose() removes them).
 */
export class FileSearchEntrySpill implements SearchEntrySpill {
  private readonly spillFiles: SpillFiles;
  private readonly rowsPerRun: number;
  private readonly runsPerMerge: number;
  /** Where pass 1 appends its records, in the order they come. */
  private readonly entries: SpillFile;
  /** Sorted runs, written alternately into the two while merging level by level. */
  private readonly runFiles: [SpillFile, SpillFile];
  private scratch = Buffer.allocUnsafe(4096);
  private count = 0;
  private used = false;
  private disposed = false;

  constructor({
    parentFolder = tmpdir(),
    rowsPerRun = DEFAULT_ROWS_PER_RUN,
    runsPerMerge = DEFAULT_RUNS_PER_MERGE,
  }: FileSearchEntrySpillOptions = {}) {
    if (!(rowsPerRun >= 1) || !(runsPerMerge >= 2))
      throw new Error(`rowsPerRun must be at least 1 and runsPerMerge at least 2.`);
    this.rowsPerRun = rowsPerRun;
    this.runsPerMerge = runsPerMerge;
    this.spillFiles = openSpillFiles(
      parentFolder,
      'twin-search-spill-',
      ['entries.bin', 'runs-a.bin', 'runs-b.bin'],
      OWNER,
    );
    const [entries, runsA, runsB] = this.spillFiles.files;
    this.entries = entries!;
    this.runFiles = [runsA!, runsB!];
  }

  /** Number of entries added. */
  get size(): number {
    return this.count;
  }

  add(entry: BuildingSearchEntry): void {
    this.checkOpen();
    if (this.used) throw new Error('The search index has already been made from this spill.');
    const row = searchIndexRow(entry);
    const maximumBytes =
      RECORD_HEADER_BYTES + 2 * (entry.address.length + entry.buildingId.length) + 3 * row.length;
    if (maximumBytes > this.scratch.length) this.scratch = Buffer.allocUnsafe(maximumBytes * 2);
    const { scratch } = this;
    let offset = RECORD_HEADER_BYTES;
    const addressShape = shapeOf(entry.address);
    offset += scratch.write(entry.address, offset, encodingOf(addressShape));
    const idShape = shapeOf(entry.buildingId);
    offset += scratch.write(entry.buildingId, offset, encodingOf(idShape));
    const rowBytes = scratch.write(row, offset, 'utf8');
    scratch.writeUInt32LE(addressShape, 0);
    scratch.writeUInt32LE(idShape, 4);
    scratch.writeUInt32LE(rowBytes, 8);
    this.entries.append(scratch.subarray(0, offset + rowBytes));
    this.count++;
  }

  /**
   * The index file in chunks of about a megabyte, each valid until the next is asked for (one buffer is reused);
   * sorting starts when the first is asked for.
   */
  toFile(): ChunkedTilesetFile {
    this.checkOpen();
    if (this.used) throw new Error('The search index has already been made from this spill.');
    this.used = true;
    return { path: SEARCH_INDEX_FILE_NAME, chunks: this.indexChunks() };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.spillFiles.close();
  }

  private *indexChunks(): Generator<Uint8Array> {
    let runs = this.writeSortedRuns();
    let level = 0;
    while (runs.length > this.runsPerMerge) {
      runs = this.mergeIntoFewerRuns(this.runFiles[level % 2]!, runs, this.runFiles[(level + 1) % 2]!);
      level++;
    }
    const output = new ChunkedOutput();
    yield* output.put(Buffer.from(SEARCH_INDEX_HEAD, 'utf8'));
    const separator = Buffer.from(SEARCH_INDEX_ROW_SEPARATOR, 'utf8');
    let first = true;
    for (const row of mergeRuns(this.runFiles[level % 2]!, runs)) {
      if (!first) yield* output.put(separator);
      first = false;
      yield* output.put(row.rowBytes());
    }
    yield* output.put(Buffer.from(SEARCH_INDEX_TAIL, 'utf8'));
    yield* output.finish();
    for (const file of this.runFiles) file.truncate();
  }

  /** Reads the entries a run at a time, sorts each in memory and writes it out; the byte range of each run. */
  private writeSortedRuns(): ByteRange[] {
    this.checkOpen();
    this.entries.flush();
    const target = this.runFiles[0];
    const runs: ByteRange[] = [];
    const reader = new RecordReader(this.entries, { start: 0, end: this.entries.length }, WRITE_BUFFER_BYTES);
    let runBytes = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
    for (;;) {
      const addresses: string[] = [];
      const buildingIds: string[] = [];
      const starts: number[] = [];
      let runLength = 0;
      while (addresses.length < this.rowsPerRun) {
        const record = reader.next();
        if (!record) break;
        addresses.push(record.address);
        buildingIds.push(record.buildingId);
        const bytes = record.recordBytes();
        if (runLength + bytes.length > runBytes.length) {
          const grown = Buffer.allocUnsafe(Math.max(runLength + bytes.length, runBytes.length * 2));
          runBytes.copy(grown, 0, 0, runLength);
          runBytes = grown;
        }
        starts.push(runLength);
        runLength += bytes.copy(runBytes, runLength);
      }
      if (addresses.length === 0) break;
      starts.push(runLength);
      // Array.prototype.sort is stable: equal keys keep the order they came in.
      const order = Array.from(addresses, (_, row) => row).sort((a, b) =>
        compareSearchKeys(addresses[a]!, buildingIds[a]!, addresses[b]!, buildingIds[b]!),
      );
      const start = target.length;
      for (const row of order) target.append(runBytes.subarray(starts[row]!, starts[row + 1]!));
      runs.push({ start, end: target.length });
      if (addresses.length < this.rowsPerRun) break;
    }
    target.flush();
    this.entries.truncate();
    return runs;
  }

  /** Merges every `runsPerMerge` neighbouring runs of `source` into one run of `target`. */
  private mergeIntoFewerRuns(source: SpillFile, runs: ByteRange[], target: SpillFile): ByteRange[] {
    target.truncate();
    const merged: ByteRange[] = [];
    for (let first = 0; first < runs.length; first += this.runsPerMerge) {
      const start = target.length;
      for (const record of mergeRuns(source, runs.slice(first, first + this.runsPerMerge)))
        target.append(record.recordBytes());
      merged.push({ start, end: target.length });
    }
    target.flush();
    source.truncate();
    return merged;
  }

  private checkOpen(): void {
    if (this.disposed) throw new Error('The search entry spill has been disposed.');
  }
}

/** A spill of address entries in a fresh temporary folder, for `npm run tiles`. */
export function createFileSearchEntrySpill(options?: FileSearchEntrySpillOptions): FileSearchEntrySpill {
  return new FileSearchEntrySpill(options);
}

/** A string's length in UTF-16 code units × 2, plus 1 when it needs two bytes per unit (any above U+00FF). */
function shapeOf(text: string): number {
  for (let index = 0; index < text.length; index++)
    if (text.charCodeAt(index) > 0xff) return text.length * 2 + 1;
  return text.length * 2;
}

/** 'utf16le' writes and reads code units as they are, lone surrogates too. */
function encodingOf(shape: number): 'latin1' | 'utf16le' {
  return (shape & 1) === 1 ? 'utf16le' : 'latin1';
}

function byteLengthOf(shape: number): number {
  return (shape & 1) === 1 ? shape - 1 : shape >>> 1;
}

/** The records of k sorted runs as one sorted sequence (a binary heap of the runs' next records). */
function* mergeRuns(file: SpillFile, runs: readonly ByteRange[]): Generator<SpilledRecord> {
  const readers = runs.map((run) => new RecordReader(file, run, READ_BUFFER_BYTES));
  const heads: (SpilledRecord | undefined)[] = readers.map((reader) => reader.next());
  // Ties go to the earlier run: the merge is stable, as the sort of each run is.
  const before = (a: number, b: number) => {
    const [headA, headB] = [heads[a]!, heads[b]!];
    return (compareSearchKeys(headA.address, headA.buildingId, headB.address, headB.buildingId) || a - b) < 0;
  };
  const heap = new MinHeap(before);
  heads.forEach((head, run) => head && heap.push(run));
  while (heap.size > 0) {
    const run = heap.peek();
    yield heads[run]!;
    heads[run] = readers[run]!.next();
    if (heads[run]) heap.replaceTop(run);
    else heap.pop();
  }
}

/** A record as read: its keys as strings, its bytes as a view that is valid until its reader's next record. */
interface SpilledRecord {
  address: string;
  buildingId: string;
  recordBytes(): Buffer;
  rowBytes(): Buffer;
}

/** Reads the records of a byte range of a file one after another through one buffer. */
class RecordReader {
  private readonly reader: SpillReader;

  constructor(file: SpillFile, range: ByteRange, bufferBytes: number) {
    this.reader = new SpillReader(file, range, bufferBytes, OWNER);
  }

  next(): SpilledRecord | undefined {
    const { reader } = this;
    if (reader.done) return undefined;
    reader.ensure(RECORD_HEADER_BYTES);
    const addressShape = reader.buffer.readUInt32LE(reader.position);
    const idShape = reader.buffer.readUInt32LE(reader.position + 4);
    const rowLength = reader.buffer.readUInt32LE(reader.position + 8);
    const addressLength = byteLengthOf(addressShape);
    const idLength = byteLengthOf(idShape);
    const recordLength = RECORD_HEADER_BYTES + addressLength + idLength + rowLength;
    reader.ensure(recordLength);
    const { buffer } = reader;
    const start = reader.take(recordLength);
    const addressStart = start + RECORD_HEADER_BYTES;
    const idStart = addressStart + addressLength;
    const rowStart = idStart + idLength;
    return {
      address: buffer.toString(encodingOf(addressShape), addressStart, idStart),
      buildingId: buffer.toString(encodingOf(idShape), idStart, rowStart),
      recordBytes: () => buffer.subarray(start, start + recordLength),
      rowBytes: () => buffer.subarray(rowStart, start + recordLength),
    };
  }
}

/** Bytes gathered into chunks of OUTPUT_CHUNK_BYTES in one reused buffer: a chunk is valid until the next. */
class ChunkedOutput {
  private chunk = Buffer.allocUnsafe(OUTPUT_CHUNK_BYTES);
  private used = 0;

  *put(bytes: Uint8Array): Generator<Uint8Array> {
    if (this.used + bytes.byteLength > this.chunk.length) {
      yield* this.finish();
      if (bytes.byteLength > this.chunk.length) this.chunk = Buffer.allocUnsafe(bytes.byteLength);
    }
    this.chunk.set(bytes, this.used);
    this.used += bytes.byteLength;
  }

  *finish(): Generator<Uint8Array> {
    if (this.used === 0) return;
    yield this.chunk.subarray(0, this.used);
    this.used = 0;
  }
}
