import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateBytes } from 'gltf-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildingIssue, BuildingSource } from '../buildingModel';
import { readCityGml } from '../citygml/readCityGml';
import { alkisBuildingFunctionLabel } from '../labels/alkisBuildingFunctions';
import { parseSearchIndex } from '../searchIndex';
import { readTileset, type DecodedFeature } from '../tiles/tilesetTestReader';
import type { TilesetFiles } from '../tiles/writeBuildingTileset';
import { buildBuildingTileset } from './buildBuildingTileset';

// The real NRW LoD2 tiles in ../shared/data (README there: Geobasis NRW, dl-de/zero-2-0), when present.
const SHARED_DATA = resolve(import.meta.dirname, '../../../../../shared/data');
const FOLDERS = ['citygml-muenster-lod2', 'citygml-nrw-lod2'].map((name) => join(SHARED_DATA, name));
const available = FOLDERS.every((folder) => existsSync(folder));
if (!available) console.warn(`Skipped: the real LoD2 tests need ${SHARED_DATA} (it is there in CI).`);

const files = available
  ? FOLDERS.flatMap((folder) =>
      readdirSync(folder)
        .filter((name) => name.endsWith('.gml'))
        .sort()
        .map((name) => ({ path: join(folder, name), name })),
    )
  : [];

/** The building start tags in the file's text: what the output must hold, counted independently of the reader. */
function countBuildingTags(path: string): number {
  return readFileSync(path, 'utf8').split('<bldg:Building ').length - 1;
}

describe.skipIf(!available)('real NRW LoD2 CityGML → 3D Tiles (every file of ../shared/data)', () => {
  const sources = new Map<string, BuildingSource>();
  const issues: BuildingIssue[] = [];
  let output: TilesetFiles;
  let features: DecodedFeature[];

  beforeAll(async () => {
    async function* readAll(onIssue: (issue: BuildingIssue) => void) {
      for (const file of files) {
        for await (const source of readCityGml(createReadStream(file.path), {
          sourceFile: file.name,
          onIssue,
        })) {
          sources.set(source.attributes.sourceId, source);
          yield source;
        }
      }
    }
    const result = await buildBuildingTileset(
      { read: readAll, fileCount: files.length },
      { heightMode: 'ellipsoid', onIssue: (issue) => issues.push(issue) },
    );
    output = result.files;
    features = (await readTileset(output)).features;
  }, 120_000);

  it('converts every building of every file: one feature per bldg:Building, none skipped', () => {
    const expected = files.reduce((sum, file) => sum + countBuildingTags(file.path), 0);
    expect(expected).toBeGreaterThan(1000);
    expect(features).toHaveLength(expected);
    expect(new Set(features.map((feature) => feature.row.sourceId)).size).toBe(expected);
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('keeps every attribute through quantization and meshopt compression', () => {
    for (const feature of features) {
      const source = sources.get(String(feature.row.sourceId))!;
      const { attributes } = source;
      expect(feature.row.functionCode).toBe(attributes.functionCode);
      expect(feature.row.functionLabel).toBe(
        attributes.functionCode ? alkisBuildingFunctionLabel(attributes.functionCode) : undefined,
      );
      expect(feature.row.roofTypeCode).toBe(attributes.roofTypeCode);
      expect(feature.row.measuredHeight).toBeCloseTo(attributes.measuredHeightMeters!, 3);
      expect(feature.row.groundHeight).toBeCloseTo(attributes.groundHeightMeters, 3);
      expect(feature.row.sourceFile).toBe(attributes.sourceFile);
      expect(feature.row.street).toBe(attributes.addresses[0]?.street);
      expect(feature.row.houseNumber).toBe(attributes.addresses[0]?.houseNumber);
    }
    // Real addresses with umlauts survive as UTF-8.
    expect(features.some((feature) => /[äöüß]/.test(String(feature.row.street ?? '')))).toBe(true);
  });

  it('sets each building on the ellipsoid: its lowest vertex within a few centimetres of height 0', () => {
    for (const feature of features) {
      const lowest = Math.min(
        ...feature.ecefPositions.map(([x, y, z]) => {
          // Height above the WGS84 ellipsoid, by the closed form for points near the surface.
          const latitude = Math.atan2(z, Math.hypot(x, y) * (1 - 0.00669438));
          const radius = 6378137 / Math.sqrt(1 - 0.00669438 * Math.sin(latitude) ** 2);
          return Math.hypot(x, y) / Math.cos(latitude) - radius;
        }),
      );
      expect(Math.abs(lowest)).toBeLessThan(0.05);
    }
  });

  it('writes GLBs the Khronos glTF validator finds no error in', async () => {
    const glbs = output.filter((file) => file.path.endsWith('.glb'));
    expect(glbs.length).toBeGreaterThan(0);
    for (const glb of glbs) {
      const { issues: report } = await validateBytes(glb.bytes);
      expect(report.numErrors, glb.path).toBe(0);
    }
  });

  it('indexes every address for the search, pointing into the building', () => {
    const indexFile = output.find((file) => file.path === 'search-index.json')!;
    const entries = parseSearchIndex(
      JSON.parse(new TextDecoder().decode(indexFile.bytes)),
      'search-index.json',
    ).value!;
    const addressCount = [...sources.values()].reduce(
      (sum, source) => sum + source.attributes.addresses.length,
      0,
    );
    expect(entries).toHaveLength(addressCount);
    for (const entry of entries) {
      expect(sources.has(entry.buildingId)).toBe(true);
      expect(entry.topHeightMeters).toBeGreaterThan(0);
      expect(entry.topHeightMeters).toBeLessThan(120);
    }
  });
});
