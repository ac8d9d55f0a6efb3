import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildingMesh } from '../../src/domain/buildings/buildingModel';
import {
  decodeMeshRecord,
  encodeMeshRecord,
  prepareMeshRecord,
  writeMeshRecord,
} from '../../src/domain/buildings/tiles/meshRecord';
import type { MeshHandle, MeshSpillStore } from '../../src/domain/buildings/tiles/meshSpillStore';
import { writeFully } from './spillFile';

/** Records are gathered into writes of this size: one system call per few thousand buildings, not per building. */
const WRITE_BUFFER_BYTES = 4 * 2 ** 20;
/** Each record stands behind its length, an unsigned 32-bit integer (little-endian). */
const LENGTH_BYTES = 4;
/** get() reads this much at once: header and record of a typical building, so one system call per get. */
const SPECULATIVE_READ_BYTES = 8 * 1024;

/**
 * A spill store in one temporary file (exact binary records, see meshRecord.ts, each behind its length). A handle
 * is the byte offset of its record in the file, so memory holds nothing per record: only one write buffer and one
 * small read buffer, however many meshes are stored. Handles grow beyond 2³² for files beyond 4 GB: keep them as
 * doubles (not in 32-bit integers). On Linux and macOS the file is unlinked as soon as it is
 * open, so nothing is left behind even when the process is killed; elsewhere dispose() removes it.
 */
export class FileMeshSpillStore implements MeshSpillStore {
  private readonly folder: string;
  private descriptor: number | undefined;
  private readonly writeBuffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  private bufferedBytes = 0;
  /** Bytes already in the file; the write buffer continues from here. */
  private flushedBytes = 0;
  /** get() reads header and record into this first; a longer record gets a second read. */
  private readonly readBuffer = Buffer.allocUnsafe(SPECULATIVE_READ_BYTES);
  private count = 0;

  constructor(parentFolder = tmpdir()) {
    this.folder = mkdtempSync(join(parentFolder, 'twin-mesh-spill-'));
    this.descriptor = openSync(join(this.folder, 'meshes.bin'), 'w+');
    if (process.platform !== 'win32') this.removeFolder();
  }

  /** Number of meshes stored. */
  get size(): number {
    return this.count;
  }

  /** Bytes stored so far (file and write buffer). */
  get byteLength(): number {
    return this.flushedBytes + this.bufferedBytes;
  }

  put(mesh: BuildingMesh): MeshHandle {
    const descriptor = this.openDescriptor();
    const prepared = prepareMeshRecord(mesh);
    const maximumBytes = LENGTH_BYTES + prepared.maximumByteLength;
    if (this.bufferedBytes + maximumBytes > WRITE_BUFFER_BYTES) this.flush();
    const handle = this.byteLength;
    if (maximumBytes <= WRITE_BUFFER_BYTES) {
      // Encoded straight into the write buffer: no record-sized allocation per building.
      const length = writeMeshRecord(prepared, this.writeBuffer, this.bufferedBytes + LENGTH_BYTES);
      this.writeBuffer.writeUInt32LE(length, this.bufferedBytes);
      this.bufferedBytes += LENGTH_BYTES + length;
    } else {
      // The write buffer is empty now (flushed above): header and record go to the file directly.
      const record = encodeMeshRecord(mesh);
      const header = Buffer.allocUnsafe(LENGTH_BYTES);
      header.writeUInt32LE(record.byteLength, 0);
      writeFully(descriptor, header, this.flushedBytes);
      writeFully(descriptor, record, this.flushedBytes + LENGTH_BYTES);
      this.flushedBytes += LENGTH_BYTES + record.byteLength;
    }
    this.count++;
    return handle;
  }

  /** The mesh stored under `handle`, which must be one that put() returned (any other offset is not checked). */
  get(handle: MeshHandle): BuildingMesh {
    const descriptor = this.openDescriptor();
    if (!Number.isInteger(handle) || handle < 0 || handle + LENGTH_BYTES > this.byteLength)
      throw new Error(`No mesh stored under handle ${handle}.`);
    if (handle >= this.flushedBytes) {
      // Still in the write buffer (records never straddle it and the file): a copy of its own, as from the file.
      const start = handle - this.flushedBytes;
      const length = this.writeBuffer.readUInt32LE(start);
      return decodeMeshRecord(
        new Uint8Array(this.writeBuffer.subarray(start + LENGTH_BYTES, start + LENGTH_BYTES + length)),
      );
    }
    // One read of header and record for most buildings; only a longer record needs a second for its rest.
    const { readBuffer } = this;
    const available = readSync(descriptor, readBuffer, 0, readBuffer.length, handle);
    if (available < LENGTH_BYTES)
      throw new Error(`The mesh file ends before the record of handle ${handle}.`);
    const length = readBuffer.readUInt32LE(0);
    // A buffer of its own per record: decodeMeshRecord then views it instead of copying the arrays out.
    const record = new Uint8Array(length);
    const first = Math.min(length, available - LENGTH_BYTES);
    record.set(readBuffer.subarray(LENGTH_BYTES, LENGTH_BYTES + first));
    for (let read = first; read < length;) {
      const bytes = readSync(descriptor, record, read, length - read, handle + LENGTH_BYTES + read);
      if (bytes === 0) throw new Error(`The mesh file ended inside the record of handle ${handle}.`);
      read += bytes;
    }
    return decodeMeshRecord(record);
  }

  dispose(): void {
    if (this.descriptor === undefined) return;
    closeSync(this.descriptor);
    this.descriptor = undefined;
    this.removeFolder();
  }

  private flush(): void {
    if (this.bufferedBytes === 0) return;
    writeFully(this.openDescriptor(), this.writeBuffer.subarray(0, this.bufferedBytes), this.flushedBytes);
    this.flushedBytes += this.bufferedBytes;
    this.bufferedBytes = 0;
  }

  private openDescriptor(): number {
    if (this.descriptor === undefined) throw new Error('The mesh store has been disposed.');
    return this.descriptor;
  }

  private removeFolder(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }
}

/** A file-backed spill store in a fresh temporary folder (under the OS's temp folder unless told otherwise). */
export function createFileMeshSpillStore(parentFolder?: string): FileMeshSpillStore {
  return new FileMeshSpillStore(parentFolder);
}
