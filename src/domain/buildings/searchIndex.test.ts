import { describe, expect, it } from 'vitest';
import {
  normalizeAddressText,
  parseSearchIndex,
  searchBuildings,
  writeSearchIndex,
  type BuildingSearchEntry,
} from './searchIndex';

const entry = (buildingId: string, address: string): BuildingSearchEntry => ({
  buildingId,
  address,
  longitudeDegrees: 7.63,
  latitudeDegrees: 51.96,
  topHeightMeters: 12,
});

const ENTRIES = [
  entry('a', 'Hörsterstraße 5, 48143 Münster'),
  entry('b', 'Hörsterstraße 50, 48143 Münster'),
  entry('c', 'Prinzipalmarkt 10, 48143 Münster'),
  entry('d', 'Hörsterplatz 5, 48143 Münster'),
];

describe('address search', () => {
  it('finds a street and house number however the user spells the street', () => {
    expect(searchBuildings(ENTRIES, 'hörsterstr. 5')[0]?.buildingId).toBe('a');
    expect(searchBuildings(ENTRIES, 'Hoersterstrasse 5')[0]?.buildingId).toBe('a');
  });

  it('ranks the exact house number before longer ones, and needs every word to match', () => {
    expect(searchBuildings(ENTRIES, 'Hörsterstraße 5').map((found) => found.buildingId)).toEqual(['a', 'b']);
    expect(searchBuildings(ENTRIES, 'Prinzipalmarkt 5')).toEqual([]);
  });

  it('matches word prefixes while the user types', () => {
    expect(searchBuildings(ENTRIES, 'prinz').map((found) => found.buildingId)).toEqual(['c']);
    expect(searchBuildings(ENTRIES, '   ')).toEqual([]);
  });

  it('folds umlauts and ß', () => {
    expect(normalizeAddressText('Große Straße 1')).toBe('grosse strasse 1');
  });

  it('round-trips through the file format, sorted by address', () => {
    const parsed = parseSearchIndex(JSON.parse(writeSearchIndex(ENTRIES)), 'search-index.json');
    expect(parsed.value?.map((found) => found.address)).toEqual([
      'Hörsterplatz 5, 48143 Münster',
      'Hörsterstraße 5, 48143 Münster',
      'Hörsterstraße 50, 48143 Münster',
      'Prinzipalmarkt 10, 48143 Münster',
    ]);
    expect(parsed.value?.[0]).toEqual(ENTRIES[3]);
  });

  it('round-trips function code, storeys and footprint area, leaving out what is unknown', () => {
    const house: BuildingSearchEntry = {
      ...entry('h', 'Wolbecker Straße 12, 48155 Münster'),
      functionCode: '31001_1010',
      storeysAboveGround: 4,
      footprintAreaSquareMeters: 212.4,
    };
    const barn: BuildingSearchEntry = { ...entry('s', 'Hofweg 1, 48163 Münster'), functionCode: 'barn' };
    const bare = entry('u', 'Unbekannt 1, 48143 Münster');
    const text = writeSearchIndex([house, barn, bare]);
    expect(text).toContain('"schemaVersion":2');
    // 31001_1010 is written as 1010, the area in whole m², and a row with nothing known stays five cells long.
    expect(text).toContain('["h","Wolbecker Straße 12, 48155 Münster",7.63,51.96,12,1010,4,212]');
    expect(text).toContain('["u","Unbekannt 1, 48143 Münster",7.63,51.96,12]');
    const parsed = parseSearchIndex(JSON.parse(text), 'search-index.json').value!;
    const byId = new Map(parsed.map((found) => [found.buildingId, found]));
    expect(byId.get('h')).toEqual({ ...house, footprintAreaSquareMeters: 212 });
    expect(byId.get('s')).toEqual(barn);
    expect(byId.get('u')).toEqual(bare);
  });

  it('reads a version 1 index, whose entries have no function, storeys or area (unknown)', () => {
    const parsed = parseSearchIndex(
      { schemaVersion: 1, entries: [['a', 'Prinzipalmarkt 1', 7.63, 51.96, 20]] },
      'old/search-index.json',
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.value).toEqual([
      {
        buildingId: 'a',
        address: 'Prinzipalmarkt 1',
        longitudeDegrees: 7.63,
        latitudeDegrees: 51.96,
        topHeightMeters: 20,
      },
    ]);
  });

  it('reports a bad storey count with file and path', () => {
    const { issues } = parseSearchIndex(
      { schemaVersion: 2, entries: [['a', 'x', 7.63, 51.96, 2, 1010, -3]] },
      'tiles/default/search-index.json',
    );
    expect(issues[0]).toMatchObject({ file: 'tiles/default/search-index.json', path: '$.entries[0][6]' });
  });

  it('reports a broken index with file and path', () => {
    const { issues } = parseSearchIndex(
      { schemaVersion: 1, entries: [['a', 'x', 'east', 1, 2]] },
      'tiles/default/search-index.json',
    );
    expect(issues[0]).toMatchObject({ file: 'tiles/default/search-index.json', path: '$.entries[0][2]' });
  });
});
