import type { WireObservation } from './hubProtocol';
import type { PhenomenonId } from './phenomena';

/** The latest value of one sensor's phenomenon. */
export interface LatestValue {
  value: number | null;
  time: number;
  state?: string;
}

/**
 * The latest value of every sensor and phenomenon, updated in place from wire batches. Lives outside React:
 * the sensor layer reads it every time it changes, the UI only for the one sensor it shows.
 */
export class LatestValues {
  private readonly bySensor = new Map<string, Map<PhenomenonId, LatestValue>>();

  /** Applies a batch (older values than held are ignored) and returns the ids of sensors that changed. */
  apply(observations: readonly WireObservation[]): Set<string> {
    const changed = new Set<string>();
    for (const [sensorId, phenomenon, value, time, state] of observations)
      if (this.set(sensorId, phenomenon, value, time, state)) changed.add(sensorId);
    return changed;
  }

  /** Sets one value unless an older one than held; returns whether it was set. */
  set(
    sensorId: string,
    phenomenon: PhenomenonId,
    value: number | null,
    time: number,
    state?: string,
  ): boolean {
    let values = this.bySensor.get(sensorId);
    if (!values) {
      values = new Map();
      this.bySensor.set(sensorId, values);
    }
    const held = values.get(phenomenon);
    if (held && held.time > time) return false;
    values.set(phenomenon, state === undefined ? { value, time } : { value, time, state });
    return true;
  }

  /** Replaces everything, e.g. with a snapshot after reconnecting or a moment of the time slider. */
  replace(observations: readonly WireObservation[]): void {
    this.bySensor.clear();
    this.apply(observations);
  }

  get(sensorId: string, phenomenon: PhenomenonId): LatestValue | undefined {
    return this.bySensor.get(sensorId)?.get(phenomenon);
  }

  /** All phenomena of one sensor. */
  of(sensorId: string): ReadonlyMap<PhenomenonId, LatestValue> {
    return this.bySensor.get(sensorId) ?? new Map();
  }

  /** The time of the sensor's most recent observation of any phenomenon. */
  lastTime(sensorId: string): number | undefined {
    let latest: number | undefined;
    for (const entry of this.of(sensorId).values()) latest = Math.max(latest ?? entry.time, entry.time);
    return latest;
  }
}

/**
 * The values every sensor showed at `time`: for each sensor and phenomenon the last observation at or before
 * it. `observations` must be sorted by time (the hub's window is). For the time slider.
 */
export function valuesAt(observations: readonly WireObservation[], time: number): WireObservation[] {
  const latest = new Map<string, WireObservation>();
  // Binary search for the end, then walk; a day of 10,000 sensors is a few hundred thousand entries.
  let low = 0;
  let high = observations.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (observations[middle]![3] <= time) low = middle + 1;
    else high = middle;
  }
  for (let index = 0; index < low; index++) {
    const observation = observations[index]!;
    latest.set(`${observation[0]}\u0000${observation[1]}`, observation);
  }
  return [...latest.values()];
}
