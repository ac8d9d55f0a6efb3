import { isAbsolute, join, relative } from 'node:path';
import fastifyCompress from '@fastify/compress';
import { fastify, type FastifyInstance } from 'fastify';
import { formatIssue } from '../domain/validation/issues';
import { buildContentSecurityPolicy } from './contentSecurityPolicy';
import { installErrorResponses } from './errorResponses';
import { isFile } from './fileSystem';
import { listTilesets, readPackageVersion, type HealthReport } from './healthReport';
import { addResponseHeaders } from './responseHeaders';
import { readSceneIndex } from './sceneIndex';
import { installSavedVariants } from './scenarios/savedVariantRoutes';
import type { SensorHubService } from './sensors/sensorHubService';
import { registerSensorRoutes, registerSensorWebSocket } from './sensors/sensorRoutes';
import { installWorkshops } from './workshops/installWorkshops';
import type { WorkshopLimits } from './workshops/workshopRoutes';
import { CACHE_CONTROL, registerAppFiles, registerSceneFiles, registerTileFiles } from './staticFolders';
import {
  registerThermographyRoutes,
  type ThermographyServerOptions,
} from './thermography/thermographyRoutes';
import { readTwinConfigSource, type TwinConfigSource } from './twinConfigSource';

/** Where the server finds what it serves; all paths absolute. */
export interface ServerOptions {
  /** The built app (Vite's `dist/`), with index.html, assets/ and cesium/. */
  appDir: string;
  /** One folder per tileset, each with a tileset.json. */
  tilesDir: string;
  /** Scene documents (`*.json`) and the generated `schema/` folder. */
  scenesDir: string;
  /** The twin.config.json; it may be missing (the offline default is served then). */
  configFile: string;
  /** Fastify's request log on stdout; off by default because a city's server log should stay quiet. */
  logger?: boolean;
  /** The running sensor hub behind `/api/sensors` (started and stopped by the caller); without it they answer 503. */
  sensorHub?: SensorHubService;
  /** Why there is no sensor hub, for those 503 answers. */
  sensorHubUnavailable?: string;
  /** The homeowner thermography API (`/api/thermography`); without it those routes answer 503 and 404. */
  thermography?: ThermographyServerOptions;
  /** Fastify's trustProxy: which proxies' X-Forwarded-For/-Proto to believe (client address, HTTPS); none by default. */
  trustProxy?: boolean | string;
  /** SQLite file of the variants saved in workshops (`/api/scenarios`); without it those routes answer 503. */
  savedVariantsDatabase?: string;
  /** SQLite file of workshop sessions, comments and votes (`/api/workshops`); without it those routes answer 503. */
  workshopsDatabase?: string;
  /** Posting limits of the workshop API (tests lower them); the defaults suit a workshop room. */
  workshopLimits?: WorkshopLimits;
}

/**
 * Builds the Münster Twin HTTP server (not yet listening): the app, its configuration, scenes and tiles, all from
 * local folders. Problems in the configuration and the scenes are reported on stderr now, but never stop it.
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const startedAt = performance.now();
  const configName = displayPath(options.configFile);
  const readConfig = (): Promise<TwinConfigSource> => readTwinConfigSource(options.configFile, configName);
  await reportStartupProblems(options, readConfig);
  const version = await readPackageVersion(process.cwd());

  const app = fastify({
    logger: options.logger ?? false,
    // Every request here is a body-less GET; a client that takes longer than this to send one is stalling.
    requestTimeout: 30_000,
    trustProxy: options.trustProxy ?? false,
  });
  installErrorResponses(app);
  if (options.sensorHub) await registerSensorWebSocket(app);
  const markHtmlDocument = addResponseHeaders(app, async () =>
    buildContentSecurityPolicy((await readConfig()).config),
  );
  // Registered before the folders so its hook wraps their file streams. br and gzip only, so every supported
  // Node.js answers alike (Node 22.15+ would otherwise pick zstd); 206 ranges are never compressed by the plugin.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], globalDecompression: false });

  app.get('/health', async (_request, reply) => {
    const [tilesets, config] = await Promise.all([listTilesets(options.tilesDir), readConfig()]);
    const report: HealthReport = {
      status: 'ok',
      version,
      uptimeSeconds: Math.floor((performance.now() - startedAt) / 1000),
      tilesets,
      configIssues: config.issues.length,
    };
    return reply.header('cache-control', 'no-store').send(report);
  });

  app.get('/config.json', async (_request, reply) => {
    // Served as text, not re-serialized: the browser validates it itself and shows the city's own mistakes.
    const { text } = await readConfig();
    return reply
      .header('cache-control', CACHE_CONTROL.revalidate)
      .type('application/json; charset=utf-8')
      .send(text);
  });

  app.get('/scenes/index.json', async (_request, reply) => {
    const index = await readSceneIndex(options.scenesDir);
    return reply.header('cache-control', CACHE_CONTROL.revalidate).send(index);
  });

  registerSensorRoutes(
    app,
    options.sensorHub,
    options.sensorHubUnavailable ?? 'the sensor hub is not running',
  );
  await installSavedVariants(app, options.scenesDir, options.savedVariantsDatabase);
  await installWorkshops(app, options.scenesDir, options.workshopsDatabase, options.workshopLimits);
  registerThermographyRoutes(app, options.thermography);
  await registerTileFiles(app, options.tilesDir);
  await registerSceneFiles(app, options.scenesDir);
  await registerAppFiles(app, options.appDir, markHtmlDocument);
  return app;
}

/** One stderr line per problem an administrator should fix; the server starts regardless. */
async function reportStartupProblems(
  options: ServerOptions,
  readConfig: () => Promise<TwinConfigSource>,
): Promise<void> {
  const config = await readConfig();
  config.issues.forEach((issue) => console.error(formatIssue(issue)));
  try {
    const { scenes } = await readSceneIndex(options.scenesDir);
    scenes.flatMap((scene) => scene.issues).forEach((issue) => console.error(formatIssue(issue)));
  } catch (error) {
    console.error(`${displayPath(options.scenesDir)}: cannot list the scenes (${String(error)})`);
  }
  if (!(await isFile(join(options.appDir, 'index.html')))) {
    console.warn(
      `${displayPath(options.appDir)}: no index.html; run \`npm run build\` (until then / answers 503)`,
    );
  }
}

/** A path as an administrator would type it: relative to the working directory when inside it. */
function displayPath(path: string): string {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : path;
}
