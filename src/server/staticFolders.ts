import { extname, join, relative, sep } from 'node:path';
import fastifyStatic, { type FastifyStaticOptions } from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isFile } from './fileSystem';

/** Cache-Control values, one per kind of file, chosen by how often the file changes and whether its name says so. */
export const CACHE_CONTROL = {
  /** Changes without changing its name (index.html, config, scenes): the browser must ask every time (cheap with ETag). */
  revalidate: 'no-cache',
  /** Tiles are regenerated rarely; an hour keeps panning smooth and a rebuilt set shows up the same day. */
  tiles: 'public, max-age=3600',
  /** Vite puts a content hash into these names, so a changed file always has a new URL. */
  hashedAssets: 'public, max-age=31536000, immutable',
  /** Cesium's workers and assets change only with a Cesium upgrade, but their names carry no hash. */
  cesium: 'public, max-age=86400',
} as const;

/** What a 3D Tiles client expects for each tile file type; binary tile formats have no registered type. */
const TILE_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.json': 'application/json; charset=utf-8',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json; charset=utf-8',
  '.b3dm': 'application/octet-stream',
  '.i3dm': 'application/octet-stream',
  '.pnts': 'application/octet-stream',
  '.cmpt': 'application/octet-stream',
  '.subtree': 'application/octet-stream',
};

/** The Content-Type for a file in a tileset, or undefined to keep the type guessed from the extension (e.g. png). */
export function tileContentType(filePath: string): string | undefined {
  return TILE_CONTENT_TYPES[extname(filePath).toLowerCase()];
}

/** Shown at / while dist/ is missing: the most likely first stumble after cloning. */
export const APP_NOT_BUILT_MESSAGE =
  'Münster Twin: Die App ist noch nicht gebaut. Bitte `npm run build` ausführen und die Seite neu laden.\n' +
  'Münster Twin: the app has not been built yet. Run `npm run build`, then reload this page.\n';

// Shared by every folder: no dotfiles (.env, .git), no directory listings or index pages, ETag + Last-Modified
// + byte ranges from @fastify/send, and Cache-Control set by us per file rather than by the plugin.
const COMMON_OPTIONS = {
  dotfiles: 'ignore',
  serveDotFiles: false,
  index: false,
  list: false,
  redirect: false,
  wildcard: true,
  etag: true,
  lastModified: true,
  acceptRanges: true,
  cacheControl: false,
  decorateReply: false,
} satisfies Partial<FastifyStaticOptions>;

/** Serves `/tiles/*` from the tiles folder with tile content types and an hour of caching. */
export async function registerTileFiles(app: FastifyInstance, tilesDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    ...COMMON_OPTIONS,
    root: tilesDir,
    prefix: '/tiles/',
    setHeaders(reply, filePath) {
      reply.header('cache-control', CACHE_CONTROL.tiles);
      const type = tileContentType(filePath);
      // A 304 carries no body, so it carries no Content-Type either.
      if (type && reply.statusCode !== 304) reply.header('content-type', type);
    },
  });
}

/** Serves `/scenes/*` (scene files and the generated `schema/` folder); they are edited in place, so no caching. */
export async function registerSceneFiles(app: FastifyInstance, scenesDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    ...COMMON_OPTIONS,
    root: scenesDir,
    prefix: '/scenes/',
    setHeaders(reply) {
      reply.header('cache-control', CACHE_CONTROL.revalidate);
    },
  });
}

/**
 * Serves the built app: `/` is dist/index.html, everything else the file of that name. `onHtmlDocument` is told
 * about every HTML response (including a 304, which has no Content-Type) so it can attach the page's security headers.
 */
export async function registerAppFiles(
  app: FastifyInstance,
  appDir: string,
  onHtmlDocument: (reply: FastifyReply) => void,
): Promise<void> {
  await app.register(fastifyStatic, {
    ...COMMON_OPTIONS,
    root: appDir,
    prefix: '/',
    // This registration provides reply.sendFile, used for `/` below.
    decorateReply: true,
    setHeaders(reply, filePath) {
      const topFolder = relative(appDir, filePath).split(sep)[0];
      if (topFolder === 'assets') reply.header('cache-control', CACHE_CONTROL.hashedAssets);
      else if (topFolder === 'cesium') reply.header('cache-control', CACHE_CONTROL.cesium);
      else reply.header('cache-control', CACHE_CONTROL.revalidate);
      if (extname(filePath).toLowerCase() === '.html') onHtmlDocument(reply);
    },
  });

  app.get('/', async (_request, reply) => {
    // Checked per request, so running `npm run build` next to a running server is enough.
    if (!(await isFile(join(appDir, 'index.html')))) {
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(APP_NOT_BUILT_MESSAGE);
    }
    return reply.sendFile('index.html');
  });
}
