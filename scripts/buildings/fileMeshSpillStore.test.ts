import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildingMesh } from '../../src/domain/buildings/buildingModel';
import { buildingGrid } from '../../src/domain/buildings/tiles/buildingFixtures';
import { createFileMeshSpillStore } from './fileMeshSpillStore';

/** The bytes of a typed array, for an exact comparison that stays quick for millions of elements. */
const bytesOf = (array: ArrayBufferView) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

/** Same class, same bits: what the tiler needs to write the same bytes as from memory. */
function expectIdentical(actual: BuildingMesh, expected: BuildingMesh): void {
  expect(actual.positions).toBeInstanceOf(Float64Array);
  expect(actual.normals).toBeInstanceOf(Float32Array);
  expect(actual.indices).toBeInstanceOf(Uint32Array);
  expect(actual.triangleSurfaceKinds).toBeInstanceOf(Uint8Array);
  for (const key of ['positions', 'normals', 'indices', 'triangleSurfaceKinds'] as const) {
    expect(bytesOf(actual[key]).equals(bytesOf(expected[key])), key).toBe(true);
  }
  expect(actual.attributes).toEqual(expected.attributes);
}

/** A long strip of triangles, about 49 bytes per vertex; 220,000 make 5 MB, more than the store's write buffer. */
function hugeMesh(vertexCount = 220_000): BuildingMesh {
  const [template] = buildingGrid(1);
  const positions = Float64Array.from({ length: vertexCount * 3 }, (_, index) => 405_000 + index * 0.001);
  const normals = new Float32Array(vertexCount * 3).fill(0.5);
  const indices = Uint32Array.from(
    { length: (vertexCount - 2) * 3 },
    (_, index) => Math.floor(index / 3) + (index % 3),
  );
  const triangleSurfaceKinds = new Uint8Array(vertexCount - 2).fill(1);
  return { ...template!, positions, normals, indices, triangleSurfaceKinds };
}

describe('file-backed mesh spill store', () => {
  it('gives back every mesh exactly, read before and after its write buffer went to the file', () => {
    const store = createFileMeshSpillStore();
    try {
      // About 5.6 MB of records: more than one write buffer, so some reads come from the file.
      const meshes = buildingGrid(4000);
      const handles = meshes.map((mesh, index) => {
        const handle = store.put(mesh);
        // Read straight back while the record may still sit in the write buffer.
        if (index % 500 === 0) expectIdentical(store.get(handle), mesh);
        return handle;
      });
      expect(store.byteLength).toBeGreaterThan(4 * 2 ** 20);
      // Scattered order, as pass 2 reads tile by tile.
      for (let step = 0; step < meshes.length; step++) {
        const index = (step * 1031) % meshes.length;
        expectIdentical(store.get(handles[index]!), meshes[index]!);
      }
    } finally {
      store.dispose();
    }
  });

  it('stores a mesh larger than its write buffer', () => {
    const store = createFileMeshSpillStore();
    try {
      const [small] = buildingGrid(1);
      const huge = hugeMesh();
      const handles = [store.put(small!), store.put(huge), store.put(small!)];
      expectIdentical(store.get(handles[1]!), huge);
      expectIdentical(store.get(handles[2]!), small!);
      expectIdentical(store.get(handles[0]!), small!);
    } finally {
      store.dispose();
    }
  });

  it('reads back records around and far beyond the size of one speculative read (8 KB)', () => {
    const store = createFileMeshSpillStore();
    try {
      // Records from about 7.5 KB to 9 KB in steps of 49 bytes, one of 100 KB, each between small ones.
      const [small] = buildingGrid(1);
      const meshes = [
        ...Array.from({ length: 30 }, (_, step) => hugeMesh(150 + step)),
        hugeMesh(2000),
      ].flatMap((mesh) => [small!, mesh]);
      const handles = meshes.map((mesh) => store.put(mesh));
      // Then enough to push them all out of the write buffer into the file.
      while (store.byteLength < 5 * 2 ** 20) store.put(hugeMesh(10_000));
      meshes.forEach((mesh, index) => expectIdentical(store.get(handles[index]!), mesh));
      expect(store.size).toBeGreaterThan(meshes.length);
    } finally {
      store.dispose();
    }
  });

  it('reads records still in its write buffer, and refuses handles it never gave', () => {
    const store = createFileMeshSpillStore();
    try {
      const meshes = buildingGrid(20);
      const handles = meshes.map((mesh) => store.put(mesh));
      // 20 small records are far from filling the write buffer (4 MB): every read comes from memory.
      expect(store.byteLength).toBeLessThan(2 ** 20);
      expect(store.size).toBe(20);
      expect(new Set(handles).size).toBe(20);
      for (const index of [19, 0, 7]) expectIdentical(store.get(handles[index]!), meshes[index]!);
      for (const wrong of [-1, 0.5, store.byteLength, Number.NaN])
        expect(() => store.get(wrong)).toThrow(/No mesh stored under handle/);
    } finally {
      store.dispose();
    }
  });

  it('leaves nothing in the temporary folder, and refuses work once disposed', () => {
    const parent = mkdtempSync(join(tmpdir(), 'twin-spill-test-'));
    const store = createFileMeshSpillStore(parent);
    const handle = store.put(buildingGrid(1)[0]!);
    // On Linux and macOS the file is unlinked while open, so even a killed process leaves nothing behind.
    if (process.platform !== 'win32') expect(readdirSync(parent)).toEqual([]);
    store.dispose();
    store.dispose();
    expect(readdirSync(parent)).toEqual([]);
    expect(() => store.get(handle)).toThrow(/disposed/);
    expect(() => store.put(buildingGrid(1)[0]!)).toThrow(/disposed/);
    rmSync(parent, { recursive: true });
  });
});
