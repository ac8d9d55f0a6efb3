import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatBuildingIssue } from '../src/domain/buildings/buildingIssues';
import { readGeoJsonFootprints } from '../src/domain/buildings/footprints/readGeoJsonFootprints';
import {
  DEFAULT_BUILDING_COUNT,
  generateMuensterCity,
} from '../src/domain/buildings/generator/generateMuensterCity';
import { buildBuildingTileset } from '../src/domain/buildings/pipeline/buildBuildingTileset';
import { formatConversionSummary } from '../src/domain/buildings/pipeline/conversionSummary';
import { DEFAULT_BUILDINGS_TILESET } from '../src/domain/buildings/tilesetNames';
import type { DefaultDataStage } from './defaultData';
import { createFileMeshSpillStore } from './buildings/fileMeshSpillStore';
import { stageTilesetFolder } from './buildings/writeTilesetFolder';

/** The seed of the embedded city: changing it (or the generator) changes every default building. */
export const DEFAULT_CITY_SEED = 2021;
/**
 * Bump when the generator or the pipeline changes what they write, so `npm start` rebuilds the default tiles
 * on machines that still have an older set.
 */
export const DEFAULT_CITY_VERSION = 2;

const STAMP_FILE = 'default-city.json';

/** The default city's credit (tileset.json): it must never pass for real buildings, in a workshop's minutes least. */
export const DEFAULT_CITY_ATTRIBUTION =
  'Gebäude: generierte Beispielstadt von Münster Twin, keine echten Gebäude (generated sample city, not real buildings)';

/** The default city through the same pipeline users run on real data: generator → GeoJSON → 3D Tiles. */
export function createDefaultCityStage(
  tilesDir = resolve(import.meta.dirname, '..', 'tiles'),
): DefaultDataStage {
  const folder = join(tilesDir, DEFAULT_BUILDINGS_TILESET);
  const stamp = JSON.stringify({
    seed: DEFAULT_CITY_SEED,
    version: DEFAULT_CITY_VERSION,
    buildingCount: DEFAULT_BUILDING_COUNT,
    // Part of the stamp rather than a version bump: the buildings stay the same, so thermography keeps its data.
    attribution: DEFAULT_CITY_ATTRIBUTION,
  });
  return {
    name: 'Standardstadt (3D-Gebäude)',
    isUpToDate: () =>
      existsSync(join(folder, 'tileset.json')) &&
      existsSync(join(folder, STAMP_FILE)) &&
      readFileSync(join(folder, STAMP_FILE), 'utf8') === stamp,
    async run(progress) {
      const city = generateMuensterCity({ seed: DEFAULT_CITY_SEED, buildingCount: DEFAULT_BUILDING_COUNT });
      const total = city.features.length;
      const onIssue = (issue: Parameters<typeof formatBuildingIssue>[0]) =>
        console.error(formatBuildingIssue(issue));
      // The same flat-memory path as `npm run tiles`: meshes wait in a temporary file, tiles go straight to disk.
      const staged = stageTilesetFolder(folder);
      const spillStore = createFileMeshSpillStore();
      try {
        const { summary } = await buildBuildingTileset(
          {
            read: (reportIssue) =>
              readGeoJsonFootprints(city, {
                sourceFile: 'generated-muenster-city.geojson',
                onIssue: reportIssue,
              }),
            fileCount: 1,
          },
          {
            heightMode: 'ellipsoid',
            attribution: DEFAULT_CITY_ATTRIBUTION,
            onIssue,
            // Two passes over every building: triangulating (first half), writing the tiles (second half).
            onProgress: (count) => progress(count, 2 * total),
            onTilesProgress: (written, count) => progress(total + (written / count) * total, 2 * total),
            spillStore,
            writeFile: staged.writeFile,
          },
        );
        if (summary.buildingsConverted === 0)
          throw new Error(`default city: nothing converted\n${formatConversionSummary(summary)}`);
        staged.writeFile({ path: STAMP_FILE, bytes: new TextEncoder().encode(stamp) });
        staged.commit();
      } finally {
        spillStore.dispose();
        staged.discard();
      }
    },
  };
}
