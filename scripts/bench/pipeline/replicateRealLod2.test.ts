import { describe, expect, it } from 'vitest';
import { shiftedCityGmlCopy } from './replicateRealLod2';

const SAMPLE = `<gml:Envelope srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH">
  <gml:lowerCorner srsDimension="3">400000.0 5757000.0 50.0</gml:lowerCorner>
</gml:Envelope>
<bldg:Building gml:id="DENW1"><core:name>DENW1</core:name>
  <gml:surfaceMember xlink:href="#UUID_a"/>
  <gml:Polygon gml:id="UUID_a"><gml:posList srsDimension="3">400389.132 5757090.206 74.055
    400386.031 5757097.896 71.271</gml:posList></gml:Polygon>
  <gml:posList srsDimension="2">1.5 2.25 3 4</gml:posList>
</bldg:Building>`;

describe('shifted copies of real CityGML', () => {
  it('prefixes ids and references and moves every northing, nothing else', () => {
    const copy = shiftedCityGmlCopy(SAMPLE, 'copy2_', 80_000);
    expect(copy).toContain('gml:id="copy2_DENW1"');
    expect(copy).toContain('xlink:href="#copy2_UUID_a"');
    expect(copy).toContain('gml:id="copy2_UUID_a"');
    // Names and heights as they were; northings 80 km further, digits after the point kept.
    expect(copy).toContain('<core:name>DENW1</core:name>');
    expect(copy).toContain('400000.0 5837000.0 50.0');
    expect(copy).toContain('400389.132 5837090.206 74.055\n    400386.031 5837097.896 71.271');
    expect(copy).toContain('>1.5 80002.25 3 80004<');
  });
});
