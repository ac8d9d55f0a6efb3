// A browser stand-in for the live feed: a WebSocket client that keeps every HubMessage it receives.
import { WebSocket } from 'ws';
import { SENSOR_LIVE_PATH, type HubMessage } from '../../../domain/sensors/hubProtocol';

export interface LiveClient {
  readonly messages: HubMessage[];
  /** How many observations arrived in batches so far. */
  observationCount(): number;
  close(): Promise<void>;
}

/** Connects to the hub's WebSocket on 127.0.0.1:`port`; resolves once the connection is open. */
export function connectLiveClient(port: number): Promise<LiveClient> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}${SENSOR_LIVE_PATH}`);
  const messages: HubMessage[] = [];
  let observations = 0;
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as HubMessage;
    if (message.type === 'observations') observations += message.observations.length;
    messages.push(message);
  });
  const client: LiveClient = {
    messages,
    observationCount: () => observations,
    close: () =>
      new Promise((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`the live feed answered HTTP ${response.statusCode}`)),
    );
  });
}
