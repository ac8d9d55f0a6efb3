import type { BuildingMesh } from '../buildingModel';
import { buildQuadtree, listLeaves, squareCellAround, type QuadtreeNode } from './buildingQuadtree';
import type { BuildingLabelFunctions } from './buildingProperties';
import { regionCenter, unionRegions } from './geographicRegion';
import { footprintCentroid, placeBuilding, type HeightMode } from './placeBuilding';
import { createTileFrame } from './tileGeometry';
import { TILE_GENERATOR, writeTileGlb } from './tileGlb';
import { createTileIO } from './tileIO';
import { buildTilesetJson, type LeafContent } from './tilesetJson';

/** How the buildings are tiled and stored; every field has a default. */
export interface TilesetOptions {
  /** `ellipsoid` (default): buildings stand on ellipsoid height 0; `true`: DHHN2016 + EGM96 undulation. */
  heightMode?: HeightMode;
  /**
   * Split a quadtree cell holding more buildings than this. Default 1,000 (pg2b3dm's default): about 0.5 MB
   * of GLB with metadata, quick to load, and a small feature table for CesiumJS to restyle.
   */
  maxFeaturesPerTile?: number;
  /**
   * Split a cell whose buildings have more vertices than this. Default 200,000 (GPU-friendly; rarely
   * reached).
   */
  maxVerticesPerTile?: number;
  /**
   * Split a cell larger than this (metres) as well; default: no limit. Measured on a synthetic city (20,000
   * buildings, dense core, sparse outskirts): a 600 m limit, small enough for every tile to keep 16-bit
   * positions within 1 cm, made 781 tiles at 0.70 KB per building; no limit made 64 tiles at 0.51 KB, a third of
   * them with float32 positions. Per-GLB overhead (JSON, schema) outweighs the float32 positions.
   */
  maxTileSizeMeters?: number;
  /**
   * A parent tile's geometric error = this × its cell's diagonal; leaves 0. With CesiumJS's default maximum
   * screen-space error of 16 px, the default 1/16 opens a tile once its diagonal spans about 256 px on
   * screen.
   */
  geometricErrorFraction?: number;
  /** Quantize + meshopt-compress the GLBs (default true); false writes plain float32. */
  compress?: boolean;
  /** Red-brown roofs and light grey walls as vertex colours (default true). */
  colorRoofs?: boolean;
  /** German labels for function and roof type codes; without them the label columns stay empty. */
  labels?: BuildingLabelFunctions;
  /** Largest allowed distance between a written and an input vertex (default 0.01 m). */
  positionToleranceMeters?: number;
}

/** One file of the tileset; the caller writes it below the tileset's folder. */
export interface TilesetFile {
  /** Relative path with forward slashes, e.g. `tileset.json` or `content/2_1_3.glb`. */
  path: string;
  bytes: Uint8Array;
}

/** All files of a tileset, sorted by path. */
export type TilesetFiles = TilesetFile[];

/** The name of the tileset's entry document. */
export const TILESET_JSON_PATH = 'tileset.json';

/**
 * Beyond this depth a cell is under a metre wide (for a city); only buildings sharing a centroid get here.
 */
const MAX_QUADTREE_LEVEL = 20;

/** Sorted by source id, so feature ids and tile contents do not depend on the order the readers delivered. */
function bySourceId(a: BuildingMesh, b: BuildingMesh): number {
  const first = a.attributes.sourceId;
  const second = b.attributes.sourceId;
  return first < second ? -1 : first > second ? 1 : 0;
}

function rootCellOf(meshes: readonly BuildingMesh[]) {
  const minimum = { eastingMeters: Infinity, northingMeters: Infinity };
  const maximum = { eastingMeters: -Infinity, northingMeters: -Infinity };
  for (const { positions } of meshes) {
    for (let offset = 0; offset < positions.length; offset += 3) {
      minimum.eastingMeters = Math.min(minimum.eastingMeters, positions[offset]!);
      minimum.northingMeters = Math.min(minimum.northingMeters, positions[offset + 1]!);
      maximum.eastingMeters = Math.max(maximum.eastingMeters, positions[offset]!);
      maximum.northingMeters = Math.max(maximum.northingMeters, positions[offset + 1]!);
    }
  }
  return squareCellAround(minimum, maximum);
}

/**
 * Writes buildings as a 3D Tiles 1.1 tileset: a quadtree on the EPSG:25832 plane, one GLB per leaf with all
 * its buildings merged into one primitive, per-building metadata in one property table per GLB.
 * Deterministic: the same input gives the same bytes.
 */
export async function writeBuildingTileset(
  meshes: readonly BuildingMesh[],
  options: TilesetOptions = {},
): Promise<TilesetFiles> {
  if (meshes.length === 0) throw new Error('A tileset needs at least one building.');
  const heightMode = options.heightMode ?? 'ellipsoid';
  const sorted = [...meshes].sort(bySourceId);
  // The quadtree needs only centroids; buildings are projected tile by tile, so memory holds one tile's worth.
  const root = buildQuadtree(
    sorted,
    (mesh) => ({ point: footprintCentroid(mesh), vertexCount: mesh.positions.length / 3 }),
    rootCellOf(sorted),
    {
      maxFeaturesPerTile: options.maxFeaturesPerTile ?? 1000,
      maxVerticesPerTile: options.maxVerticesPerTile ?? 200_000,
      maxCellSizeMeters: options.maxTileSizeMeters ?? Infinity,
      maxLevel: MAX_QUADTREE_LEVEL,
    },
  );
  const io = await createTileIO();
  const files: TilesetFile[] = [];
  const leafContent = new Map<QuadtreeNode<BuildingMesh>, LeafContent>();
  for (const leaf of listLeaves(root)) {
    const placed = leaf.items.map((mesh) => placeBuilding(mesh, heightMode));
    const region = unionRegions(placed.map((building) => building.region));
    const frame = createTileFrame(regionCenter(region));
    const uri = `content/${leaf.level}_${leaf.x}_${leaf.y}.glb`;
    const bytes = await writeTileGlb(io, placed, frame, {
      compression: options.compress === false ? 'none' : 'meshopt',
      colorRoofs: options.colorRoofs ?? true,
      labels: options.labels ?? {},
      positionToleranceMeters: options.positionToleranceMeters ?? 0.01,
    });
    files.push({ path: uri, bytes });
    leafContent.set(leaf, { region, transform: frame.transform, uri });
  }
  const tileset = buildTilesetJson(root, leafContent, {
    geometricErrorFraction: options.geometricErrorFraction ?? 1 / 16,
    generator: TILE_GENERATOR,
    buildingCount: sorted.length,
    heightMode,
  });
  const json = `${JSON.stringify(tileset, null, 2)}\n`;
  files.push({ path: TILESET_JSON_PATH, bytes: new TextEncoder().encode(json) });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
