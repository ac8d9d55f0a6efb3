// A real MQTT broker (aedes) on a free port of 127.0.0.1, open to everyone like a city's own broker, that a test can
// stop and start again on the same port; and an MQTT client for the test's own publishing and listening.
import { connectAsync, type MqttClient } from 'mqtt';
import { startEmbeddedBroker, type EmbeddedBroker } from '../embeddedBroker';

export interface TestBroker {
  readonly port: number;
  readonly url: string;
  readonly running: boolean;
  /** Closes the broker and every connection to it. */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  restart(): Promise<void>;
}

export async function startTestBroker(): Promise<TestBroker> {
  const options = { host: '127.0.0.1', retain: false, reserveObservationTopics: false };
  let broker: EmbeddedBroker | undefined = await startEmbeddedBroker({ ...options, port: 0 });
  const port = broker.port;
  return {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    get running() {
      return broker !== undefined;
    },
    async stop() {
      const closing = broker;
      broker = undefined;
      await closing?.close();
    },
    async restart() {
      if (broker) return;
      broker = await startEmbeddedBroker({ ...options, port });
    },
  };
}

/** A plain client for the test (no automatic reconnect), connected when the promise resolves. */
export function connectTestClient(url: string): Promise<MqttClient> {
  return connectAsync(url, { reconnectPeriod: 0, connectTimeout: 10_000 });
}
