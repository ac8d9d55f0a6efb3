import { describe, expect, it } from 'vitest';
import type { BuildingIssue, BuildingSource } from '../buildingModel';
import {
  readShapefileFootprints,
  readShapefileFootprintStream,
  type ShapefileParts,
} from './readShapefileFootprints';
import { writeDbf, writeShpPolygons, type DbfTestField } from './shapefileTestFixture';

const UTM_PRJ =
  'PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],' +
  'PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",9.0],' +
  'PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** A closed, clockwise ring (Shapefile's outer-ring order) of a square. */
function clockwiseSquare(x: number, y: number, size: number): [number, number][] {
  return [
    [x, y],
    [x, y + size],
    [x + size, y + size],
    [x + size, y],
    [x, y],
  ];
}

/** A closed, counter-clockwise ring (Shapefile's hole order). */
function counterClockwiseSquare(x: number, y: number, size: number): [number, number][] {
  return clockwiseSquare(x, y, size).reverse();
}

// dBASE names are at most ten characters: `storeysAboveGround` arrives as `storeysAbo`, `groundHeight` as `groundHeig`.
const FIELDS: DbfTestField[] = [
  { name: 'gml_id', type: 'C', length: 16 },
  { name: 'hoehe', type: 'N', length: 8, decimals: 2 },
  { name: 'storeysAbo', type: 'N', length: 3 },
  { name: 'groundHeig', type: 'N', length: 8, decimals: 2 },
  { name: 'strasse', type: 'C', length: 24 },
  { name: 'hausnummer', type: 'C', length: 6 },
];

async function read(parts: ShapefileParts) {
  const issues: BuildingIssue[] = [];
  const iterable = await readShapefileFootprints(parts, {
    sourceFile: 'footprints.shp',
    onIssue: (issue) => issues.push(issue),
  });
  const buildings: BuildingSource[] = [...iterable];
  return { buildings, issues };
}

