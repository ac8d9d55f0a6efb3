import type { BuildingMesh } from '../buildingModel';
import { listLeaves, type QuadtreeNode } from './buildingQuadtree';
import type { BuildingLabelFunctions } from './buildingProperties';
import { BuildingTileIndex } from './buildingTileIndex';
import { createInMemoryMeshSpillStore } from './meshSpillStore';
import type { HeightMode } from './placeBuilding';
import {
  createTileContentWriter,
  type TileBuildings,
  type TileContent,
  type TileContentSettings,
  type TileContentWriter,
} from './tileContentWriter';
import { TILE_GENERATOR } from './tileGlb';
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
  /**
   * Where the buildings come from, with the licence (plain text, e.g. "3D-Gebäudemodell LoD2: © Geobasis NRW,
   * dl-de/zero-2-0"): written as a credit of tileset.json that CesiumJS shows and the app lists in its sources.
   */
  attribution?: string;
  /** Largest allowed distance between a written and an input vertex (default 0.01 m). */
  positionToleranceMeters?: number;
  /**
   * Called after each tile's GLB is written, with the buildings in the tiles written so far and in all tiles:
   * pass 2 is a third or more of a run, long enough that a caller shows its progress too.
   */
  onTileWritten?(buildingsWritten: number, buildingCount: number): void;
  /**
   * Called with each leaf's buildings as they are loaded for writing, leaves in the order their files are
   * written: pass 2 is where every building kept is seen once more (the pipeline makes the address index here).
   */
  onLeafBuildings?(buildings: TileBuildings): void;
  /** Called after the last tile, before tileset.json is written (which comes last): for files of its own. */
  beforeTilesetJson?(): void | Promise<void>;
  /**
   * Writes the leaves' GLBs somewhere else, e.g. in a pool of worker threads (scripts/buildings/tileWriterPool.ts),
   * given the settings and the number of buildings; undefined (or no function) writes them in this thread.
   * Such a writer brings its own labels: it cannot be handed functions.
   */
  createTileWriter?(
    settings: TileContentSettings,
    buildingCount: number,
  ): Promise<TileContentWriter | undefined> | TileContentWriter | undefined;
}

/** One file of the tileset; the caller writes it below the tileset's folder. */
export interface TilesetFile {
  /** Relative path with forward slashes, e.g. `tileset.json` or `content/2_1_3.glb`. */
  path: string;
  bytes: Uint8Array;
}

/** All files of a tileset, sorted by path. */
export type TilesetFiles = TilesetFile[];

/** Takes each file as soon as it is written, so a caller can put it on disk instead of holding the whole tileset. */
export type TilesetFileSink = (file: TilesetFile) => void | Promise<void>;

/**
 * A file handed over in pieces, in order, for one too large to hold at once (the address index of a city whose
 * entries were spilled to disk). The chunks can be iterated once; each is valid only until the next is asked for
 * (its bytes may be reused), so a sink that keeps them copies them.
 */
export interface ChunkedTilesetFile {
  path: string;
  chunks: Iterable<Uint8Array>;
}

/** A sink that also takes files in chunks, what the pipeline (buildBuildingTileset) writes to. */
export type ChunkedTilesetFileSink = (file: TilesetFile | ChunkedTilesetFile) => void | Promise<void>;

/** The file with its chunks joined into one byte array (a whole file as it is). */
export function wholeTilesetFile(file: TilesetFile | ChunkedTilesetFile): TilesetFile {
  if ('bytes' in file) return file;
  // Copies: the next chunk may reuse the bytes.
  const chunks = Array.from(file.chunks, (chunk) => new Uint8Array(chunk));
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { path: file.path, bytes };
}

/** Buildings per tile before a quadtree cell is split (TilesetOptions.maxFeaturesPerTile). */
export const DEFAULT_MAX_FEATURES_PER_TILE = 1000;

/** The name of the tileset's entry document. */
export const TILESET_JSON_PATH = 'tileset.json';

/**
 * Beyond this depth a cell is under a metre wide (for a city); only buildings sharing a centroid get here.
 */
const MAX_QUADTREE_LEVEL = 20;

/** Orders files by path, the order the tileset's file list is returned in. */
export function byFilePath(a: TilesetFile, b: TilesetFile): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * Pass 2 of the tiler, after the index's finishReading: builds the quadtree from the index, then for each leaf
 * loads its buildings from the spill store, writes its GLB and lets them go, so memory holds one tile's worth;
 * tileset.json comes last. Deterministic: the same buildings give the same bytes, whatever order they came in.
 */
