import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { WebSocket } from 'ws';
import { SENSOR_API_PATH, SENSOR_LIVE_PATH, type HubMessage } from '../../domain/sensors/hubProtocol';
import { parseHistoryQuery, parseWindowQuery } from '../../domain/sensors/hub/hubQueries';
import { LiveSocketGuard, type LiveSocketLimits } from '../liveSocketGuard';
import type { SensorHubService } from './sensorHubService';

/** A browser that lets this much pile up unsent is too slow for the live feed: it is closed and may reconnect. */
const MAX_BUFFERED_BYTES = 16 * 2 ** 20;
/** WebSocket close code 1013 "try again later": the client reconnects and starts from a fresh snapshot. */
const CLOSE_TRY_AGAIN_LATER = 1013;

/** Live connections per address (a class behind one router counts as one address) and messages per connection. */
export const DEFAULT_SENSOR_LIVE_LIMITS: LiveSocketLimits = {
  connectionsPerAddress: 60,
  messagesPerMinute: 30,
};

/** What every sensor route answers when there is no hub. */
export interface SensorsUnavailableBody {
  error: 'Service Unavailable';
  reason: string;
}

/** Registers the WebSocket plugin; must happen before any route so it can refuse upgrades on the others. */
export async function registerSensorWebSocket(app: FastifyInstance): Promise<void> {
  // Browsers only listen; a few bytes of control messages is all they may send.
  await app.register(fastifyWebsocket, { options: { maxPayload: 4_096 } });
}

/**
 * The sensor API (see hubProtocol.ts): `GET /api/sensors`, `/api/sensors/:id/history`,
 * `/api/sensors/observations`, `/api/sensors/stats` and the WebSocket `/api/sensors/live`. Without a hub every one
 * of them answers 503 with the reason, so the app can say "no live data" instead of failing.
 */
export function registerSensorRoutes(
  app: FastifyInstance,
  hub: SensorHubService | undefined,
  unavailable: string,
  liveLimits: LiveSocketLimits = DEFAULT_SENSOR_LIVE_LIMITS,
): void {
  if (!hub) {
    const answer = (_request: unknown, reply: FastifyReply): FastifyReply => {
      const body: SensorsUnavailableBody = { error: 'Service Unavailable', reason: unavailable };
      return reply.code(503).header('cache-control', 'no-store').send(body);
    };
    app.get(SENSOR_API_PATH, answer);
    app.get(`${SENSOR_API_PATH}/*`, answer);
    return;
  }

  app.get(SENSOR_API_PATH, async (_request, reply) =>
    reply.header('cache-control', 'no-store').send(hub.snapshot()),
  );

  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>(
    `${SENSOR_API_PATH}/:id/history`,
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const query = parseHistoryQuery(request.query, hub.now());
      if (!query.ok) return reply.code(400).send({ error: 'Bad Request', message: query.message });
      const answer = hub.history(request.params.id, query.value);
      if (!answer.ok)
        return reply
          .code(answer.status)
          .send({ error: answer.status === 404 ? 'Not Found' : 'Bad Request', message: answer.message });
      return reply.send(answer.value);
    },
  );

  app.get<{ Querystring: Record<string, unknown> }>(
    `${SENSOR_API_PATH}/observations`,
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const query = parseWindowQuery(request.query, hub.now());
      if (!query.ok) return reply.code(400).send({ error: 'Bad Request', message: query.message });
      return reply.send(hub.observationWindow(query.value));
    },
  );

  app.get(`${SENSOR_API_PATH}/stats`, async (_request, reply) =>
    reply.header('cache-control', 'no-store').send(hub.stats()),
  );

  const liveGuard = new LiveSocketGuard(liveLimits);
  app.get(SENSOR_LIVE_PATH, { websocket: true }, (socket: WebSocket, request) => {
    if (!liveGuard.admit(socket, request.ip)) return;
    const send = (text: string | Buffer): void => {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        dispose();
        socket.close(CLOSE_TRY_AGAIN_LATER, 'too slow for the live feed');
        return;
      }
      // Bytes shared by all browsers go out as a text frame, as the JSON they are.
      socket.send(text, { binary: false });
    };
    // Subscribed before the snapshot is taken, so nothing falls between the two.
    const dispose = hub.subscribe((_message, _json, utf8) => send(utf8()));
    socket.on('close', dispose);
    socket.on('error', dispose);
    // Browsers have nothing to say on this channel; what they send is ignored (the guard counts it).
    const snapshot: HubMessage = { type: 'snapshot', snapshot: hub.snapshot() };
    send(JSON.stringify(snapshot));
  });
}
