import { closeSync, ftruncateSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Pieces shared by the file-backed external merge sorts of `npm run tiles` (fileSearchEntrySpill.ts,
 * fileRecordSort.ts): temporary files written at their end through a buffer, a reader that walks a byte range of
 * such a file through a bounded buffer, and the binary heap that merges sorted runs.
 */

/** Records are gathered into writes of this size. */
export const SPILL_WRITE_BUFFER_BYTES = 1 << 20;

/** Bytes `start` (inclusive) to `end` (exclusive) of a file. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Temporary files in a fresh folder, with the one call that closes and removes them all. */
export interface SpillFiles {
  files: SpillFile[];
  /** Closes every file and removes the folder; safe to call more than once. */
  close(): void;
}

/**
 * Makes a fresh folder `prefix…` in `parentFolder` with the named files open in it. Elsewhere than Windows the
 * folder is removed at once (the open files stay usable), so nothing is left behind even when the process is
 * killed; on Windows close() removes it. `owner` names the user in error messages ("the … has been disposed").
 */
export function openSpillFiles(
  parentFolder: string,
  prefix: string,
  fileNames: readonly string[],
  owner: string,
): SpillFiles {
  const folder = mkdtempSync(join(parentFolder, prefix));
  const removeFolder = () => rmSync(folder, { recursive: true, force: true });
  const files: SpillFile[] = [];
  try {
    for (const name of fileNames) files.push(new SpillFile(join(folder, name), owner));
  } catch (error) {
    for (const file of files) file.close();
    removeFolder();
    throw error;
  }
  if (process.platform !== 'win32') removeFolder();
  let closed = false;
  return {
    files,
    close() {
      if (closed) return;
      closed = true;
      for (const file of files) file.close();
      removeFolder();
    },
  };
}

/** A temporary file written at its end through a buffer, and read at any position. */
export class SpillFile {
  private descriptor: number | undefined;
  private readonly buffer = Buffer.allocUnsafe(SPILL_WRITE_BUFFER_BYTES);
  private buffered = 0;
  /** Bytes in the file, not counting the buffer. */
  private flushed = 0;

  constructor(
    path: string,
    private readonly owner: string,
  ) {
    this.descriptor = openSync(path, 'w+');
  }

  /** Bytes written so far (file and buffer). */
  get length(): number {
    return this.flushed + this.buffered;
  }

  append(bytes: Uint8Array): void {
    if (this.buffered + bytes.byteLength > this.buffer.length) this.flush();
    if (bytes.byteLength > this.buffer.length) {
      this.writeAt(bytes, this.flushed);
      this.flushed += bytes.byteLength;
      return;
    }
    this.buffer.set(bytes, this.buffered);
    this.buffered += bytes.byteLength;
  }

  /** Appends a 32-bit unsigned integer, little-endian (a record's length, say). */
  appendUInt32(value: number): void {
    if (this.buffered + 4 > this.buffer.length) this.flush();
    this.buffer.writeUInt32LE(value, this.buffered);
    this.buffered += 4;
  }

  flush(): void {
    if (this.buffered === 0) return;
    this.writeAt(this.buffer.subarray(0, this.buffered), this.flushed);
    this.flushed += this.buffered;
    this.buffered = 0;
  }

  /** Reads from the file (not the buffer: flush first). */
  read(target: Buffer, offset: number, length: number, position: number): number {
    return readSync(this.open(), target, offset, length, position);
  }

  /** Empties the file, giving its disk space back. */
  truncate(): void {
    if (this.descriptor === undefined) return;
    ftruncateSync(this.descriptor, 0);
    this.flushed = 0;
    this.buffered = 0;
  }

  close(): void {
    if (this.descriptor === undefined) return;
    closeSync(this.descriptor);
    this.descriptor = undefined;
  }

  private writeAt(bytes: Uint8Array, position: number): void {
    writeFully(this.open(), bytes, position);
  }

  private open(): number {
    if (this.descriptor === undefined) throw new Error(`The ${this.owner} has been disposed.`);
    return this.descriptor;
  }
}

/** writeSync may write less than asked; keeps writing until every byte is at its position. */
export function writeFully(descriptor: number, bytes: Uint8Array, position: number): void {
  for (let written = 0; written < bytes.byteLength;)
    written += writeSync(descriptor, bytes, written, bytes.byteLength - written, position + written);
}

/**
 * Walks a byte range of a spill file front to back through one buffer: ensure() makes the next bytes stand in
 * `buffer` from `position` on, take() steps over them. Views into `buffer` are valid until the next ensure().
 * The buffer grows only for a record longer than itself.
 */
export class SpillReader {
  buffer: Buffer;
  /** Where in `buffer` the next unread byte stands. */
  position = 0;
  /** File position of the buffer's first byte. */
  private bufferStart: number;
  private bufferLength = 0;

  constructor(
    private readonly file: SpillFile,
    private readonly range: ByteRange,
    bufferBytes: number,
    private readonly owner: string,
  ) {
    this.buffer = Buffer.allocUnsafe(bufferBytes);
    this.bufferStart = range.start;
  }

  /** Whether every byte of the range has been taken. */
  get done(): boolean {
    return this.bufferStart + this.position >= this.range.end;
  }

  /** Steps over `bytes` bytes (made to stand in the buffer by ensure()); where they start in `buffer`. */
  take(bytes: number): number {
    const start = this.position;
    this.position += bytes;
    return start;
  }

  /** Makes the next `bytes` bytes of the range stand in the buffer from `position` on. */
  ensure(bytes: number): void {
    if (this.bufferLength - this.position >= bytes) return;
    const kept = this.bufferLength - this.position;
    if (bytes > this.buffer.length) {
      const grown = Buffer.allocUnsafe(bytes);
      this.buffer.copy(grown, 0, this.position, this.bufferLength);
      this.buffer = grown;
    } else {
      this.buffer.copyWithin(0, this.position, this.bufferLength);
    }
    this.bufferStart += this.position;
    this.position = 0;
    this.bufferLength = kept;
    const wanted = Math.min(this.buffer.length, this.range.end - this.bufferStart);
    while (this.bufferLength < wanted) {
      const read = this.file.read(
        this.buffer,
        this.bufferLength,
        wanted - this.bufferLength,
        this.bufferStart + this.bufferLength,
      );
      if (read === 0) break;
      this.bufferLength += read;
    }
    if (this.bufferLength < bytes) throw new Error(`A ${this.owner} file ended inside a record.`);
  }
}

/** A binary min-heap of small integers (run numbers, say) under a given order. */
export class MinHeap {
  private readonly items: number[] = [];

  constructor(private readonly before: (a: number, b: number) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): number {
    return this.items[0]!;
  }

  push(item: number): void {
    const { items } = this;
    items.push(item);
    for (let child = items.length - 1; child > 0;) {
      const parent = (child - 1) >> 1;
      if (!this.before(items[child]!, items[parent]!)) break;
      [items[child], items[parent]] = [items[parent]!, items[child]!];
      child = parent;
    }
  }

  pop(): void {
    const last = this.items.pop()!;
    if (this.items.length > 0) this.replaceTop(last);
  }

  /** Replaces the top with `item` (the same run with its next record, say) and restores the order. */
  replaceTop(item: number): void {
    const { items } = this;
    items[0] = item;
    for (let parent = 0; ;) {
      const left = parent * 2 + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && this.before(items[right]!, items[left]!) ? right : left;
      if (!this.before(items[child]!, items[parent]!)) break;
      [items[child], items[parent]] = [items[parent]!, items[child]!];
      parent = child;
    }
  }
}
