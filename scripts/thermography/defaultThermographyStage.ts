import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  DEFAULT_BUILDING_COUNT,
  generateMuensterCity,
} from '../../src/domain/buildings/generator/generateMuensterCity';
import { CITY_CENTRE } from '../../src/domain/buildings/generator/muensterPlaces';
import type { RoofResult } from '../../src/domain/thermography/classifyRoofs';
import {
  DEFAULT_GENERATED_TILING,
  generatedRasterSources,
} from '../../src/domain/thermography/generator/generatedRasterSources';
import {
  DEFAULT_FLIGHT,
  planGeneratedFlight,
  roofOutlinesOfCity,
} from '../../src/domain/thermography/generator/generatedFlight';
import { openThermographyDatabaseForWriting } from '../../src/server/thermography/thermographyDatabase';
import {
  DEFAULT_THERMOGRAPHY_DATABASE,
  OVERLAY_FILE_NAME,
  PUBLIC_THERMOGRAPHY_FOLDER,
} from '../../src/server/thermography/thermographySettings';
import { DEFAULT_CITY_SEED, DEFAULT_CITY_VERSION } from '../defaultCityStage';
import type { DefaultDataStage } from '../defaultData';
import { formatMailMergeCsv, issueAccessCodes } from './issueAccessCodes';
import { runThermographyPipeline, THERMOGRAPHY_METHOD_VERSION } from './runThermographyPipeline';

/**
 * Bump when the generator or the outputs change, so `npm start` rebuilds (2: cells need a mix of classes;
 * 3: owner geometry and groups of similar buildings in the private file).
 */
export const DEFAULT_THERMOGRAPHY_VERSION = 3;
/** The demo letters a tester logs in with: server-side only, beside the private database, never served. */
export const DEMO_CODES_FILE_NAME = 'demo-access-codes.csv';
/** Demo codes per heat-loss class (for the buildings nearest the Prinzipalmarkt). */
const DEMO_CODES_PER_CLASS = 4;
const STAMP_FILE = 'default-thermography.json';

/** Where the default thermography goes; absolute paths. */
export interface DefaultThermographyPaths {
  databaseFile: string;
  publicDir: string;
}

export function defaultThermographyPaths(
  root = resolve(import.meta.dirname, '..', '..'),
): DefaultThermographyPaths {
  return {
    databaseFile: join(root, DEFAULT_THERMOGRAPHY_DATABASE),
    publicDir: join(root, 'tiles', PUBLIC_THERMOGRAPHY_FOLDER),
  };
}

/**
 * The default city's thermal flight: a seeded raster at 0.5 m (generated window by window, never written whole)
 * through the same measurement, classification and outputs as `npm run thermography -- analyse`, plus demo codes.
 */
export function createDefaultThermographyStage(paths = defaultThermographyPaths()): DefaultDataStage {
  const privateDir = resolve(paths.databaseFile, '..');
  const stamp = JSON.stringify({
    citySeed: DEFAULT_CITY_SEED,
    cityVersion: DEFAULT_CITY_VERSION,
    buildingCount: DEFAULT_BUILDING_COUNT,
    flightSeed: DEFAULT_FLIGHT.seed,
    version: DEFAULT_THERMOGRAPHY_VERSION,
    methodVersion: THERMOGRAPHY_METHOD_VERSION,
  });
  return {
    name: 'Thermografie der Standardstadt',
    isUpToDate: () =>
      [
        paths.databaseFile,
        join(paths.publicDir, OVERLAY_FILE_NAME),
        join(privateDir, DEMO_CODES_FILE_NAME),
      ].every((file) => existsSync(file)) &&
      existsSync(join(privateDir, STAMP_FILE)) &&
      readFileSync(join(privateDir, STAMP_FILE), 'utf8') === stamp,
    async run(progress) {
      const city = generateMuensterCity({ seed: DEFAULT_CITY_SEED, buildingCount: DEFAULT_BUILDING_COUNT });
      const roofs = roofOutlinesOfCity(city);
      const scene = planGeneratedFlight(roofs);
      const summary = await runThermographyPipeline({
        roofs,
        sources: generatedRasterSources(scene, {
          pixelSizeMeters: DEFAULT_FLIGHT.pixelSizeMeters,
          ...DEFAULT_GENERATED_TILING,
        }),
        airTemperatureCelsius: DEFAULT_FLIGHT.airTemperatureCelsius,
        databaseFile: paths.databaseFile,
        publicDir: paths.publicDir,
        simulated: true,
        attribution:
          'Wärmeverlust: simulierte Befliegung von Münster Twin, keine echten Messungen (simulated, not measured)',
        flight: {
          flightDate: DEFAULT_FLIGHT.flightDate,
          source: 'generated (seeded) for the default city; no real flight data',
          pixelSizeMeters: String(DEFAULT_FLIGHT.pixelSizeMeters),
        },
        onProgress: (done, total) => progress(Math.round(done * 0.9), total),
      });
      const database = openThermographyDatabaseForWriting(paths.databaseFile);
      try {
        const letters = await issueAccessCodes(database, pickDemoBuildings(summary.results));
        mkdirSync(privateDir, { recursive: true });
        writeFileSync(join(privateDir, `${DEMO_CODES_FILE_NAME}.partial`), formatMailMergeCsv(letters));
        renameSync(
          join(privateDir, `${DEMO_CODES_FILE_NAME}.partial`),
          join(privateDir, DEMO_CODES_FILE_NAME),
        );
      } finally {
        database.close();
      }
      writeFileSync(join(privateDir, STAMP_FILE), stamp);
      progress(summary.roofs, summary.roofs);
    },
  };
}

/** A few buildings of every class, nearest the Prinzipalmarkt first, and one without data if there is one. */
export function pickDemoBuildings(results: readonly RoofResult[]): string[] {
  const byDistance = [...results].sort(
    (a, b) =>
      Math.hypot(a.centre[0] - CITY_CENTRE[0], a.centre[1] - CITY_CENTRE[1]) -
      Math.hypot(b.centre[0] - CITY_CENTRE[0], b.centre[1] - CITY_CENTRE[1]),
  );
  const picked: string[] = [];
  for (const heatLossClass of [1, 2, 3, 4, 5])
    picked.push(
      ...byDistance
        .filter((result) => result.status === 'classified' && result.heatLossClass === heatLossClass)
        .slice(0, DEMO_CODES_PER_CLASS)
        .map((result) => result.buildingId),
    );
  const noData = byDistance.find((result) => result.status === 'no-data');
  if (noData) picked.push(noData.buildingId);
  return picked;
}
