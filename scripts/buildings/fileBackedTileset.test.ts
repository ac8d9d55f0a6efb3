import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildingIssue, BuildingSource } from '../../src/domain/buildings/buildingModel';
import { readGeoJsonFootprints } from '../../src/domain/buildings/footprints/readGeoJsonFootprints';
import { generateMuensterCity } from '../../src/domain/buildings/generator/generateMuensterCity';
import { buildBuildingTileset } from '../../src/domain/buildings/pipeline/buildBuildingTileset';
import type { TilesetFiles } from '../../src/domain/buildings/tiles/writeBuildingTileset';
import { createFileMeshSpillStore } from './fileMeshSpillStore';
import { fileRecordSortFactory } from './fileRecordSort';
import { createFileSearchEntrySpill } from './fileSearchEntrySpill';
import { stageTilesetFolder } from './writeTilesetFolder';

// Enough buildings for a dozen tiles; fileMeshSpillStore.test.ts covers records beyond the write buffer.
const CITY = generateMuensterCity({ seed: 5, buildingCount: 1500 });
const MAX_FEATURES_PER_TILE = 120;

function readCity(features = CITY.features) {
  return {
    fileCount: 1,
    *read(onIssue: (issue: BuildingIssue) => void): Iterable<BuildingSource> {
      yield* readGeoJsonFootprints({ ...CITY, features }, { sourceFile: 'city.geojson', onIssue });
    },
  };
}

/** Every file below the folder, sorted by path, as the in-memory pipeline returns them. */
function readFolder(folder: string): TilesetFiles {
  const visit = (path: string): string[] =>
    statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => visit(join(path, name))) : [path];
  return visit(folder)
    .map((path) => ({
      path: relative(folder, path).split('\\').join('/'),
      bytes: new Uint8Array(readFileSync(path)),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Through the file-backed stores into a staged folder, as `npm run tiles` runs it. */
async function buildThroughFiles(features = CITY.features): Promise<TilesetFiles> {
  const parent = mkdtempSync(join(tmpdir(), 'twin-spilled-tileset-'));
  const folder = join(parent, 'tiles');
  const staged = stageTilesetFolder(folder);
  const spillStore = createFileMeshSpillStore();
  // Runs far smaller than the default, so the addresses are sorted in several runs and merged.
  const searchEntrySpill = createFileSearchEntrySpill({ rowsPerRun: 100, runsPerMerge: 4 });
  // The index's records as well: a few kilobytes per run, at most 3 runs merged at a time.
  const createRecordSort = fileRecordSortFactory({ runBytes: 4096, runsPerMerge: 3 });
  try {
    await buildBuildingTileset(readCity(features), {
      heightMode: 'ellipsoid',
      maxFeaturesPerTile: MAX_FEATURES_PER_TILE,
      onIssue: () => undefined,
      spillStore,
      searchEntrySpill,
      createRecordSort,
      writeFile: staged.writeFile,
    });
    staged.commit();
  } finally {
    spillStore.dispose();
    searchEntrySpill.dispose();
    staged.discard();
  }
  try {
    return readFolder(folder);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

describe('the pipeline with the file-backed stores and sorts', () => {
  let inMemory: TilesetFiles;
  beforeAll(async () => {
    ({ files: inMemory } = await buildBuildingTileset(readCity(), {
      heightMode: 'ellipsoid',
      maxFeaturesPerTile: MAX_FEATURES_PER_TILE,
      onIssue: () => undefined,
    }));
  }, 60_000);

  it('writes the same bytes as with everything in memory', async () => {
    expect(inMemory.filter((file) => file.path.endsWith('.glb')).length).toBeGreaterThan(10);
    expect(await buildThroughFiles()).toEqual(inMemory);
  }, 60_000);

  it('writes the same bytes for the buildings in reverse order', async () => {
    expect(await buildThroughFiles([...CITY.features].reverse())).toEqual(inMemory);
  }, 60_000);
});
