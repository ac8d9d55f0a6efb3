import type { Observation } from '../../domain/sensors/sensorModel';

/** Where the hub publishes each checked observation besides browsers: an MQTT broker (embedded or external). */
export interface ObservationPublisher {
  /** Publishes on `observationTopic(sensorId, phenomenon)`; never throws, never waits. */
  publish(observation: Observation): void;
  /** Where subscribers connect, for the start-up line, e.g. `mqtt://127.0.0.1:1883`. */
  readonly url: string;
  close(): Promise<void>;
}

/** The MQTT payload of an observation: the normalised observation as JSON (see hubProtocol.ts). */
export function observationPayload(observation: Observation): string {
  return JSON.stringify(observation);
}
