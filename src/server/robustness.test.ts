import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createTestSite,
  jsonOf,
  send,
  sendRaw,
  startTestServer,
  type TestServer,
  type TestSite,
} from './serverTestSupport';

let site: TestSite;
let server: TestServer;

beforeAll(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  site = await createTestSite({ configText: JSON.stringify({ schemaVersion: 1 }) });
  server = await startTestServer(site.options);
});

afterAll(async () => {
  await server.close();
  await site.remove();
  vi.restoreAllMocks();
});

async function expectHealthy(): Promise<void> {
  const response = await send(server.port, '/health');
  expect(response.status).toBe(200);
  expect(jsonOf(response)).toMatchObject({ status: 'ok' });
}

describe('unknown paths', () => {
  it('answer 404 with a small JSON body naming the path', async () => {
    const response = await send(server.port, '/no/such/page?x=1');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(jsonOf(response)).toEqual({ error: 'Not Found', path: '/no/such/page' });
  });
});

describe('path traversal', () => {
  // Sent byte for byte: node:http does not normalise `..` the way fetch and browsers do.
  const attempts = [
    '/tiles/../secret.txt',
    '/tiles/../../secret.txt',
    '/tiles/demo/../../secret.txt',
    '/tiles/%2e%2e/secret.txt',
    '/tiles/%2E%2E/%2E%2E/secret.txt',
    '/tiles/demo/..%2f..%2fsecret.txt',
    '/tiles/..%5csecret.txt',
    '/tiles/%252e%252e/secret.txt',
    '/scenes/../secret.txt',
    '/scenes/..%2fsecret.txt',
    '/assets/../../secret.txt',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '//secret.txt',
    '/tiles/demo/tileset.json%00.txt',
    '/tiles/../package.json',
    '/%2e%2e/%2e%2e/package.json',
  ];

  it.each(attempts)('never leaks a file outside the served folders: %s', async (path) => {
    const response = await send(server.port, path);
    expect([400, 404]).toContain(response.status);
    const body = response.body.toString('utf8');
    expect(body).not.toContain('TOP-SECRET');
    expect(body).not.toContain('leak-canary');
  });
});

describe('malformed requests', () => {
  it('answer a broken URL encoding with 400', async () => {
    expect((await send(server.port, '/tiles/%E0%A4%A')).status).toBe(400);
    expect((await send(server.port, '/tiles/demo/%zz.glb')).status).toBe(400);
  });

  it('survive garbage on the socket and keep answering', async () => {
    const answer = await sendRaw(
      server.port,
      Buffer.from([0x00, 0xff, 0x47, 0x0d, 0x0a, 0x0d, 0x0a, 0x13, 0x37]),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    const notHttp = await sendRaw(server.port, 'HELLO THERE\r\n\r\n');
    expect(notHttp).toMatch(/^HTTP\/1\.1 4\d\d/);
    await expectHealthy();
  });

  it('answer oversized headers with 431 and keep answering', async () => {
    const answer = await sendRaw(
      server.port,
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Huge: ${'a'.repeat(64 * 1024)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 431/);
    await expectHealthy();
  });

  it('never leaks through an absolute-form request target either', async () => {
    for (const target of ['http://127.0.0.1/tiles/../secret.txt', 'http://127.0.0.1/../package.json']) {
      const answer = await sendRaw(
        server.port,
        `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 4\d\d/);
      expect(answer).not.toContain('TOP-SECRET');
      expect(answer).not.toContain('leak-canary');
    }
  });

  it('answer a request line with an invalid path with 4xx', async () => {
    const answer = await sendRaw(server.port, 'GET tiles/demo/tileset.json HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 4\d\d/);
    await expectHealthy();
  });
});

describe('methods', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])(
    'refuses %s with 405 and lists GET, HEAD',
    async (method) => {
      const response = await send(server.port, '/health', { method });
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
    },
  );

  it('serves HEAD on the JSON routes too', async () => {
    const response = await send(server.port, '/health', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.body.length).toBe(0);
  });
});
