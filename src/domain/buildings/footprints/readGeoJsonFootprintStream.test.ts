import { describe, expect, it } from 'vitest';
import type { BuildingIssue, BuildingSource } from '../buildingModel';
import { readGeoJsonFootprints, readGeoJsonFootprintStream } from './readGeoJsonFootprints';

const UTM_CRS = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } };
const WGS84_CRS = { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } };

function square(x: number, y: number, size: number): number[][][] {
  return [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ];
}

function building(id: string, x: number, properties: Record<string, unknown> = {}) {
  return {
    type: 'Feature',
    properties: { id, height: 10, groundHeight: 60, ...properties },
    geometry: { type: 'Polygon', coordinates: square(x, 5757700, 10) },
  };
}

/** The text as bytes in pieces of `chunkBytes`, as a file stream delivers them; a fresh stream per call. */
function chunked(text: string, chunkBytes: number): () => AsyncIterable<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return async function* () {
    for (let offset = 0; offset < bytes.length; offset += chunkBytes)
      yield bytes.slice(offset, offset + chunkBytes);
  };
}

async function readStream(text: string, chunkBytes = 7, crs?: string) {
  const issues: BuildingIssue[] = [];
  const buildings: BuildingSource[] = [];
  const options = { sourceFile: 'city.geojson', onIssue: (issue: BuildingIssue) => issues.push(issue), crs };
  for await (const source of readGeoJsonFootprintStream(chunked(text, chunkBytes), options))
    buildings.push(source);
  return { buildings, issues, ids: buildings.map((source) => source.attributes.sourceId) };
}

function readWhole(text: string, crs?: string) {
  const issues: BuildingIssue[] = [];
  const options = { sourceFile: 'city.geojson', onIssue: (issue: BuildingIssue) => issues.push(issue), crs };
  return { buildings: [...readGeoJsonFootprints(text, options)], issues };
}

