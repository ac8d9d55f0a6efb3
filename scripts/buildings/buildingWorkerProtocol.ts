import type { BuildingIssue, BuildingMesh } from '../../src/domain/buildings/buildingModel';

/** What a worker is started with. */
export interface BuildingWorkerData {
  /**
   * Mesh bytes the main thread may hold untaken before the worker waits. The main thread takes files in order, so
   * a worker on a later file reads ahead into this allowance while an earlier file is still being read.
   */
  bytesAhead: number;
}

/** What a worker reports of one file, in the order it happened: issues and triangulated buildings interleaved. */
export type FileEvent = { issue: BuildingIssue } | { mesh: BuildingMesh };

/** Main thread → worker. */
export type ToWorker =
  /** Read and triangulate this CityGML file. */
  | { type: 'read'; fileIndex: number; path: string; displayName: string }
  /** The main thread has taken a batch of so many mesh bytes: the worker may read that much further ahead. */
  | { type: 'taken'; bytes: number };

/** Worker → main thread. */
export type FromWorker =
  | { type: 'batch'; fileIndex: number; events: FileEvent[]; bytes: number }
  | { type: 'done'; fileIndex: number }
  /** Reading threw (an unreadable file, say): the message and stack of the error, to be rethrown in order. */
  | { type: 'failed'; fileIndex: number; message: string; stack: string | undefined };

/**
 * Adds the buffers of the mesh's typed arrays, each once, to a transfer list (moved to the main thread, not
 * copied); returns their bytes.
 */
export function addMeshBuffers(mesh: BuildingMesh, transfer: ArrayBuffer[]): number {
  const first = transfer.length;
  let bytes = 0;
  for (const array of [mesh.positions, mesh.normals, mesh.indices, mesh.triangleSurfaceKinds]) {
    const buffer = array.buffer as ArrayBuffer;
    if (transfer.indexOf(buffer, first) >= 0) continue;
    transfer.push(buffer);
    bytes += buffer.byteLength;
  }
  return bytes;
}
