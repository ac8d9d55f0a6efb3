import { LatestValues } from '../domain/sensors/latestValues';
import type { SensorHistory, WireObservation } from '../domain/sensors/hubProtocol';
import type { PhenomenonId } from '../domain/sensors/phenomena';

/** `'all'` after a snapshot or a jump of the time slider; otherwise the ids of the sensors that changed. */
export type SensorChange = ReadonlySet<string> | 'all';

/**
 * Live sensor values, kept outside React and the zustand store (hundreds of updates a second would re-render
 * the app): the feed writes, the sensor layer redraws what changed, the sensor panel reads one sensor.
 */
export interface SensorLive {
  readonly values: LatestValues;
  /** The hub's clock now (epoch ms), estimated from its last message; staleness is judged on it. */
  now(): number;
  /** Sets the hub clock as read from a message received just now. */
  syncClock(hubNow: number): void;
  /** Stops the clock at a moment of the time slider (undefined runs it again). */
  freezeAt(time: number | undefined): void;
  /** True while the time slider holds the clock; the feed then leaves the values alone. */
  readonly frozen: boolean;
  apply(observations: readonly WireObservation[]): void;
  replace(observations: readonly WireObservation[]): void;
  subscribe(listener: (change: SensorChange) => void): () => void;
  /** One sensor's series for the chart (the app passes a loader that asks the hub). */
  loadHistory(sensorId: string, phenomenon: PhenomenonId, from: number, to: number): Promise<SensorHistory>;
}

export interface SensorLiveOptions {
  clock?: () => number;
  loadHistory?: SensorLive['loadHistory'];
}

export function createSensorLive({
  clock = () => performance.now(),
  loadHistory = () => Promise.reject(new Error('no sensor hub')),
}: SensorLiveOptions = {}): SensorLive {
  const values = new LatestValues();
  const listeners = new Set<(change: SensorChange) => void>();
  let hubNow = Date.now();
  let receivedAt = clock();
  let frozenAt: number | undefined;
  const notify = (change: SensorChange) => {
    for (const listener of listeners) listener(change);
  };
  return {
    values,
    now: () => frozenAt ?? hubNow + (clock() - receivedAt),
    freezeAt(time) {
      frozenAt = time;
    },
    get frozen() {
      return frozenAt !== undefined;
    },
    syncClock(now) {
      hubNow = now;
      receivedAt = clock();
    },
    apply(observations) {
      const changed = values.apply(observations);
      if (changed.size > 0) notify(changed);
    },
    replace(observations) {
      values.replace(observations);
      notify('all');
    },
    loadHistory,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
