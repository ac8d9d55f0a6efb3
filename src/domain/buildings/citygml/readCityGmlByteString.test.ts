/**
 * The reader scans Node Buffers as UTF-8 byte strings (utf8ByteString.ts) and text as decoded strings; both must
 * give the same buildings and the same issues, however the bytes are cut into chunks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BuildingIssue, BuildingSource } from '../buildingModel';
import { readCityGml } from './readCityGml';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** The text as Node Buffers of `size` bytes (the last one shorter), as fs streams hand them out. */
function bufferChunks(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size)
    chunks.push(bytes.subarray(offset, offset + size));
  return chunks;
}

async function read(
  chunks: Iterable<string | Uint8Array>,
  sourceFile = 'test.gml',
): Promise<{ buildings: BuildingSource[]; issues: BuildingIssue[] }> {
  const issues: BuildingIssue[] = [];
  const buildings: BuildingSource[] = [];
  for await (const building of readCityGml(chunks, { sourceFile, onIssue: (issue) => issues.push(issue) }))
    buildings.push(building);
  return { buildings, issues };
}

/** A minimal NRW-style LoD2 file: one building with an xAL address and one ground surface. */
function cityGml(options: { srsName: string; street: string; gmlId?: string; locality?: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<core:CityModel xmlns:core="http://www.opengis.net/citygml/1.0" xmlns:bldg="http://www.opengis.net/citygml/building/1.0" xmlns:gml="http://www.opengis.net/gml" xmlns:xAL="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0">
  <core:cityObjectMember>
    <bldg:Building gml:id="${options.gmlId ?? 'DENW_1'}">
      <bldg:function>31001_1010</bldg:function>
      <bldg:measuredHeight uom="urn:adv:uom:m">3</bldg:measuredHeight>
      <bldg:boundedBy>
        <bldg:GroundSurface>
          <bldg:lod2MultiSurface>
            <gml:MultiSurface srsName="${options.srsName}" srsDimension="3">
              <gml:surfaceMember>
                <gml:Polygon gml:id="G_1">
                  <gml:exterior><gml:LinearRing><gml:posList>405000 5757000 60 405000 5757010 60 405010 5757010 60 405010 5757000 60 405000 5757000 60</gml:posList></gml:LinearRing></gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails><xAL:Country><xAL:Locality Type="Town">
              <xAL:LocalityName>${options.locality ?? 'Münster'}</xAL:LocalityName>
              <xAL:Thoroughfare Type="Street">
                <xAL:ThoroughfareNumber>7a</xAL:ThoroughfareNumber>
                <xAL:ThoroughfareName>${options.street}</xAL:ThoroughfareName>
              </xAL:Thoroughfare>
            </xAL:Locality></xAL:Country></xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
</core:CityModel>
`;
}

const NRW_2021 = 'urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH*GCG2016';
const NRW_2026 = 'urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH';

describe('readCityGml on Node Buffers (byte strings)', () => {
  it('reads xAL addresses with umlauts, ß, entities and a four-byte character, cut at every byte', async () => {
    const text = cityGml({
      srsName: NRW_2021,
      street: 'Königsstraße &amp; Prinzipalmarkt 😀',
      gmlId: 'DENW_ä_1',
      locality: 'M&#252;nster',
    });
    const expected = await read([text]);
    expect(expected.issues).toEqual([]);
    expect(expected.buildings[0]!.attributes.addresses).toEqual([
      { street: 'Königsstraße & Prinzipalmarkt 😀', houseNumber: '7a', locality: 'Münster' },
    ]);
    expect(expected.buildings[0]!.attributes.sourceId).toBe('DENW_ä_1');
    for (const size of [1, 2, 3, 5, 64, 1 << 20]) {
      const got = await read(bufferChunks(text, size));
      expect(got, `chunks of ${size} bytes`).toEqual(expected);
    }
  });

  it('accepts both NRW srsName variants (with and without *GCG2016) and skips an unknown CRS', async () => {
    for (const srsName of [NRW_2021, NRW_2026]) {
      const { buildings, issues } = await read(
        bufferChunks(cityGml({ srsName, street: 'Aegidiistraße' }), 100),
      );
      expect(issues).toEqual([]);
      expect(buildings[0]!.surfaces[0]!.exterior).toHaveLength(4);
    }
    const unknown = await read(bufferChunks(cityGml({ srsName: 'EPSG:4326', street: 'Ludgeristraße' }), 100));
    expect(unknown.buildings).toEqual([]);
    expect(unknown.issues).toEqual([expect.objectContaining({ code: 'unknown-crs', featureId: 'DENW_1' })]);
  });

  it('skips a byte-order mark, also when it comes in pieces', async () => {
    const text = `\uFEFF${cityGml({ srsName: NRW_2026, street: 'Salzstraße' })}`;
    for (const size of [1, 2, 4096]) {
      const { buildings, issues } = await read(bufferChunks(text, size));
      expect(issues).toEqual([]);
      expect(buildings[0]!.attributes.addresses[0]!.street).toBe('Salzstraße');
    }
  });

  it('names the file, line and column of broken XML as the text reader does, after non-ASCII text', async () => {
    const text = cityGml({ srsName: NRW_2026, street: 'Überwasserstraße' }).replace(
      '</xAL:ThoroughfareName>',
      '</xAL:ThoroughfareNam>',
    );
    const line = text.slice(0, text.indexOf('</xAL:ThoroughfareNam>')).split('\n').length;
    const expected = await read([text], 'LoD2_32_405_5757_1_NW.gml');
    expect(expected.issues).toHaveLength(1);
    expect(expected.issues[0]!.message).toContain(
      `Malformed XML in LoD2_32_405_5757_1_NW.gml at line ${line},`,
    );
    for (const size of [3, 1 << 20]) {
      const got = await read(bufferChunks(text, size), 'LoD2_32_405_5757_1_NW.gml');
      expect(got.issues, `chunks of ${size} bytes`).toEqual(expected.issues);
    }
  });

  it('gives the same buildings and issues as the text reader for every fixture', async () => {
    for (const name of [
      'boxWithBoundarySurfaces.gml',
      'cityGml2Namespaces.gml',
      'degenerateRings.gml',
      'gableRoof.gml',
      'malformedXmlAfterOneBuilding.gml',
      'twoBuildingPartsWithAddressOnPart.gml',
      'unknownCrs.gml',
    ]) {
      const text = fixture(name);
      const expected = await read([text], name);
      expect(await read(bufferChunks(text, 97), name), name).toEqual(expected);
    }
  });
});