describe('readGeoJsonFootprintStream', () => {
  it('reads what the whole-text reader reads, whatever the chunk size', async () => {
    const collection = {
      type: 'FeatureCollection',
      crs: UTM_CRS,
      features: [
        building('a', 405750, { street: 'Prinzipalmarkt', houseNumber: '1', locality: 'Münster' }),
        building('b', 405770, { groundHeight: undefined }),
        { type: 'Feature', properties: { id: 'no-geometry', height: 5 }, geometry: null },
        building('d', 405790, { note: 'quotes " and \\ and brackets ] } [ { in a string: "]}"' }),
        building('e', 405810, { street: 'Überwasser – “Liebfrauen” ✓ 😀', houseNumber: '2' }),
        building('e', 405830),
        { ...building('line', 405850), geometry: { type: 'LineString', coordinates: [[405850, 5757700]] } },
        building('no-height', 405870, { height: undefined, storeys: null }),
        7,
      ],
    };
    const text = JSON.stringify(collection, null, 1);
    const expected = readWhole(text);
    for (const chunkBytes of [1, 2, 3, 7, 64, 100_000]) {
      const streamed = await readStream(text, chunkBytes);
      expect(streamed.buildings).toEqual(expected.buildings);
      expect(streamed.issues).toEqual(expected.issues);
    }
    expect(expected.buildings.map((source) => source.attributes.sourceId)).toEqual([
      'a',
      'b',
      'd',
      'e',
      'e#5',
    ]);
    expect(expected.issues.map((issue) => issue.code)).toEqual([
      'missing-geometry',
      'duplicate-id',
      'unsupported-geometry',
      'missing-height',
      'missing-geometry',
      'missing-ground-height',
    ]);
    expect(expected.buildings[3]!.attributes.addresses[0]!.street).toBe('Überwasser – “Liebfrauen” ✓ 😀');
  });

  it('finds a crs member that follows the features, and reads files without one', async () => {
    const features = [building('a', 7.6283, {})];
    features[0]!.geometry.coordinates = square(7.6283, 51.9621, 0.0001);
    const crsLast = `{"features":${JSON.stringify(features)},"crs":${JSON.stringify(WGS84_CRS)},"type":"FeatureCollection"}`;
    const streamed = await readStream(crsLast, 5);
    expect(streamed.issues).toEqual([]);
    expect(streamed.buildings[0]!.surfaces[0]!.exterior[0]![0]).toBeGreaterThan(400_000);

    const rfc7946 = JSON.stringify({ type: 'FeatureCollection', features });
    const guessed = await readStream(rfc7946);
    expect(guessed.issues.map((issue) => issue.code)).toEqual(['crs-assumed-wgs84']);
    expect(guessed.buildings).toHaveLength(1);
    const overridden = await readStream(crsLast, 5, 'EPSG:25832');
    expect(overridden.issues.map((issue) => issue.code)).toContain('crs-overridden');
  });

  it('reads a single Feature and rejects what is not GeoJSON', async () => {
    const single = await readStream(JSON.stringify({ ...building('solo', 405750), crs: UTM_CRS }));
    expect(single.ids).toEqual(['solo']);
    expect((await readStream('{"type":"Topology","arcs":[]}')).issues).toEqual([
      expect.objectContaining({ code: 'not-geojson', file: 'city.geojson' }),
    ]);
    expect((await readStream('[1, 2]')).issues).toEqual([expect.objectContaining({ code: 'not-geojson' })]);
    expect((await readStream('{ not json')).issues).toEqual([
      expect.objectContaining({ code: 'invalid-json', file: 'city.geojson' }),
    ]);
    expect((await readStream('')).issues).toEqual([expect.objectContaining({ code: 'invalid-json' })]);
    const withByteOrderMark = await readStream(
      `\uFEFF${JSON.stringify({ ...building('bom', 405750), crs: UTM_CRS })}`,
      1,
    );
    expect(withByteOrderMark.ids).toEqual(['bom']);
  });

  it('reports a truncated file naming the file, and keeps the features before the break', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: UTM_CRS,
      features: [building('a', 405750), building('b', 405770), building('c', 405790)],
    });
    const truncated = await readStream(text.slice(0, text.lastIndexOf('"c"') + 20), 16);
    expect(truncated.ids).toEqual(['a', 'b']);
    expect(truncated.issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'invalid-json', file: 'city.geojson' }),
    ]);
    expect(truncated.issues[0]!.featureId).toBeUndefined();
    expect(truncated.issues[0]!.message).toMatch(/truncated.*the 2 features before it were read/);

    const missingLastBrace = await readStream(text.slice(0, -1));
    expect(missingLastBrace.ids).toEqual(['a', 'b', 'c']);
    expect(missingLastBrace.issues.map((issue) => issue.code)).toEqual(['invalid-json']);
  });

  it('skips a feature that is not valid JSON and reads on; stops where the structure breaks', async () => {
    const good = (id: string, x: number) => JSON.stringify(building(id, x));
    const prefix = `{"type":"FeatureCollection","crs":${JSON.stringify(UTM_CRS)},"features":[`;
    const brokenFeature = await readStream(
      `${prefix}${good('a', 405750)},{"type":"Feature",,},${good('c', 405790)}]}`,
    );
    expect(brokenFeature.ids).toEqual(['a', 'c']);
    expect(brokenFeature.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'invalid-json',
        featureId: '#1',
        file: 'city.geojson',
      }),
    ]);
    expect(brokenFeature.issues[0]!.message).toMatch(/^feature 1: /);

    const brokenStructure = await readStream(`${prefix}${good('a', 405750)} x ${good('b', 405770)}]}`);
    expect(brokenStructure.ids).toEqual(['a']);
    expect(brokenStructure.issues).toEqual([
      expect.objectContaining({ code: 'invalid-json', message: expect.stringContaining('after feature 0') }),
    ]);
  });

  it('reports an unsupported declared CRS once and converts nothing', async () => {
    const gaussKrueger = await readStream(
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'EPSG:31466' } },
        features: [building('gk', 2_580_000)],
      }),
    );
    expect(gaussKrueger.buildings).toEqual([]);
    expect(gaussKrueger.issues).toEqual([expect.objectContaining({ code: 'unsupported-crs' })]);
  });
});
