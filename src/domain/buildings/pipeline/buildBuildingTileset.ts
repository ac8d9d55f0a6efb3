import { utm32ToGeographic, type Utm32Point } from '../../geo/projection';
import type { BuildingIssue, BuildingMesh, BuildingSource } from '../buildingModel';
import { triangulateBuilding } from '../geometry/triangulateBuilding';
import { GERMAN_BUILDING_LABELS } from '../labels/germanBuildingLabels';
import { SearchIndexBuilder, type BuildingSearchEntry, type SearchEntrySpill } from '../searchIndexBuilder';
import { formatAddress } from '../tiles/buildingProperties';
import { BuildingTileIndex, type DuplicateBuilding } from '../tiles/buildingTileIndex';
import { createInMemoryMeshSpillStore, type MeshSpillStore } from '../tiles/meshSpillStore';
import type { RecordSortFactory } from '../tiles/recordSort';
import {
  footprintAreaSquareMeters,
  geoidUndulationMeters,
  loadGeoidModel,
  type HeightMode,
} from '../tiles/placeBuilding';
import {
  byFilePath,
  wholeTilesetFile,
  writeIndexedBuildingTileset,
  type ChunkedTilesetFileSink,
  type TilesetFile,
  type TilesetFiles,
  type TilesetOptions,
} from '../tiles/writeBuildingTileset';
import { ConversionTally, type ConversionSummary } from './conversionSummary';

export interface BuildTilesetOptions {
  heightMode: HeightMode;
  onIssue(issue: BuildingIssue): void;
  /** Called now and then with the number of buildings converted so far (pass 1). */
  onProgress?(buildingsConverted: number): void;
  /** Called after each tile with the buildings written into tiles so far and in all (pass 2). */
  onTilesProgress?(buildingsWritten: number, buildingCount: number): void;
  maxFeaturesPerTile?: number;
  /** Where the buildings come from, with the licence: a credit in tileset.json (TilesetOptions.attribution). */
  attribution?: string;
  /**
   * Where triangulated buildings wait until their tile is written. Default: in memory, which grows with the
   * input; a command-line run passes a file-backed store. The caller disposes of a store it passes.
   */
  spillStore?: MeshSpillStore;
  /**
   * Where the index's records (a few dozen bytes per building) are sorted between the passes. Default: in
   * memory; a command-line run passes a file-backed sort (scripts/buildings/fileRecordSort.ts).
   */
  createRecordSort?: RecordSortFactory;
  /**
   * Where the address entries wait until every building is seen. Default: in memory (SearchIndexBuilder), which
   * grows with the input; a command-line run passes a file-backed one, which hands over the index file in chunks.
   * The caller disposes of a spill it passes.
   */
  searchEntrySpill?: SearchEntrySpill;
  /**
   * Takes each file as soon as it is written (the address index in chunks when the searchEntrySpill gives it so);
   * without it the files are collected and returned.
   */
  writeFile?: ChunkedTilesetFileSink;
  /**
   * Writes the tiles elsewhere, e.g. in worker threads (see TilesetOptions.createTileWriter); such a writer
   * labels with GERMAN_BUILDING_LABELS, as this function does.
   */
  createTileWriter?: TilesetOptions['createTileWriter'];
}

/**
 * What a reader hands the pipeline: a building as read, or one it already triangulated (in a worker thread, say),
 * in which case it has reported the triangulation's issues through the same onIssue, in order, before the mesh.
 */
export type ReadBuilding = BuildingSource | BuildingMesh;

/** The input: readers that report their issues into the pipeline's tally, so the summary counts them too. */
export interface BuildingSourceStream {
  /** Starts reading; each reader error with a feature id stands for one building it skipped. */
  read(onIssue: (issue: BuildingIssue) => void): AsyncIterable<ReadBuilding> | Iterable<ReadBuilding>;
  /** Number of input files, for the summary. */
  fileCount: number;
}

function isTriangulated(building: ReadBuilding): building is BuildingMesh {
  return 'positions' in building;
}

/** The address entries of one building: where its footprint's centre is and how high its top is, as drawn. */
function searchEntriesOf(
  mesh: BuildingMesh,
  centroid: Utm32Point,
  heightMode: HeightMode,
): BuildingSearchEntry[] {
  if (mesh.attributes.addresses.length === 0) return [];
  let topZ = Number.NEGATIVE_INFINITY;
  for (let offset = 2; offset < mesh.positions.length; offset += 3)
    topZ = Math.max(topZ, mesh.positions[offset]!);
  const heightOffset =
    heightMode === 'ellipsoid' ? -mesh.attributes.groundHeightMeters : geoidUndulationMeters(centroid);
  const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic(centroid);
  const { functionCode, storeysAboveGround } = mesh.attributes;
  // For the drone corridors' residents estimate (corridors/estimateResidents).
  const use = {
    ...(functionCode !== undefined ? { functionCode } : {}),
    ...(storeysAboveGround !== undefined ? { storeysAboveGround } : {}),
    footprintAreaSquareMeters: footprintAreaSquareMeters(mesh),
  };
  return mesh.attributes.addresses.map((address) => ({
    buildingId: mesh.attributes.sourceId,
    address: formatAddress(address),
    longitudeDegrees,
    latitudeDegrees,
    topHeightMeters: topZ + heightOffset,
    ...use,
  }));
}

