import { Writable } from 'node:stream';
import { fastify } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, startTestServer, type TestServer, type TestSite } from '../serverTestSupport';
import {
  registerThermographyRoutes,
  SESSION_COOKIE,
  type ThermographyServerOptions,
} from './thermographyRoutes';
import {
  createThermographyFixture,
  TEST_COMPARISON_GROUP,
  type ThermographyFixture,
} from './thermographyTestFixture';

/** A real server on a free port with the fixture's data, trusting X-Forwarded-* so tests can play several clients. */
async function startServerWith(
  fixture: ThermographyFixture,
  overrides: Partial<ThermographyServerOptions> = {},
) {
  const site = await createTestSite();
  const server = await startTestServer({
    ...site.options,
    thermography: { ...fixture.options, ...overrides },
    trustProxy: true,
  });
  const base = `http://127.0.0.1:${server.port}/api/thermography`;
  const login = (code: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ code }),
    });
  return { site, server, base, login };
}

function sessionCookieOf(response: Response): string {
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

// Every failed or unknown code costs a real scrypt (N = 2^15): generous timeouts for a busy machine.
describe('thermography API', { timeout: 30_000 }, () => {
  let fixture: ThermographyFixture;
  let site: TestSite;
  let server: TestServer;
  let base: string;
  let login: Awaited<ReturnType<typeof startServerWith>>['login'];

  beforeAll(async () => {
    fixture = await createThermographyFixture();
    ({ site, server, base, login } = await startServerWith(fixture, {
      clientLimit: { maxFailures: 3, windowMs: 60_000 },
      codeLimit: { maxFailures: 2, windowMs: 60_000 },
    }));
  }, 30_000);
  afterAll(async () => {
    await server.close();
    await site.remove();
    await fixture.remove();
  });

  it('answers a wrong code with 401 and nothing else', async () => {
    const wrong =
      fixture.codes.OWNER_A.slice(0, 6) +
      (fixture.codes.OWNER_A[6] === 'A' ? 'B' : 'A') +
      fixture.codes.OWNER_A.slice(7);
    const response = await login(wrong, { 'x-forwarded-for': '10.0.0.1' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'Unauthorized' });
    expect(response.headers.getSetCookie()).toEqual([]);
    expect((await login('no code at all', { 'x-forwarded-for': '10.0.0.2' })).status).toBe(401);
  });

  it('logs the right code in with a strict, HttpOnly session cookie bound to one building', async () => {
    const response = await login(fixture.codes.OWNER_A.toLowerCase().replace(/-/g, ' '), {
      'x-forwarded-for': '10.0.1.1',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ buildingId: 'OWNER_A' });
    const cookie = response.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/thermography/);
    // Plain HTTP without a proxy saying HTTPS: a Secure cookie would never come back.
    expect(cookie).not.toMatch(/Secure/);
    expect(response.headers.get('cache-control')).toBe('no-store');

    const session = { cookie: sessionCookieOf(response) };
    const own = await fetch(`${base}/buildings/OWNER_A`, { headers: session });
    expect(own.status).toBe(200);
    const document = (await own.json()) as {
      result: { heatLossClass: number };
      addresses: unknown[];
      building: { heightMeters: number };
      comparison: unknown;
    };
    expect(document.result.heatLossClass).toBe(5);
    expect(document.building.heightMeters).toBe(9.5);
    expect(document.comparison).toEqual(TEST_COMPARISON_GROUP);
    expect(document.addresses).toEqual([{ street: 'Prinzipalmarkt', houseNumber: '1' }]);

    const image = await fetch(`${base}/buildings/OWNER_A/image.png`, { headers: session });
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await image.arrayBuffer())
        .subarray(1, 4)
        .toString('latin1'),
    ).toBe('PNG');

    const exported = await fetch(`${base}/buildings/OWNER_A/export`, { headers: session });
    expect(exported.headers.get('content-disposition')).toBe(
      'attachment; filename="thermografie-OWNER_A.json"',
    );
    const exportedDocument = (await exported.json()) as { result: unknown; imagePngBase64: string };
    expect(exportedDocument.result).toEqual(document.result);
    expect(Buffer.from(exportedDocument.imagePngBase64, 'base64').subarray(1, 4).toString('latin1')).toBe(
      'PNG',
    );
  });

  it('shows no comparison to an owner whose group of similar buildings was too small to publish', async () => {
    const response = await login(fixture.codes.OWNER_B, { 'x-forwarded-for': '10.0.1.2' });
    const own = await fetch(`${base}/buildings/OWNER_B`, { headers: { cookie: sessionCookieOf(response) } });
    expect(((await own.json()) as { comparison: unknown }).comparison).toBeNull();
  });

  it("refuses another building's data to a logged-in owner, and everything to a visitor without a session", async () => {
    const response = await login(fixture.codes.OWNER_A, { 'x-forwarded-for': '10.0.2.1' });
    const session = { cookie: sessionCookieOf(response) };
    for (const path of ['/buildings/OWNER_B', '/buildings/OWNER_B/image.png', '/buildings/OWNER_B/export']) {
      const refused = await fetch(`${base}${path}`, { headers: session });
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toMatch(/-6\.23|Prinzipalmarkt/);
      expect((await fetch(`${base}${path}`)).status).toBe(401);
      expect(
        (await fetch(`${base}${path}`, { headers: { cookie: `${SESSION_COOKIE}=forged` } })).status,
      ).toBe(401);
    }
    expect((await fetch(`${base}/logout`, { method: 'POST', headers: session })).status).toBe(204);
    expect((await fetch(`${base}/buildings/OWNER_A`, { headers: session })).status).toBe(401);
  });

  it('limits failed logins per client with 429, even for the right code afterwards', async () => {
    const client = { 'x-forwarded-for': '10.0.3.1' };
    // Three different unknown codes, so only the per-client limit (3) applies, not the per-code one (2).
    for (const lookup of ['AAAAB', 'AAAAC', 'AAAAD'])
      expect((await login(`${lookup}-AAAAA-AAAAA`, client)).status).toBe(401);
    const limited = await login(fixture.codes.OWNER_B, client);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is not affected.
    expect((await login(fixture.codes.OWNER_B, { 'x-forwarded-for': '10.0.3.2' })).status).toBe(200);
  });

  it('limits failed logins per code across clients with 429', async () => {
    const lookup = fixture.codes.OWNER_B.slice(0, 5);
    for (const client of ['10.0.4.1', '10.0.4.2'])
      expect((await login(`${lookup}-AAAAA-AAAAA`, { 'x-forwarded-for': client })).status).toBe(401);
    expect((await login(fixture.codes.OWNER_B, { 'x-forwarded-for': '10.0.4.3' })).status).toBe(429);
    expect((await login(fixture.codes.OWNER_A, { 'x-forwarded-for': '10.0.4.3' })).status).toBe(200);
  });

  it('ignores a code in the URL: codes travel in the body only', async () => {
    const response = await fetch(`${base}/login?code=${fixture.codes.OWNER_A}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.5.1' },
      body: '{}',
    });
    expect(response.status).toBe(401);
  });
});

describe('thermography API behind an HTTPS proxy', { timeout: 30_000 }, () => {
  it('marks the session cookie Secure when the trusted proxy says the request came over HTTPS', async () => {
    const fixture = await createThermographyFixture();
    const { site, server, login } = await startServerWith(fixture);
    try {
      const response = await login(fixture.codes.OWNER_A, { 'x-forwarded-proto': 'https' });
      expect(response.status).toBe(200);
      expect(response.headers.getSetCookie()[0]).toMatch(/; Secure/);
    } finally {
      await server.close();
      await site.remove();
      await fixture.remove();
    }
  });
});

describe('thermography API logging', { timeout: 30_000 }, () => {
  it("never writes a code or a building's values into Fastify's request log", async () => {
    const fixture = await createThermographyFixture();
    let log = '';
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        log += chunk.toString('utf8');
        done();
      },
    });
    const app = fastify({ logger: { level: 'trace', stream } });
    registerThermographyRoutes(app, fixture.options);
    try {
      const loggedIn = await app.inject({
        method: 'POST',
        url: '/api/thermography/login',
        payload: { code: fixture.codes.OWNER_A },
      });
      const cookie = String(loggedIn.headers['set-cookie']).split(';')[0]!;
      const own = await app.inject({ url: '/api/thermography/buildings/OWNER_A', headers: { cookie } });
      expect(own.body).toContain(String(fixture.privateValues.OWNER_A[0]));
      await app.inject({
        method: 'POST',
        url: '/api/thermography/login',
        payload: { code: fixture.codes.OWNER_B.replace(/.$/, '2') },
      });
      expect(log).toContain('/api/thermography/buildings/OWNER_A');
      for (const secret of [
        fixture.codes.OWNER_A,
        fixture.codes.OWNER_A.slice(6),
        fixture.codes.OWNER_B.slice(6),
        cookie.split('=')[1]!,
      ])
        expect(log).not.toContain(secret);
      for (const value of fixture.privateValues.OWNER_A) expect(log).not.toContain(String(value));
    } finally {
      await app.close();
      await fixture.remove();
    }
  });
});
