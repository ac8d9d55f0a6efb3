import { describe, expect, it } from 'vitest';
import type { BuildingMesh } from '../buildingModel';
import { buildingGrid } from './buildingFixtures';
import { BuildingTileIndex } from './buildingTileIndex';
import { createInMemoryMeshSpillStore } from './meshSpillStore';

/** The same building moved east and read from another file: what a file given twice (edited) would give. */
function movedCopy(mesh: BuildingMesh, eastMeters: number): BuildingMesh {
  const positions = mesh.positions.map((value, index) => (index % 3 === 0 ? value + eastMeters : value));
  return { ...mesh, positions, attributes: { ...mesh.attributes, sourceFile: 'copy/second.gml' } };
}

describe('BuildingTileIndex', () => {
  it('keeps the first building of a sourceId, stores nothing of the later one and names the first file', () => {
    const store = createInMemoryMeshSpillStore();
    const index = new BuildingTileIndex(store);
    const meshes = buildingGrid(4);
    for (const mesh of meshes) expect(index.add(mesh).added).toBe(true);
    const rootBefore = index.rootCell();
    const result = index.add(movedCopy(meshes[2]!, 5000));
    expect(result).toEqual({ added: false, firstSourceFile: meshes[2]!.attributes.sourceFile });
    expect(index.size).toBe(4);
    // The dropped copy's vertices, 5 km away, do not widen the root cell.
    expect(index.rootCell()).toEqual(rootBefore);
    expect(index.meshOf(2)).toBe(meshes[2]);
  });

  it('lists buildings by sourceId whatever order they came in, with their placements', () => {
    const meshes = buildingGrid(6);
    const index = new BuildingTileIndex(createInMemoryMeshSpillStore());
    for (const mesh of [...meshes].reverse()) index.add(mesh);
    const sorted = index.sortedEntries().map((entry) => index.meshOf(entry).attributes.sourceId);
    expect(sorted).toEqual(meshes.map((mesh) => mesh.attributes.sourceId).sort());
    const first = index.sortedEntries()[0]!;
    expect(index.placementOf(first).vertexCount).toBe(meshes[0]!.positions.length / 3);
  });
});
