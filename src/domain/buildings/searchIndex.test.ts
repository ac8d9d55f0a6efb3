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

  it('reports a broken index with file and path', () => {
    const { issues } = parseSearchIndex(
      { schemaVersion: 1, entries: [['a', 'x', 'east', 1, 2]] },
      'tiles/default/search-index.json',
    );
    expect(issues[0]).toMatchObject({ file: 'tiles/default/search-index.json', path: '$.entries[0][2]' });
  });
});
