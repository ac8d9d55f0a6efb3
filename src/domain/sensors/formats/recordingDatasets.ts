/** Shaping a dataset's observations for the replay: once per time, and only the latest stretch of each series. */
import type { IssueCollector, RecordedObservation } from './recordingModel';

/** Observations of one kind of source: the replay maps each dataset onto the present on its own. */
export interface RecordingDataset {
  name: string;
  /** In time order. */
  observations: RecordedObservation[];
}

/** A gap longer than this separates two recordings of one kind (a day of 2019 and a week of 2026). */
const STRETCH_GAP_MS = 7 * 86_400_000;

/**
 * Splits a dataset (in time order) into stretches without long gaps, and keeps each series (sensor and
 * phenomenon) only in its latest stretch: a folder holding an old day and a recent week plays the recent week,
 * while a station recorded only in spring still plays its spring. Each stretch is played on its own.
 */
export function latestStretches(
  name: string,
  observations: RecordedObservation[],
  issues: IssueCollector,
): RecordingDataset[] {
  const stretches: RecordedObservation[][] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const observation of observations) {
    if (observation.time - previous > STRETCH_GAP_MS) stretches.push([]);
    stretches.at(-1)!.push(observation);
    previous = observation.time;
  }
  if (stretches.length === 1) return [{ name, observations }];
  const latestStretchOf = new Map<string, number>();
  stretches.forEach((stretch, index) => {
    for (const observation of stretch)
      latestStretchOf.set(`${observation.sensorId} ${observation.phenomenon}`, index);
  });
  const datasets: RecordingDataset[] = [];
  stretches.forEach((stretch, index) => {
    const kept = stretch.filter(
      (observation) => latestStretchOf.get(`${observation.sensorId} ${observation.phenomenon}`) === index,
    );
    if (kept.length < stretch.length)
      issues.info(
        'older-recording-left-out',
        `${name}: ${stretch.length - kept.length} observations from ${new Date(stretch[0]!.time).toISOString().slice(0, 10)} ` +
          'are left out; the same sensors were recorded later',
      );
    if (kept.length > 0)
      datasets.push({
        name: datasets.length === 0 ? name : `${name} (${datasets.length + 1})`,
        observations: kept,
      });
  });
  return datasets;
}

/**
 * Sorts by time and keeps one observation per sensor, phenomenon and time. A repeat with the same value is the
 * normal overlap of two downloads (a box's `lastMeasurement` is also the last entry of its `/data`) and is merged
 * silently; a repeat with another value is a real conflict: the first is kept and the conflict reported.
 */
export function withoutDuplicates(
  observations: RecordedObservation[],
  dataset: string,
  issues: IssueCollector,
): RecordedObservation[] {
  observations.sort((a, b) => a.time - b.time);
  const kept: RecordedObservation[] = [];
  let sameTime = new Map<string, RecordedObservation>();
  let time = Number.NaN;
  for (const observation of observations) {
    if (observation.time !== time) {
      time = observation.time;
      sameTime = new Map();
    }
    const key = `${observation.sensorId}\u0000${observation.phenomenon}`;
    const first = sameTime.get(key);
    if (first) {
      if (!sameReading(first, observation))
        issues.info(
          'duplicate-observation',
          `${dataset}: ${observation.sensorId} ${observation.phenomenon} twice at ${new Date(time).toISOString()} ` +
            `with different values (${describeReading(first)}, ${describeReading(observation)}); the first is kept`,
        );
      continue;
    }
    sameTime.set(key, observation);
    kept.push(observation);
  }
  return kept;
}

function sameReading(a: RecordedObservation, b: RecordedObservation): boolean {
  return a.value === b.value && (a.unit ?? '') === (b.unit ?? '') && (a.state ?? '') === (b.state ?? '');
}

function describeReading(observation: RecordedObservation): string {
  const value = observation.value === null ? (observation.state ?? 'null') : String(observation.value);
  return observation.unit ? `${value} ${observation.unit}` : value;
}
