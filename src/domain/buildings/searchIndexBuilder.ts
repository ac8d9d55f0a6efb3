import { Float64Column, Int32Column, StringColumn } from './tiles/compactColumns';
import type { ChunkedTilesetFile, TilesetFile } from './tiles/writeBuildingTileset';

/**
 * The address search index the pipeline writes beside each tileset (`search-index.json`). It is static, so a
 * tileset on a CDN stays searchable without a search server; about 70 bytes per address, 18 gzipped (version 2).
 */
export const SEARCH_INDEX_FILE_NAME = 'search-index.json';

/**
 * Version 2 added, per row after the top height, what the drone corridors' residents estimate needs: the ALKIS
 * building function, the storeys above ground and the footprint area (see {@link SearchIndexBuilder.toBytes}).
 * Version 1 files are still read; their entries simply have none of these.
 */
export const SEARCH_INDEX_SCHEMA_VERSION = 2;

/** ALKIS AX_Gebaeude.gebaeudefunktion codes (`31001_1010`) are written as their number (1010) to save bytes. */
const ALKIS_FUNCTION_CODE = /^31001_(\d{4})$/;

/** One address: the building's id, the address text and where to look (the top of the building). */
export interface BuildingSearchEntry {
  buildingId: string;
  address: string;
  longitudeDegrees: number;
  latitudeDegrees: number;
  /** Height of the building's top above the ellipsoid, as drawn in this tileset. */
  topHeightMeters: number;
  /** ALKIS building function, e.g. `31001_1010` (Wohnhaus); absent when unknown (or in a version 1 index). */
  functionCode?: string;
  /** Storeys above ground; absent when unknown. */
  storeysAboveGround?: number;
  /** Area of the building's footprint seen from above, whole square metres; absent when unknown. */
  footprintAreaSquareMeters?: number;
}

/** The function code as written: a number for `31001_dddd`, the code itself otherwise, null when absent. */
export function compactFunctionCode(functionCode: string | undefined): number | string | null {
  if (functionCode === undefined || functionCode === '') return null;
  const match = ALKIS_FUNCTION_CODE.exec(functionCode);
  return match ? Number(match[1]) : functionCode;
}

/** The inverse of {@link compactFunctionCode}. */
export function expandFunctionCode(written: number | string | null | undefined): string | undefined {
  if (written === null || written === undefined) return undefined;
  return typeof written === 'number' ? `31001_${String(written).padStart(4, '0')}` : written;
}

// One collator each: localeCompare with options builds a collator per comparison (15 s for 150,000 addresses).
export const ADDRESS_COLLATOR = new Intl.Collator('de', { numeric: true });
const ID_COLLATOR = new Intl.Collator();

/**
 * The order of the index's rows: by address (house numbers numerically), then by building id. A sort by it must be
 * stable (Array.prototype.sort is), so that the rest of a tie keeps the order the entries were added in.
 */
export function compareSearchKeys(
  addressA: string,
  buildingIdA: string,
  addressB: string,
  buildingIdB: string,
): number {
  return ADDRESS_COLLATOR.compare(addressA, addressB) || ID_COLLATOR.compare(buildingIdA, buildingIdB);
}

/** What the index file starts with, before its first row. */
export const SEARCH_INDEX_HEAD = `{"schemaVersion":${SEARCH_INDEX_SCHEMA_VERSION},"entries":[\n`;
/** What stands between two rows. */
export const SEARCH_INDEX_ROW_SEPARATOR = ',\n';
/** What the index file ends with, after its last row. */
export const SEARCH_INDEX_TAIL = '\n]}\n';

/**
 * One row of the index file: `[buildingId, address, longitude, latitude, topHeightMeters, functionCode, storeys,
 * footprintAreaSquareMeters]`; unknown values are null, and trailing nulls are left out, so a building without any
 * of the three costs what it did in version 1. Storeys are kept as a 32-bit integer.
 */
export function searchIndexRow(entry: BuildingSearchEntry): string {
  const storeys = (entry.storeysAboveGround ?? -1) | 0;
  const footprintArea = entry.footprintAreaSquareMeters ?? Number.NaN;
  const cells: (string | number | null)[] = [
    entry.buildingId,
    entry.address,
    Number(entry.longitudeDegrees.toFixed(7)),
    Number(entry.latitudeDegrees.toFixed(7)),
    Number(entry.topHeightMeters.toFixed(1)),
    compactFunctionCode(entry.functionCode),
    storeys >= 0 ? storeys : null,
    Number.isFinite(footprintArea) ? Math.round(footprintArea) : null,
  ];
  while (cells[cells.length - 1] === null) cells.pop();
  return JSON.stringify(cells);
}