/** The warning for a building whose sourceId an earlier building already had; the earlier one is kept. */
function duplicateIssue({
  sourceId,
  sourceFile,
  firstSourceFile: firstFile,
}: DuplicateBuilding): BuildingIssue {
  return {
    severity: 'warning',
    code: 'duplicate-building',
    file: sourceFile,
    featureId: sourceId,
    message: `building ${sourceId} was already read from ${firstFile}; the first one is kept, this one dropped`,
  };
}

/**
 * Pass 1: triangulates each building (unless the reader did) and hands it to the index, which spills its mesh
 * and keeps a record of it; then drops the buildings whose sourceId came before (reported in sourceId order).
 */
async function indexBuildings(
  input: BuildingSourceStream,
  index: BuildingTileIndex,
  tally: ConversionTally,
  onProgress: ((buildingsConverted: number) => void) | undefined,
): Promise<void> {
  for await (const building of input.read(tally.report)) {
    let mesh: BuildingMesh | undefined;
    if (isTriangulated(building)) mesh = building;
    else {
      const triangulated = triangulateBuilding(building);
      triangulated.issues.forEach(tally.report);
      mesh = triangulated.mesh;
    }
    if (!mesh) continue;
    index.add(mesh);
    if (index.size % 1000 === 0) onProgress?.(index.size);
  }
  index.finishReading((duplicate) => {
    tally.summary.buildingsDuplicated++;
    tally.report(duplicateIssue(duplicate));
  });
  onProgress?.(index.buildingCount);
}

/**
 * The whole pipeline after reading, in two passes so memory does not grow with the input: pass 1 triangulates
 * each building, spills its mesh to the store and a small record to the index; pass 2 writes the 3D Tiles
 * tileset tile by tile, collects the address entries of each tile's buildings and writes the address index.
 * Bad buildings are reported and skipped, the rest is converted; files go to `writeFile` as they are made (or
 * are collected and returned, sorted by path).
 */
export async function buildBuildingTileset(
  input: BuildingSourceStream,
  options: BuildTilesetOptions,
): Promise<{ files: TilesetFiles; summary: ConversionSummary }> {
  // An error names a building that was skipped (BuildingIssue's contract); warnings are repairs.
  const tally = new ConversionTally((issue) => {
    if (issue.severity === 'error' && issue.featureId !== undefined) tally.summary.buildingsSkipped++;
    options.onIssue(issue);
  });
  tally.summary.files = input.fileCount;
  const collected: TilesetFile[] = [];
  const writeFile: ChunkedTilesetFileSink =
    options.writeFile ?? ((file) => void collected.push(wholeTilesetFile(file)));
  const ownStore = options.spillStore ? undefined : createInMemoryMeshSpillStore();
  const index = new BuildingTileIndex(options.spillStore ?? ownStore!, options.createRecordSort);
  try {
    const { heightMode } = options;
    if (heightMode === 'true') await loadGeoidModel();
    await indexBuildings(input, index, tally, options.onProgress);
    const { summary } = tally;
    summary.buildingsConverted = index.buildingCount;
    summary.buildingsRead = index.buildingCount + summary.buildingsSkipped + summary.buildingsDuplicated;
    if (index.buildingCount === 0) return { files: [], summary: tally.finish() };
    const searchEntries = options.searchEntrySpill ?? new SearchIndexBuilder();
    await writeIndexedBuildingTileset(index, writeFile, {
      heightMode,
      labels: GERMAN_BUILDING_LABELS,
      ...(options.maxFeaturesPerTile ? { maxFeaturesPerTile: options.maxFeaturesPerTile } : {}),
      ...(options.attribution ? { attribution: options.attribution } : {}),
      ...(options.onTilesProgress ? { onTileWritten: options.onTilesProgress } : {}),
      ...(options.createTileWriter ? { createTileWriter: options.createTileWriter } : {}),
      onLeafBuildings: ({ meshes, centroids }) => {
        meshes.forEach((mesh, building) => {
          for (const entry of searchEntriesOf(mesh, centroids[building]!, heightMode))
            searchEntries.add(entry);
        });
      },
      // Rows that tie in the index's order are one building's (equal address and id), so the order the entries
      // came in, by tile here, makes no difference to the bytes.
      beforeTilesetJson: () => writeFile(searchEntries.toFile()),
    });
    return { files: collected.sort(byFilePath), summary: tally.finish() };
  } finally {
    index.dispose();
    ownStore?.dispose();
  }
}
