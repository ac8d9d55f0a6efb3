import type { Utm32Point } from '../../geo/projection';

/** A square cell of the quadtree on the EPSG:25832 plane. */
export interface QuadtreeCell {
  minimumEastingMeters: number;
  minimumNorthingMeters: number;
  sizeMeters: number;
}

/** One node: its address (level, x from the west, y from the south), its cell, and children or items. */
export interface QuadtreeNode<Item> {
  level: number;
  x: number;
  y: number;
  cell: QuadtreeCell;
  /** Non-empty children in the order south-west, south-east, north-west, north-east. */
  children: QuadtreeNode<Item>[];
  /** The items of a leaf; empty for inner nodes (content only at leaves). */
  items: Item[];
}

/** When a node is split. */
export interface QuadtreeBudget {
  maxFeaturesPerTile: number;
  maxVerticesPerTile: number;
  /** Cells larger than this are split too (while they hold more than one item). */
  maxCellSizeMeters: number;
  /** A guard against endless splitting of buildings that share one centroid. */
  maxLevel: number;
}

/** What the quadtree needs to know of an item. */
export interface QuadtreeItemPlacement {
  point: Utm32Point;
  vertexCount: number;
}

/** The square cell, anchored at the south-west corner, that covers the given bounds. */
export function squareCellAround(minimum: Utm32Point, maximum: Utm32Point): QuadtreeCell {
  const sizeMeters = Math.max(
    maximum.eastingMeters - minimum.eastingMeters,
    maximum.northingMeters - minimum.northingMeters,
    // A single point still needs a cell with an area.
    1,
  );
  return {
    minimumEastingMeters: minimum.eastingMeters,
    minimumNorthingMeters: minimum.northingMeters,
    sizeMeters,
  };
}

/**
 * Builds the quadtree: a node is split into four while it holds more features or vertices than the budget
 * allows, or its cell is too large; an item goes whole to the child whose cell holds its point (buildings are
 * never split).
 */
export function buildQuadtree<Item>(
  items: readonly Item[],
  placementOf: (item: Item) => QuadtreeItemPlacement,
  rootCell: QuadtreeCell,
  budget: QuadtreeBudget,
): QuadtreeNode<Item> {
  // What the splitting needs, per item in typed arrays (24 bytes an item, no object or map entry kept per item),
  // and the items' positions, which each split partitions in place.
  const eastings = new Float64Array(items.length);
  const northings = new Float64Array(items.length);
  const vertexCounts = new Float64Array(items.length);
  items.forEach((item, position) => {
    const { point, vertexCount } = placementOf(item);
    eastings[position] = point.eastingMeters;
    northings[position] = point.northingMeters;
    vertexCounts[position] = vertexCount;
  });
  const positions = Int32Array.from({ length: items.length }, (_, position) => position);
  const tree: QuadtreeBuild<Item> = {
    items,
    eastings,
    northings,
    vertexCounts,
    positions,
    scratch: new Int32Array(items.length),
    budget,
  };
  return buildNode(tree, 0, items.length, rootCell, 0, 0, 0);
}

/** The items of a quadtree being built; a node owns the range of `positions` it was given. */
interface QuadtreeBuild<Item> {
  items: readonly Item[];
  eastings: Float64Array;
  northings: Float64Array;
  vertexCounts: Float64Array;
  /** Item positions, grouped by node: each split reorders its range into its quadrants, keeping their order. */
  positions: Int32Array;
  /** Room for a split to reorder its range. */
  scratch: Int32Array;
  budget: QuadtreeBudget;
}

function buildNode<Item>(
  tree: QuadtreeBuild<Item>,
  start: number,
  end: number,
  cell: QuadtreeCell,
  level: number,
  x: number,
  y: number,
): QuadtreeNode<Item> {
  const { positions, scratch, budget } = tree;
  const itemCount = end - start;
  let vertexCount = 0;
  for (let index = start; index < end; index++) vertexCount += tree.vertexCounts[positions[index]!]!;
  const overBudget =
    itemCount > budget.maxFeaturesPerTile ||
    vertexCount > budget.maxVerticesPerTile ||
    cell.sizeMeters > budget.maxCellSizeMeters;
  if (!overBudget || itemCount <= 1 || level >= budget.maxLevel) {
    const items = Array.from(positions.subarray(start, end), (position) => tree.items[position]!);
    return { level, x, y, cell, children: [], items };
  }
  const halfSize = cell.sizeMeters / 2;
  const middleEasting = cell.minimumEastingMeters + halfSize;
  const middleNorthing = cell.minimumNorthingMeters + halfSize;
  const quadrantOf = (position: number) =>
    (tree.northings[position]! >= middleNorthing ? 2 : 0) +
    (tree.eastings[position]! >= middleEasting ? 1 : 0);
  // A stable partition into the four quadrants: count, then place each item after those before it.
  const quadrantStarts = [0, 0, 0, 0, 0];
  for (let index = start; index < end; index++) quadrantStarts[quadrantOf(positions[index]!) + 1]!++;
  for (let quadrant = 0; quadrant < 4; quadrant++) quadrantStarts[quadrant + 1]! += quadrantStarts[quadrant]!;
  const next = quadrantStarts.slice(0, 4);
  for (let index = start; index < end; index++) {
    const position = positions[index]!;
    scratch[start + next[quadrantOf(position)]!++] = position;
  }
  positions.set(scratch.subarray(start, end), start);
  const children: QuadtreeNode<Item>[] = [];
  for (let quadrant = 0; quadrant < 4; quadrant++) {
    const [from, to] = [start + quadrantStarts[quadrant]!, start + quadrantStarts[quadrant + 1]!];
    if (from === to) continue;
    const east = quadrant % 2;
    const north = Math.floor(quadrant / 2);
    const childCell: QuadtreeCell = {
      minimumEastingMeters: cell.minimumEastingMeters + east * halfSize,
      minimumNorthingMeters: cell.minimumNorthingMeters + north * halfSize,
      sizeMeters: halfSize,
    };
    children.push(buildNode(tree, from, to, childCell, level + 1, x * 2 + east, y * 2 + north));
  }
  return { level, x, y, cell, children, items: [] };
}

/** Every leaf of the tree, depth first in child order. */
export function listLeaves<Item>(node: QuadtreeNode<Item>): QuadtreeNode<Item>[] {
  return node.children.length === 0 ? [node] : node.children.flatMap((child) => listLeaves(child));
}
