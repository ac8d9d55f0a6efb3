import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BuildingIssue, BuildingSource, SurfaceKind } from '../buildingModel';
import { readCityGml } from './readCityGml';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Reads a fixture (or any text) fed as the given chunks and collects what a user of the reader sees. */
async function read(
  name: string,
  text: string = fixture(name),
): Promise<{ buildings: BuildingSource[]; issues: BuildingIssue[] }> {
  const issues: BuildingIssue[] = [];
  const buildings: BuildingSource[] = [];
  for await (const building of readCityGml([text], {
    sourceFile: name,
    onIssue: (issue) => issues.push(issue),
  })) {
    buildings.push(building);
  }
  return { buildings, issues };
}

function kindCounts(building: BuildingSource): Partial<Record<SurfaceKind, number>> {
  const counts: Partial<Record<SurfaceKind, number>> = {};
  for (const surface of building.surfaces) counts[surface.kind] = (counts[surface.kind] ?? 0) + 1;
  return counts;
}

describe('readCityGml', () => {
  it('reads a box from its boundary surfaces and ignores the solid that points at them', async () => {
    const { buildings, issues } = await read('boxWithBoundarySurfaces.gml');
    expect(issues).toEqual([]);
    expect(buildings).toHaveLength(1);
    const [box] = buildings;
    expect(kindCounts(box!)).toEqual({ ground: 1, roof: 1, wall: 4 });
    // The closing point of each ring is dropped; coordinates stay EPSG:25832 + DHHN2016.
    expect(box!.surfaces[0]).toEqual({
      kind: 'ground',
      exterior: [
        [400000, 5757000, 60],
        [400000, 5757010, 60],
        [400010, 5757010, 60],
        [400010, 5757000, 60],
      ],
      holes: [],
    });
    expect(box!.attributes).toEqual({
      sourceId: 'BOX_1',
      functionCode: '31001_1010',
      roofTypeCode: '1000',
      measuredHeightMeters: 6,
      storeysAboveGround: undefined,
      addresses: [{ street: 'Prinzipalmarkt', houseNumber: '10', locality: 'Münster' }],
      groundHeightMeters: 60,
      sourceFile: 'boxWithBoundarySurfaces.gml',
      levelOfDetail: 2,
    });
  });

  it('reads a gable roof as two sloped roof surfaces over five-cornered gable walls', async () => {
    const { buildings, issues } = await read('gableRoof.gml');
    expect(issues).toEqual([]);
    const [house] = buildings;
    expect(kindCounts(house!)).toEqual({ ground: 1, roof: 2, wall: 4 });
    expect(house!.surfaces.filter((surface) => surface.exterior.length === 5)).toHaveLength(2);
    const ridgeHeights = house!.surfaces.flatMap((surface) => surface.exterior.map((point) => point[2]));
    expect(Math.max(...ridgeHeights)).toBe(70);
    expect(house!.attributes.roofTypeCode).toBe('3100');
    expect(house!.attributes.measuredHeightMeters).toBe(10);
  });

  it('gives one building with the surfaces of both parts, attributes from the first part that has them, the height of the tallest part', async () => {
    const { buildings, issues } = await read('twoBuildingPartsWithAddressOnPart.gml');
    expect(issues).toEqual([]);
    expect(buildings).toHaveLength(1);
    const [building] = buildings;
    expect(building!.attributes.sourceId).toBe('PARTS_1');
    expect(building!.surfaces).toHaveLength(12);
    expect(kindCounts(building!)).toEqual({ ground: 2, roof: 2, wall: 8 });
    // function from the Building itself; roofType from its first part; height from its tallest part.
    expect(building!.attributes.functionCode).toBe('31001_1000');
    expect(building!.attributes.roofTypeCode).toBe('1000');
    expect(building!.attributes.measuredHeightMeters).toBe(10);
    // Addresses of all parts and the building, the repeated one once, in document order.
    expect(building!.attributes.addresses).toEqual([
      { street: 'Hauptstraße', houseNumber: '1', locality: 'Münster' },
      { street: 'Nebenweg', houseNumber: '2a', locality: 'Münster' },
    ]);
    // The lower of the two parts' ground surfaces.
    expect(building!.attributes.groundHeightMeters).toBe(60);
  });

  it('infers surface kinds from the normals when a building has only a solid, counting each polygon once', async () => {
    const { buildings, issues } = await read('lod2SolidOnlyWithXlinks.gml');
    expect(issues).toEqual([]);
    const [building] = buildings;
    expect(building!.surfaces).toHaveLength(6);
    expect(kindCounts(building!)).toEqual({ ground: 1, roof: 1, wall: 4 });
    expect(building!.attributes.groundHeightMeters).toBe(60);
  });

  it('reads CityGML 2.0 by namespace whatever the prefixes, with gml:pos, holes and a postal code', async () => {
    const { buildings, issues } = await read('cityGml2Namespaces.gml');
    expect(issues).toEqual([]);
    const [building] = buildings;
    // The lod1Solid and the lod3MultiSurface are ignored; the OuterFloorSurface (a terrace) counts as roof.
    expect(building!.surfaces.map((surface) => surface.kind)).toEqual(['ground', 'roof', 'wall', 'roof']);
    expect(building!.surfaces[0]!.exterior).toHaveLength(4);
    expect(building!.surfaces[1]!.holes).toEqual([
      [
        [400004, 5757004, 66],
        [400004, 5757006, 66],
        [400006, 5757006, 66],
        [400006, 5757004, 66],
      ],
    ]);
    expect(building!.attributes).toMatchObject({
      sourceId: 'V2_1',
      functionCode: '31001_3021',
      storeysAboveGround: 2,
      addresses: [{ street: 'Aegidiistraße', houseNumber: '5', postalCode: '48143', locality: 'Münster' }],
    });
  });

  it.each([
    'urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH',
    'urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH*GCG2016',
    'EPSG:25832',
    'urn:ogc:def:crs:EPSG::25832',
    'urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837',
  ])('accepts srsName %s', async (srsName) => {
    const text = fixture('boxWithBoundarySurfaces.gml').replace(
      'srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH"',
      `srsName="${srsName}"`,
    );
    const { buildings, issues } = await read('box.gml', text);
    expect(issues).toEqual([]);
    expect(buildings).toHaveLength(1);
  });

  it('takes the srsName from the Building element when the document has none', async () => {
    const text = fixture('boxWithBoundarySurfaces.gml')
      .replace(' srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH"', '')
      .replace('<bldg:Building gml:id="BOX_1">', '<bldg:Building gml:id="BOX_1" srsName="EPSG:25832">');
    const { buildings, issues } = await read('box.gml', text);
    expect(issues).toEqual([]);
    expect(buildings).toHaveLength(1);
  });

  it('skips a building whose geometry has no srsName at all', async () => {
    const text = fixture('boxWithBoundarySurfaces.gml').replace(
      ' srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH"',
      '',
    );
    const { buildings, issues } = await read('box.gml', text);
    expect(buildings).toEqual([]);
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'missing-crs', featureId: 'BOX_1' }),
    ]);
  });

  it('skips buildings in an unknown CRS with an error naming file and srsName, but not one that overrides it', async () => {
    const { buildings, issues } = await read('unknownCrs.gml');
    expect(buildings.map((building) => building.attributes.sourceId)).toEqual(['OVERRIDE_2']);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'error',
      code: 'unknown-crs',
      file: 'unknownCrs.gml',
      featureId: 'WGS84_1',
    });
    expect(issues[0]!.message).toContain('EPSG:4326');
    expect(issues[0]!.message).toContain('unknownCrs.gml');
  });

  it('keeps the building before malformed XML and reports line and column once', async () => {
    const { buildings, issues } = await read('malformedXmlAfterOneBuilding.gml');
    expect(buildings.map((building) => building.attributes.sourceId)).toEqual(['GOOD_1']);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'error',
      code: 'malformed-xml',
      file: 'malformedXmlAfterOneBuilding.gml',
      featureId: 'BROKEN_2',
    });
    expect(issues[0]!.message).toMatch(/line 123, column \d+: unexpected close tag/);
  });

  it('derives a missing measuredHeight from the geometry, with a warning', async () => {
    const { buildings, issues } = await read('missingMeasuredHeight.gml');
    expect(buildings[0]!.attributes.measuredHeightMeters).toBe(6);
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'derived-height', featureId: 'NOHEIGHT_1' }),
    ]);
  });

  it('drops degenerate rings with a warning each and keeps the rest of the building', async () => {
    const { buildings, issues } = await read('degenerateRings.gml');
    expect(buildings[0]!.surfaces).toHaveLength(6);
    expect(buildings[0]!.surfaces.find((surface) => surface.kind === 'roof')!.holes).toEqual([]);
    expect(issues.map((issue) => [issue.severity, issue.code, issue.featureId, issue.file])).toEqual([
      ['warning', 'degenerate-ring', 'DEGEN_1', 'degenerateRings.gml'],
      ['warning', 'degenerate-ring', 'DEGEN_1', 'degenerateRings.gml'],
      ['warning', 'bad-poslist-length', 'DEGEN_1', 'degenerateRings.gml'],
      ['warning', 'non-finite-coordinates', 'DEGEN_1', 'degenerateRings.gml'],
    ]);
    expect(issues[2]!.message).toContain('DEGEN_1_elevenNumbers');
  });

  it('skips a building without geometry and names one without gml:id by its position', async () => {
    const { buildings, issues } = await read('buildingWithoutGeometry.gml');
    expect(buildings.map((building) => building.attributes.sourceId)).toEqual([
      'buildingWithoutGeometry.gml#1',
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'no-geometry', featureId: 'EMPTY_1' }),
    ]);
  });
});

