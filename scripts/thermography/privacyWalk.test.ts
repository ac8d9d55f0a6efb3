// The privacy walk: builds a small city's tiles and thermography, starts the real server, fetches every public
// asset and API route without a session, and proves that no per-building thermography value or code appears.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGeoJsonFootprints } from '../../src/domain/buildings/footprints/readGeoJsonFootprints';
import { generateMuensterCity } from '../../src/domain/buildings/generator/generateMuensterCity';
import { buildBuildingTileset } from '../../src/domain/buildings/pipeline/buildBuildingTileset';
import type { RoofResult } from '../../src/domain/thermography/classifyRoofs';
import { generatedRasterSources } from '../../src/domain/thermography/generator/generatedRasterSources';
import {
  planGeneratedFlight,
  roofOutlinesOfCity,
} from '../../src/domain/thermography/generator/generatedFlight';
import { createServer } from '../../src/server/createServer';
import { openThermographyDatabaseForWriting } from '../../src/server/thermography/thermographyDatabase';
import { DEFAULT_THERMOGRAPHY_LIMITS } from '../../src/server/thermography/thermographyRoutes';
import { TEST_SCRYPT_COST } from '../../src/server/thermography/thermographyTestFixture';
import { stageTilesetFolder } from '../buildings/writeTilesetFolder';
import { issueAccessCodes } from './issueAccessCodes';
import { runThermographyPipeline } from './runThermographyPipeline';
import { parseHeatLossLegend } from '../../src/domain/thermography/heatLossOverlay';

const REPOSITORY = resolve(import.meta.dirname, '..', '..');
const APP_DIR = join(REPOSITORY, 'dist');

