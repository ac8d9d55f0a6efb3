import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type {
  ChunkedTilesetFile,
  TilesetFile,
  TilesetFiles,
} from '../../src/domain/buildings/tiles/writeBuildingTileset';

/** A tileset being written beside its folder; nothing replaces the folder until commit(). */
export interface StagedTilesetFolder {
  /** Writes one file into the staging folder, whole or chunk by chunk (a ChunkedTilesetFileSink). */
  writeFile(file: TilesetFile | ChunkedTilesetFile): void;
  /** Replaces the folder with what was written. */
  commit(): void;
  /** Removes the staging folder, leaving the folder as it was; does nothing after commit(). */
  discard(): void;
}

/**
 * Starts writing a tileset into `folder` atomically: files go to a sibling folder as they are made (so the
 * pipeline need not hold them), which commit() then swaps in, so a failed run never leaves a half-written
 * tileset and the old one survives until the new one is complete.
 */
export function stageTilesetFolder(folder: string): StagedTilesetFolder {
  const staging = `${folder}.writing-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  let finished = false;
  return {
    writeFile(file) {
      if (finished) throw new Error(`${folder}: the tileset has already been committed or discarded.`);
      const target = join(staging, file.path);
      mkdirSync(dirname(target), { recursive: true });
      if ('bytes' in file) writeFileSync(target, file.bytes);
      else writeChunks(target, file.chunks);
    },
    commit() {
      if (finished) throw new Error(`${folder}: the tileset has already been committed or discarded.`);
      const previous = `${folder}.previous-${process.pid}`;
      rmSync(previous, { recursive: true, force: true });
      let hadPrevious = true;
      try {
        renameSync(folder, previous);
      } catch {
        hadPrevious = false; // No tileset there yet.
      }
      try {
        renameSync(staging, folder);
      } catch (error) {
        // Put the old tileset back; discard() still removes the staging folder.
        if (hadPrevious) renameSync(previous, folder);
        throw error;
      }
      finished = true;
      rmSync(previous, { recursive: true, force: true });
    },
    discard() {
      if (finished) return;
      finished = true;
      rmSync(staging, { recursive: true, force: true });
    },
  };
}

/** Writes the chunks one after another into a new file, holding one at a time. */
function writeChunks(target: string, chunks: Iterable<Uint8Array>): void {
  const descriptor = openSync(target, 'w');
  try {
    for (const chunk of chunks)
      for (let written = 0; written < chunk.byteLength;)
        written += writeSync(descriptor, chunk, written, chunk.byteLength - written);
  } finally {
    closeSync(descriptor);
  }
}

/** Writes a whole tileset held in memory into `folder` atomically (see stageTilesetFolder). */
export function writeTilesetFolder(folder: string, files: TilesetFiles): void {
  const staged = stageTilesetFolder(folder);
  try {
    for (const file of files) staged.writeFile(file);
    staged.commit();
  } finally {
    staged.discard();
  }
}