describe('readShapefileFootprints', () => {
  it('reads polygons with courtyards, multi-part records and Latin-1 attributes', async () => {
    const shp = writeShpPolygons([
      [clockwiseSquare(405700, 5757700, 30), counterClockwiseSquare(405710, 5757710, 10)],
      [clockwiseSquare(405750, 5757700, 10), clockwiseSquare(405770, 5757700, 10)],
    ]);
    const dbf = writeDbf(FIELDS, [
      {
        gml_id: 'DENW_1',
        hoehe: 15.5,
        storeysAbo: 5,
        groundHeig: 60.25,
        strasse: 'Königsstraße',
        hausnummer: '4a',
      },
      { gml_id: 'DENW_2', storeysAbo: 2 },
    ]);
    const { buildings, issues } = await read({ shp, dbf, prj: UTM_PRJ });
    expect(issues).toEqual([expect.objectContaining({ code: 'missing-ground-height', severity: 'warning' })]);
    expect(buildings.map((building) => building.attributes.sourceId)).toEqual(['DENW_1', 'DENW_2']);
    const [courtyardBlock, twoParts] = buildings;
    expect(courtyardBlock!.attributes).toMatchObject({
      measuredHeightMeters: 15.5,
      storeysAboveGround: 5,
      groundHeightMeters: 60.25,
      addresses: [{ street: 'Königsstraße', houseNumber: '4a' }],
    });
    expect(courtyardBlock!.surfaces.filter((surface) => surface.kind === 'wall')).toHaveLength(8);
    expect(courtyardBlock!.surfaces.find((surface) => surface.kind === 'roof')!.holes).toHaveLength(1);
    expect(twoParts!.surfaces.filter((surface) => surface.kind === 'roof')).toHaveLength(2);
    expect(twoParts!.surfaces[1]!.exterior[0]![2]).toBe(6);
  });

  it('keeps the buildings after a null shape and names the empty record', async () => {
    const shp = writeShpPolygons([
      [clockwiseSquare(405700, 5757700, 10)],
      null,
      [clockwiseSquare(405720, 5757700, 10)],
    ]);
    const dbf = writeDbf(FIELDS, [
      { gml_id: 'first', hoehe: 9 },
      { gml_id: 'deleted', hoehe: 9 },
      { gml_id: 'third', hoehe: 9 },
    ]);
    const { buildings, issues } = await read({ shp, dbf, prj: UTM_PRJ });
    expect(buildings.map((building) => building.attributes.sourceId)).toEqual(['first', 'third']);
    expect(issues).toContainEqual(
      expect.objectContaining({ featureId: 'deleted', code: 'missing-geometry', severity: 'error' }),
    );
  });

  it('converts WGS84 named by the .prj', async () => {
    const shp = writeShpPolygons([[clockwiseSquare(7.6283, 51.9621, 0.0001)]]);
    const dbf = writeDbf(FIELDS, [{ gml_id: 'degrees', hoehe: 9 }]);
    const { buildings, issues } = await read({ shp, dbf, prj: WGS84_PRJ });
    expect(issues.map((issue) => issue.code)).toEqual(['missing-ground-height']);
    // The south-west corner is the known point (PROJ 9.1.1, as in projection.test.ts).
    const corner = buildings[0]!.surfaces[0]!.exterior.find(
      ([x, y]) => Math.abs(x - 405754.7023) < 1 && Math.abs(y - 5757711.4886) < 1,
    );
    expect(corner![0]).toBeCloseTo(405754.7023, 3);
    expect(corner![1]).toBeCloseTo(5757711.4886, 3);
  });

  it('skips every building without a .dbf (no heights) and rejects bytes that are not a Shapefile', async () => {
    const withoutDbf = await read({ shp: writeShpPolygons([[clockwiseSquare(405700, 5757700, 10)]]) });
    expect(withoutDbf.buildings).toEqual([]);
    expect(withoutDbf.issues).toEqual([expect.objectContaining({ featureId: '#0', code: 'missing-height' })]);
    const notShp = await read({ shp: new Uint8Array(120) });
    expect(notShp.issues).toEqual([expect.objectContaining({ code: 'unreadable-file', severity: 'error' })]);
  });

  it('rejects a .prj naming another projection', async () => {
    const gaussKrueger = 'PROJCS["DHDN_3_Degree_Gauss_Zone_2",GEOGCS["GCS_Deutsches_Hauptdreiecksnetz"]]';
    const { buildings, issues } = await read({
      shp: writeShpPolygons([[clockwiseSquare(2_580_000, 5_760_000, 10)]]),
      dbf: writeDbf(FIELDS, [{ gml_id: 'gk', hoehe: 9 }]),
      prj: gaussKrueger,
    });
    expect(buildings).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'unsupported-crs', file: 'footprints.shp' })]);
  });

  it('streams the files in small chunks, and keeps the records before the end of a cut-off .shp', async () => {
    const shp = writeShpPolygons([
      [clockwiseSquare(405700, 5757700, 10)],
      null,
      [clockwiseSquare(405720, 5757700, 10)],
      [clockwiseSquare(405740, 5757700, 10)],
    ]);
    const dbf = writeDbf(FIELDS, [
      { gml_id: 'first', hoehe: 9, strasse: 'Königsstraße' },
      { gml_id: 'deleted', hoehe: 9 },
      { gml_id: 'third', hoehe: 9 },
      { gml_id: 'fourth', hoehe: 9 },
    ]);
    const whole = await read({ shp, dbf, prj: UTM_PRJ });
    const streamed = await readStream({ shp: chunks(shp, 7), dbf: chunks(dbf, 5), prj: UTM_PRJ });
    expect(streamed.buildings).toEqual(whole.buildings);
    expect(streamed.issues).toEqual(whole.issues);
    expect(streamed.buildings.map((building) => building.attributes.sourceId)).toEqual([
      'first',
      'third',
      'fourth',
    ]);

    const cut = await readStream({ shp: chunks(shp.subarray(0, shp.length - 20), 64), dbf: chunks(dbf, 64) });
    expect(cut.buildings.map((building) => building.attributes.sourceId)).toEqual(['first', 'third']);
    expect(cut.issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'unreadable-file',
        file: 'footprints.shp',
        message: expect.stringContaining('ends inside record 3'),
      }),
    );
    expect(cut.issues).toContainEqual(expect.objectContaining({ code: 'record-count-mismatch' }));
  });
});

/** The bytes in pieces of `chunkBytes`, fresh copies as a file stream delivers them. */
async function* chunks(bytes: Uint8Array, chunkBytes: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += chunkBytes)
    yield bytes.slice(offset, offset + chunkBytes);
}

async function readStream(parts: Parameters<typeof readShapefileFootprintStream>[0]) {
  const issues: BuildingIssue[] = [];
  const buildings: BuildingSource[] = [];
  const options = { sourceFile: 'footprints.shp', onIssue: (issue: BuildingIssue) => issues.push(issue) };
  for await (const building of readShapefileFootprintStream(parts, options)) buildings.push(building);
  return { buildings, issues };
}
