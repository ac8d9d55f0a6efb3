import type { BuildingMesh } from '../buildingModel';

/** A reference to a stored mesh; only the store that returned it can resolve it. */
export type MeshHandle = number;

/**
 * Where triangulated buildings wait between the tiler's two passes (the out-of-core tilers' spill store): pass 1
 * puts each mesh away and keeps only a small index entry, pass 2 gets back one tile's meshes at a time. A
 * file-backed store keeps memory independent of the number of buildings; the domain itself does no file I/O.
 */
export interface MeshSpillStore {
  /** Stores the mesh; the caller must not change it afterwards (an in-memory store keeps it, not a copy). */
  put(mesh: BuildingMesh): MeshHandle;
  /** The stored mesh, equal (not necessarily identical) to the one put. */
  get(handle: MeshHandle): BuildingMesh;
  /** Frees everything the store holds; it cannot be used afterwards. */
  dispose(): void;
}

/** Keeps the meshes themselves in an array: for tests and small inputs, where a temporary file costs more. */
export function createInMemoryMeshSpillStore(): MeshSpillStore {
  let meshes: BuildingMesh[] | undefined = [];
  const open = (): BuildingMesh[] => {
    if (!meshes) throw new Error('The mesh store has been disposed.');
    return meshes;
  };
  return {
    put(mesh) {
      return open().push(mesh) - 1;
    },
    get(handle) {
      const mesh = open()[handle];
      if (!mesh) throw new Error(`No mesh stored under handle ${handle}.`);
      return mesh;
    },
    dispose() {
      meshes = undefined;
    },
  };
}