describe('readCityGml streaming', () => {
  it('decodes UTF-8 split inside a character and tags split across chunks', async () => {
    const bytes = new TextEncoder().encode(fixture('twoBuildingPartsWithAddressOnPart.gml'));
    const chunks: Uint8Array[] = [];
    for (let offset = 0; offset < bytes.length; offset += 7) chunks.push(bytes.subarray(offset, offset + 7));
    const buildings: BuildingSource[] = [];
    for await (const building of readCityGml(chunks, { sourceFile: 'parts.gml', onIssue: () => {} })) {
      buildings.push(building);
    }
    expect(buildings[0]!.attributes.addresses.map((address) => address.street)).toEqual([
      'Hauptstraße',
      'Nebenweg',
    ]);
    expect(buildings[0]!.surfaces).toHaveLength(12);
  });

  it('yields a building as soon as its end tag has been read, before the rest of the file arrives', async () => {
    const text = fixture('unknownCrs.gml').replace('EPSG:4326', 'EPSG:25832');
    const firstEnd = text.indexOf('</bldg:Building>') + '</bldg:Building>'.length;
    let chunksHandedOut = 0;
    async function* slowChunks(): AsyncGenerator<string> {
      chunksHandedOut += 1;
      yield text.slice(0, firstEnd);
      chunksHandedOut += 1;
      yield text.slice(firstEnd);
    }
    const reader = readCityGml(slowChunks(), { sourceFile: 'two.gml', onIssue: () => {} });
    const first = await reader.next();
    expect(first.value?.attributes.sourceId).toBe('WGS84_1');
    expect(chunksHandedOut).toBe(1);
    const second = await reader.next();
    expect(second.value?.attributes.sourceId).toBe('OVERRIDE_2');
  });

  it('reports a file that ends in the middle of a building', async () => {
    const text = fixture('boxWithBoundarySurfaces.gml');
    const { buildings, issues } = await read('truncated.gml', text.slice(0, text.indexOf('<bldg:address>')));
    expect(buildings).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'malformed-xml', featureId: 'BOX_1' })]);
  });
});
