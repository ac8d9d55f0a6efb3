import { describe, expect, it } from 'vitest';
import type { BuildingMesh } from '../buildingModel';
import { buildingGrid } from './buildingFixtures';
import {
  buildQuadtree,
  listLeaves,
  squareCellAround,
  type QuadtreeBudget,
  type QuadtreeNode,
} from './buildingQuadtree';
import { BuildingTileIndex, type DuplicateBuilding } from './buildingTileIndex';
import { createInMemoryMeshSpillStore } from './meshSpillStore';
import { footprintCentroid } from './placeBuilding';
import type { RecordSortFactory } from './recordSort';

/** The same building moved east and read from another file: what a file given twice (edited) would give. */
function movedCopy(mesh: BuildingMesh, eastMeters: number): BuildingMesh {
  const positions = mesh.positions.map((value, index) => (index % 3 === 0 ? value + eastMeters : value));
  return { ...mesh, positions, attributes: { ...mesh.attributes, sourceFile: 'copy/second.gml' } };
}

const BUDGET: QuadtreeBudget = {
  maxFeaturesPerTile: 5,
  maxVerticesPerTile: 1e9,
  maxCellSizeMeters: Infinity,
  maxLevel: 20,
};

function indexOf(meshes: readonly BuildingMesh[], createSort?: RecordSortFactory): BuildingTileIndex {
  const index = new BuildingTileIndex(createInMemoryMeshSpillStore(), createSort);
  for (const mesh of meshes) index.add(mesh);
  return index;
}

/** The tree's shape: each node's address, cell and number of items. */
function shapeOf(node: QuadtreeNode<unknown>): unknown {
  const { level, x, y, cell, itemCount } = node;
  return { level, x, y, cell, itemCount, children: node.children.map(shapeOf) };
}

/**
 * A record sort that hands out every record in one reused buffer, as a file-backed sort may: an index that kept
 * a record it was given without copying it would read the next one's bytes.
 */
const reusingRecordSort: RecordSortFactory = (compare) => {
  const records: Uint8Array[] = [];
  return {
    add: (record) => void records.push(record.slice()),
    get size() {
      return records.length;
    },
    *sorted() {
      const buffer = new Uint8Array(4096);
      for (const record of records.sort(compare)) {
        buffer.fill(0xff);
        buffer.set(record);
        yield buffer.subarray(0, record.length);
      }
    },
    dispose: () => void records.splice(0),
  };
};

describe('BuildingTileIndex', () => {
  it('keeps the first building of a sourceId and reports the later one with both files', () => {
    const meshes = buildingGrid(4);
    const alone = indexOf(meshes);
    alone.finishReading();
    const rootAlone = alone.tiles(BUDGET).root;

    const index = indexOf([...meshes, movedCopy(meshes[2]!, 5000)]);
    const duplicates: DuplicateBuilding[] = [];
    expect(index.finishReading((duplicate) => duplicates.push(duplicate))).toBe(4);
    expect(duplicates).toEqual([
      {
        sourceId: meshes[2]!.attributes.sourceId,
        sourceFile: 'copy/second.gml',
        firstSourceFile: meshes[2]!.attributes.sourceFile,
      },
    ]);
    expect(index.buildingCount).toBe(4);
    const { root, leaves } = index.tiles(BUDGET);
    // The dropped copy's vertices, 5 km away, do not widen the root cell.
    expect(root.cell).toEqual(rootAlone.cell);
    const kept = [...iterate(leaves)].flatMap((leaf) => leaf.meshes);
    expect(kept).toContain(meshes[2]);
    expect(kept).toHaveLength(4);
  });

  it('builds the tree buildQuadtree builds, each leaf in sourceId order, whatever order buildings came in', () => {
    const meshes = buildingGrid(60, 40, 9);
    const placement = (mesh: BuildingMesh) => ({
      point: footprintCentroid(mesh),
      vertexCount: mesh.positions.length / 3,
    });
    for (const createSort of [undefined, reusingRecordSort]) {
      const index = indexOf([...meshes].reverse(), createSort);
      index.finishReading();
      const { root, leaves } = index.tiles(BUDGET);
      const bySourceId = [...meshes].sort((a, b) => (a.attributes.sourceId < b.attributes.sourceId ? -1 : 1));
      const expected = buildQuadtree(bySourceId, placement, rootCellOf(meshes), BUDGET);
      expect(listLeaves(expected).length).toBeGreaterThan(4);
      expect(shapeOf(root)).toEqual(shapeOf(expected));
      const streamed = [...iterate(leaves)];
      expect(streamed.map((leaf) => leaf.meshes.map((mesh) => mesh.attributes.sourceId))).toEqual(
        listLeaves(expected).map((leaf) => leaf.items.map((mesh) => mesh.attributes.sourceId)),
      );
      expect(streamed.map((leaf) => leaf.centroids)).toEqual(
        listLeaves(expected).map((leaf) => leaf.items.map((mesh) => footprintCentroid(mesh))),
      );
      index.dispose();
    }
  });

  it('refuses buildings after reading has finished, and tiles without any building', () => {
    const index = indexOf(buildingGrid(1));
    index.finishReading();
    expect(() => index.add(buildingGrid(2)[1]!)).toThrow(/after finishReading/);
    const empty = indexOf([]);
    expect(empty.finishReading()).toBe(0);
    expect(() => empty.tiles(BUDGET)).toThrow(/at least one building/);
  });
});

function* iterate<T>(iterator: Iterator<T>): Generator<T> {
  for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
}

/** The square root cell around every vertex of the meshes, as the index computes it. */
function rootCellOf(meshes: readonly BuildingMesh[]) {
  let [minimumEasting, minimumNorthing, maximumEasting, maximumNorthing] = [
    Infinity,
    Infinity,
    -Infinity,
    -Infinity,
  ];
  for (const mesh of meshes) {
    for (let offset = 0; offset < mesh.positions.length; offset += 3) {
      minimumEasting = Math.min(minimumEasting, mesh.positions[offset]!);
      minimumNorthing = Math.min(minimumNorthing, mesh.positions[offset + 1]!);
      maximumEasting = Math.max(maximumEasting, mesh.positions[offset]!);
      maximumNorthing = Math.max(maximumNorthing, mesh.positions[offset + 1]!);
    }
  }
  return squareCellAround(
    { eastingMeters: minimumEasting, northingMeters: minimumNorthing },
    { eastingMeters: maximumEasting, northingMeters: maximumNorthing },
  );
}
