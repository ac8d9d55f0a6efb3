/**
 * What the sensor hub serves to browsers (REST under `/api/sensors`, WebSocket at `/api/sensors/live`) and
 * publishes on MQTT. Shared by `src/server/sensors` and the app, so both sides agree on one shape.
 */
import type { PhenomenonId } from './phenomena';
import type { RejectionReason } from './checkObservation';
import type { SensorDescription } from './sensorModel';

export const SENSOR_API_PATH = '/api/sensors';
export const SENSOR_LIVE_PATH = '/api/sensors/live';

/** MQTT topic of normalised observations: `<prefix>/<sensorId>/<phenomenon>`, payload an {@link Observation}. */
export const OBSERVATION_TOPIC_PREFIX = 'muenster-twin/observations';
export function observationTopic(sensorId: string, phenomenon: PhenomenonId): string {
  return `${OBSERVATION_TOPIC_PREFIX}/${sensorId}/${phenomenon}`;
}

/** A compact observation for the wire: [sensorId, phenomenon, value, time (epoch ms), state?]. */
export type WireObservation =
  | [sensorId: string, phenomenon: PhenomenonId, value: number | null, time: number]
  | [sensorId: string, phenomenon: PhenomenonId, value: number | null, time: number, state: string];

/** How an upstream source is doing; the UI shows "reconnecting" while any source is not connected. */
export interface SourceStatus {
  id: string;
  /** `replay`, `sensorthings`, `opensensemap` or `mqtt`. */
  type: string;
  state: 'connecting' | 'connected' | 'reconnecting' | 'stopped';
  /** Why it is not connected, e.g. the last error. */
  detail?: string;
  /** Epoch ms of the last state change. */
  since: number;
}

/** `GET /api/sensors`: the catalogue, each sensor's latest values and the sources' states. */
export interface SensorSnapshot {
  /** The hub's clock (epoch ms); with a replay, the replayed time, so staleness is judged on the same clock. */
  now: number;
  sensors: SensorDescription[];
  latest: WireObservation[];
  sources: SourceStatus[];
}

/**
 * `GET /api/sensors/:id/history?phenomenon=…&from=…&to=…&maxPoints=…` (epoch ms or ISO 8601; default the last 24
 * hours and 2,000 points; `phenomenon` may be left out for a sensor with one). A longer series is thinned to the
 * lowest and highest value of each time bucket.
 */
export interface SensorHistory {
  sensorId: string;
  phenomenon: PhenomenonId;
  unit: string;
  /** [time, value] in time order; value null where the source reported a state instead of a number. */
  points: [time: number, value: number | null][];
}

/**
 * `GET /api/sensors/observations?from=…&to=…&phenomena=a,b` (all optional; default the last 24 hours): every stored
 * observation in the window, for the time slider.
 */
export interface ObservationWindow {
  from: number;
  to: number;
  /** In time order. */
  observations: WireObservation[];
  /** Set when the window held more than the hub sends at once; narrow it (or filter with `phenomena=`). */
  truncated?: boolean;
}

/** `GET /api/sensors/stats`: what the hub took in and refused since it started. */
export interface HubStats {
  accepted: number;
  rejected: Partial<Record<RejectionReason, number>>;
  storedObservations: number;
  connectedBrowsers: number;
}

/** Messages the hub pushes over the WebSocket. */
export type HubMessage =
  | { type: 'snapshot'; snapshot: SensorSnapshot }
  | { type: 'observations'; now: number; observations: WireObservation[] }
  | { type: 'sources'; sources: SourceStatus[] };
