import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { ThermalRasterSource } from '../../src/domain/thermography/measureRoofsInRasters';
import {
  readThermalGeoTiff,
  type ReadThermalGeoTiffOptions,
} from '../../src/domain/thermography/thermalGeoTiff';
import { boundsOfRaster } from '../../src/domain/thermography/thermalRaster';

const RASTER_EXTENSIONS = new Set(['.tif', '.tiff']);

/** GeoTIFF files among the paths (folders searched recursively), sorted; missing paths are reported as such. */
export function listThermalRasterFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const visit = (path: string) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) missing.push(path);
    else if (stats.isDirectory()) for (const name of readdirSync(path).sort()) visit(join(path, name));
    else if (RASTER_EXTENSIONS.has(extname(path).toLowerCase())) files.push(path);
    else if (paths.includes(path)) missing.push(path);
  };
  paths.forEach(visit);
  return { files: [...new Set(files)].sort(), missing };
}

function bytesOf(path: string): ArrayBuffer {
  const buffer = readFileSync(path);
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

/**
 * Reads every file once to check it and learn its extent (a broken or foreign file stops here, naming itself),
 * then offers each as a source that reads its pixels again when its roofs are measured: one raster in memory.
 */
export async function openThermalRasterFiles(
  files: readonly string[],
  options: Omit<ReadThermalGeoTiffOptions, 'fileName'>,
  cwd = process.cwd(),
): Promise<ThermalRasterSource[]> {
  const sources: ThermalRasterSource[] = [];
  for (const file of files) {
    const fileName = relative(cwd, file) || file;
    const raster = await readThermalGeoTiff(bytesOf(file), { ...options, fileName });
    sources.push({
      name: fileName,
      bounds: boundsOfRaster(raster),
      load: () => readThermalGeoTiff(bytesOf(file), { ...options, fileName }),
    });
  }
  return sources;
}
