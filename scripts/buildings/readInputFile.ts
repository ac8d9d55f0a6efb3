import { createReadStream, existsSync, readFileSync } from 'node:fs';
import type { BuildingIssue, BuildingSource } from '../../src/domain/buildings/buildingModel';
import { readGeoJsonFootprintStream } from '../../src/domain/buildings/footprints/readGeoJsonFootprints';
import type { InputFile } from './inputFiles';
import { readCityGmlFile } from './readCityGmlFile';

export interface ReadInputOptions {
  onIssue(issue: BuildingIssue): void;
  /** Overrides the CRS of footprint files (`EPSG:25832` or `EPSG:4326`). */
  crs?: string;
  storeyHeightMeters?: number;
}

/** Chunks a footprint file is read in: large enough that a feature rarely straddles two, small for memory. */
const CHUNK_BYTES = 1 << 20;

/** The file's bytes, streamed. */
function openChunks(path: string): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: CHUNK_BYTES });
}

/** The file beside a Shapefile with another extension, if it exists. */
function sidePath(shpPath: string, extension: string): string | undefined {
  const path = shpPath.replace(/\.shp$/i, extension);
  return existsSync(path) ? path : undefined;
}

/** The text of a small side file (`.prj`, `.cpg`), if it exists. */
function sideText(shpPath: string, extension: string): string | undefined {
  const path = sidePath(shpPath, extension);
  return path === undefined ? undefined : readFileSync(path, 'utf8');
}

/** Streams the buildings of one input file, whatever its format; CityGML is streamed, never loaded whole. */
export async function* readInputFile(
  file: InputFile,
  options: ReadInputOptions,
): AsyncGenerator<BuildingSource> {
  const readOptions = { sourceFile: file.displayName, onIssue: options.onIssue };
  const footprintOptions = {
    ...readOptions,
    crs: options.crs,
    storeyHeightMeters: options.storeyHeightMeters,
  };
  switch (file.format) {
    case 'citygml':
      yield* readCityGmlFile(file.path, file.displayName, options.onIssue);
      return;
    case 'geojson':
      yield* readGeoJsonFootprintStream(() => openChunks(file.path), footprintOptions);
      return;
    case 'flatgeobuf': {
      // Loaded on demand: the FlatGeobuf and Shapefile decoders take a while to import and most runs need neither.
      const { readFlatGeobufFootprintStream } =
        await import('../../src/domain/buildings/footprints/readFlatGeobufFootprints');
      yield* readFlatGeobufFootprintStream(openChunks(file.path), footprintOptions);
      return;
    }
    case 'shapefile': {
      const { readShapefileFootprintStream } =
        await import('../../src/domain/buildings/footprints/readShapefileFootprints');
      const dbfPath = sidePath(file.path, '.dbf');
      yield* readShapefileFootprintStream(
        {
          shp: openChunks(file.path),
          dbf: dbfPath === undefined ? undefined : openChunks(dbfPath),
          prj: sideText(file.path, '.prj'),
          cpg: sideText(file.path, '.cpg'),
        },
        footprintOptions,
      );
      return;
    }
  }
}

/** All buildings of all files, one file after another. */
export async function* readInputFiles(
  files: readonly InputFile[],
  options: ReadInputOptions,
): AsyncGenerator<BuildingSource> {
  for (const file of files) yield* readInputFile(file, options);
}