export async function writeIndexedBuildingTileset(
  index: BuildingTileIndex,
  writeFile: TilesetFileSink,
  options: TilesetOptions = {},
): Promise<void> {
  const buildingCount = index.buildingCount;
  if (buildingCount === 0) throw new Error('A tileset needs at least one building.');
  const heightMode = options.heightMode ?? 'ellipsoid';
  const { root, leaves: leafBuildings } = index.tiles({
    maxFeaturesPerTile: options.maxFeaturesPerTile ?? DEFAULT_MAX_FEATURES_PER_TILE,
    maxVerticesPerTile: options.maxVerticesPerTile ?? 200_000,
    maxCellSizeMeters: options.maxTileSizeMeters ?? Infinity,
    maxLevel: MAX_QUADTREE_LEVEL,
  });
  const settings: TileContentSettings = {
    heightMode,
    compression: options.compress === false ? 'none' : 'meshopt',
    colorRoofs: options.colorRoofs ?? true,
    positionToleranceMeters: options.positionToleranceMeters ?? 0.01,
  };
  const writer =
    (await options.createTileWriter?.(settings, buildingCount)) ??
    (await createTileContentWriter(settings, options.labels ?? {}));
  const leaves = listLeaves(root);
  const nextLeafBuildings = (): TileBuildings => {
    const next = leafBuildings.next();
    if (next.done) throw new Error('The index has fewer leaves than its tree.');
    options.onLeafBuildings?.(next.value);
    return next.value;
  };
  // Up to `concurrency` tiles in the making (asked for in the leaves' order, as the index streams them); each is
  // written to the sink in the leaves' order, so the files and their order do not depend on which finishes first.
  const inFlight: Promise<TileContent>[] = [];
  let asked = 0;
  const leafContent = new Map<QuadtreeNode<never>, LeafContent>();
  let buildingsWritten = 0;
  for (let leafIndex = 0; leafIndex < leaves.length; leafIndex++) {
    for (; asked < leaves.length && asked < leafIndex + writer.concurrency; asked++) {
      const content = writer.write(nextLeafBuildings());
      content.catch(() => undefined); // Rethrown when its turn comes; not an unhandled rejection meanwhile.
      inFlight[asked] = content;
    }
    const leaf = leaves[leafIndex]!;
    const { bytes, region, transform } = await inFlight[leafIndex]!;
    delete inFlight[leafIndex];
    const uri = `content/${leaf.level}_${leaf.x}_${leaf.y}.glb`;
    await writeFile({ path: uri, bytes });
    leafContent.set(leaf, { region, transform, uri });
    buildingsWritten += leaf.itemCount;
    options.onTileWritten?.(buildingsWritten, buildingCount);
  }
  await options.beforeTilesetJson?.();
  const tileset = buildTilesetJson(root, leafContent, {
    geometricErrorFraction: options.geometricErrorFraction ?? 1 / 16,
    generator: TILE_GENERATOR,
    buildingCount,
    heightMode,
    ...(options.attribution ? { attribution: options.attribution } : {}),
  });
  const json = `${JSON.stringify(tileset, null, 2)}\n`;
  await writeFile({ path: TILESET_JSON_PATH, bytes: new TextEncoder().encode(json) });
}

/**
 * Writes buildings as a 3D Tiles 1.1 tileset: a quadtree on the EPSG:25832 plane, one GLB per leaf with all
 * its buildings merged into one primitive, per-building metadata in one property table per GLB. Holds every
 * mesh and file in memory; the streaming pipeline uses writeIndexedBuildingTileset with a file-backed store.
 * Of buildings sharing a sourceId only the first is written.
 */
export async function writeBuildingTileset(
  meshes: readonly BuildingMesh[],
  options: TilesetOptions = {},
): Promise<TilesetFiles> {
  const store = createInMemoryMeshSpillStore();
  const index = new BuildingTileIndex(store);
  try {
    for (const mesh of meshes) index.add(mesh);
    index.finishReading();
    const files: TilesetFile[] = [];
    await writeIndexedBuildingTileset(index, (file) => void files.push(file), options);
    return files.sort(byFilePath);
  } finally {
    index.dispose();
    store.dispose();
  }
}
