import type { QuadtreeNode } from './buildingQuadtree';
import { regionToArray, unionRegions, type GeographicRegion } from './geographicRegion';
import type { HeightMode } from './placeBuilding';

/** One tile of tileset.json (3D Tiles 1.1), the fields we write. */
export interface TilesetTile {
  boundingVolume: { region: number[] };
  geometricError: number;
  refine?: 'ADD';
  /** ENU → ECEF at the tile's centre, column-major; only tiles with content have one. */
  transform?: number[];
  content?: { uri: string };
  children?: TilesetTile[];
}

/** The tileset.json document. */
export interface Tileset {
  /** `extras.cesium.credits`: where the buildings come from, which CesiumJS shows among its credits. */
  asset: { version: '1.1'; generator: string; extras?: { cesium: { credits: { html: string }[] } } };
  geometricError: number;
  root: TilesetTile;
  extras: { buildingCount: number; heightMode: HeightMode };
}

/** What the writer knows of a leaf once its GLB is written. */
export interface LeafContent {
  region: GeographicRegion;
  transform: number[];
  uri: string;
}

/** What shapes the tree beyond the quadtree itself. */
export interface TilesetJsonOptions {
  /** A tile's geometric error = this × its cell's diagonal (see writeBuildingTileset). */
  geometricErrorFraction: number;
  generator: string;
  buildingCount: number;
  heightMode: HeightMode;
  /** Where the buildings come from and under which licence, as plain text (see TilesetOptions.attribution). */
  attribution?: string;
}

/** Text as HTML: CesiumJS shows a tileset's credits as HTML. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The plain text of a credit written by {@link buildTilesetJson} (or any credit: tags dropped, entities read). */
export function creditText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_entity, code: string) => String.fromCharCode(Number(code)))
    .replace(
      /&(amp|lt|gt|quot|apos);/g,
      (_entity, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name]!,
    )
    .trim();
}

function cellDiagonalMeters(node: QuadtreeNode<unknown>): number {
  return node.cell.sizeMeters * Math.SQRT2;
}

/**
 * Converts the quadtree into tiles. Refinement is ADD with content at the leaves only (as pg2b3dm and tyler
 * do): no building is drawn twice and parents need no simplified copies. A parent's bounding region is the
 * union of its children's, each computed from the buildings' vertices, so children always lie inside their
 * parent.
 */
function toTile<Item>(
  node: QuadtreeNode<Item>,
  leafContent: ReadonlyMap<QuadtreeNode<Item>, LeafContent>,
  options: TilesetJsonOptions,
): { tile: TilesetTile; region: GeographicRegion } {
  const content = leafContent.get(node);
  if (content) {
    return {
      region: content.region,
      tile: {
        boundingVolume: { region: regionToArray(content.region) },
        // Leaves hold every building at full detail: nothing is missing, so no error.
        geometricError: 0,
        transform: content.transform,
        content: { uri: content.uri },
      },
    };
  }
  const children = node.children.map((child) => toTile(child, leafContent, options));
  const region = unionRegions(children.map((child) => child.region));
  return {
    region,
    tile: {
      boundingVolume: { region: regionToArray(region) },
      geometricError: cellDiagonalMeters(node) * options.geometricErrorFraction,
      children: children.map((child) => child.tile),
    },
  };
}

/** Builds tileset.json for a quadtree whose leaves have been written. */
export function buildTilesetJson<Item>(
  root: QuadtreeNode<Item>,
  leafContent: ReadonlyMap<QuadtreeNode<Item>, LeafContent>,
  options: TilesetJsonOptions,
): Tileset {
  const { boundingVolume, geometricError, ...rest } = toTile(root, leafContent, options).tile;
  return {
    asset: {
      version: '1.1',
      generator: options.generator,
      ...(options.attribution
        ? { extras: { cesium: { credits: [{ html: escapeHtml(options.attribution) }] } } }
        : {}),
    },
    // The error of drawing nothing at all; for a root that is itself a leaf, what its parent would have had.
    geometricError: cellDiagonalMeters(root) * options.geometricErrorFraction,
    root: { boundingVolume, geometricError, refine: 'ADD', ...rest },
    extras: { buildingCount: options.buildingCount, heightMode: options.heightMode },
  };
}
