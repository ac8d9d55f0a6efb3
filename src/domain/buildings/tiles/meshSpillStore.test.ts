import { describe, expect, it } from 'vitest';
import { buildingGrid } from './buildingFixtures';
import { createInMemoryMeshSpillStore } from './meshSpillStore';

describe('in-memory mesh spill store', () => {
  it('gives back each mesh under its handle, and nothing once disposed', () => {
    const store = createInMemoryMeshSpillStore();
    const meshes = buildingGrid(3);
    const handles = meshes.map((mesh) => store.put(mesh));
    expect(new Set(handles).size).toBe(3);
    handles.forEach((handle, index) => expect(store.get(handle)).toBe(meshes[index]));
    expect(() => store.get(99)).toThrow(/No mesh/);
    store.dispose();
    expect(() => store.get(handles[0]!)).toThrow(/disposed/);
  });
});
