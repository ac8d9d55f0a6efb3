import type { FastifyInstance, FastifyReply } from 'fastify';

/** One reason a request was refused: a code, the JSON path of the field (`$` for the whole body) and why. */
export interface RefusalIssue {
  code: string;
  path: string;
  message: string;
}

/** The shape of every refusal of our JSON APIs (saved variants, workshops): each issue names its field. */
export interface Refusal {
  error: string;
  message: string;
  issues: RefusalIssue[];
}

/** Sends a refusal whose every issue names its field; never cached. */
export function refuse(
  reply: FastifyReply,
  statusCode: number,
  error: string,
  issues: RefusalIssue[],
): FastifyReply {
  const body: Refusal = {
    error,
    message: issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    issues,
  };
  return reply.code(statusCode).header('cache-control', 'no-store').send(body);
}

/**
 * Within `scope`: JSON bodies read as text up to `maxBytes` (parsed by the route, so a syntax error can name
 * where it is; Fastify's own parser would not), and 413/415 answered in the refusal shape.
 * `bodyName` completes "… may be at most N bytes", e.g. "a saved variant".
 */
export function installJsonBodyParsing(scope: FastifyInstance, maxBytes: number, bodyName: string): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: maxBytes },
    (_request, body, done) => done(null, body),
  );
  scope.setErrorHandler((error, _request, reply) => {
    const statusCode = (error as { statusCode?: number }).statusCode ?? 500;
    if (statusCode === 413) {
      return refuse(reply, 413, 'Payload Too Large', [
        { code: 'too_large', path: '$', message: `${bodyName} may be at most ${maxBytes} bytes` },
      ]);
    }
    if (statusCode === 415) {
      return refuse(reply, 415, 'Unsupported Media Type', [
        { code: 'unsupported_media_type', path: '$', message: 'send the body as application/json' },
      ]);
    }
    throw error;
  });
}
