import type { SourceStatus } from './hubProtocol';
import type { PhenomenonId } from './phenomena';
import type { RawObservation, SensorDescription } from './sensorModel';

/** What the hub gives a source when it starts it. */
export interface SourceContext {
  /** Hands one message over to the hub, which checks, stores and publishes it. Never throws. */
  emit(raw: RawObservation): void;
  /** Reports a message the source could not even turn into a raw observation (e.g. broken JSON). */
  reject(reason: 'malformed-json' | 'not-an-object' | 'payload-too-large', detail: string): void;
  /** Reports the source's connection state; the UI shows "reconnecting" while a source is not connected. */
  setStatus(state: SourceStatus['state'], detail?: string): void;
  /** Tells the hub that the catalogue changed (a source discovered sensors after connecting). */
  sensorsChanged(): void;
  /**
   * The time of the newest observation the hub holds for a sensor and phenomenon (kept across restarts in its
   * database), so a source that can fetch history backfills only what is missing instead of sending duplicates.
   */
  latestTime(sensorId: string, phenomenon: PhenomenonId): number | undefined;
}

/**
 * One upstream of the hub: the replay, a SensorThings server, openSenseMap, an MQTT broker. Server-side
 * implementations live in `src/server/sensors`; everything they compute lives in `src/domain/sensors`.
 */
export interface SensorSource {
  readonly id: string;
  /** `replay`, `sensorthings`, `opensensemap` or `mqtt`. */
  readonly type: string;
  /** The sensors this source brings, known so far. */
  sensors(): readonly SensorDescription[];
  /**
   * The time the source's observations live in, epoch ms. Real sources return `Date.now()`; an accelerated
   * replay returns its replayed time, and the hub judges staleness and "the last 24 hours" on that clock.
   */
  now(): number;
  /** Connects (and keeps reconnecting with backoff until stopped). Resolves once started, not once connected. */
  start(context: SourceContext): Promise<void>;
  stop(): Promise<void>;
}
