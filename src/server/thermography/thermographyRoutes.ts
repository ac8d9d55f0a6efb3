/**
 * The homeowner API and the public overlay under /api/thermography. Private answers need the session cookie of a
 * login with the building's access code and only ever concern that one building; none of them is cached, logged
 * or addressed by anything secret (the code travels in a POST body, the session in an HttpOnly cookie).
 */
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseAccessCode, verifyAccessCode } from './accessCodes';
import { LoginRateLimiter, type RateLimit } from './loginRateLimiter';
import { OwnerSessions, type OwnerSession } from './ownerSessions';
import {
  openThermographyDatabaseForReading,
  type StoredBuilding,
  type ThermographyDatabase,
} from './thermographyDatabase';

/** Where the data lies and how strict the login is. */
export interface ThermographyServerOptions {
  /** The private SQLite file of the pipeline (never under a served folder). */
  databaseFile: string;
  /** The public aggregated overlay (GeoJSON). */
  overlayFile: string;
  /** `auto`: Secure cookies when the request came over HTTPS (behind a proxy: with trustProxy and X-Forwarded-Proto). */
  secureCookies: 'auto' | 'always' | 'never';
  /** Failed logins allowed per client address… */
  clientLimit: RateLimit;
  /** …and per code (its lookup group), before 429. */
  codeLimit: RateLimit;
  sessionLifetimeMs: number;
}

export const DEFAULT_THERMOGRAPHY_LIMITS: Pick<
  ThermographyServerOptions,
  'clientLimit' | 'codeLimit' | 'sessionLifetimeMs'
> = {
  clientLimit: { maxFailures: 10, windowMs: 15 * 60_000 },
  codeLimit: { maxFailures: 5, windowMs: 60 * 60_000 },
  sessionLifetimeMs: 60 * 60_000,
};

export const SESSION_COOKIE = 'twin_thermography_session';
const COOKIE_PATH = '/api/thermography';
const PREFIX = '/api/thermography';

/**
 * Registers the routes. Without options (or without the database file) the private routes answer 503 and the
 * overlay 404, so the rest of the twin runs without thermography data.
 */
