import { STATUS_CODES } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The only methods this server answers; it serves files and reports, it accepts nothing. */
export const SERVED_METHODS = ['GET', 'HEAD'] as const;

/** Body of every 404: small, and naming the path so a typo in a tileset URL is easy to spot. */
export interface NotFoundBody {
  error: 'Not Found';
  path: string;
}

/** Answers unknown paths with 404 JSON and other methods with 405; shared by routing and the error handler. */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // Fastify routes by path and method together, so a POST to /health also ends up here.
  if (!(SERVED_METHODS as readonly string[]).includes(request.method)) {
    return reply
      .code(405)
      .header('allow', SERVED_METHODS.join(', '))
      .send({ error: 'Method Not Allowed', method: request.method });
  }
  const body: NotFoundBody = { error: 'Not Found', path: pathOf(request.url) };
  // A missing tileset is often generated moments later; nobody should cache its absence.
  return reply.code(404).header('cache-control', 'no-cache').send(body);
}

/**
 * Installs the 404 handler and an error handler that turns every failure into a small JSON answer: refused paths
 * (traversal, dotfiles, folders) become 404 so they reveal nothing, client errors keep their status (416 keeps
 * its Content-Range), and server errors are logged to stderr without leaking details to the client.
 */
export function installErrorResponses(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => sendNotFound(request, reply));

  app.setErrorHandler((error, request, reply) => {
    const statusCode = statusCodeOf(error);
    if (statusCode === 403 || statusCode === 404) return sendNotFound(request, reply);
    if (statusCode >= 500) {
      console.error(`Fehler bei ${request.method} ${pathOf(request.url)}:`, error);
      return reply.code(500).send({ error: STATUS_CODES[500] });
    }
    const headers = headersOf(error);
    if (headers) reply.headers(headers);
    return reply.code(statusCode).send({ error: STATUS_CODES[statusCode] ?? 'Error', statusCode });
  });
}

/** The HTTP status an error asks for (Fastify and http-errors use different names), 500 when it names none. */
function statusCodeOf(error: unknown): number {
  if (typeof error === 'object' && error !== null) {
    for (const key of ['statusCode', 'status'] as const) {
      const value = key in error ? (error as Record<typeof key, unknown>)[key] : undefined;
      if (typeof value === 'number' && value >= 400 && value <= 599) return value;
    }
  }
  return 500;
}

/** Headers an error wants on the response, e.g. `Content-Range: bytes *\/1234` on a 416 from @fastify/send. */
function headersOf(error: unknown): Record<string, string> | undefined {
  if (typeof error !== 'object' || error === null || !('headers' in error)) return undefined;
  const { headers } = error;
  if (typeof headers !== 'object' || headers === null) return undefined;
  return Object.fromEntries(
    Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** The path of a request URL without its query string. */
function pathOf(url: string): string {
  const queryStart = url.indexOf('?');
  return queryStart === -1 ? url : url.slice(0, queryStart);
}
