import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Tile content formats: every such file counts as one tile written. */
const TILE_EXTENSIONS = new Set(['.glb', '.b3dm', '.i3dm', '.pnts', '.cmpt']);

/** Sizes of a written tileset folder: all files raw and gzipped (node:zlib, default level, as HTTP would). */
export interface OutputSizes {
  fileCount: number;
  tileCount: number;
  rawBytes: number;
  gzipBytes: number;
  /** The tile contents alone (GLB, b3dm …), without tileset.json and side files. */
  tileRawBytes: number;
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

/** Measures every file below `folder`; gzip runs file by file, as a server compresses each response. */
export function measureOutputFolder(folder: string): OutputSizes {
  const sizes: OutputSizes = { fileCount: 0, tileCount: 0, rawBytes: 0, gzipBytes: 0, tileRawBytes: 0 };
  for (const file of listFiles(folder)) {
    const bytes = readFileSync(file);
    const isTile = TILE_EXTENSIONS.has(extname(file).toLowerCase());
    sizes.fileCount++;
    sizes.rawBytes += bytes.byteLength;
    sizes.gzipBytes += gzipSync(bytes).byteLength;
    if (isTile) {
      sizes.tileCount++;
      sizes.tileRawBytes += bytes.byteLength;
    }
  }
  return sizes;
}
