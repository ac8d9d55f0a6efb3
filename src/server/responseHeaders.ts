import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** URL prefix of the tiles folder; the only part of the server other origins may read. */
export const TILES_URL_PREFIX = '/tiles/';

/** Response headers a viewer on another origin needs to read when it streams tiles with ranges and revalidation. */
const TILE_EXPOSED_HEADERS = 'Accept-Ranges, Content-Range, Content-Encoding, ETag, Last-Modified';

/** Tells the header hook that a response is an HTML page (a 304 has no Content-Type to tell it). */
export type HtmlDocumentMarker = (reply: FastifyReply) => void;

/**
 * Adds the headers every response gets: `nosniff` everywhere, the page's Content-Security-Policy on HTML, and CORS
 * on tiles only (so a viewer elsewhere can stream them while the app's own files stay same-origin).
 * `contentSecurityPolicy` is asked per HTML response, so it can follow the configuration file as it is now.
 */
export function addResponseHeaders(
  app: FastifyInstance,
  contentSecurityPolicy: () => Promise<string>,
): HtmlDocumentMarker {
  const htmlDocuments = new WeakSet<FastifyRequest>();

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    if (request.url.startsWith(TILES_URL_PREFIX)) {
      reply.header('access-control-allow-origin', '*');
      reply.header('access-control-expose-headers', TILE_EXPOSED_HEADERS);
    }
    if (htmlDocuments.has(request) || isHtml(reply.getHeader('content-type'))) {
      reply.header('content-security-policy', await contentSecurityPolicy());
      // The URL may hold the camera position; third-party map servers have no need to learn where people look.
      reply.header('referrer-policy', 'same-origin');
    }
    if (reply.statusCode === 304) {
      // No body, and nothing for the compression hook after this one to wrap: it would announce an encoding
      // on an empty response, and caches copy a 304's headers onto the response they keep.
      return null;
    }
    return payload;
  });

  return (reply) => htmlDocuments.add(reply.request);
}

function isHtml(contentType: unknown): boolean {
  return typeof contentType === 'string' && contentType.toLowerCase().startsWith('text/html');
}
