import { describe, expect, it } from 'vitest';
import type { BuildingIssue, BuildingSource } from '../buildingModel';
import { readGeoJsonFootprints } from './readGeoJsonFootprints';

// Prinzipalmarkt, projected with PROJ 9.1.1 (`cs2cs EPSG:4326 EPSG:25832`), as in projection.test.ts.
const PRINZIPALMARKT = { longitude: 7.6283, latitude: 51.9621, easting: 405754.7023, northing: 5757711.4886 };
const UTM_CRS = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } };

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

function feature(properties: Record<string, unknown>, geometry: unknown, id?: string | number) {
  return { type: 'Feature', ...(id === undefined ? {} : { id }), properties, geometry };
}

function read(input: unknown, options: { crs?: string; storeyHeightMeters?: number } = {}) {
  const issues: BuildingIssue[] = [];
  const buildings: BuildingSource[] = [
    ...readGeoJsonFootprints(input, {
      sourceFile: 'footprints.geojson',
      onIssue: (issue) => issues.push(issue),
      ...options,
    }),
  ];
  return { buildings, issues };
}

function roofOf(building: BuildingSource) {
  return building.surfaces.find((surface) => surface.kind === 'roof')!;
}

describe('readGeoJsonFootprints', () => {
  it('reads EPSG:25832 footprints with heights and attributes', () => {
    const { buildings, issues } = read({
      type: 'FeatureCollection',
      crs: UTM_CRS,
      features: [
        feature(
          {
            gml_id: 'DENW36AL0000abcd',
            height: 14.5,
            groundHeight: 61.2,
            function: '31001_1010',
            street: 'Prinzipalmarkt',
            houseNumber: '10',
            postalCode: '48143',
            locality: 'Münster',
          },
          { type: 'Polygon', coordinates: square(405750, 5757700, 10) },
        ),
      ],
    });
    expect(issues).toEqual([]);
    expect(buildings).toHaveLength(1);
    const { attributes, surfaces } = buildings[0]!;
    expect(attributes).toMatchObject({
      sourceId: 'DENW36AL0000abcd',
      functionCode: '31001_1010',
      roofTypeCode: '1000',
      measuredHeightMeters: 14.5,
      groundHeightMeters: 61.2,
      sourceFile: 'footprints.geojson',
      levelOfDetail: 1,
      addresses: [{ street: 'Prinzipalmarkt', houseNumber: '10', postalCode: '48143', locality: 'Münster' }],
    });
    expect(surfaces).toHaveLength(6);
    expect(roofOf(buildings[0]!).exterior[0]).toEqual([405750, 5757700, 75.7]);
  });

  it('converts WGS84 (declared) to EPSG:25832', () => {
    const { longitude: lon, latitude: lat } = PRINZIPALMARKT;
    const { buildings, issues } = read({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
      features: [feature({ height: 10 }, { type: 'Polygon', coordinates: square(lon, lat, 0.0001) })],
    });
    expect(issues.filter((issue) => issue.code !== 'missing-ground-height')).toEqual([]);
    const corner = roofOf(buildings[0]!).exterior.find(
      ([x, y]) => Math.abs(x - PRINZIPALMARKT.easting) < 1 && Math.abs(y - PRINZIPALMARKT.northing) < 1,
    );
    expect(corner![0]).toBeCloseTo(PRINZIPALMARKT.easting, 3);
    expect(corner![1]).toBeCloseTo(PRINZIPALMARKT.northing, 3);
  });

  it('assumes WGS84 for degree coordinates without a CRS, and warns', () => {
    const { buildings, issues } = read(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          feature({ height: 10 }, { type: 'Polygon', coordinates: square(7.6283, 51.9621, 0.0001) }),
        ],
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'crs-assumed-wgs84', file: 'footprints.geojson' }),
    );
    const [x, y] = roofOf(buildings[0]!).exterior[0]!;
    expect(Math.hypot(x - PRINZIPALMARKT.easting, y - PRINZIPALMARKT.northing)).toBeLessThan(20);
  });

  it('lets an explicit CRS override the file', () => {
    const { buildings, issues } = read(
      {
        type: 'FeatureCollection',
        crs: UTM_CRS,
        features: [
          feature({ height: 10 }, { type: 'Polygon', coordinates: square(7.6283, 51.9621, 0.0001) }),
        ],
      },
      { crs: 'EPSG:4326' },
    );
    expect(issues).toContainEqual(expect.objectContaining({ code: 'crs-overridden' }));
    expect(roofOf(buildings[0]!).exterior[0]![0]).toBeGreaterThan(400_000);
  });

  it('derives the height from storeys (3 m by default, or the given storey height)', () => {
    const input = {
      type: 'FeatureCollection',
      crs: UTM_CRS,
      features: [
        feature({ storeys: 4 }, { type: 'Polygon', coordinates: square(405750, 5757700, 10) }),
        feature({ geschosse: '2' }, { type: 'Polygon', coordinates: square(405770, 5757700, 10) }),
      ],
    };
    const byDefault = read(input).buildings;
    expect(roofOf(byDefault[0]!).exterior[0]![2]).toBe(12);
    expect(byDefault[0]!.attributes).toMatchObject({
      storeysAboveGround: 4,
      measuredHeightMeters: undefined,
    });
    expect(roofOf(byDefault[1]!).exterior[0]![2]).toBe(6);
    const tallerStoreys = read(input, { storeyHeightMeters: 3.5 }).buildings;
    expect(roofOf(tallerStoreys[0]!).exterior[0]![2]).toBe(14);
  });

  it('reports bad features by id or index and converts the good ones', () => {
    const good = { type: 'Polygon', coordinates: square(405750, 5757700, 10) };
    const { buildings, issues } = read({
      type: 'FeatureCollection',
      crs: UTM_CRS,
      features: [
        feature({ id: 'good-1', height: 10 }, good),
        feature(
          { id: 'line', height: 10 },
          {
            type: 'LineString',
            coordinates: [
              [405750, 5757700],
              [405760, 5757700],
            ],
          },
        ),
        feature(
          { height: 10 },
          {
            type: 'Polygon',
            coordinates: [
              [
                [405750, 5757700],
                [405760, 5757700],
                [405750, 5757700],
              ],
            ],
          },
        ),
        feature(
          { height: 10 },
          {
            type: 'Polygon',
            coordinates: [
              [
                [405750, 5757700],
                [405760, 5757710],
                [405760, 5757700],
                [405750, 5757710],
              ],
            ],
          },
          'bow-tie',
        ),
        feature(
          { height: 10 },
          {
            type: 'Polygon',
            coordinates: [
              [
                [405750, 5757700],
                [405760, 5757700],
                [405770, 5757700],
              ],
            ],
          },
        ),
        feature({ id: 'no-height' }, good),
        feature({ id: 'negative', height: -3 }, good),
        feature(
          { id: 'nan', height: 10 },
          {
            type: 'Polygon',
            coordinates: [
              [
                [405750, 5757700],
                [Number.NaN, 5757700],
                [405760, 5757710],
              ],
            ],
          },
        ),
        feature(
          { id: 'good-2', hoehe: '7,5' },
          { type: 'MultiPolygon', coordinates: [square(405800, 5757700, 10), square(405820, 5757700, 10)] },
        ),
      ],
    });
    expect(buildings.map((building) => building.attributes.sourceId)).toEqual(['good-1', 'good-2']);
    expect(buildings[1]!.surfaces).toHaveLength(12);
    expect(roofOf(buildings[1]!).exterior[0]![2]).toBe(7.5);
    const errors = issues.filter((issue) => issue.severity === 'error');
    expect(errors.map((issue) => [issue.featureId, issue.code])).toEqual([
      ['line', 'unsupported-geometry'],
      ['#2', 'too-few-points'],
      ['bow-tie', 'self-intersecting-ring'],
      ['#4', 'zero-area'],
      ['no-height', 'missing-height'],
      ['negative', 'invalid-height'],
      ['nan', 'invalid-coordinates'],
    ]);
    expect(errors.every((issue) => issue.file === 'footprints.geojson')).toBe(true);
    expect(errors[1]!.message).toContain('feature 2');
  });

  it('names buildings without an id after the file and index, and warns about repeated ids', () => {
    const geometry = { type: 'Polygon', coordinates: square(405750, 5757700, 10) };
    const { buildings, issues } = read({
      type: 'FeatureCollection',
      crs: UTM_CRS,
      features: [
        feature({ height: 5 }, geometry),
        feature({ height: 5 }, geometry, 7),
        feature({ id: 7, height: 5 }, geometry),
      ],
    });
    expect(buildings.map((building) => building.attributes.sourceId)).toEqual([
      'footprints.geojson#0',
      '7',
      '7#2',
    ]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'duplicate-id', featureId: '7' }));
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'missing-ground-height', severity: 'warning' }),
    );
  });

  it('reports unreadable input and unsupported CRSs as file issues', () => {
    expect(read('{ not json').issues).toEqual([
      expect.objectContaining({ code: 'invalid-json', file: 'footprints.geojson' }),
    ]);
    expect(read({ type: 'Topology' }).issues).toEqual([expect.objectContaining({ code: 'not-geojson' })]);
    const gaussKrueger = read({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'EPSG:31466' } },
      features: [feature({ height: 5 }, { type: 'Polygon', coordinates: square(2_580_000, 5_760_000, 10) })],
    });
    expect(gaussKrueger.buildings).toEqual([]);
    expect(gaussKrueger.issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'unsupported-crs' }),
    ]);
  });
});