export function registerThermographyRoutes(
  app: FastifyInstance,
  options: ThermographyServerOptions | undefined,
): void {
  const sessions = new OwnerSessions(
    options?.sessionLifetimeMs ?? DEFAULT_THERMOGRAPHY_LIMITS.sessionLifetimeMs,
  );
  const clientLimiter = new LoginRateLimiter(options?.clientLimit ?? DEFAULT_THERMOGRAPHY_LIMITS.clientLimit);
  const codeLimiter = new LoginRateLimiter(options?.codeLimit ?? DEFAULT_THERMOGRAPHY_LIMITS.codeLimit);
  let database: ThermographyDatabase | undefined;
  const openDatabase = (): ThermographyDatabase | undefined => {
    if (!options) return undefined;
    try {
      database ??= openThermographyDatabaseForReading(options.databaseFile);
    } catch {
      return undefined;
    }
    return database;
  };
  app.addHook('onClose', () => database?.close());

  app.get(`${PREFIX}/overlay`, async (_request, reply) => {
    if (!options) return reply.code(404).send({ error: 'Not Found' });
    try {
      const text = await readFile(options.overlayFile, 'utf8');
      return reply.header('cache-control', 'no-cache').type('application/geo+json; charset=utf-8').send(text);
    } catch {
      return reply.code(404).header('cache-control', 'no-cache').send({ error: 'Not Found' });
    }
  });

  app.post(`${PREFIX}/login`, { bodyLimit: 1024 }, async (request, reply) => {
    privateAnswer(reply);
    const db = openDatabase();
    if (!db) return reply.code(503).send({ error: 'Service Unavailable' });
    const clientKey = request.ip;
    const clientWait = clientLimiter.retryAfterMs(clientKey);
    if (clientWait > 0) return tooMany(reply, clientWait);
    const parsed = parseAccessCode((request.body as { code?: unknown } | undefined)?.code);
    const codeWait = parsed ? codeLimiter.retryAfterMs(parsed.lookupId) : 0;
    if (codeWait > 0) return tooMany(reply, codeWait);
    const stored = parsed ? db.accessCode(parsed.lookupId) : undefined;
    // Always one scrypt, so a malformed code, an unknown one and a wrong secret all take the same time.
    const valid = await verifyAccessCode(parsed?.secret ?? '', stored);
    if (!valid || !stored) {
      clientLimiter.recordFailure(clientKey);
      if (parsed) codeLimiter.recordFailure(parsed.lookupId);
      return reply.code(401).send({ error: 'Unauthorized' });
    }
    const sessionId = sessions.open(stored.buildingId);
    return reply
      .header(
        'set-cookie',
        sessionCookie(sessionId, sessions.lifetimeMs / 1000, useSecureCookie(request, options!)),
      )
      .send({ buildingId: stored.buildingId });
  });

  app.post(`${PREFIX}/logout`, { bodyLimit: 1024 }, async (request, reply) => {
    privateAnswer(reply);
    sessions.close(sessionIdOf(request));
    return reply
      .header('set-cookie', sessionCookie('', 0, options ? useSecureCookie(request, options) : false))
      .code(204)
      .send();
  });

  app.get(`${PREFIX}/session`, async (request, reply) => {
    privateAnswer(reply);
    const session = sessions.find(sessionIdOf(request));
    if (!session) return reply.code(401).send({ error: 'Unauthorized' });
    return reply.send({ buildingId: session.buildingId });
  });

  /** The building of the session, or an answer already sent (401, 403, 503, 404). */
  const ownBuilding = (request: FastifyRequest, reply: FastifyReply) => {
    privateAnswer(reply);
    const session: OwnerSession | undefined = sessions.find(sessionIdOf(request));
    if (!session) return void reply.code(401).send({ error: 'Unauthorized' });
    const { buildingId } = request.params as { buildingId: string };
    if (buildingId !== session.buildingId) return void reply.code(403).send({ error: 'Forbidden' });
    const db = openDatabase();
    if (!db) return void reply.code(503).send({ error: 'Service Unavailable' });
    const building = db.building(buildingId);
    if (!building) return void reply.code(404).send({ error: 'Not Found' });
    const comparison = building.comparisonGroupKey
      ? db.comparisonGroup(building.comparisonGroupKey)
      : undefined;
    return { building, meta: db.meta(), comparison };
  };

  app.get(`${PREFIX}/buildings/:buildingId`, async (request, reply) => {
    const own = ownBuilding(request, reply);
    if (!own) return reply;
    return reply
      .type('application/json; charset=utf-8')
      .send(ownerDocument(own.building, own.meta, own.comparison));
  });

  app.get(`${PREFIX}/buildings/:buildingId/image.png`, async (request, reply) => {
    const own = ownBuilding(request, reply);
    if (!own) return reply;
    if (!own.building.imagePng) return reply.code(404).send({ error: 'Not Found' });
    return reply.type('image/png').send(own.building.imagePng);
  });

  app.get(`${PREFIX}/buildings/:buildingId/export`, async (request, reply) => {
    const own = ownBuilding(request, reply);
    if (!own) return reply;
    const document = {
      ...JSON.parse(ownerDocument(own.building, own.meta, own.comparison)),
      imagePngBase64: own.building.imagePng?.toString('base64') ?? null,
    };
    return reply
      .type('application/json; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="thermografie-${safeFileName(own.building.buildingId)}.json"`,
      )
      .send(JSON.stringify(document, null, 2));
  });
}

/**
 * What the owner sees: result, address, image georeference, the building's outline and height, the flight's
 * conditions, and the class distribution of similar buildings (an aggregate of at least 5, or null).
 */
function ownerDocument(
  building: StoredBuilding,
  meta: Record<string, string>,
  comparisonJson: string | undefined,
): string {
  return `{"buildingId":${JSON.stringify(building.buildingId)},"addresses":${building.addressJson},"result":${building.resultJson},"image":${building.imageJson ?? 'null'},"building":${building.geometryJson ?? 'null'},"comparison":${comparisonJson ?? 'null'},"flight":${JSON.stringify(meta)}}`;
}

/** Private answers are never stored by browsers or proxies. */
function privateAnswer(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
}

function tooMany(reply: FastifyReply, waitMs: number): FastifyReply {
  return reply
    .code(429)
    .header('retry-after', String(Math.ceil(waitMs / 1000)))
    .send({ error: 'Too Many Requests' });
}

function useSecureCookie(request: FastifyRequest, options: ThermographyServerOptions): boolean {
  if (options.secureCookies === 'always') return true;
  if (options.secureCookies === 'never') return false;
  return request.protocol === 'https';
}

function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    `Path=${COOKIE_PATH}`,
    `Max-Age=${Math.floor(maxAgeSeconds)}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

function sessionIdOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=') || undefined;
  }
  return undefined;
}

function safeFileName(id: string): string {
  return id.replace(/[^A-Za-z0-9_.-]/g, '_');
}
