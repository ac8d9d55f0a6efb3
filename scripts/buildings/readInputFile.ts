import { createReadStream, existsSync, readFileSync } from 'node:fs';
import type { BuildingIssue, BuildingSource } from '../../src/domain/buildings/buildingModel';
import { readCityGml } from '../../src/domain/buildings/citygml/readCityGml';
import { readFlatGeobufFootprints } from '../../src/domain/buildings/footprints/readFlatGeobufFootprints';
import { readGeoJsonFootprints } from '../../src/domain/buildings/footprints/readGeoJsonFootprints';
import { readShapefileFootprints } from '../../src/domain/buildings/footprints/readShapefileFootprints';
import type { InputFile } from './inputFiles';

export interface ReadInputOptions {
  onIssue(issue: BuildingIssue): void;
  /** Overrides the CRS of footprint files (`EPSG:25832` or `EPSG:4326`). */
  crs?: string;
  storeyHeightMeters?: number;
}

/** Reads the file beside a Shapefile with another extension, if it exists. */
function sideFile(shpPath: string, extension: string): Buffer | undefined {
  const path = shpPath.replace(/\.shp$/i, extension);
  return existsSync(path) ? readFileSync(path) : undefined;
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
      yield* readCityGml(createReadStream(file.path), readOptions);
      return;
    case 'geojson':
      yield* readGeoJsonFootprints(readFileSync(file.path, 'utf8'), footprintOptions);
      return;
    case 'flatgeobuf':
      yield* await readFlatGeobufFootprints(readFileSync(file.path), footprintOptions);
      return;
    case 'shapefile':
      yield* await readShapefileFootprints(
        {
          shp: readFileSync(file.path),
          dbf: sideFile(file.path, '.dbf'),
          prj: sideFile(file.path, '.prj')?.toString('utf8'),
          cpg: sideFile(file.path, '.cpg')?.toString('utf8'),
        },
        footprintOptions,
      );
      return;
  }
}

/** All buildings of all files, one file after another. */
export async function* readInputFiles(
  files: readonly InputFile[],
  options: ReadInputOptions,
): AsyncGenerator<BuildingSource> {
  for (const file of files) yield* readInputFile(file, options);
}
