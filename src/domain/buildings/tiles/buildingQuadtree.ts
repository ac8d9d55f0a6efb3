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
  const placements = new Map(items.map((item) => [item, placementOf(item)]));
  return buildNode([...items], placements, rootCell, 0, 0, 0, budget);
}

function buildNode<Item>(
  items: Item[],
  placements: ReadonlyMap<Item, QuadtreeItemPlacement>,
  cell: QuadtreeCell,
  level: number,
  x: number,
  y: number,
  budget: QuadtreeBudget,
): QuadtreeNode<Item> {
  const vertexCount = items.reduce((sum, item) => sum + placements.get(item)!.vertexCount, 0);
  const overBudget =
    items.length > budget.maxFeaturesPerTile ||
    vertexCount > budget.maxVerticesPerTile ||
    cell.sizeMeters > budget.maxCellSizeMeters;
  if (!overBudget || items.length <= 1 || level >= budget.maxLevel) {
    return { level, x, y, cell, children: [], items };
  }
  const halfSize = cell.sizeMeters / 2;
  const middleEasting = cell.minimumEastingMeters + halfSize;
  const middleNorthing = cell.minimumNorthingMeters + halfSize;
  const quadrants: Item[][] = [[], [], [], []];
  for (const item of items) {
    const { point } = placements.get(item)!;
    const east = point.eastingMeters >= middleEasting ? 1 : 0;
    const north = point.northingMeters >= middleNorthing ? 1 : 0;
    quadrants[north * 2 + east]!.push(item);
  }
  const children: QuadtreeNode<Item>[] = [];
  quadrants.forEach((quadrantItems, quadrant) => {
    if (quadrantItems.length === 0) return;
    const east = quadrant % 2;
    const north = Math.floor(quadrant / 2);
    const childCell: QuadtreeCell = {
      minimumEastingMeters: cell.minimumEastingMeters + east * halfSize,
      minimumNorthingMeters: cell.minimumNorthingMeters + north * halfSize,
      sizeMeters: halfSize,
    };
    children.push(
      buildNode(quadrantItems, placements, childCell, level + 1, x * 2 + east, y * 2 + north, budget),
    );
  });
  return { level, x, y, cell, children, items: [] };
}

/** Every leaf of the tree, depth first in child order. */
export function listLeaves<Item>(node: QuadtreeNode<Item>): QuadtreeNode<Item>[] {
  return node.children.length === 0 ? [node] : node.children.flatMap((child) => listLeaves(child));
}
