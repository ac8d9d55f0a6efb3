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

/** Sorts by time and keeps one observation per sensor, phenomenon and time (a box's lastMeasurement is also in its /data). */
export function withoutDuplicates(
  observations: RecordedObservation[],
  dataset: string,
  issues: IssueCollector,
): RecordedObservation[] {
  observations.sort((a, b) => a.time - b.time);
  const kept: RecordedObservation[] = [];
  let sameTime = new Set<string>();
  let time = Number.NaN;
  for (const observation of observations) {
    if (observation.time !== time) {
      time = observation.time;
      sameTime = new Set();
    }
    const key = `${observation.sensorId}\u0000${observation.phenomenon}`;
    if (sameTime.has(key)) {
      issues.info(
        'duplicate-observation',
        `${dataset}: ${observation.sensorId} ${observation.phenomenon} twice at ${new Date(time).toISOString()}; kept once`,
      );
      continue;
    }
    sameTime.add(key);
    kept.push(observation);
  }
  return kept;
}
