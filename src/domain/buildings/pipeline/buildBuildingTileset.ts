import { utm32ToGeographic } from '../../geo/projection';
import type { BuildingIssue, BuildingMesh, BuildingSource } from '../buildingModel';
import { triangulateBuilding } from '../geometry/triangulateBuilding';
import { alkisBuildingFunctionLabel } from '../labels/alkisBuildingFunctions';
import { roofTypeLabel } from '../labels/roofTypes';
import { SEARCH_INDEX_FILE_NAME, writeSearchIndex, type BuildingSearchEntry } from '../searchIndex';
import { formatAddress } from '../tiles/buildingProperties';
import { footprintCentroid, geoidUndulationMeters, type HeightMode } from '../tiles/placeBuilding';
import { writeBuildingTileset, type TilesetFiles, type TilesetOptions } from '../tiles/writeBuildingTileset';
import { ConversionTally, type ConversionSummary } from './conversionSummary';

export interface BuildTilesetOptions {
  heightMode: HeightMode;
  onIssue(issue: BuildingIssue): void;
  /** Called now and then with the number of buildings converted so far. */
  onProgress?(buildingsConverted: number): void;
  maxFeaturesPerTile?: number;
}

/** The input: readers that report their issues into the pipeline's tally, so the summary counts them too. */
export interface BuildingSourceStream {
  /** Starts reading; each reader error with a feature id stands for one building it skipped. */
  read(onIssue: (issue: BuildingIssue) => void): AsyncIterable<BuildingSource> | Iterable<BuildingSource>;
  /** Number of input files, for the summary. */
  fileCount: number;
}

/** The address entries of one building: where its footprint's centre is and how high its top is, as drawn. */
function searchEntriesOf(mesh: BuildingMesh, heightMode: HeightMode): BuildingSearchEntry[] {
  if (mesh.attributes.addresses.length === 0) return [];
  const centroid = footprintCentroid(mesh);
  let topZ = Number.NEGATIVE_INFINITY;
  for (let offset = 2; offset < mesh.positions.length; offset += 3)
    topZ = Math.max(topZ, mesh.positions[offset]!);
  const heightOffset =
    heightMode === 'ellipsoid' ? -mesh.attributes.groundHeightMeters : geoidUndulationMeters(centroid);
  const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic(centroid);
  return mesh.attributes.addresses.map((address) => ({
    buildingId: mesh.attributes.sourceId,
    address: formatAddress(address),
    longitudeDegrees,
    latitudeDegrees,
    topHeightMeters: topZ + heightOffset,
  }));
}

/**
 * The whole pipeline after reading: triangulate every building, write the 3D Tiles tileset and the address
 * index beside it, and count what happened. Bad buildings are reported and skipped; the rest is converted.
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
  const meshes: BuildingMesh[] = [];
  for await (const source of input.read(tally.report)) {
    const { mesh, issues } = triangulateBuilding(source);
    issues.forEach(tally.report);
    if (mesh) {
      meshes.push(mesh);
      if (meshes.length % 1000 === 0) options.onProgress?.(meshes.length);
    }
  }
  tally.summary.buildingsConverted = meshes.length;
  tally.summary.buildingsRead = meshes.length + tally.summary.buildingsSkipped;
  options.onProgress?.(meshes.length);
  if (meshes.length === 0) return { files: [], summary: tally.finish() };

  const tilesetOptions: TilesetOptions = {
    heightMode: options.heightMode,
    labels: { functionLabel: alkisBuildingFunctionLabel, roofTypeLabel: (code) => roofTypeLabel(code)?.de },
    ...(options.maxFeaturesPerTile ? { maxFeaturesPerTile: options.maxFeaturesPerTile } : {}),
  };
  const files = await writeBuildingTileset(meshes, tilesetOptions);
  const searchIndex = writeSearchIndex(meshes.flatMap((mesh) => searchEntriesOf(mesh, options.heightMode)));
  files.push({ path: SEARCH_INDEX_FILE_NAME, bytes: new TextEncoder().encode(searchIndex) });
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, summary: tally.finish() };
}
