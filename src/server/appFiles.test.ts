import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestSite, send, startTestServer, type TestServer, type TestSite } from './serverTestSupport';

const CONFIG_WITH_ONLINE_SOURCES = JSON.stringify({
  schemaVersion: 1,
  tilesBaseUrl: 'https://cdn.example.org/muenster-twin/tiles',
  baseLayers: [
    {
      type: 'xyz',
      id: 'osm',
      name: 'OpenStreetMap',
      url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap contributors',
    },
  ],
  terrain: { url: 'https://terrain.example.org/muenster', attribution: '© Geobasis NRW' },
});

describe('the built app', () => {
  let site: TestSite;
  let server: TestServer;

  beforeAll(async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    site = await createTestSite({ configText: CONFIG_WITH_ONLINE_SOURCES });
    server = await startTestServer(site.options);
  });

  afterAll(async () => {
    await server.close();
    await site.remove();
    vi.restoreAllMocks();
  });

  it('serves index.html at / uncached, with nosniff and a CSP naming the configured origins', async () => {
    const response = await send(server.port, '/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body.toString('utf8')).toContain('<title>Münster Twin</title>');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(
      /connect-src 'self' https:\/\/cdn\.example\.org https:\/\/terrain\.example\.org https:\/\/tile\.openstreetmap\.org(;|$)/,
    );
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('keeps the CSP on a 304, so a browser revalidating index.html picks up a changed configuration', async () => {
    const first = await send(server.port, '/');
    const again = await send(server.port, '/', { headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.status).toBe(304);
    expect(again.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
  });

  it('follows the configuration file without a restart', async () => {
    await writeFile(site.options.configFile, JSON.stringify({ schemaVersion: 1 }));
    const csp = String((await send(server.port, '/')).headers['content-security-policy']);
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toContain('example.org');
    await writeFile(site.options.configFile, CONFIG_WITH_ONLINE_SOURCES);
  });

  it('caches hashed assets for a year and Cesium files for a day', async () => {
    const asset = await send(server.port, '/assets/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-security-policy']).toBeUndefined();

    const worker = await send(server.port, '/cesium/Workers/x.js');
    expect(worker.status).toBe(200);
    expect(worker.headers['cache-control']).toBe('public, max-age=86400');
  });

  it('compresses app files for browsers that accept it', async () => {
    const asset = await send(server.port, '/assets/app-abc123.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.headers['content-encoding']).toBe('gzip');
  });
});

describe('before `npm run build`', () => {
  let site: TestSite;
  let server: TestServer;
  let warnings: string[];

  beforeAll(async () => {
    warnings = [];
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation((line: unknown) => void warnings.push(String(line)));
    site = await createTestSite({ builtApp: false });
    server = await startTestServer(site.options);
  });

  afterAll(async () => {
    await server.close();
    await site.remove();
    vi.restoreAllMocks();
  });

  it('answers / with 503 and tells how to build, instead of crashing', async () => {
    const response = await send(server.port, '/');
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body.toString('utf8')).toContain('npm run build');
    expect(warnings.join('\n')).toContain('npm run build');
  });

  it('still serves tiles, scenes and health', async () => {
    expect((await send(server.port, '/tiles/demo/tileset.json')).status).toBe(200);
    expect((await send(server.port, '/scenes/index.json')).status).toBe(200);
    expect((await send(server.port, '/health')).status).toBe(200);
  });

  it('answers missing app files with 404', async () => {
    expect((await send(server.port, '/assets/app-abc123.js')).status).toBe(404);
  });
});
