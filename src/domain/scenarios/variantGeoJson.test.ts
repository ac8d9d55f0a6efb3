import { describe, expect, it } from 'vitest';
import { exportVariantToGeoJson, writeVariantGeoJson } from './variantGeoJson';
import { importVariantFromGeoJson, importVariantIntoScenario } from './variantGeoJsonImport';
import { createTestScenario, createTestVariant } from './scenarioTestSupport';

const scenario = createTestScenario();
const variant = createTestVariant();

/** The exported collection as plain JSON, to break on purpose. */
function exportedJson(): {
  features: { properties: Record<string, unknown>; geometry: Record<string, unknown> }[];
} & Record<string, unknown> {
  return JSON.parse(writeVariantGeoJson(scenario, variant));
}

describe('exportVariantToGeoJson', () => {
  it('writes one feature per element with flat properties GIS tools read', () => {
    const collection = exportVariantToGeoJson(scenario, variant);
    expect(collection).toMatchObject({
      type: 'FeatureCollection',
      name: 'test-quarter-test-variant',
      variantId: 'test-variant',
    });
    expect(
      collection.features.map((feature) => [feature.properties.featureType, feature.geometry.type]),
    ).toEqual([
      ['massing', 'Polygon'],
      ['massing', 'Polygon'],
      ['openSpace', 'Polygon'],
      ['openSpace', 'Polygon'],
      ['openSpace', 'Polygon'],
      ['sealedArea', 'Polygon'],
      ['mobilityHub', 'Point'],
      ['street', 'LineString'],
    ]);
    expect(collection.features[0]!.properties).toMatchObject({
      id: 'block-a',
      storeys: 4,
      heightMeters: 12,
      housingShare: 0.75,
      commerceShare: 0.25,
      schoolShare: 0,
      subsidisedHousingShare: 0.5,
      greenRoof: false,
      grossFloorAreaSquareMeters: expect.closeTo(2400, 0),
    });
    for (const feature of collection.features) {
      for (const value of Object.values(feature.properties))
        expect(['string', 'number', 'boolean']).toContain(value === null ? 'string' : typeof value);
    }
  });
});

