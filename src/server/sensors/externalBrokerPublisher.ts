import { randomBytes } from 'node:crypto';
import { connect } from 'mqtt';
import { backoffDelayMs } from '../../domain/sensors/hub/backoff';
import { observationTopic } from '../../domain/sensors/hubProtocol';
import type { Observation } from '../../domain/sensors/sensorModel';
import { observationPayload, type ObservationPublisher } from './observationPublisher';
import type { HubLog } from './sensorHubService';
import { redactUrl } from './sources/upstreamConnections';

export interface ExternalPublisherOptions {
  url: string;
  username?: string;
  password?: string;
  clientId?: string;
  retain: boolean;
  log: HubLog;
}

/**
 * Publishes to a broker the city already runs (a Mosquitto, EMQX or HiveMQ cluster) instead of the embedded one.
 * Connects in the background and reconnects with backoff; while the broker is away, observations are not queued
 * (they are in the database, and MQTT subscribers get the next ones).
 */
export function connectExternalPublisher(options: ExternalPublisherOptions): ObservationPublisher {
  const backoff = { initialDelayMs: 1_000, maxDelayMs: 60_000 };
  let failures = 0;
  const client = connect(options.url, {
    username: options.username,
    password: options.password,
    clientId: options.clientId ?? `muenster-twin-hub-${randomBytes(4).toString('hex')}`,
    reconnectPeriod: backoffDelayMs(0, backoff),
    connectTimeout: 10_000,
    queueQoSZero: false,
  });
  const url = redactUrl(options.url);
  client.on('connect', () => {
    failures = 0;
    client.options.reconnectPeriod = backoffDelayMs(0, backoff);
    options.log.info(`sensor hub publishes on ${url}`);
  });
  client.on('close', () => {
    if (failures === 0 && !client.disconnecting)
      options.log.warn(`sensor hub lost the MQTT broker ${url}; reconnecting`);
    failures += 1;
    // mqtt.js reads the period each time it schedules the next attempt.
    client.options.reconnectPeriod = backoffDelayMs(failures, backoff);
  });
  client.on('error', () => {
    // Reported through `close`; without a listener an error event would throw.
  });
  return {
    url,
    publish(observation: Observation): void {
      if (!client.connected) return;
      client.publish(
        observationTopic(observation.sensorId, observation.phenomenon),
        observationPayload(observation),
        {
          qos: 0,
          retain: options.retain,
        },
      );
    },
    async close(): Promise<void> {
      await client.endAsync(true);
    },
  };
}
