// What the rest of the server sees of the sensor hub: its log, its answers and the service the routes use.
import type {
  HubStats,
  ObservationWindow,
  SensorHistory,
  SensorSnapshot,
} from '../../domain/sensors/hubProtocol';
import type { HistoryQuery, WindowQuery } from '../../domain/sensors/hub/hubQueries';
import type { HubListener } from './liveFeed';

/** Where the hub writes its log lines; the server passes the console, tests a collector. */
export interface HubLog {
  info(line: string): void;
  warn(line: string): void;
}

export const CONSOLE_HUB_LOG: HubLog = {
  info: (line) => console.log(line),
  warn: (line) => console.warn(line),
};

/** An answer of the hub to a request: the value, or the status and message of an error. */
export type HubAnswer<T> = { ok: true; value: T } | { ok: false; status: 400 | 404; message: string };

/** What the HTTP and WebSocket routes need from a hub. */
export interface SensorHubService {
  now(): number;
  snapshot(): SensorSnapshot;
  history(sensorId: string, query: HistoryQuery): HubAnswer<SensorHistory>;
  observationWindow(query: WindowQuery): ObservationWindow;
  stats(): HubStats;
  /** Listens to batches, catalogue snapshots and source states (not the first snapshot); returns the disposer. */
  subscribe(listener: HubListener): () => void;
}
