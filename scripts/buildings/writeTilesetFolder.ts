import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TilesetFiles } from '../../src/domain/buildings/tiles/writeBuildingTileset';

/**
 * Writes a tileset into `folder` atomically: everything goes to a sibling folder first, which then replaces the
 * old one, so a failed or interrupted run never leaves a half-written tileset and the old one survives.
 */
export function writeTilesetFolder(folder: string, files: TilesetFiles): void {
  const staging = `${folder}.writing-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  for (const file of files) {
    const target = join(staging, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.bytes);
  }
  const previous = `${folder}.previous-${process.pid}`;
  rmSync(previous, { recursive: true, force: true });
  try {
    renameSync(folder, previous);
  } catch {
    // No tileset there yet.
  }
  renameSync(staging, folder);
  rmSync(previous, { recursive: true, force: true });
}