/** Serialises entries, sorted by address (house numbers numerically) then id, so the file is deterministic. */
export function writeSearchIndex(entries: readonly BuildingSearchEntry[]): string {
  const builder = new SearchIndexBuilder();
  for (const entry of entries) builder.add(entry);
  return new TextDecoder().decode(builder.toBytes());
}

/**
 * Where the pipeline gathers the address entries of pass 1 until every building is seen, and which then makes the
 * index file. In memory by default ({@link SearchIndexBuilder}); a command-line run passes one that spills the
 * entries to a file and sorts them there (scripts/buildings/fileSearchEntrySpill.ts), so memory does not grow with
 * the city. Every spill makes the same bytes as {@link SearchIndexBuilder.toBytes}.
 */
export interface SearchEntrySpill {
  add(entry: BuildingSearchEntry): void;
  /** Number of entries added. */
  readonly size: number;
  /** The index file (SEARCH_INDEX_FILE_NAME), whole or in chunks to be read once, in order. */
  toFile(): TilesetFile | ChunkedTilesetFile;
}

/**
 * Gathers the address entries of a whole city and writes the index file (the same bytes as
 * {@link writeSearchIndex}). Entries are held in typed-array columns (compactColumns.ts), and the file is encoded
 * row by row into one byte array, without the whole-file string and an array and a string per row in between.
 * Measured on 150,000 generated buildings: about 70 bytes per entry outside the JS heap, where an object per entry
 * took about 160 on it, and no peak while writing (writing the entries as objects added 100 MB to the peak).
 */
export class SearchIndexBuilder implements SearchEntrySpill {
  private readonly buildingIds = new StringColumn();
  private readonly addresses = new StringColumn();
  /** Longitude, latitude, top height of each entry. */
  private readonly numbers = new Float64Column();
  /** '' when unknown. */
  private readonly functionCodes = new StringColumn();
  /** -1 when unknown. */
  private readonly storeys = new Int32Column();
  /** NaN when unknown. */
  private readonly footprintAreas = new Float64Column();

  /** Number of entries added. */
  get size(): number {
    return this.addresses.length;
  }

  add(entry: BuildingSearchEntry): void {
    this.buildingIds.push(entry.buildingId);
    this.addresses.push(entry.address);
    this.numbers.push(entry.longitudeDegrees);
    this.numbers.push(entry.latitudeDegrees);
    this.numbers.push(entry.topHeightMeters);
    this.functionCodes.push(entry.functionCode ?? '');
    this.storeys.push(entry.storeysAboveGround ?? -1);
    this.footprintAreas.push(entry.footprintAreaSquareMeters ?? Number.NaN);
  }

  toFile(): TilesetFile {
    return { path: SEARCH_INDEX_FILE_NAME, bytes: this.toBytes() };
  }

  /** The index file (`search-index.json`) as UTF-8: rows as {@link searchIndexRow} writes them. */
  toBytes(): Uint8Array {
    const { numbers } = this;
    // As strings only while writing.
    const buildingIds = Array.from({ length: this.size }, (_, entry) => this.buildingIds.get(entry));
    const addresses = Array.from({ length: this.size }, (_, entry) => this.addresses.get(entry));
    const order = Array.from(addresses, (_, entry) => entry).sort((a, b) =>
      compareSearchKeys(addresses[a]!, buildingIds[a]!, addresses[b]!, buildingIds[b]!),
    );
    const output = new Utf8Output(addresses.length * 96);
    output.write(SEARCH_INDEX_HEAD);
    order.forEach((entry, position) => {
      const row = searchIndexRow({
        buildingId: buildingIds[entry]!,
        address: addresses[entry]!,
        longitudeDegrees: numbers.get(entry * 3),
        latitudeDegrees: numbers.get(entry * 3 + 1),
        topHeightMeters: numbers.get(entry * 3 + 2),
        functionCode: this.functionCodes.get(entry),
        storeysAboveGround: this.storeys.get(entry),
        footprintAreaSquareMeters: this.footprintAreas.get(entry),
      });
      output.write(position === 0 ? row : `${SEARCH_INDEX_ROW_SEPARATOR}${row}`);
    });
    output.write(SEARCH_INDEX_TAIL);
    return output.bytes();
  }
}

/** Text encoded as UTF-8 into one growing byte array. */
class Utf8Output {
  private readonly encoder = new TextEncoder();
  private buffer: Uint8Array;
  private length = 0;

  constructor(initialBytes: number) {
    this.buffer = new Uint8Array(Math.max(initialBytes, 1024));
  }

  write(text: string): void {
    // At most three bytes per UTF-16 code unit.
    const needed = this.length + text.length * 3;
    if (needed > this.buffer.length) {
      const grown = new Uint8Array(Math.max(needed, Math.ceil(this.buffer.length * 1.5)));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.length += this.encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}