/** Files under a folder, relative, with `/` separators. */
function listFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(folder, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

/** Full paths and methods from Fastify's route tree (children print their path relative to their parent). */
function routesOf(tree: string): { path: string; methods: string[] }[] {
  const stack: string[] = [];
  const routes: { path: string; methods: string[] }[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    if (match[3]) routes.push({ path: stack.join(''), methods: match[3].split(', ') });
  }
  return routes;
}

/** Numbers with six or more decimals: how full-precision temperatures would appear if they leaked. */
const PRECISE_NUMBER = /-?\d+\.\d{6,}/g;

describe('privacy walk over every public asset', () => {
  let root: string;
  let results: RoofResult[];
  let codes: string[];
  let publicResponses: { path: string; status: number; body: Buffer; isAppBundle: boolean }[];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'twin-privacy-walk-'));
    const tilesDir = join(root, 'tiles');
    const databaseFile = join(root, 'data', 'thermography', 'thermography.sqlite');
    const city = generateMuensterCity({ seed: 11, buildingCount: 250 });

    const staged = stageTilesetFolder(join(tilesDir, 'default'));
    await buildBuildingTileset(
      {
        read: (onIssue) => readGeoJsonFootprints(city, { sourceFile: 'walk.geojson', onIssue }),
        fileCount: 1,
      },
      { heightMode: 'ellipsoid', onIssue: () => {}, writeFile: staged.writeFile },
    );
    staged.commit();

    const roofs = roofOutlinesOfCity(city);
    const summary = await runThermographyPipeline({
      roofs,
      sources: generatedRasterSources(planGeneratedFlight(roofs), {
        pixelSizeMeters: 0.5,
        tileSizeMeters: 250,
        marginMeters: 4,
      }),
      airTemperatureCelsius: -2.4,
      databaseFile,
      publicDir: join(tilesDir, 'thermography'),
      flight: { flightDate: '2021-01-20' },
      simulated: true,
    });
    results = summary.results;
    const database = openThermographyDatabaseForWriting(databaseFile);
    try {
      codes = (
        await issueAccessCodes(
          database,
          results.slice(0, 5).map((result) => result.buildingId),
          { cost: TEST_SCRYPT_COST },
        )
      ).map((letter) => letter.code);
    } finally {
      database.close();
    }

    const app = await createServer({
      appDir: APP_DIR,
      tilesDir,
      scenesDir: join(REPOSITORY, 'scenes'),
      configFile: join(root, 'twin.config.json'),
      thermography: {
        databaseFile,
        overlayFile: join(tilesDir, 'thermography', 'heat-loss-grid.geojson'),
        secureCookies: 'auto',
        ...DEFAULT_THERMOGRAPHY_LIMITS,
      },
    });
    await app.ready();
    const routes = routesOf(app.printRoutes({ commonPrefix: false }));
    const paths = new Set<string>();
    for (const file of listFiles(tilesDir)) paths.add(`/tiles/${file}`);
    for (const file of listFiles(join(REPOSITORY, 'scenes'))) paths.add(`/scenes/${file}`);
    // The app bundle (if built); Cesium's own static assets under dist/cesium are not ours and are left out.
    for (const file of listFiles(APP_DIR).filter((path) => !path.startsWith('cesium/')))
      paths.add(`/${file}`);
    const someIds = results.slice(0, 5).map((result) => result.buildingId);
    const posts: string[] = [];
    for (const route of routes) {
      if (route.path.includes('*')) continue;
      const concrete = route.path.includes(':')
        ? someIds.map((id) => route.path.replace(/:[A-Za-z]+/g, id))
        : [route.path];
      for (const path of concrete) {
        if (route.methods.includes('GET')) paths.add(path);
        if (route.methods.includes('POST')) posts.push(path);
      }
    }
    // Where the private files lie, in case someone serves data/ by mistake.
    for (const guess of [
      '/data/thermography/thermography.sqlite',
      '/tiles/../data/thermography/thermography.sqlite',
    ])
      paths.add(guess);

    publicResponses = [];
    for (const path of [...paths].sort()) {
      const response = await app.inject({ method: 'GET', url: encodeURI(path) });
      publicResponses.push({
        path,
        status: response.statusCode,
        body: response.rawPayload,
        isAppBundle:
          !path.startsWith('/tiles/') &&
          !path.startsWith('/scenes/') &&
          !path.startsWith('/api/') &&
          path !== '/health' &&
          path !== '/config.json',
      });
    }
    for (const path of posts) {
      const response = await app.inject({ method: 'POST', url: path, payload: {} });
      publicResponses.push({
        path: `POST ${path}`,
        status: response.statusCode,
        body: response.rawPayload,
        isAppBundle: false,
      });
    }
    await app.close();
  }, 120_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('fetched the tiles, the scenes, the public overlay and the thermography API', () => {
    const fetched = publicResponses.map((response) => response.path);
    expect(fetched).toContain('/tiles/default/tileset.json');
    expect(fetched.some((path) => path.endsWith('.glb'))).toBe(true);
    expect(fetched).toContain('/tiles/thermography/heat-loss-grid.geojson');
    expect(fetched).toContain('/api/thermography/overlay');
    expect(fetched.some((path) => path.startsWith('/api/thermography/buildings/'))).toBe(true);
    expect(fetched.some((path) => path.startsWith('/scenes/'))).toBe(true);
    expect(results.filter((result) => result.status === 'classified').length).toBeGreaterThan(200);
  });

  it('serves a legend that reads without issues, says the flight is simulated and names no date it lacks', () => {
    const served = publicResponses.find(
      (response) => response.path === '/tiles/thermography/heat-loss-legend.json',
    );
    expect(served?.status).toBe(200);
    const { legend, issues } = parseHeatLossLegend(JSON.parse(served!.body.toString('utf8')), 'legend');
    expect(issues).toEqual([]);
    expect(legend).toMatchObject({ simulated: true, flightDate: '2021-01-20', attribution: undefined });
  });

  it('finds no per-building thermography value, image or code in any public answer', () => {
    const privateNumbers = new Set<string>();
    for (const result of results) {
      if (result.status !== 'classified') continue;
      const { meanCelsius, medianCelsius, percentile90Celsius, maxCelsius } = result.statistics;
      for (const value of [
        meanCelsius,
        medianCelsius,
        percentile90Celsius,
        maxCelsius,
        result.warmAreaShare,
        result.warmThresholdCelsius,
      ])
        if (/\.\d{6,}/.test(String(value))) privateNumbers.add(String(value));
    }
    expect(privateNumbers.size).toBeGreaterThan(500);
    const leaks: string[] = [];
    for (const response of publicResponses) {
      const text = response.body.toString('latin1');
      for (const token of text.match(PRECISE_NUMBER) ?? [])
        if (privateNumbers.has(token)) leaks.push(`${response.path}: ${token}`);
      for (const code of codes) {
        if (text.includes(code) || text.includes(code.replace(/-/g, '').slice(5)))
          leaks.push(`${response.path}: an access code`);
      }
      if (!response.isAppBundle)
        for (const field of ['heatLossClass', 'warmAreaShare', 'medianCelsius', 'hotSpots', 'imagePngBase64'])
          if (text.includes(field)) leaks.push(`${response.path}: field ${field}`);
      if (response.body.subarray(1, 4).toString('latin1') === 'PNG' && response.path.startsWith('/api/'))
        leaks.push(`${response.path}: an image`);
    }
    expect(leaks).toEqual([]);
  });

  it('answers every private route with 401 without a session, and hides the private files', () => {
    for (const response of publicResponses.filter((candidate) =>
      candidate.path.startsWith('/api/thermography/buildings/'),
    ))
      expect(response.status, response.path).toBe(401);
    for (const response of publicResponses.filter((candidate) => candidate.path.includes('/data/')))
      expect(response.status, response.path).toBe(404);
  });

  it('publishes only cells with at least five buildings', () => {
    const overlay = publicResponses.find((response) => response.path === '/api/thermography/overlay')!;
    const grid = JSON.parse(overlay.body.toString('utf8')) as {
      features: { properties: { buildings: number } }[];
    };
    expect(grid.features.length).toBeGreaterThan(0);
    for (const feature of grid.features) expect(feature.properties.buildings).toBeGreaterThanOrEqual(5);
    const text = overlay.body.toString('utf8');
    for (const result of results.slice(0, 50)) expect(text).not.toContain(result.buildingId);
  });
});
