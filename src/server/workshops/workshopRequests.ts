import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { formatJsonPath } from '../../domain/validation/issues';
import { installJsonBodyParsing, refuse } from '../jsonRequests';
import { MAX_WORKSHOP_BODY_BYTES } from '../../domain/workshops/workshopProtocol';

/** The body parsed and checked against a schema; on failure the 400 is already sent and undefined returned. */
export function readBody<T extends z.ZodType>(
  request: FastifyRequest,
  reply: FastifyReply,
  schema: T,
): z.output<T> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(typeof request.body === 'string' ? request.body : '');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    refuse(reply, 400, 'Bad Request', [{ code: 'invalid_json', path: '$', message: `not JSON: ${message}` }]);
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  refuse(
    reply,
    400,
    'Bad Request',
    parsed.error.issues.map((issue) => ({
      code: issue.code,
      path: formatJsonPath(issue.path),
      message: issue.message,
    })),
  );
  return undefined;
}

/** The secret sent as `Authorization: Bearer <secret>`; undefined without one. */
export function bearerSecret(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header && /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header);
  return match ? match[1] : undefined;
}

/** Within `scope`: JSON bodies up to the workshop limit, parsed by the routes; 413/415 in the refusal shape. */
export function installWorkshopBodyParsing(scope: FastifyInstance): void {
  installJsonBodyParsing(scope, MAX_WORKSHOP_BODY_BYTES, 'a workshop request');
}
