import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAccessCode, verifyAccessCode } from '../../src/server/thermography/accessCodes';
import { openThermographyDatabaseForWriting } from '../../src/server/thermography/thermographyDatabase';
import { TEST_SCRYPT_COST } from '../../src/server/thermography/thermographyTestFixture';
import { formatMailMergeCsv, issueAccessCodes } from './issueAccessCodes';

describe('issueAccessCodes', () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  async function databaseWithTwoBuildings() {
    folder = await mkdtemp(join(tmpdir(), 'twin-codes-'));
    const file = join(folder, 'thermography.sqlite');
    const database = openThermographyDatabaseForWriting(file);
    database.replaceBuildings(
      ['B1', 'B2'].map((buildingId, index) => ({
        buildingId,
        resultJson: '{"status":"no-data"}',
        addressJson: JSON.stringify([
          {
            street: 'Bült; "Ecke"',
            houseNumber: String(index + 1),
            postalCode: '48143',
            locality: 'Münster',
          },
        ]),
      })),
      {},
    );
    return { database, file };
  }

  it('stores only salted hashes that verify the issued code, and nothing of the code in clear', async () => {
    const { database, file } = await databaseWithTwoBuildings();
    const letters = await issueAccessCodes(database, ['B1', 'B2'], { cost: TEST_SCRYPT_COST });
    expect(letters.map((letter) => letter.buildingId)).toEqual(['B1', 'B2']);
    expect(letters[0]!.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(letters[0]!.code).not.toBe(letters[1]!.code);
    const parsed = parseAccessCode(letters[0]!.code)!;
    const stored = database.accessCode(parsed.lookupId);
    expect(stored?.buildingId).toBe('B1');
    expect(await verifyAccessCode(parsed.secret, stored)).toBe(true);
    expect(
      await verifyAccessCode(parsed.secret.replace(/^./, parsed.secret[0] === 'A' ? 'B' : 'A'), stored),
    ).toBe(false);
    database.close();
    const bytes = (await readFile(file)).toString('latin1');
    for (const letter of letters) {
      expect(bytes).not.toContain(parseAccessCode(letter.code)!.secret);
      expect(bytes).not.toContain(letter.code);
    }
  });

  it('replaces an earlier code of the same building, so the old letter stops working', async () => {
    const { database } = await databaseWithTwoBuildings();
    const [first] = await issueAccessCodes(database, ['B1'], { cost: TEST_SCRYPT_COST });
    const [second] = await issueAccessCodes(database, ['B1'], { cost: TEST_SCRYPT_COST });
    expect(database.accessCode(parseAccessCode(first!.code)!.lookupId)).toBeUndefined();
    expect(database.accessCode(parseAccessCode(second!.code)!.lookupId)?.buildingId).toBe('B1');
    database.close();
  });

  it('refuses buildings without a result instead of issuing codes for nothing', async () => {
    const { database } = await databaseWithTwoBuildings();
    await expect(issueAccessCodes(database, ['B1', 'NOPE'], { cost: TEST_SCRYPT_COST })).rejects.toThrow(
      /NOPE/,
    );
    database.close();
  });

  it('writes a mail-merge CSV with quoted fields, a BOM for spreadsheets and CRLF lines', () => {
    const csv = formatMailMergeCsv([
      {
        buildingId: 'B1',
        address: { street: 'Bült; "Ecke"', houseNumber: '1', postalCode: '48143', locality: 'Münster' },
        code: 'AAAAA-BBBBB-CCCCC',
      },
    ]);
    expect(csv).toBe(
      '\uFEFFgebaeude_id,strasse,hausnummer,postleitzahl,ort,zugangscode\r\nB1,"Bült; ""Ecke""",1,48143,Münster,AAAAA-BBBBB-CCCCC\r\n',
    );
  });
});
