import { Worker } from 'node:worker_threads';
import { OBSERVATION_TOPIC_PREFIX, observationTopic } from '../../domain/sensors/hubProtocol';
import type { Observation } from '../../domain/sensors/sensorModel';
import { observationPayload, type ObservationPublisher } from './observationPublisher';

export interface EmbeddedBrokerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Keep the latest observation of each topic for new subscribers. */
  retain: boolean;
  /** Refuse clients' publishes under the observation topics (default true; a test's stand-in for a city's broker turns it off). */
  reserveObservationTopics?: boolean;
  /** Observations handed to the broker but not yet published; beyond this, new ones skip MQTT (default 200,000). */
  maxPendingObservations?: number;
}

/** An MQTT 3.1.1 broker (aedes) on TCP, in a worker thread of the server process. */
export interface EmbeddedBroker extends ObservationPublisher {
  readonly port: number;
  /** Observations that skipped MQTT because its subscribers could not keep up (they are in the database). */
  readonly dropped: number;
}

/** What the worker (embeddedBrokerWorker.mjs) reports. */
type WorkerReport =
  | { type: 'listening'; port: number }
  | { type: 'failed'; code?: string; message: string }
  | { type: 'published'; count: number }
  | { type: 'closed' };

/**
 * Starts aedes on `host:port` in a worker thread: the fan-out to subscribers, one message per observation, runs on
 * another core than ingest and the HTTP server. Observations published in one turn of the event loop travel to the
 * worker as one message. Anyone may subscribe and publish (devices can send to it, and an `mqtt` source can read
 * them), but only the hub itself publishes under `muenster-twin/observations/`, so nobody can fake a checked
 * observation. Rejects with the listen error (e.g. code EADDRINUSE) when the port is taken.
 */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const worker = new Worker(new URL('./embeddedBrokerWorker.mjs', import.meta.url), {
    workerData: {
      host: options.host,
      port: options.port,
      retain: options.retain,
      reservedPrefix: (options.reserveObservationTopics ?? true) ? `${OBSERVATION_TOPIC_PREFIX}/` : undefined,
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    const onMessage = (report: WorkerReport): void => {
      if (report.type === 'listening') resolve(report.port);
      if (report.type === 'failed') {
        void worker.terminate();
        reject(Object.assign(new Error(report.message), report.code ? { code: report.code } : {}));
      }
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the MQTT broker's worker ended (${code})`)));
  });
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');

  const maxPending = options.maxPendingObservations ?? 200_000;
  let topics: string[] = [];
  let payloads: string[] = [];
  let pending = 0;
  let dropped = 0;
  let alive = true;
  let closing: Promise<void> | undefined;
  const closed = new Promise<void>((resolve) => {
    worker.on('message', (report: WorkerReport) => {
      if (report.type === 'published') pending -= report.count;
      if (report.type === 'closed') resolve();
    });
    worker.once('exit', () => {
      alive = false;
      resolve();
    });
  });
  // An error inside the worker ends it; the hub goes on without MQTT (everything is still stored).
  worker.on('error', () => {});

  const send = (): void => {
    if (topics.length === 0 || !alive) return;
    worker.postMessage({ type: 'publish', topics, payloads });
    pending += topics.length;
    topics = [];
    payloads = [];
  };

  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    port,
    url: `mqtt://${host}:${port}`,
    get dropped() {
      return dropped;
    },
    publish(observation: Observation): void {
      if (closing || !alive) return;
      if (pending + topics.length >= maxPending) {
        dropped += 1;
        return;
      }
      if (topics.length === 0) setImmediate(send);
      topics.push(observationTopic(observation.sensorId, observation.phenomenon));
      payloads.push(observationPayload(observation));
    },
    close(): Promise<void> {
      closing ??= (async () => {
        send();
        if (alive) worker.postMessage({ type: 'close' });
        const timeout = setTimeout(() => void worker.terminate(), 5_000);
        await closed;
        clearTimeout(timeout);
        await worker.terminate();
      })();
      return closing;
    },
  };
}
