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
  /** The items of a leaf; empty for inner nodes (content only at leaves) and in a streamed tree. */
  items: Item[];
  /** Number of items in the node and below it. */
  itemCount: number;
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
 * Where a point lies in the tree: the quadrant it falls in at each level from 1 to `maxLevel` (0 south-west,
 * 1 south-east, 2 north-west, 3 north-east), as one base-4 number with level 1 as its highest digit. The
 * quadrant tests and child cells are computed exactly as the tree's own splits compute them, so that items
 * sorted by their paths are the tree's leaves one after another, depth first in child order. At most 26 levels
 * (the path must stay an exact integer).
 */
export function quadtreePathOf(point: Utm32Point, rootCell: QuadtreeCell, maxLevel: number): number {
  if (maxLevel > 26) throw new Error(`A quadtree path holds at most 26 levels, not ${maxLevel}.`);
  let minimumEasting = rootCell.minimumEastingMeters;
  let minimumNorthing = rootCell.minimumNorthingMeters;
  let size = rootCell.sizeMeters;
  let path = 0;
  for (let level = 0; level < maxLevel; level++) {
    const halfSize = size / 2;
    const east = point.eastingMeters >= minimumEasting + halfSize ? 1 : 0;
    const north = point.northingMeters >= minimumNorthing + halfSize ? 1 : 0;
    path = path * 4 + north * 2 + east;
    minimumEasting = minimumEasting + east * halfSize;
    minimumNorthing = minimumNorthing + north * halfSize;
    size = halfSize;
  }
  return path;
}

/** A node of the tree being built whose items are still coming in. */
interface OpenNode {
  level: number;
  x: number;
  y: number;
  cell: QuadtreeCell;
  /** Its quadrant digit within its parent (the root: 0). */
  digit: number;
  itemCount: number;
  vertexCount: number;
  /** Closed children, in child order. */
  children: QuadtreeNode<never>[];
}

/**
 * Builds the quadtree from items that come sorted by their paths (quadtreePathOf), without holding them: it
 * keeps only the nodes along the current path and the nodes of the finished tree (one per tile and its
 * ancestors), so a tiler can stream any number of buildings through it. The tree equals the one buildQuadtree
 * makes of the same items; its leaves hold no items, only `itemCount` (the items of each leaf are the next
 * `itemCount` of the sorted stream, leaves in depth-first child order).
 */
export class QuadtreeStreamBuilder {
  /** open[level] is the node at that level on the current path; empty before the first item. */
  private readonly open: OpenNode[] = [];
  private previousPath = -1;

  constructor(
    private readonly rootCell: QuadtreeCell,
    private readonly budget: QuadtreeBudget,
  ) {}

  /** Adds the next item; paths must not decrease. */
  add(path: number, vertexCount: number): void {
    const { maxLevel } = this.budget;
    if (path < this.previousPath) throw new Error('Quadtree items must come sorted by their paths.');
    if (this.open.length === 0) {
      this.open.push(this.openNode(undefined, 0));
      this.openBelow(0, path);
    } else if (path !== this.previousPath) {
      // The first level whose quadrant differs: every deeper node on the old path is finished.
      let level = 1;
      while (digitAt(path, level, maxLevel) === this.open[level]!.digit) level++;
      this.closeDownTo(level);
      this.openBelow(level - 1, path);
    }
    this.previousPath = path;
    const deepest = this.open[maxLevel]!;
    deepest.itemCount++;
    deepest.vertexCount += vertexCount;
  }

  /** The finished tree; throws when no item was added. */
  finish(): QuadtreeNode<never> {
    if (this.open.length === 0) throw new Error('A quadtree needs at least one item.');
    this.closeDownTo(1);
    return this.close(this.open.pop()!);
  }

  /** Opens the nodes of `path` below `level` (whose node is open). */
  private openBelow(level: number, path: number): void {
    for (let child = level + 1; child <= this.budget.maxLevel; child++) {
      this.open[child] = this.openNode(this.open[child - 1], digitAt(path, child, this.budget.maxLevel));
    }
  }

