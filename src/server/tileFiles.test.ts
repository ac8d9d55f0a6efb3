import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestSite, send, startTestServer, type TestServer, type TestSite } from './serverTestSupport';

let site: TestSite;
let server: TestServer;

beforeAll(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  site = await createTestSite();
  server = await startTestServer(site.options);
});

afterAll(async () => {
  await server.close();
  await site.remove();
  vi.restoreAllMocks();
});

describe('/tiles/', () => {
  it('serves tileset.json as JSON with an hour of caching, validators and CORS for other origins', async () => {
    const response = await send(server.port, '/tiles/demo/tileset.json');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
    expect(response.headers.etag).toBeTruthy();
    expect(response.headers['last-modified']).toBeTruthy();
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString('utf8')).toBe(site.tilesetText);
  });

  it('gives tile formats the content types 3D Tiles clients expect', async () => {
    const glb = await send(server.port, '/tiles/demo/content/0.glb');
    expect(glb.headers['content-type']).toBe('model/gltf-binary');
    const b3dm = await send(server.port, '/tiles/demo/content/0.b3dm');
    expect(b3dm.headers['content-type']).toBe('application/octet-stream');
  });

  it('compresses with gzip or brotli only when the client asks for it', async () => {
    const gzip = await send(server.port, '/tiles/demo/content/0.glb', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toMatch(/accept-encoding/i);
    expect(gzip.body.length).toBeLessThan(site.glbBytes.length);
    expect(gunzipSync(gzip.body).equals(site.glbBytes)).toBe(true);

    const brotli = await send(server.port, '/tiles/demo/tileset.json', {
      headers: { 'accept-encoding': 'br' },
    });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).toString('utf8')).toBe(site.tilesetText);

    const identity = await send(server.port, '/tiles/demo/content/0.glb', {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.equals(site.glbBytes)).toBe(true);
  });

  it('answers a matching If-None-Match with 304 and no body, even when compression was asked for', async () => {
    const first = await send(server.port, '/tiles/demo/tileset.json');
    const etag = String(first.headers.etag);
    const again = await send(server.port, '/tiles/demo/tileset.json', {
      headers: { 'if-none-match': etag, 'accept-encoding': 'gzip, br' },
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['content-encoding']).toBeUndefined();
    expect(again.headers['access-control-allow-origin']).toBe('*');
  });

  it('serves a byte range as 206 with exactly those bytes, never compressed', async () => {
    const response = await send(server.port, '/tiles/demo/content/0.glb', {
      headers: { range: 'bytes=4-103', 'accept-encoding': 'gzip, br' },
    });
    expect(response.status).toBe(206);
    expect(response.headers['content-range']).toBe(`bytes 4-103/${site.glbBytes.length}`);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.equals(site.glbBytes.subarray(4, 104))).toBe(true);
  });

  it('answers a range beyond the end with 416 and the real size', async () => {
    const response = await send(server.port, '/tiles/demo/content/0.glb', {
      headers: { range: `bytes=${site.glbBytes.length + 10}-` },
    });
    expect(response.status).toBe(416);
    expect(response.headers['content-range']).toBe(`bytes */${site.glbBytes.length}`);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const response = await send(server.port, '/tiles/demo/content/0.glb', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe(String(site.glbBytes.length));
    expect(response.body.length).toBe(0);
  });

  it('answers a missing tile with 404 JSON that a viewer on another origin can still read', async () => {
    const response = await send(server.port, '/tiles/demo/content/99.glb');
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body.toString('utf8'))).toEqual({
      error: 'Not Found',
      path: '/tiles/demo/content/99.glb',
    });
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });

  it('does not serve dotfiles or folder listings', async () => {
    expect((await send(server.port, '/tiles/.env')).status).toBe(404);
    expect((await send(server.port, '/tiles/demo/')).status).toBe(404);
    expect((await send(server.port, '/tiles/demo')).status).toBe(404);
  });

  it('allows CORS on tiles only, not on the app or its configuration', async () => {
    const config = await send(server.port, '/config.json');
    expect(config.headers['access-control-allow-origin']).toBeUndefined();
    const health = await send(server.port, '/health');
    expect(health.headers['access-control-allow-origin']).toBeUndefined();
  });
});
