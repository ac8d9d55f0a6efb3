import { describe, expect, it } from 'vitest';
import {
  defaultAttributionFor,
  NRW_LOD2_ATTRIBUTION,
  nrwLod2TilesCovering,
  parseNrwLod2TileName,
} from './nrwLod2Tiles';

describe('NRW LoD2 tile names', () => {
  it.each(['405_5757', '405 5757', 'LoD2_32_405_5757_1_NW', 'LoD2_32_405_5757_1_NW.gml'])(
    'reads %s',
    (text) => {
      expect(parseNrwLod2TileName(text)).toEqual({ fileName: 'LoD2_32_405_5757_1_NW.gml' });
    },
  );

  it('explains a typo and a tile outside NRW', () => {
    expect(parseNrwLod2TileName('405-57')).toMatchObject({ error: expect.stringContaining('405-57') });
    expect(parseNrwLod2TileName('700_5757')).toMatchObject({ error: expect.stringContaining('outside') });
  });

  it('lists the tiles covering a box, edges included once', () => {
    expect(
      nrwLod2TilesCovering({ minEast: 405200, minNorth: 5757100, maxEast: 406000, maxNorth: 5758500 }),
    ).toEqual(['LoD2_32_405_5757_1_NW.gml', 'LoD2_32_405_5758_1_NW.gml']);
  });

  it('credits Geobasis NRW by default only when every input is one of its LoD2 tiles', () => {
    expect(defaultAttributionFor(['LoD2_32_400_5757_1_NW.gml', 'LoD2_32_332_5727_1_NW.gml'])).toBe(
      NRW_LOD2_ATTRIBUTION,
    );
    expect(defaultAttributionFor(['LoD2_32_400_5757_1_NW.gml', 'footprints.geojson'])).toBeUndefined();
    expect(defaultAttributionFor([])).toBeUndefined();
  });
});