  private openNode(parent: OpenNode | undefined, digit: number): OpenNode {
    if (!parent) {
      return {
        level: 0,
        x: 0,
        y: 0,
        cell: this.rootCell,
        digit: 0,
        itemCount: 0,
        vertexCount: 0,
        children: [],
      };
    }
    const east = digit % 2;
    const north = Math.floor(digit / 2);
    const halfSize = parent.cell.sizeMeters / 2;
    return {
      level: parent.level + 1,
      x: parent.x * 2 + east,
      y: parent.y * 2 + north,
      cell: {
        minimumEastingMeters: parent.cell.minimumEastingMeters + east * halfSize,
        minimumNorthingMeters: parent.cell.minimumNorthingMeters + north * halfSize,
        sizeMeters: halfSize,
      },
      digit,
      itemCount: 0,
      vertexCount: 0,
      children: [],
    };
  }

  /** Closes the open nodes from the deepest up to `level`, handing each to its parent. */
  private closeDownTo(level: number): void {
    for (let deepest = this.open.length - 1; deepest >= level; deepest--) {
      const node = this.open.pop()!;
      const parent = this.open[deepest - 1]!;
      parent.itemCount += node.itemCount;
      parent.vertexCount += node.vertexCount;
      parent.children.push(this.close(node));
    }
  }

  /** A finished node: split (keeping its children) when over budget, else a leaf (its children let go). */
  private close(node: OpenNode): QuadtreeNode<never> {
    const { budget } = this;
    const overBudget =
      node.itemCount > budget.maxFeaturesPerTile ||
      node.vertexCount > budget.maxVerticesPerTile ||
      node.cell.sizeMeters > budget.maxCellSizeMeters;
    const split = overBudget && node.itemCount > 1 && node.level < budget.maxLevel;
    const { level, x, y, cell, itemCount } = node;
    return { level, x, y, cell, children: split ? node.children : [], items: [], itemCount };
  }
}

/** The quadrant digit of `path` at `level` (1 … maxLevel). */
function digitAt(path: number, level: number, maxLevel: number): number {
  return Math.floor(path / 4 ** (maxLevel - level)) % 4;
}

/**
 * Builds the quadtree: a node is split into four while it holds more features or vertices than the budget
 * allows, or its cell is too large; an item goes whole to the child whose cell holds its point (buildings are
 * never split). Within a leaf the items keep the order they were given in. The items in memory; a tiler
 * streams them through QuadtreeStreamBuilder instead.
 */
export function buildQuadtree<Item>(
  items: readonly Item[],
  placementOf: (item: Item) => QuadtreeItemPlacement,
  rootCell: QuadtreeCell,
  budget: QuadtreeBudget,
): QuadtreeNode<Item> {
  const paths = new Float64Array(items.length);
  const vertexCounts = new Float64Array(items.length);
  items.forEach((item, position) => {
    const { point, vertexCount } = placementOf(item);
    paths[position] = quadtreePathOf(point, rootCell, budget.maxLevel);
    vertexCounts[position] = vertexCount;
  });
  const order = Array.from({ length: items.length }, (_, position) => position).sort(
    (a, b) => paths[a]! - paths[b]! || a - b,
  );
  const builder = new QuadtreeStreamBuilder(rootCell, budget);
  for (const position of order) builder.add(paths[position]!, vertexCounts[position]!);
  const root = builder.finish() as QuadtreeNode<Item>;
  let next = 0;
  for (const leaf of listLeaves(root)) {
    const positions = order.slice(next, next + leaf.itemCount).sort((a, b) => a - b);
    leaf.items = positions.map((position) => items[position]!);
    next += leaf.itemCount;
  }
  return root;
}

/** Every leaf of the tree, depth first in child order. */
export function listLeaves<Item>(node: QuadtreeNode<Item>): QuadtreeNode<Item>[] {
  return node.children.length === 0 ? [node] : node.children.flatMap((child) => listLeaves(child));
}
