import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildingIssue } from '../../src/domain/buildings/buildingModel';
import { writeFlatGeobuf } from '../../src/domain/buildings/footprints/flatGeobufTestFixture';
import { writeDbf, writeShpPolygons } from '../../src/domain/buildings/footprints/shapefileTestFixture';
import { generateMuensterCity } from '../../src/domain/buildings/generator/generateMuensterCity';
import { readInputFile } from './readInputFile';
import type { InputFile } from './inputFiles';

const FOLDER = mkdtempSync(join(tmpdir(), 'twin-footprint-files-'));
afterAll(() => rmSync(FOLDER, { recursive: true, force: true }));

// Over a megabyte of GeoJSON: more than one chunk of the file stream (1 MiB): features straddle chunk boundaries.
const CITY = generateMuensterCity({ seed: 3, buildingCount: 3500 });

async function readFile(file: InputFile) {
  const issues: BuildingIssue[] = [];
  const ids: string[] = [];
  for await (const source of readInputFile(file, { onIssue: (issue) => issues.push(issue) }))
    ids.push(source.attributes.sourceId);
  return { ids, issues };
}

describe('readInputFile (footprint files, streamed)', () => {
  it('reads a GeoJSON file larger than one chunk, feature by feature', async () => {
    const path = join(FOLDER, 'city.geojson');
    const text = JSON.stringify(CITY);
    expect(text.length).toBeGreaterThan(2 ** 20);
    writeFileSync(path, text);
    const { ids, issues } = await readFile({ path, displayName: 'city.geojson', format: 'geojson' });
    expect(ids).toEqual(CITY.features.map((feature) => feature.properties.id));
    expect(issues).toEqual([]);
  });

  it('reports a truncated GeoJSON file by name and converts the features before the cut', async () => {
    const path = join(FOLDER, 'cut.geojson');
    const text = JSON.stringify(CITY);
    writeFileSync(path, text.slice(0, Math.floor(text.length * 0.7)));
    const { ids, issues } = await readFile({ path, displayName: 'cut.geojson', format: 'geojson' });
    expect(ids.length).toBeGreaterThan(CITY.features.length * 0.6);
    expect(ids).toEqual(CITY.features.slice(0, ids.length).map((feature) => feature.properties.id));
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'invalid-json',
        file: 'cut.geojson',
        message: expect.stringMatching(/truncated/),
      }),
    ]);
  });

  it('reads FlatGeobuf and Shapefile files from disk', async () => {
    const square = (x: number): [number, number][] => [
      [x, 5757700],
      [x, 5757710],
      [x + 10, 5757710],
      [x + 10, 5757700],
      [x, 5757700],
    ];
    const fgbPath = join(FOLDER, 'city.fgb');
    const features = CITY.features.slice(0, 50);
    writeFileSync(
      fgbPath,
      writeFlatGeobuf({ type: 'FeatureCollection', features }, { org: 'EPSG', code: 25832 }),
    );
    const fgb = await readFile({ path: fgbPath, displayName: 'city.fgb', format: 'flatgeobuf' });
    expect(fgb.ids).toEqual(features.map((feature) => feature.properties.id));

    const shpPath = join(FOLDER, 'city.shp');
    writeFileSync(shpPath, writeShpPolygons([[square(405700)], null, [square(405720)]]));
    writeFileSync(
      join(FOLDER, 'city.dbf'),
      writeDbf(
        [
          { name: 'id', type: 'C', length: 8 },
          { name: 'hoehe', type: 'N', length: 6, decimals: 1 },
        ],
        [
          { id: 'one', hoehe: 9 },
          { id: 'none', hoehe: 9 },
          { id: 'three', hoehe: 9 },
        ],
      ),
    );
    const shp = await readFile({ path: shpPath, displayName: 'city.shp', format: 'shapefile' });
    expect(shp.ids).toEqual(['one', 'three']);
    expect(shp.issues.map((issue) => [issue.code, issue.featureId])).toEqual([
      ['missing-geometry', 'none'],
      ['missing-ground-height', undefined],
    ]);
  });
});