describe('importVariantFromGeoJson', () => {
  it('reads back what it wrote', () => {
    const { value, issues } = importVariantFromGeoJson(
      writeVariantGeoJson(scenario, variant),
      'test.geojson',
    );
    expect(issues).toEqual([]);
    expect(value).toEqual(variant);
  });

  it('accepts what GIS tools write: nulls, heights in positions, one-part multipolygons, 0/1 flags, a new feature without id', () => {
    const json = exportedJson();
    const massing = json.features[0]!;
    massing.properties.name = null;
    massing.properties.greenRoof = 1;
    massing.geometry = {
      type: 'MultiPolygon',
      coordinates: [
        (massing.geometry.coordinates as number[][][]).map((ring) => ring.map(([x, y]) => [x, y, 0])),
      ],
    };
    const drawn = structuredClone(json.features[1]!);
    delete drawn.properties.id;
    delete (drawn as { id?: unknown }).id;
    json.features.push(drawn);
    json.crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } };
    const { value, issues } = importVariantFromGeoJson(JSON.stringify(json), 'qgis.geojson', {
      variantId: 'from-qgis',
    });
    expect(issues).toEqual([]);
    expect(value?.id).toBe('from-qgis');
    expect(value?.massings[0]?.greenRoof).toBe(true);
    expect(value?.massings[0]?.footprint).toEqual(variant.massings[0]?.footprint);
    expect(value?.massings.map((item) => item.id)).toEqual(['block-a', 'row-b', 'massing-1']);
  });

  it('refuses a broken feature, naming its index and field', () => {
    const json = exportedJson();
    json.features[1]!.properties.storeys = 'three';
    json.features[0]!.properties.housingShare = 0.5;
    const { value, issues } = importVariantFromGeoJson(JSON.stringify(json), 'broken.geojson');
    expect(value).toBeUndefined();
    expect(issues).toEqual([
      {
        code: 'invalid_use_shares',
        file: 'broken.geojson',
        path: '$.features[0].properties',
        message:
          'feature 0 (massing "block-a"): the floor-area shares of the uses must add up to 1, but housingShare 0.5 + commerceShare 0.25 = 0.75 (properties housingShare, commerceShare, dayCareShare, schoolShare, communityShare, mobilityShare)',
      },
      expect.objectContaining({
        code: 'invalid_type',
        path: '$.features[1].properties.storeys',
        message: expect.stringMatching(/^feature 1 \(massing "row-b"\): storeys: /),
      }),
    ]);
  });

  it('refuses broken geometry, unknown feature types and wrong coordinate systems', () => {
    const open = exportedJson();
    const ring = (open.features[2]!.geometry.coordinates as number[][][])[0]!;
    ring.pop();
    expect(importVariantFromGeoJson(JSON.stringify(open), 'a.geojson').issues[0]).toMatchObject({
      path: '$.features[2].geometry.coordinates[0]',
      message: expect.stringContaining('feature 2 (openSpace "park")'),
    });

    const point = exportedJson();
    point.features[0]!.geometry = { type: 'Point', coordinates: [7.6, 51.9] };
    expect(importVariantFromGeoJson(JSON.stringify(point), 'a.geojson').issues[0]?.path).toBe(
      '$.features[0].geometry.type',
    );

    const unknown = exportedJson();
    unknown.features[3]!.properties.featureType = 'tree';
    expect(importVariantFromGeoJson(JSON.stringify(unknown), 'a.geojson').issues[0]).toMatchObject({
      path: '$.features[3].properties.featureType',
      message: expect.stringContaining('feature 3'),
    });

    const projected = exportedJson();
    projected.crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } };
    expect(importVariantFromGeoJson(JSON.stringify(projected), 'a.geojson').issues[0]?.code).toBe(
      'unsupported_crs',
    );

    expect(importVariantFromGeoJson('{"type":"Feature"', 'a.geojson').issues[0]?.code).toBe('invalid_json');
    expect(importVariantFromGeoJson('{"type":"Feature"}', 'a.geojson').issues[0]?.path).toBe('$.type');
  });

  it('reports duplicate ids and a hub pointing at no massing at the features concerned', () => {
    const json = exportedJson();
    json.features[2]!.properties.id = 'block-a';
    json.features[6]!.properties.massingId = 'gone';
    const { issues } = importVariantFromGeoJson(JSON.stringify(json), 'a.geojson');
    expect(issues.map((issue) => issue.path)).toEqual([
      '$.features[2].properties.id',
      '$.features[6].properties.massingId',
    ]);
  });
});

describe('importVariantIntoScenario', () => {
  it('adds the variant, or changes nothing when the import is refused', () => {
    const text = writeVariantGeoJson(scenario, variant);
    const added = importVariantIntoScenario(scenario, text, 'a.geojson', {
      variantId: 'workshop-1',
      title: { de: 'Werkstatt 1' },
    });
    expect(added.issues).toEqual([]);
    expect(added.scenario.variants.map((item) => item.id)).toEqual(['test-variant', 'workshop-1']);
    expect(scenario.variants).toHaveLength(1);

    const duplicate = importVariantIntoScenario(scenario, text, 'a.geojson');
    expect(duplicate.scenario).toBe(scenario);
    expect(duplicate.issues[0]?.code).toBe('duplicate_variant_id');

    const broken = importVariantIntoScenario(
      scenario,
      '{"type":"FeatureCollection","features":[{}]}',
      'b.geojson',
      {
        variantId: 'x',
      },
    );
    expect(broken.scenario).toBe(scenario);
    expect(broken.issues[0]?.path).toBe('$.features[0]');

    const replaced = importVariantIntoScenario(scenario, text, 'a.geojson', { replaceExisting: true });
    expect(replaced.scenario.variants).toHaveLength(1);
    expect(replaced.scenario).not.toBe(scenario);
  });
});
