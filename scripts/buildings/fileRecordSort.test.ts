import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  compareBytes,
  createInMemoryRecordSort,
  type RecordComparison,
  type RecordSort,
} from '../../src/domain/buildings/tiles/recordSort';
import { createFileRecordSort, type FileRecordSortOptions } from './fileRecordSort';

const parents: string[] = [];
afterEach(() => parents.splice(0).forEach((parent) => rmSync(parent, { recursive: true, force: true })));

function freshParent(): string {
  const parent = mkdtempSync(join(tmpdir(), 'twin-record-sort-test-'));
  parents.push(parent);
  return parent;
}

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be reproduced. */
function randomNumbers(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Records of 0–300 random bytes whose first byte takes few values, so many compare equal on a short key. */
function randomRecords(count: number, seed: number): Uint8Array[] {
  const random = randomNumbers(seed);
  return Array.from({ length: count }, () => {
    const record = Uint8Array.from({ length: Math.floor(random() * 301) }, () => Math.floor(random() * 256));
    if (record.length > 0) record[0] = Math.floor(random() * 4);
    return record;
  });
}

/** Compares the first two bytes only: most records tie with others, which shows whether the sort is stable. */
const compareFirstTwoBytes: RecordComparison = (a, b) => compareBytes(a.subarray(0, 2), b.subarray(0, 2));

/** Adds the records (through one reused buffer, as a caller may) and copies out what sorted() yields. */
function sortThrough(sort: RecordSort, records: readonly Uint8Array[]): Uint8Array[] {
  const reused = new Uint8Array(1024);
  try {
    for (const record of records) {
      if (record.length <= reused.length) {
        reused.set(record);
        sort.add(reused.subarray(0, record.length));
        reused.fill(0xee);
      } else sort.add(record);
    }
    expect(sort.size).toBe(records.length);
    return Array.from(sort.sorted(), (record) => record.slice());
  } finally {
    sort.dispose();
  }
}

function expectSameOrderAsInMemory(
  records: readonly Uint8Array[],
  compare: RecordComparison,
  options: FileRecordSortOptions,
): void {
  const expected = sortThrough(createInMemoryRecordSort(compare), records);
  const parentFolder = freshParent();
  const actual = sortThrough(createFileRecordSort(compare, { parentFolder, ...options }), records);
  expect(actual.length).toBe(expected.length);
  // Byte by byte and record by record: the same order, ties included.
  expect(actual.map((record) => Buffer.from(record).toString('hex'))).toEqual(
    expected.map((record) => Buffer.from(record).toString('hex')),
  );
  expect(readdirSync(parentFolder)).toEqual([]);
}

describe('file-backed record sort', () => {
  it('sorts many runs through intermediate merges in the order of the in-memory sort, ties included', () => {
    // About 450 KB in runs of 4 KB: some 110 runs, merged 3 at a time over several levels.
    const records = randomRecords(3000, 1);
    expectSameOrderAsInMemory(records, compareFirstTwoBytes, { runBytes: 4096, runsPerMerge: 3 });
    expectSameOrderAsInMemory(records, compareBytes, { runBytes: 4096, runsPerMerge: 3 });
  });

  it('merges in one pass when the runs are few enough', () => {
    expectSameOrderAsInMemory(randomRecords(500, 2), compareFirstTwoBytes, {
      runBytes: 8192,
      runsPerMerge: 64,
    });
  });

  it('sorts everything in memory, without a temporary file, when it fits in one run', () => {
    const parentFolder = freshParent();
    const sort = createFileRecordSort(compareFirstTwoBytes, { parentFolder });
    const records = randomRecords(400, 3);
    for (const record of records) sort.add(record);
    const sorted = Array.from(sort.sorted(), (record) => record.slice());
    // Not even a folder was made (on Windows, too).
    expect(readdirSync(parentFolder)).toEqual([]);
    sort.dispose();
    expect(sorted).toEqual(sortThrough(createInMemoryRecordSort(compareFirstTwoBytes), records));
  });

  it('sorts nothing into nothing', () => {
    expectSameOrderAsInMemory([], compareBytes, { runBytes: 16 });
    expectSameOrderAsInMemory([], compareBytes, {});
  });

  it('keeps records longer than a run, and empty ones, in their place', () => {
    const random = randomNumbers(4);
    const long = (first: number) =>
      Uint8Array.from({ length: 200_000 }, (_, index) => (index === 0 ? first : Math.floor(random() * 256)));
    // Longer than a run, than the write buffer of a file (1 MB) and than a run's read buffer (64 KB).
    const huge = Uint8Array.from({ length: 1_500_000 }, (_, index) => (index === 0 ? 1 : index % 251));
    const records = [
      ...randomRecords(200, 5),
      long(2),
      new Uint8Array(0),
      long(1),
      huge,
      ...randomRecords(200, 6),
      long(2),
      new Uint8Array(0),
    ];
    expectSameOrderAsInMemory(records, compareFirstTwoBytes, { runBytes: 1000, runsPerMerge: 4 });
    expectSameOrderAsInMemory(records, compareFirstTwoBytes, { runBytes: 100_000 });
  });

  it('leaves no temporary file behind, and refuses misuse', () => {
    const parentFolder = freshParent();
    const sort = createFileRecordSort(compareBytes, { parentFolder, runBytes: 64 });
    for (const record of randomRecords(50, 7)) sort.add(record);
    // On Linux and macOS the files are unlinked while open, so even a killed process leaves nothing behind.
    if (process.platform !== 'win32') expect(readdirSync(parentFolder)).toEqual([]);
    const sorted = sort.sorted();
    expect(() => sort.add(new Uint8Array(3))).toThrow(/after sorted/);
    expect(() => sort.sorted()).toThrow(/only once/);
    expect(Array.from(sorted)).toHaveLength(50);
    sort.dispose();
    sort.dispose();
    expect(readdirSync(parentFolder)).toEqual([]);
    expect(() => sort.add(new Uint8Array(3))).toThrow(/disposed/);
    expect(() => sort.size).toThrow(/disposed/);
  });

  it('removes its files when disposed before sorting or halfway through the sorted records', () => {
    const parentFolder = freshParent();
    const unsorted = createFileRecordSort(compareBytes, { parentFolder, runBytes: 64 });
    for (const record of randomRecords(50, 8)) unsorted.add(record);
    unsorted.dispose();
    const halfway = createFileRecordSort(compareBytes, { parentFolder, runBytes: 64, runsPerMerge: 2 });
    for (const record of randomRecords(50, 9)) halfway.add(record);
    const records = halfway.sorted()[Symbol.iterator]();
    records.next();
    halfway.dispose();
    expect(() => records.next()).toThrow(/disposed/);
    expect(readdirSync(parentFolder)).toEqual([]);
  });

  it('rejects sizes that cannot work', () => {
    expect(() => createFileRecordSort(compareBytes, { runBytes: 0 })).toThrow(/runBytes/);
    expect(() => createFileRecordSort(compareBytes, { runsPerMerge: 1 })).toThrow(/runsPerMerge/);
  });
});
