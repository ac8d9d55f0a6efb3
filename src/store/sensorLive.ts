import { LatestValues } from '../domain/sensors/latestValues';
import type { SensorHistory, WireObservation } from '../domain/sensors/hubProtocol';
import type { PhenomenonId } from '../domain/sensors/phenomena';

declare global {
  /**
   * Set only by `scripts/bench/sensorsBrowser` (an init script): called for each piece of main-thread work that
   * applies live values (a batch parsed by the feed, a slice applied here) with its start, its milliseconds and
   * the observations it received. Absent in normal use.
   */
  var twinSensorApplyProbe: ((startMs: number, durationMs: number, observations: number) => void) | undefined;
}

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
  /**
   * Takes a live batch. It is applied in slices within a main-thread budget per frame (newer values of a series
   * replace queued older ones), so 10,000 sensors at 1 Hz never cost a frame more than the budget.
   * `spentMs` is work the caller already did for it in this frame (parsing), counted against the budget.
   */
  apply(observations: readonly WireObservation[], spentMs?: number): void;
  /** Replaces every value at once (a snapshot, a moment of the time slider); drops what was queued. */
  replace(observations: readonly WireObservation[]): void;
  subscribe(listener: (change: SensorChange) => void): () => void;
  /** One sensor's series for the chart (the app passes a loader that asks the hub). */
  loadHistory(sensorId: string, phenomenon: PhenomenonId, from: number, to: number): Promise<SensorHistory>;
}

export interface SensorLiveOptions {
  clock?: () => number;
  loadHistory?: SensorLive['loadHistory'];
  /** Main-thread ms per 60 Hz frame for applying live values, parsing included (default 1.5: the goal is 2). */
  applyBudgetMs?: number;
}

/** A frame at 60 Hz: the budget is per such window of the clock. */
const FRAME_MS = 1000 / 60;
/** Observations applied between two looks at the clock. */
const SLICE = 128;

export function createSensorLive({
  clock = () => performance.now(),
  loadHistory = () => Promise.reject(new Error('no sensor hub')),
  applyBudgetMs = 1.5,
}: SensorLiveOptions = {}): SensorLive {
  const values = new LatestValues();
  const listeners = new Set<(change: SensorChange) => void>();
  let hubNow = Date.now();
  let receivedAt = clock();
  let frozenAt: number | undefined;
  const notify = (change: SensorChange) => {
    for (const listener of listeners) listener(change);
  };

  // Queued observations, the newest per series (sensor id + NUL + phenomenon): bounded by the number of series,
  // however long the tab was hidden.
  const queued = new Map<string, WireObservation>();
  let drainTimer: ReturnType<typeof setTimeout> | undefined;
  let frameIndex = -1;
  let spentInFrame = 0;
  const spend = (startedAt: number, milliseconds: number) => {
    const frame = Math.floor(startedAt / FRAME_MS);
    if (frame !== frameIndex) {
      frameIndex = frame;
      spentInFrame = 0;
    }
    spentInFrame += milliseconds;
  };
  const scheduleDrain = () => {
    if (drainTimer !== undefined || queued.size === 0) return;
    const now = clock();
    const nextFrameIn =
      Math.floor(now / FRAME_MS) === frameIndex && spentInFrame >= applyBudgetMs
        ? (frameIndex + 1) * FRAME_MS - now
        : 0;
    drainTimer = setTimeout(drain, Math.max(0, nextFrameIn));
  };
  const slice: WireObservation[] = [];
  function drain(): void {
    drainTimer = undefined;
    const started = clock();
    spend(started, 0);
    let elapsed = 0;
    while (queued.size > 0 && spentInFrame + elapsed < applyBudgetMs) {
      slice.length = 0;
      for (const [key, observation] of queued) {
        slice.push(observation);
        queued.delete(key);
        if (slice.length === SLICE) break;
      }
      const changed = values.apply(slice);
      if (changed.size > 0) notify(changed);
      elapsed = clock() - started;
    }
    slice.length = 0;
    spend(started, elapsed);
    if (elapsed > 0) globalThis.twinSensorApplyProbe?.(started, elapsed, 0);
    scheduleDrain();
  }

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
    apply(observations, spentMs = 0) {
      const started = clock();
      for (const observation of observations) {
        const key = `${observation[0]}\u0000${observation[1]}`;
        const held = queued.get(key);
        if (!held || held[3] <= observation[3]) queued.set(key, observation);
      }
      spend(started - spentMs, spentMs + clock() - started);
      scheduleDrain();
    },
    replace(observations) {
      queued.clear();
      clearTimeout(drainTimer);
      drainTimer = undefined;
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
