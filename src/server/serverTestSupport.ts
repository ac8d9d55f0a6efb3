// Shared by the server's tests: a throw-away site on disk, a real server on a free port, and raw HTTP helpers
// (node:http, not fetch, so that compression, ranges and odd paths reach the server exactly as written).
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createServer, type ServerOptions } from './createServer';

/** A temporary folder laid out like a deployment, plus the bytes the tests expect back. */
export interface TestSite {
  root: string;
  options: ServerOptions;
  glbBytes: Buffer;
  tilesetText: string;
  remove(): Promise<void>;
}

/** What a test site contains besides tiles and scenes. */
export interface TestSiteContent {
  /** Write dist/ (index.html, a hashed asset, a Cesium worker); false simulates `npm run build` not yet run. */
  builtApp?: boolean;
  /** Text of twin.config.json; undefined writes no file. */
  configText?: string;
}

/** A valid overview scene, shaped after overviewSceneSchema. */
export const VALID_SCENE = {
  schemaVersion: 1,
  kind: 'overview',
  id: 'innenstadt',
  title: { de: 'Innenstadt', en: 'City centre' },
  camera: {
    longitudeDegrees: 7.6283,
    latitudeDegrees: 51.9544,
    heightMeters: 600,
    headingDegrees: 0,
    pitchDegrees: -35,
  },
  places: [],
};

/** The same scene with one impossible latitude, so exactly one issue at `$.places[0].latitudeDegrees`. */
export const BROKEN_SCENE = {
  ...VALID_SCENE,
  id: 'kaputt',
  places: [
    {
      id: 'dom',
      name: { de: 'Dom' },
      longitudeDegrees: 7.6257,
      latitudeDegrees: 123,
      accuracyMeters: 20,
      source: 'test',
      licence: 'CC0',
    },
  ],
};

/** Creates a site in the OS temp folder; `secret.txt` and `package.json` beside the served folders catch path traversal. */
export async function createTestSite(content: TestSiteContent = {}): Promise<TestSite> {
  const root = await mkdtemp(join(tmpdir(), 'muenster-twin-server-'));
  const options: ServerOptions = {
    appDir: join(root, 'dist'),
    tilesDir: join(root, 'tiles'),
    scenesDir: join(root, 'scenes'),
    configFile: join(root, 'twin.config.json'),
  };
  // Patterned rather than random bytes, so compression visibly shrinks them; a glTF magic for realism.
  const glbBytes = Buffer.concat([Buffer.from('glTF'), Buffer.alloc(6000, 'tile-bytes-')]);
  const tilesetText = JSON.stringify(
    {
      asset: { version: '1.1' },
      geometricError: 500,
      root: {
        boundingVolume: { region: [0.1331, 0.9066, 0.1333, 0.9068, 0, 120] },
        geometricError: 0,
        refine: 'ADD',
        content: { uri: 'content/0.glb' },
        children: Array.from({ length: 20 }, (_, index) => ({
          boundingVolume: { region: [0.1331, 0.9066, 0.1333, 0.9068, 0, 120] },
          geometricError: 0,
          content: { uri: `content/${index}.glb` },
        })),
      },
    },
    null,
    2,
  );
  const files: Record<string, string | Buffer> = {
    'secret.txt': 'TOP-SECRET-OUTSIDE-THE-SERVED-FOLDERS',
    'package.json': JSON.stringify({ name: 'leak-canary', version: '0.0.0' }),
    'tiles/demo/tileset.json': tilesetText,
    'tiles/demo/content/0.glb': glbBytes,
    'tiles/demo/content/0.b3dm': Buffer.alloc(64, 1),
    'tiles/.env': 'SECRET=do-not-serve',
    'tiles/empty-folder/readme.txt': 'no tileset here',
    'scenes/innenstadt.json': JSON.stringify(VALID_SCENE, null, 2),
    'scenes/kaputt.json': JSON.stringify(BROKEN_SCENE, null, 2),
    'scenes/schema/scene.schema.json': JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
    }),
  };
  if (content.builtApp ?? true) {
    files['dist/index.html'] =
      '<!doctype html><html><head><title>Münster Twin</title></head><body></body></html>';
    files['dist/assets/app-abc123.js'] = `console.log(${JSON.stringify('x'.repeat(2000))});`;
    files['dist/cesium/Workers/x.js'] = 'self.onmessage = () => {};';
  }
  if (content.configText !== undefined) files['twin.config.json'] = content.configText;
  for (const [path, data] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), data);
  }
  return { root, options, glbBytes, tilesetText, remove: () => rm(root, { recursive: true, force: true }) };
}

/** A server listening on a free port of 127.0.0.1, as in production (real sockets, no inject). */
export interface TestServer {
  app: FastifyInstance;
  port: number;
  close(): Promise<void>;
}

/** Creates and starts a server for the given folders. */
export async function startTestServer(options: ServerOptions): Promise<TestServer> {
  const app = await createServer(options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, port: (app.server.address() as AddressInfo).port, close: () => app.close() };
}

/** A response with its raw (possibly compressed) body. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One HTTP request with the path sent exactly as given (no normalisation of `..`, no automatic decompression). */
export function send(
  port: number,
  path: string,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/** Parses a JSON response body. */
export function jsonOf(response: RawResponse): unknown {
  return JSON.parse(response.body.toString('utf8'));
}

/**
 * Writes raw bytes to the server's socket and returns whatever comes back until the server closes the connection
 * (requests should say `Connection: close`). The socket is not half-closed: Node's HTTP server would abort the
 * response of a client that stops sending.
 */
export function sendRaw(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    // A server that neither answers nor hangs up within this time counts as an empty answer.
    socket.setTimeout(2_000, () => socket.destroy());
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      // The server may reset a connection it refuses; that is an answer too.
      error.code === 'ECONNRESET' ? resolve(Buffer.concat(chunks).toString('latin1')) : reject(error),
    );
  });
}
