import { describe, expect, it } from 'vitest';
import type { BuildingIssue, BuildingSource } from '../buildingModel';
import { writeFlatGeobuf, type FlatGeobufTestCrs } from './flatGeobufTestFixture';
import { readFlatGeobufFootprints, readFlatGeobufFootprintStream } from './readFlatGeobufFootprints';

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

// The first feature fixes the column types: a fractional height makes a Double column for all.
const FEATURES = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'fgb-1', height: 12.5, storeys: 4, street: 'Salzstraße', houseNumber: '3' },
      geometry: { type: 'Polygon', coordinates: square(405750, 5757700, 10) },
    },
    {
      type: 'Feature',
      properties: { id: 'fgb-2', height: 0.0, storeys: 2, street: '', houseNumber: '' },
      geometry: { type: 'Polygon', coordinates: square(405770, 5757700, 10) },
    },
    {
      type: 'Feature',
      properties: { id: 'fgb-3', height: 0.0, storeys: 0, street: '', houseNumber: '' },
      geometry: { type: 'Polygon', coordinates: square(405790, 5757700, 10) },
    },
  ],
};

async function read(bytes: Uint8Array, crs?: string) {
  const issues: BuildingIssue[] = [];
  const iterable = await readFlatGeobufFootprints(bytes, {
    sourceFile: 'footprints.fgb',
    onIssue: (issue) => issues.push(issue),
    crs,
  });
  const buildings: BuildingSource[] = [...iterable];
  return { buildings, issues };
}

describe('readFlatGeobufFootprints', () => {
  it('reads footprints and attributes, and reports the feature it had to skip', async () => {
    const { buildings, issues } = await read(writeFlatGeobuf(FEATURES, { org: 'EPSG', code: 25832 }));
    expect(buildings.map((building) => building.attributes.sourceId)).toEqual(['fgb-1', 'fgb-2']);
    expect(buildings[0]!.attributes).toMatchObject({
      measuredHeightMeters: 12.5,
      storeysAboveGround: 4,
      addresses: [{ street: 'Salzstraße', houseNumber: '3' }],
    });
    expect(buildings[0]!.surfaces).toHaveLength(6);
    // A height of 0 is no height: storeys × 3 m, with a warning.
    const roof = buildings[1]!.surfaces.find((surface) => surface.kind === 'roof')!;
    expect(roof.exterior[0]![2]).toBe(6);
    expect(issues).toContainEqual(
      expect.objectContaining({ featureId: 'fgb-2', code: 'invalid-height', severity: 'warning' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        featureId: 'fgb-3',
        code: 'invalid-height',
        severity: 'error',
        file: 'footprints.fgb',
      }),
    );
  });

  it.each<[string, FlatGeobufTestCrs]>([
    ['an EPSG code', { org: 'EPSG', code: 4326 }],
    [
      'WKT',
      {
        wkt: 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]',
      },
    ],
  ])('converts WGS84 named by %s in the header', async (_, crs) => {
    const degrees = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { height: 10.5 },
          geometry: { type: 'Polygon', coordinates: square(7.6283, 51.9621, 0.0001) },
        },
      ],
    };
    const { buildings, issues } = await read(writeFlatGeobuf(degrees, crs));
    expect(issues.map((issue) => issue.code)).toEqual(['missing-ground-height']);
    // The south-west corner is the known point (PROJ 9.1.1, as in projection.test.ts).
    const corner = buildings[0]!.surfaces[0]!.exterior.find(
      ([x, y]) => Math.abs(x - 405754.7023) < 1 && Math.abs(y - 5757711.4886) < 1,
    );
    expect(corner![0]).toBeCloseTo(405754.7023, 3);
    expect(corner![1]).toBeCloseTo(5757711.4886, 3);
  });

  it('guesses the CRS without a header CRS, and rejects a file that is not FlatGeobuf', async () => {
    const { buildings, issues } = await read(writeFlatGeobuf(FEATURES));
    expect(buildings).toHaveLength(2);
    expect(issues.some((issue) => issue.code.startsWith('crs'))).toBe(false);
    const broken = await read(new TextEncoder().encode('not a flatgeobuf file'));
    expect(broken.buildings).toEqual([]);
    expect(broken.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'unreadable-file' })]);
  });

  it('streams a file in small chunks, and reports a cut-off file but keeps the features before the cut', async () => {
    const bytes = writeFlatGeobuf(FEATURES, { org: 'EPSG', code: 25832 });
    const whole = await read(bytes);
    const streamed = await readChunked(bytes, 5);
    expect(streamed.buildings).toEqual(whole.buildings);
    expect(streamed.issues).toEqual(whole.issues);

    // Cut inside the last feature: the two before it are read, the file is named in an error.
    const cut = await readChunked(bytes.subarray(0, bytes.length - 40), 64);
    expect(cut.buildings.map((building) => building.attributes.sourceId)).toEqual(['fgb-1', 'fgb-2']);
    expect(cut.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'unreadable-file', file: 'footprints.fgb' }),
    );
  });
});

async function readChunked(bytes: Uint8Array, chunkBytes: number) {
  const issues: BuildingIssue[] = [];
  async function* chunks() {
    for (let offset = 0; offset < bytes.length; offset += chunkBytes)
      yield bytes.slice(offset, offset + chunkBytes);
  }
  const buildings: BuildingSource[] = [];
  const options = { sourceFile: 'footprints.fgb', onIssue: (issue: BuildingIssue) => issues.push(issue) };
  for await (const building of readFlatGeobufFootprintStream(chunks(), options)) buildings.push(building);
  return { buildings, issues };
}
