import { cpus } from 'node:os';
import type { BuildingAddress } from '../../src/domain/buildings/buildingModel';
import {
  DEFAULT_SCRYPT_COST,
  generateAccessCode,
  hashAccessCode,
  parseAccessCode,
  type ScryptCost,
  type StoredAccessCode,
} from '../../src/server/thermography/accessCodes';
import type { ThermographyDatabase } from '../../src/server/thermography/thermographyDatabase';

/** One letter of the mail merge. */
export interface AccessCodeLetter {
  buildingId: string;
  address: BuildingAddress | undefined;
  code: string;
}

/**
 * Issues a fresh code for each building (replacing earlier ones), stores only their salted scrypt hashes and
 * returns the codes for the letters: the one moment they exist in clear.
 */
export async function issueAccessCodes(
  database: ThermographyDatabase,
  buildingIds: readonly string[],
  options: { cost?: ScryptCost; onProgress?: (done: number, total: number) => void } = {},
): Promise<AccessCodeLetter[]> {
  const addresses = new Map(
    database.listBuildings().map((building) => [building.buildingId, building.addressJson]),
  );
  const unknown = buildingIds.filter((id) => !addresses.has(id));
  if (unknown.length > 0)
    throw new Error(
      `no thermography result for building ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ' …' : ''}`,
    );
  const takenLookups = new Set<string>();
  const codes = buildingIds.map((buildingId) => {
    for (;;) {
      const code = generateAccessCode();
      const lookupId = parseAccessCode(code)!.lookupId;
      if (takenLookups.has(lookupId) || database.hasLookupId(lookupId)) continue;
      takenLookups.add(lookupId);
      return { buildingId, code };
    }
  });
  // scrypt runs on libuv's thread pool: as many at once as it has threads.
  const parallel = Math.max(1, Math.min(cpus().length, 4));
  const stored: StoredAccessCode[] = new Array(codes.length);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < codes.length) {
        const index = next++;
        stored[index] = await hashAccessCode(
          codes[index]!.code,
          codes[index]!.buildingId,
          options.cost ?? DEFAULT_SCRYPT_COST,
        );
        options.onProgress?.(++done, codes.length);
      }
    }),
  );
  database.storeAccessCodes(stored, new Date().toISOString());
  return codes.map(({ buildingId, code }) => ({
    buildingId,
    code,
    address: (JSON.parse(addresses.get(buildingId)!) as BuildingAddress[])[0],
  }));
}

const CSV_COLUMNS = ['gebaeude_id', 'strasse', 'hausnummer', 'postleitzahl', 'ort', 'zugangscode'] as const;

/** The letters as CSV for a mail merge (UTF-8 with BOM, so spreadsheet programs read the umlauts; CRLF lines). */
export function formatMailMergeCsv(letters: readonly AccessCodeLetter[]): string {
  const quote = (value: string | undefined) => {
    const text = value ?? '';
    return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = letters.map((letter) =>
    [
      letter.buildingId,
      letter.address?.street,
      letter.address?.houseNumber,
      letter.address?.postalCode,
      letter.address?.locality,
      letter.code,
    ]
      .map(quote)
      .join(','),
  );
  return `\uFEFF${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
