// Shared by the thermography server tests: a private database with two buildings, their codes, and an overlay.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { generateAccessCode, hashAccessCode, type ScryptCost } from './accessCodes';
import { DEFAULT_THERMOGRAPHY_LIMITS, type ThermographyServerOptions } from './thermographyRoutes';
import { openThermographyDatabaseForWriting } from './thermographyDatabase';

/** Cheap hashes for tests (the server reads the cost from each row). */
export const TEST_SCRYPT_COST: ScryptCost = { costLog2: 10, blockSize: 8, parallelism: 1 };

/** The aggregate OWNER_A is compared with. */
export const TEST_COMPARISON_GROUP = { key: 'houses', buildingCount: 7, classCounts: [1, 2, 2, 1, 1] };

export interface ThermographyFixture {
  folder: string;
  options: ThermographyServerOptions;
  codes: Record<'OWNER_A' | 'OWNER_B', string>;
  /** Values only the owners may see, as they appear in the private results. */
  privateValues: Record<'OWNER_A' | 'OWNER_B', number[]>;
  remove(): Promise<void>;
}

/** A tiny PNG, so image answers are real images. */
function tinyPng(): Buffer {
  const png = new PNG({ width: 2, height: 2 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

export async function createThermographyFixture(
  overrides: Partial<ThermographyServerOptions> = {},
): Promise<ThermographyFixture> {
  const folder = await mkdtemp(join(tmpdir(), 'twin-thermography-'));
  const databaseFile = join(folder, 'private', 'thermography.sqlite');
  const overlayFile = join(folder, 'heat-loss-grid.geojson');
  await writeFile(overlayFile, JSON.stringify({ type: 'FeatureCollection', features: [] }));
  const privateValues = {
    OWNER_A: [-3.1234567, -2.7654321, 4.8765432],
    OWNER_B: [-6.2345678, -5.8765432, 1.9876543],
  };
  const database = openThermographyDatabaseForWriting(databaseFile);
  const codes = { OWNER_A: generateAccessCode(), OWNER_B: generateAccessCode() };
  try {
    database.replaceBuildings(
      (['OWNER_A', 'OWNER_B'] as const).map((buildingId) => {
        const [medianCelsius, percentile90Celsius, maxCelsius] = privateValues[buildingId];
        return {
          buildingId,
          resultJson: JSON.stringify({
            status: 'classified',
            buildingId,
            statistics: { medianCelsius, percentile90Celsius, maxCelsius },
            heatLossClass: buildingId === 'OWNER_A' ? 5 : 1,
          }),
          addressJson: JSON.stringify([
            { street: 'Prinzipalmarkt', houseNumber: buildingId === 'OWNER_A' ? '1' : '3' },
          ]),
          imagePng: tinyPng(),
          imageJson: JSON.stringify({ width: 2, height: 2 }),
          geometryJson: JSON.stringify({ outline: [], heightMeters: 9.5, roofAreaSquareMeters: 120 }),
          // OWNER_B's group had fewer than 5 buildings: the pipeline published no aggregate for it.
          comparisonGroupKey: buildingId === 'OWNER_A' ? 'houses' : 'too-few',
        };
      }),
      { airTemperatureCelsius: '-2.4' },
      new Map([['houses', JSON.stringify(TEST_COMPARISON_GROUP)]]),
    );
    database.storeAccessCodes(
      [
        await hashAccessCode(codes.OWNER_A, 'OWNER_A', TEST_SCRYPT_COST),
        await hashAccessCode(codes.OWNER_B, 'OWNER_B', TEST_SCRYPT_COST),
      ],
      '2021-01-20T00:00:00Z',
    );
  } finally {
    database.close();
  }
  return {
    folder,
    options: {
      databaseFile,
      overlayFile,
      secureCookies: 'auto',
      ...DEFAULT_THERMOGRAPHY_LIMITS,
      ...overrides,
    },
    codes,
    privateValues,
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}
