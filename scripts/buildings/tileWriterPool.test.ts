import { describe, expect, it } from 'vitest';
import type { BuildingIssue, BuildingSource } from '../../src/domain/buildings/buildingModel';
import { readGeoJsonFootprints } from '../../src/domain/buildings/footprints/readGeoJsonFootprints';
import { generateMuensterCity } from '../../src/domain/buildings/generator/generateMuensterCity';
import { buildBuildingTileset } from '../../src/domain/buildings/pipeline/buildBuildingTileset';
import { TileWriterPool } from './tileWriterPool';

const CITY = generateMuensterCity({ seed: 7, buildingCount: 800 });

function build(pool?: TileWriterPool, heightMode: 'ellipsoid' | 'true' = 'ellipsoid') {
  const written: string[] = [];
  return buildBuildingTileset(
    {
      fileCount: 1,
      *read(onIssue: (issue: BuildingIssue) => void): Iterable<BuildingSource> {
        yield* readGeoJsonFootprints(CITY, { sourceFile: 'city.geojson', onIssue });
      },
    },
    {
      heightMode,
      maxFeaturesPerTile: 60,
      onIssue: () => undefined,
      onTilesProgress: (done) => written.push(String(done)),
      ...(pool ? { createTileWriter: (settings) => pool.createWriter(settings) } : {}),
    },
  ).then((result) => ({ ...result, written }));
}

describe('TileWriterPool', () => {
  it('writes the same files in the same order as the main thread, in both height modes', async () => {
    const pool = new TileWriterPool(2);
    try {
      for (const heightMode of ['ellipsoid', 'true'] as const) {
        const alone = await build(undefined, heightMode);
        const pooled = await build(pool, heightMode);
        expect(alone.files.filter((file) => file.path.endsWith('.glb')).length).toBeGreaterThan(8);
        expect(pooled.files).toEqual(alone.files);
        expect(pooled.written).toEqual(alone.written);
      }
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('fails the run with the thread’s error instead of hanging', async () => {
    const pool = new TileWriterPool(1);
    try {
      const writer = pool.createWriter({
        heightMode: 'ellipsoid',
        compression: 'meshopt',
        colorRoofs: true,
        positionToleranceMeters: 0.01,
      });
      await expect(writer.write({ meshes: [], centroids: [] })).rejects.toThrow();
    } finally {
      await pool.close();
    }
  }, 60_000);
});
