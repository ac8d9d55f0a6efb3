// The bench's clients in their own process (browsers, MQTT subscribers and devices are never in the hub's process):
// told by the parent over IPC where to connect, they report how many observations each kind has received so far,
// and on request publish observations as JSON over MQTT, as devices behind a LoRaWAN network server would.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { connectAsync } from 'mqtt';
import { benchObservation } from './benchSource';
import {
  connectLiveClients,
  subscribeToObservations,
  type LiveClients,
  type MqttSubscriber,
} from './fanOutClients';

/** What the parent sends. */
export type ClientsCommand =
  | { type: 'connect'; port: number; webSocketClients: number; mqttUrl: string | undefined }
  | {
      type: 'publish';
      brokerUrl: string;
      from: number;
      to: number;
      sensorCount: number;
      startTime: number;
      chunk: number;
    }
  | { type: 'stop' };

/** What this process reports. */
export type ClientsReport =
  | { type: 'connected' }
  | { type: 'received'; webSocket: number; mqtt: number }
  | { type: 'published' }
  | { type: 'failed'; message: string };

const send = (report: ClientsReport): void => void process.send?.(report);

let live: LiveClients | undefined;
let subscriber: MqttSubscriber | undefined;
let reporter: NodeJS.Timeout | undefined;

/** Publishes observations `from`…`to` as JSON, one message each, yielding between chunks like a busy socket. */
async function publish(command: Extract<ClientsCommand, { type: 'publish' }>): Promise<void> {
  const client = await connectAsync(command.brokerUrl, { reconnectPeriod: 0 });
  for (let index = command.from; index < command.to; index += command.chunk) {
    const end = Math.min(command.to, index + command.chunk);
    for (let next = index; next < end; next++) {
      const raw = benchObservation(next, command.sensorCount, command.startTime);
      client.publish(`bench/${String(raw.sensorId)}`, JSON.stringify(raw));
    }
    await yieldToEventLoop();
  }
  await client.endAsync();
  send({ type: 'published' });
}

async function connect(command: Extract<ClientsCommand, { type: 'connect' }>): Promise<void> {
  live =
    command.webSocketClients > 0
      ? await connectLiveClients(command.port, command.webSocketClients)
      : undefined;
  subscriber = command.mqttUrl ? await subscribeToObservations(command.mqttUrl) : undefined;
  send({ type: 'connected' });
  reporter = setInterval(
    () =>
      send({ type: 'received', webSocket: live?.minimumReceived() ?? 0, mqtt: subscriber?.received() ?? 0 }),
    5,
  );
}

const failed = (error: unknown): void =>
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });

process.on('message', (command: ClientsCommand) => {
  if (command.type === 'connect') void connect(command).catch(failed);
  else if (command.type === 'publish') void publish(command).catch(failed);
  else {
    clearInterval(reporter);
    void Promise.all([live?.close(), subscriber?.close()]).finally(() => process.exit(0));
  }
});
