/** Compares two records; negative when `a` comes first. */
export type RecordComparison = (a: Uint8Array, b: Uint8Array) => number;

/**
 * Byte records put away now and read back sorted later: how the tiler's index waits between its passes without
 * holding a record per building in memory (a file-backed sort does an external merge sort, see
 * scripts/buildings/fileRecordSort.ts). Stable: records that compare equal come back in the order they were added.
 */
export interface RecordSort {
  /** Adds a copy of the record (the caller may reuse its bytes). */
  add(record: Uint8Array): void;
  /** Number of records added. */
  readonly size: number;
  /**
   * Every record, sorted. May be called once, after the last add. Each record yielded is valid only until the
   * next is asked for (its bytes may be reused): a caller that keeps one copies it.
   */
  sorted(): Iterable<Uint8Array>;
  /** Frees everything the sort holds; it cannot be used afterwards. */
  dispose(): void;
}

/** Makes a record sort for one comparison: where the records wait is the factory's choice. */
export type RecordSortFactory = (compare: RecordComparison) => RecordSort;

/** Compares records byte by byte (a shorter record that is a prefix of the other comes first). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const difference = a[index]! - b[index]!;
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

/** Keeps the records in memory and sorts them at the end: for tests and small inputs. */
export const createInMemoryRecordSort: RecordSortFactory = (compare) => {
  let records: Uint8Array[] | undefined = [];
  let sortedOnce = false;
  const open = (): Uint8Array[] => {
    if (!records) throw new Error('The record sort has been disposed.');
    return records;
  };
  return {
    add(record) {
      if (sortedOnce) throw new Error('Records cannot be added after sorted() was called.');
      open().push(record.slice());
    },
    get size() {
      return open().length;
    },
    sorted() {
      if (sortedOnce) throw new Error('sorted() may be called only once.');
      sortedOnce = true;
      // Array.prototype.sort is stable.
      return open().sort(compare);
    },
    dispose() {
      records = undefined;
    },
  };
};
