import { describe, expect, it } from 'vitest';
import {
  buildQuadtree,
  listLeaves,
  squareCellAround,
  type QuadtreeBudget,
  type QuadtreeCell,
  type QuadtreeNode,
} from './buildingQuadtree';

interface TestItem {
  id: number;
  easting: number;
  northing: number;
  vertexCount: number;
}

/** Deterministic pseudo-random points (a linear congruential generator), so failures repeat. */
function scatteredItems(count: number): TestItem[] {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, (_, id) => ({
    id,
    easting: 405000 + next() * 2000,
    northing: 5757000 + next() * 1000,
    vertexCount: 48,
  }));
}

const placement = (item: TestItem) => ({
  point: { eastingMeters: item.easting, northingMeters: item.northing },
  vertexCount: item.vertexCount,
});
const ROOT = squareCellAround(
  { eastingMeters: 405000, northingMeters: 5757000 },
  { eastingMeters: 407000, northingMeters: 5758000 },
);
const LARGE = { maxFeaturesPerTile: 1e9, maxVerticesPerTile: 1e9, maxCellSizeMeters: 1e9, maxLevel: 20 };

function listNodes<Item>(node: QuadtreeNode<Item>): QuadtreeNode<Item>[] {
  return [node, ...node.children.flatMap((child) => listNodes(child))];
}

/**
 * The tree by recursive splitting, as the tiler built it before it streamed: each over-budget node partitions its
 * items into quadrants (stably) and recurses. The streamed tree must be this one, node for node.
 */
function splitRecursively(
  items: readonly TestItem[],
  cell: QuadtreeCell,
  budget: QuadtreeBudget,
  level = 0,
  x = 0,
  y = 0,
): QuadtreeNode<TestItem> {
  const vertexCount = items.reduce((sum, item) => sum + item.vertexCount, 0);
  const overBudget =
    items.length > budget.maxFeaturesPerTile ||
    vertexCount > budget.maxVerticesPerTile ||
    cell.sizeMeters > budget.maxCellSizeMeters;
  const node = { level, x, y, cell, children: [], items: [...items], itemCount: items.length };
  if (!overBudget || items.length <= 1 || level >= budget.maxLevel) return node;
  const half = cell.sizeMeters / 2;
  const children = [0, 1, 2, 3].flatMap((quadrant) => {
    const [east, north] = [quadrant % 2, Math.floor(quadrant / 2)];
    const inQuadrant = items.filter(
      (item) =>
        (item.easting >= cell.minimumEastingMeters + half ? 1 : 0) === east &&
        (item.northing >= cell.minimumNorthingMeters + half ? 1 : 0) === north,
    );
    if (inQuadrant.length === 0) return [];
    const childCell = {
      minimumEastingMeters: cell.minimumEastingMeters + east * half,
      minimumNorthingMeters: cell.minimumNorthingMeters + north * half,
      sizeMeters: half,
    };
    return [splitRecursively(inQuadrant, childCell, budget, level + 1, x * 2 + east, y * 2 + north)];
  });
  return { ...node, children, items: [] };
}

describe('buildQuadtree', () => {
  it('builds, from its sorted stream, the tree recursive splitting builds: on cell edges and stacked points too', () => {
    const items = [
      ...scatteredItems(300),
      // On the root's and deeper cells' midlines, and many buildings sharing one centroid.
      ...Array.from({ length: 40 }, (_, id) => ({
        id: 1000 + id,
        easting: 406000 + (id % 4) * 250,
        northing: 5757000 + Math.floor(id / 4) * 125,
        vertexCount: 12 + id,
      })),
      ...Array.from({ length: 12 }, (_, id) => ({
        id: 2000 + id,
        easting: 405123,
        northing: 5757321,
        vertexCount: 30,
      })),
    ];
    const budgets: QuadtreeBudget[] = [
      { ...LARGE, maxFeaturesPerTile: 9 },
      { ...LARGE, maxFeaturesPerTile: 50, maxVerticesPerTile: 900 },
      { ...LARGE, maxFeaturesPerTile: 3, maxLevel: 7 },
      { ...LARGE, maxCellSizeMeters: 400 },
    ];
    for (const budget of budgets) {
      expect(buildQuadtree(items, placement, ROOT, budget)).toEqual(splitRecursively(items, ROOT, budget));
    }
  });

  it('splits until no leaf holds more than the feature budget, keeping every item once, in its cell', () => {
    const items = scatteredItems(200);
    const root = buildQuadtree(items, placement, ROOT, { ...LARGE, maxFeaturesPerTile: 7 });
    const leaves = listLeaves(root);
    expect(Math.max(...leaves.map((leaf) => leaf.items.length))).toBeLessThanOrEqual(7);
    expect(leaves.flatMap((leaf) => leaf.items.map((item) => item.id)).sort((a, b) => a - b)).toEqual(
      items.map((item) => item.id),
    );
    for (const leaf of leaves) {
      for (const item of leaf.items) {
        expect(item.easting).toBeGreaterThanOrEqual(leaf.cell.minimumEastingMeters);
        expect(item.easting).toBeLessThanOrEqual(leaf.cell.minimumEastingMeters + leaf.cell.sizeMeters);
        expect(item.northing).toBeGreaterThanOrEqual(leaf.cell.minimumNorthingMeters);
        expect(item.northing).toBeLessThanOrEqual(leaf.cell.minimumNorthingMeters + leaf.cell.sizeMeters);
      }
    }
    for (const node of listNodes(root)) {
      if (node.children.length > 0) expect(node.items).toEqual([]);
      for (const child of node.children) {
        expect(child.level).toBe(node.level + 1);
        expect(child.cell.sizeMeters).toBe(node.cell.sizeMeters / 2);
        expect(Math.floor(child.x / 2)).toBe(node.x);
        expect(Math.floor(child.y / 2)).toBe(node.y);
      }
    }
  });

  it('splits by the vertex budget and by cell size as well', () => {
    const items = scatteredItems(40);
    const byVertices = buildQuadtree(items, placement, ROOT, { ...LARGE, maxVerticesPerTile: 48 * 5 });
    expect(Math.max(...listLeaves(byVertices).map((leaf) => leaf.items.length))).toBeLessThanOrEqual(5);
    const bySize = buildQuadtree(items, placement, ROOT, { ...LARGE, maxCellSizeMeters: 300 });
    for (const leaf of listLeaves(bySize)) {
      expect(leaf.items.length === 1 || leaf.cell.sizeMeters <= 300).toBe(true);
    }
  });

  it('never splits a single item, and stops at the maximum level for items sharing a point', () => {
    const huge = [{ id: 0, easting: 405500, northing: 5757500, vertexCount: 1e6 }];
    expect(buildQuadtree(huge, placement, ROOT, { ...LARGE, maxVerticesPerTile: 10 }).items).toHaveLength(1);
    const stacked = Array.from({ length: 10 }, (_, id) => ({
      id,
      easting: 405500,
      northing: 5757500,
      vertexCount: 1,
    }));
    const leaves = listLeaves(
      buildQuadtree(stacked, placement, ROOT, { ...LARGE, maxFeaturesPerTile: 2, maxLevel: 6 }),
    );
    expect(leaves).toHaveLength(1);
    expect(leaves[0]!.level).toBe(6);
  });
});
