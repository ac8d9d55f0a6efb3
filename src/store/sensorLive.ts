import type { CompactObservationBatch, SeriesTable } from '../domain/sensors/hubMessageReader';
import { LatestValues } from '../domain/sensors/latestValues';
import type { SensorHistory, WireObservation } from '../domain/sensors/hubProtocol';
import type { PhenomenonId } from '../domain/sensors/phenomena';

declare global {
  /**
   * Set only by `scripts/bench/sensorsBrowser` (an init script): called for each piece of main-thread work that
   * applies live values with its start, its milliseconds, the observations it brought and its kind: `receive` for
   * the feed's handling of a message (from the WebSocket or from the reader's worker), `slice` for a slice applied
   * here. Absent in normal use.
   */
  var twinSensorApplyProbe:
    | ((startMs: number, durationMs: number, observations: number, kind: 'receive' | 'slice') => void)
    | undefined;
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
  /**
   * Takes a compact batch of the hub message reader (newest value per series already), its series numbers looked
   * up in `series`; applied in slices as `apply`. `whenApplied` runs once it is applied or dropped (by `replace`).
   */
  applyBatch(
    batch: CompactObservationBatch,
    series: SeriesTable,
    spentMs?: number,
    whenApplied?: () => void,
  ): void;
  /** Main-thread ms spent for live values elsewhere just now (the feed forwarding a message), counted in the budget. */
  reportWork(startedAt: number, milliseconds: number): void;
  /** Replaces every value at once (a snapshot, a moment of the time slider); drops what was queued. */
  replace(observations: readonly WireObservation[]): void;
  subscribe(listener: (change: SensorChange) => void): () => void;
  /** One sensor's series for the chart (the app passes a loader that asks the hub). */
  loadHistory(sensorId: string, phenomenon: PhenomenonId, from: number, to: number): Promise<SensorHistory>;
}

export interface SensorLiveOptions {
  clock?: () => number;
  loadHistory?: SensorLive['loadHistory'];
  /**
   * Main-thread ms in any 16.7 ms (a 60 Hz frame, whatever its phase) for applying live values, handling the
   * messages included (default 1: the goal is 2; the rest is margin for a last slice, a message that lands after
   * the budget is spent, a pause for GC).
   */
  applyBudgetMs?: number;
}

/** A frame at 60 Hz: the budget holds for any window of this length. */
const FRAME_MS = 1000 / 60;
/** Observations applied between two looks at the clock: at most, and at least when little budget is left. */
const SLICE = 128;
const SMALLEST_SLICE = 16;

export function createSensorLive({
  clock = () => performance.now(),
  loadHistory = () => Promise.reject(new Error('no sensor hub')),
  applyBudgetMs = 1,
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
  // Compact batches in arrival order, each with the position of its next observation.
  const batches: {
    batch: CompactObservationBatch;
    series: SeriesTable;
    next: number;
    whenApplied?: () => void;
  }[] = [];
  const finishBatch = () => batches.shift()?.whenApplied?.();
  let drainTimer: ReturnType<typeof setTimeout> | undefined;
  // What one observation has cost lately (applying it, recolouring its marker): a slice is sized to the budget
  // left, so the last slice of a frame does not overrun it by a whole slice.
  let msPerObservation = 0.01;
  // Work of the last frame's length, as [start, end] pairs in time order: the budget holds for any 16.7 ms window,
  // whatever the phase of the display's frames (a fixed grid of windows would let the end of one window and the
  // start of the next fall into one real frame, twice the budget).
  const recent: number[] = [];
  const spend = (startedAt: number, milliseconds: number) => {
    if (milliseconds <= 0) return;
    // Pieces may be reported after later ones began (a message's parse before its slice): keep the pairs sorted.
    let at = recent.length;
    while (at > 0 && recent[at - 2]! > startedAt) at -= 2;
    recent.splice(at, 0, startedAt, startedAt + milliseconds);
  };
  /** Work done within the frame's length before `now`. */
  const spentBefore = (now: number): number => {
    const from = now - FRAME_MS;
    let drop = 0;
    while (drop < recent.length && recent[drop + 1]! <= from) drop += 2;
    if (drop > 0) recent.splice(0, drop);
    let spent = 0;
    for (let index = 0; index < recent.length; index += 2) {
      // At least 0: a piece that ended before the window can sit behind a longer one that began earlier.
      spent += Math.max(0, Math.min(recent[index + 1]!, now) - Math.max(recent[index]!, from));
    }
    return spent;
  };
  /**
   * The budget left in the window ending now, when it holds at least a smallest slice (always, when nothing was
   * done in it); undefined when there is no room.
   */
  const roomAt = (now: number): number | undefined => {
    const left = applyBudgetMs - spentBefore(now);
    return left === applyBudgetMs || left >= SMALLEST_SLICE * msPerObservation ? left : undefined;
  };
  const scheduleDrain = () => {
    if (drainTimer !== undefined || (queued.size === 0 && batches.length === 0)) return;
    const now = clock();
    let wait = 0;
    if (roomAt(now) === undefined) {
      // Wait until the oldest piece of work leaves the window, then look again.
      wait = Math.max(1, recent[1]! + FRAME_MS - now);
    }
    drainTimer = setTimeout(drain, wait);
  };
  const slice: WireObservation[] = [];
  function drain(): void {
    drainTimer = undefined;
    const started = clock();
    let now = started;
    let left: number | undefined;
    while ((queued.size > 0 || batches.length > 0) && (left = roomAt(now)) !== undefined) {
      const size = Math.max(SMALLEST_SLICE, Math.min(SLICE, Math.floor(left / msPerObservation)));
      const sliceStarted = now;
      let changed: Set<string>;
      let applied: number;
      if (queued.size > 0) {
        slice.length = 0;
        for (const [key, observation] of queued) {
          slice.push(observation);
          queued.delete(key);
          if (slice.length === size) break;
        }
        applied = slice.length;
        changed = values.apply(slice);
      } else {
        [changed, applied] = applyBatchSlice(batches[0]!, size);
      }
      if (changed.size > 0) notify(changed);
      now = clock();
      spend(sliceStarted, now - sliceStarted);
      if (applied > 0) msPerObservation = 0.7 * msPerObservation + (0.3 * (now - sliceStarted)) / applied;
    }
    slice.length = 0;
    if (now > started) globalThis.twinSensorApplyProbe?.(started, now - started, 0, 'slice');
    scheduleDrain();
  }

  function applyBatchSlice(entry: (typeof batches)[number], size: number): [Set<string>, number] {
    const { batch, series } = entry;
    const changed = new Set<string>();
    const start = entry.next;
    const end = Math.min(batch.series.length, start + size);
    for (let position = entry.next; position < end; position++) {
      const number = batch.series[position]!;
      const sensorId = series.sensorId(number);
      const value = batch.values[position]!;
      const set = values.set(
        sensorId,
        series.phenomenon(number),
        Number.isNaN(value) ? null : value,
        batch.times[position]!,
        batch.states.get(position),
      );
      if (set) changed.add(sensorId);
    }
    entry.next = end;
    if (end === batch.series.length) finishBatch();
    return [changed, end - start];
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
    applyBatch(batch, series, spentMs = 0, whenApplied) {
      const started = clock();
      batches.push({ batch, series, next: 0, whenApplied });
      spend(started - spentMs, spentMs + clock() - started);
      scheduleDrain();
    },
    reportWork(startedAt, milliseconds) {
      spend(startedAt, milliseconds);
    },
    replace(observations) {
      queued.clear();
      while (batches.length > 0) finishBatch();
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
