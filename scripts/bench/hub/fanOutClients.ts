// The receiving end of the bench: WebSocket clients as browsers would connect, and one MQTT subscriber to every
// observation topic. They count what arrives, cheaply, so that counting does not become the bottleneck.
import { connectAsync, type MqttClient } from 'mqtt';
import { WebSocket } from 'ws';
import { OBSERVATION_TOPIC_PREFIX, SENSOR_LIVE_PATH } from '../../../src/domain/sensors/hubProtocol';

/** Counts the observations in one `observations` message without parsing it (each is a `[…]` in one array). */
function countObservations(text: string): number {
  const start = text.indexOf('"observations":[');
  if (start === -1 || !text.startsWith('{"type":"observations"')) return 0;
  if (text.startsWith('[]', start + 16)) return 0;
  let count = 1;
  for (let index = text.indexOf('],[', start); index !== -1; index = text.indexOf('],[', index + 3))
    count += 1;
  return count;
}

export interface LiveClients {
  /** Observations received by the client that received the fewest. */
  minimumReceived(): number;
  close(): Promise<void>;
}

/** Opens `count` WebSocket connections to the live feed; the first parses every message, the others count. */
export async function connectLiveClients(port: number, count: number): Promise<LiveClients> {
  const received = new Array<number>(count).fill(0);
  const sockets = await Promise.all(
    Array.from(
      { length: count },
      (_, index) =>
        new Promise<WebSocket>((resolve, reject) => {
          const socket = new WebSocket(`ws://127.0.0.1:${port}${SENSOR_LIVE_PATH}`);
          socket.on('message', (data) => {
            const text = String(data);
            if (index === 0) {
              const message = JSON.parse(text) as { type: string; observations?: unknown[] };
              if (message.type === 'observations') received[0]! += message.observations!.length;
            } else {
              received[index]! += countObservations(text);
            }
          });
          socket.once('open', () => resolve(socket));
          socket.once('error', reject);
        }),
    ),
  );
  return {
    minimumReceived: () => Math.min(...received),
    close: async () => {
      await Promise.all(
        sockets.map(
          (socket) =>
            new Promise<void>((resolve) => {
              socket.once('close', () => resolve());
              socket.close();
            }),
        ),
      );
    },
  };
}

export interface MqttSubscriber {
  received(): number;
  close(): Promise<void>;
}

/** Subscribes to every observation the hub publishes and counts those published from now on. */
export async function subscribeToObservations(url: string): Promise<MqttSubscriber> {
  const client: MqttClient = await connectAsync(url, { reconnectPeriod: 0 });
  let received = 0;
  // Retained observations arrive first on subscribing; only the live ones count.
  client.on('message', (_topic, _payload, packet) => {
    if (!packet.retain) received += 1;
  });
  await client.subscribeAsync(`${OBSERVATION_TOPIC_PREFIX}/#`, { qos: 0 });
  return { received: () => received, close: () => client.endAsync(true) };
}
