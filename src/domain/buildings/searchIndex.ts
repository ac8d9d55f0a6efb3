import { z } from 'zod';
import { parseWithSchema, type ParseResult } from '../validation/issues';
import { ADDRESS_COLLATOR, expandFunctionCode, type BuildingSearchEntry } from './searchIndexBuilder';

// Writing lives in searchIndexBuilder.ts, which the pipeline imports without zod (a tenth of a second to load).
export {
  SEARCH_INDEX_FILE_NAME,
  SEARCH_INDEX_SCHEMA_VERSION,
  SearchIndexBuilder,
  writeSearchIndex,
  type BuildingSearchEntry,
} from './searchIndexBuilder';

/** [buildingId, address, longitude, latitude, topHeightMeters], compact to keep the file small. */
const BASE_ROW = [z.string(), z.string(), z.number(), z.number(), z.number()] as const;

const searchIndexSchema = z.discriminatedUnion('schemaVersion', [
  z.object({ schemaVersion: z.literal(1), entries: z.array(z.tuple(BASE_ROW)) }),
  z.object({
    schemaVersion: z.literal(2),
    /** Then function code (1010 for `31001_1010`), storeys and footprint m², each optional (null or left out). */
    entries: z.array(
      z.tuple([
        ...BASE_ROW,
        z.union([z.number().int().nonnegative(), z.string(), z.null()]).optional(),
        z.number().int().nonnegative().nullable().optional(),
        z.number().nonnegative().nullable().optional(),
      ]),
    ),
  }),
]);

/**
 * Parses the index, version 1 or 2; a broken file is reported like any other document. What a row does not
 * hold (everything after the top height in version 1) stays absent on the entry, meaning unknown.
 */
export function parseSearchIndex(json: unknown, file: string): ParseResult<BuildingSearchEntry[]> {
  const result = parseWithSchema(searchIndexSchema, json, file);
  if (!result.value) return { value: undefined, issues: result.issues };
  const rows: readonly (readonly unknown[])[] = result.value.entries;
  return {
    value: rows.map((row) => {
      const [buildingId, address, longitudeDegrees, latitudeDegrees, topHeightMeters] = row as [
        string,
        string,
        number,
        number,
        number,
      ];
      const [functionCode, storeys, footprintArea] = row.slice(5) as [
        number | string | null | undefined,
        number | null | undefined,
        number | null | undefined,
      ];
      const entry: BuildingSearchEntry = {
        buildingId,
        address,
        longitudeDegrees,
        latitudeDegrees,
        topHeightMeters,
      };
      const expandedCode = expandFunctionCode(functionCode);
      if (expandedCode !== undefined) entry.functionCode = expandedCode;
      if (typeof storeys === 'number') entry.storeysAboveGround = storeys;
      if (typeof footprintArea === 'number') entry.footprintAreaSquareMeters = footprintArea;
      return entry;
    }),
    issues: [],
  };
}

/** Lower case, umlauts and ß folded, "str." spelled out: "Hörsterstr. 5" finds "Hörsterstraße 5". */
export function normalizeAddressText(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .replace(/str\.?(?=\s|\d|$)/g, 'strasse')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Addresses matching every word of the query as a word prefix, best first: an exact house number beats a
 * prefix ("5" ranks "5" before "50"), then shorter addresses, then alphabetical order.
 */
export function searchBuildings(
  entries: readonly BuildingSearchEntry[],
  query: string,
  limit = 8,
): BuildingSearchEntry[] {
  const queryWords = normalizeAddressText(query).split(' ').filter(Boolean);
  if (queryWords.length === 0) return [];
  const scored: { entry: BuildingSearchEntry; score: number }[] = [];
  for (const entry of entries) {
    const words = normalizeAddressText(entry.address).split(' ');
    let score = 0;
    const matchesAll = queryWords.every((queryWord) => {
      if (words.includes(queryWord)) {
        score += 2;
        return true;
      }
      const prefixMatch = words.some((word) => word.startsWith(queryWord));
      if (prefixMatch) score += 1;
      return prefixMatch;
    });
    if (matchesAll) scored.push({ entry, score });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.entry.address.length - b.entry.address.length ||
      ADDRESS_COLLATOR.compare(a.entry.address, b.entry.address),
  );
  return scored.slice(0, limit).map((item) => item.entry);
}
