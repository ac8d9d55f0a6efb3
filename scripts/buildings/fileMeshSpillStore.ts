import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildingMesh } from '../../src/domain/buildings/buildingModel';
import {
  decodeMeshRecord,
  encodeMeshRecord,
  prepareMeshRecord,
  writeMeshRecord,
} from '../../src/domain/buildings/tiles/meshRecord';
import { Float64Column, Int32Column } from '../../src/domain/buildings/tiles/compactColumns';
import type { MeshHandle, MeshSpillStore } from '../../src/domain/buildings/tiles/meshSpillStore';

/** Records are gathered into writes of this size: one system call per few thousand buildings, not per building. */
const WRITE_BUFFER_BYTES = 4 * 2 ** 20;

/**
 * A spill store in one temporary file (exact binary records, see meshRecord.ts); memory holds only each
 * record's offset and length and one write buffer. On Linux and macOS the file is unlinked as soon as it is
 * open, so nothing is left behind even when the process is killed; elsewhere dispose() removes it.
 */
export class FileMeshSpillStore implements MeshSpillStore {
  private readonly folder: string;
  private descriptor: number | undefined;
  private readonly writeBuffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  private bufferedBytes = 0;
  /** Bytes already in the file; the write buffer continues from here. */
  private flushedBytes = 0;
  /** Per record, in typed-array blocks off the JS heap (compactColumns.ts). */
  private readonly offsets = new Float64Column();
  private readonly lengths = new Int32Column();

  constructor(parentFolder = tmpdir()) {
    this.folder = mkdtempSync(join(parentFolder, 'twin-mesh-spill-'));
    this.descriptor = openSync(join(this.folder, 'meshes.bin'), 'w+');
    if (process.platform !== 'win32') this.removeFolder();
  }

  /** Number of meshes stored. */
  get size(): number {
    return this.offsets.length;
  }

  /** Bytes stored so far (file and write buffer). */
  get byteLength(): number {
    return this.flushedBytes + this.bufferedBytes;
  }

  put(mesh: BuildingMesh): MeshHandle {
    const descriptor = this.openDescriptor();
    const prepared = prepareMeshRecord(mesh);
    if (this.bufferedBytes + prepared.maximumByteLength > WRITE_BUFFER_BYTES) this.flush();
    let length: number;
    if (prepared.maximumByteLength <= WRITE_BUFFER_BYTES) {
      // Encoded straight into the write buffer: no record-sized allocation per building.
      length = writeMeshRecord(prepared, this.writeBuffer, this.bufferedBytes);
      this.bufferedBytes += length;
    } else {
      const record = encodeMeshRecord(mesh);
      writeFully(descriptor, record, this.flushedBytes);
      this.flushedBytes += record.byteLength;
      length = record.byteLength;
    }
    this.offsets.push(this.byteLength - length);
    this.lengths.push(length);
    return this.offsets.length - 1;
  }

  get(handle: MeshHandle): BuildingMesh {
    const descriptor = this.openDescriptor();
    if (!Number.isInteger(handle) || handle < 0 || handle >= this.size)
      throw new Error(`No mesh stored under handle ${handle}.`);
    const offset = this.offsets.get(handle);
    const length = this.lengths.get(handle);
    if (offset + length > this.flushedBytes) this.flush();
    // A buffer of its own per record: decodeMeshRecord then views it instead of copying the arrays out.
    const record = new Uint8Array(length);
    for (let read = 0; read < length;) {
      const bytes = readSync(descriptor, record, read, length - read, offset + read);
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

/** writeSync may write less than asked; keeps writing until every byte is at its position. */
function writeFully(descriptor: number, bytes: Uint8Array, position: number): void {
  for (let written = 0; written < bytes.byteLength;) {
    written += writeSync(descriptor, bytes, written, bytes.byteLength - written, position + written);
  }
}

/** A file-backed spill store in a fresh temporary folder (under the OS's temp folder unless told otherwise). */
export function createFileMeshSpillStore(parentFolder?: string): FileMeshSpillStore {
  return new FileMeshSpillStore(parentFolder);
}
