import { describe, expect, it } from 'vitest';
import { crsFromName, crsFromWkt } from './footprintCrs';

describe('crsFromName', () => {
  it.each([
    ['EPSG:25832', 'EPSG:25832'],
    ['urn:ogc:def:crs:EPSG::25832', 'EPSG:25832'],
    ['http://www.opengis.net/def/crs/EPSG/0/25832', 'EPSG:25832'],
    ['EPSG:25832+7837', 'EPSG:25832'],
    ['urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH', 'EPSG:25832'],
    ['EPSG:4326', 'EPSG:4326'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'],
    ['EPSG:4258', 'EPSG:4326'],
    ['EPSG:31466', undefined],
    ['EPSG:3857', undefined],
    ['local', undefined],
  ])('reads %s as %s', (name, expected) => {
    expect(crsFromName(name)).toBe(expected);
  });
});

describe('crsFromWkt', () => {
  it('reads ESRI and OGC flavours of UTM 32N on ETRS89', () => {
    expect(crsFromWkt('PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989"]]')).toBe('EPSG:25832');
    expect(
      crsFromWkt(
        'PROJCS["ETRS89 / UTM zone 32N",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989"]],' +
          'UNIT["metre",1,AUTHORITY["EPSG","9001"]],AUTHORITY["EPSG","25832"]]',
      ),
    ).toBe('EPSG:25832');
  });

  it('reads geographic WGS84 and rejects other projections', () => {
    expect(crsFromWkt('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984"]]')).toBe('EPSG:4326');
    expect(crsFromWkt('PROJCS["WGS_1984_UTM_Zone_32N",GEOGCS["GCS_WGS_1984"]]')).toBeUndefined();
    expect(crsFromWkt('PROJCS["ETRS_1989_UTM_Zone_33N",GEOGCS["GCS_ETRS_1989"]]')).toBeUndefined();
    expect(
      crsFromWkt('PROJCS["DHDN / 3-degree Gauss-Kruger zone 2",AUTHORITY["EPSG","31466"]]'),
    ).toBeUndefined();
  });
});
