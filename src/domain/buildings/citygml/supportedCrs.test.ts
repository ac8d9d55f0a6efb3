import { describe, expect, it } from 'vitest';
import { isSupportedSrsName } from './supportedCrs';

describe('isSupportedSrsName', () => {
  it.each([
    'urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH',
    'urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH*GCG2016',
    'EPSG:25832',
    'urn:ogc:def:crs:EPSG::25832',
    'urn:ogc:def:crs:EPSG:9.9.1:25832',
    'http://www.opengis.net/def/crs/EPSG/0/25832',
    'urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837',
    'EPSG:25832+7837',
  ])('accepts %s', (srsName) => {
    expect(isSupportedSrsName(srsName)).toBe(true);
  });

  it.each([
    'EPSG:4326',
    'EPSG:25833',
    'urn:adv:crs:ETRS89_UTM32*DE_DHHN92_NH',
    'urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::5783',
    'urn:ogc:def:crs,crs:EPSG::7837',
    'EPSG:abc',
    '',
  ])('refuses %s rather than guess', (srsName) => {
    expect(isSupportedSrsName(srsName)).toBe(false);
  });
});
