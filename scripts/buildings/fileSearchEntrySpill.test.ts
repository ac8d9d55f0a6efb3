import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SEARCH_INDEX_FILE_NAME,
  SearchIndexBuilder,
  type BuildingSearchEntry,
} from '../../src/domain/buildings/searchIndexBuilder';
import { parseSearchIndex } from '../../src/domain/buildings/searchIndex';
import { wholeTilesetFile } from '../../src/domain/buildings/tiles/writeBuildingTileset';
import { createFileSearchEntrySpill, type FileSearchEntrySpillOptions } from './fileSearchEntrySpill';

const parents: string[] = [];
afterEach(() => parents.splice(0).forEach((parent) => rmSync(parent, { recursive: true, force: true })));

function entry(buildingId: string, address: string, index: number): BuildingSearchEntry {
  return {
    buildingId,
    address,
    longitudeDegrees: 7.6 + index * 1e-5,
    latitudeDegrees: 51.9 + index * 1e-5,
    topHeightMeters: 60 + index / 10,
    ...(index % 3 === 0 ? { functionCode: '31001_1010', storeysAboveGround: 2 } : {}),
    ...(index % 4 === 0 ? { footprintAreaSquareMeters: 100 + index } : {}),
  };
}

/**
 * Addresses that sort in the ways the collators decide: equal addresses of several buildings (and one building
 * with the same address twice), umlauts and ß, house numbers 2, 10 and 2a, characters above U+00FF, a lone
 * surrogate; in an order far from sorted.
 */
function trickyEntries(): BuildingSearchEntry[] {
  const streets = [
    'Königsstraße',
    'Konigsstrasse',
    'Ägidiistraße',
    'Aegidiistraße',
    'Łódź-Weg',
    'Zum Ölberg',
  ];
  const numbers = ['2', '10', '2a', '1', '10b', '100', '3\uD800'];
  const entries: BuildingSearchEntry[] = [];
  let index = 0;
  for (let round = 0; round < 3; round++)
    for (const street of streets)
      for (const number of numbers) {
        const id = `DENW${String((index * 7919) % 1000).padStart(4, '0')}${round === 2 ? 'ü' : ''}`;
        entries.push(entry(id, `${street} ${number}, 48143 Münster`, index++));
      }
  // The same building under the same address twice, with different rows: a tie that keeps the order of adding.
  entries.push(entry('DENW0001', 'Königsstraße 2, 48143 Münster', index++));
  entries.push(entry('DENW0001', 'Königsstraße 2, 48143 Münster', index++));
  return entries.reverse();
}

function spilledBytes(entries: readonly BuildingSearchEntry[], options: FileSearchEntrySpillOptions) {
  const parentFolder = mkdtempSync(join(tmpdir(), 'twin-search-spill-test-'));
  parents.push(parentFolder);
  const spill = createFileSearchEntrySpill({ parentFolder, ...options });
  try {
    for (const added of entries) spill.add(added);
    expect(spill.size).toBe(entries.length);
    const file = spill.toFile();
    expect(file.path).toBe(SEARCH_INDEX_FILE_NAME);
    // Copies: the next chunk may reuse the bytes.
    const chunks = Array.from(file.chunks, (chunk) => new Uint8Array(chunk));
    return { chunks, bytes: wholeTilesetFile({ path: file.path, chunks }).bytes };
  } finally {
    spill.dispose();
    // Nothing is left in the temporary folder.
    expect(readdirSync(parentFolder)).toEqual([]);
  }
}

function builtBytes(entries: readonly BuildingSearchEntry[]): Uint8Array {
  const builder = new SearchIndexBuilder();
  for (const added of entries) builder.add(added);
  return builder.toBytes();
}

describe('FileSearchEntrySpill', () => {
  it('writes the bytes of SearchIndexBuilder, sorted in many runs merged over several levels', () => {
    const entries = trickyEntries();
    const expected = builtBytes(entries);
    // One run; runs of 5 merged 3 at a time (three levels); runs of 1, merged 2 at a time.
    for (const options of [{}, { rowsPerRun: 5, runsPerMerge: 3 }, { rowsPerRun: 1, runsPerMerge: 2 }])
      expect(Buffer.from(spilledBytes(entries, options).bytes).equals(Buffer.from(expected))).toBe(true);
    // And it is a readable index, house numbers in their numeric order.
    const text = new TextDecoder().decode(expected);
    const parsed = parseSearchIndex(JSON.parse(text), SEARCH_INDEX_FILE_NAME).value!;
    const koenigs = parsed
      .filter((row) => row.address.startsWith('Königsstraße'))
      .map((row) => row.address.split(',')[0]);
    expect(koenigs.indexOf('Königsstraße 2')).toBeLessThan(koenigs.indexOf('Königsstraße 2a'));
    expect(koenigs.indexOf('Königsstraße 2a')).toBeLessThan(koenigs.indexOf('Königsstraße 10'));
  });

  it('hands over a large index in chunks, the same bytes as one array', () => {
    const entries = Array.from({ length: 16_000 }, (_, index) =>
      entry(`DENW${(index * 7_919) % 16_000}`, `Straße ${(index * 31) % 997}, Münster`, index),
    );
    const { chunks, bytes } = spilledBytes(entries, { rowsPerRun: 1_000, runsPerMerge: 4 });
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.from(bytes).equals(Buffer.from(builtBytes(entries)))).toBe(true);
  });

  it('writes an empty index like SearchIndexBuilder', () => {
    expect(Buffer.from(spilledBytes([], {}).bytes).equals(Buffer.from(builtBytes([])))).toBe(true);
  });

  it('refuses entries once the index is made', () => {
    const spill = createFileSearchEntrySpill();
    try {
      spill.add(entry('DENW1', 'Weg 1', 1));
      spill.toFile();
      expect(() => spill.add(entry('DENW2', 'Weg 2', 2))).toThrow(/already been made/);
    } finally {
      spill.dispose();
    }
  });
});
