import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';

/** The formats the pipeline reads, by file extension. */
export type InputFormat = 'citygml' | 'geojson' | 'flatgeobuf' | 'shapefile';

const FORMAT_BY_EXTENSION: Record<string, InputFormat> = {
  '.gml': 'citygml',
  '.xml': 'citygml',
  '.geojson': 'geojson',
  '.json': 'geojson',
  '.fgb': 'flatgeobuf',
  '.shp': 'shapefile',
};

export interface InputFile {
  path: string;
  /** The name issues and the `sourceFile` attribute use: relative to the working directory, never absolute. */
  displayName: string;
  format: InputFormat;
}

/**
 * Expands files and folders (recursively) into the input files the pipeline reads, sorted for determinism; a
 * file named twice (itself and its folder) is read once.
 */
export function listInputFiles(
  paths: readonly string[],
  cwd = process.cwd(),
): { files: InputFile[]; unknown: string[] } {
  const files: InputFile[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  const visit = (path: string) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) {
      unknown.push(path);
      return;
    }
    if (stats.isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
      return;
    }
    const format = FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
    if (!format) {
      if (paths.includes(path)) unknown.push(path);
      return;
    }
    // Resolved as statSync resolved it, so `a.gml` and `./a.gml` are one file.
    const absolutePath = resolve(path);
    if (seen.has(absolutePath)) return;
    seen.add(absolutePath);
    files.push({ path, displayName: relative(cwd, path) || path, format });
  };
  paths.forEach(visit);
  files.sort((a, b) => a.displayName.localeCompare(b.displayName));
  return { files, unknown };
}
