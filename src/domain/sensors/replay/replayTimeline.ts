/**
 * How a recording plays in the present. Each dataset (all parking files, all bike counters, …) is laid onto
 * the present on its own: shifted by whole weeks so weekday and local time of day match (plus the difference
 * between summer and winter time, so 08:00 stays 08:00), and looped with a period of its span rounded up to
 * whole weeks. A recording of at most a day loops daily instead (time of day matches, weekday not). For a
 * recording longer than a week, the part of it from the same time of year as now is played first. The summer-time
 * correction is fixed when the replay starts: across a later clock change, local times drift by that hour.
 */
import { berlinUtcOffsetMinutes } from '../formats/berlinTime';
import type { RecordedObservation } from '../formats/recordingModel';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;
const YEAR_MS = 365.2425 * DAY_MS;

export interface DatasetTimeline {
  name: string;
  /** Recorded start of the loop (the earliest observation). */
  start: number;
  periodMs: number;
  /** replay time = recorded time + shiftMs + loop × periodMs. */
  shiftMs: number;
  /** Recorded times folded into [start, start + period), ascending; `observations` in the same order. */
  times: Float64Array;
  observations: readonly RecordedObservation[];
}

/** The loop period of a span: a day for up to a day (and an hour), else whole weeks (an hour's overhang wraps). */
export function loopPeriodMs(spanMs: number): number {
  if (spanMs <= DAY_MS + HOUR_MS) return DAY_MS;
  return Math.max(1, Math.ceil((spanMs - HOUR_MS) / WEEK_MS)) * WEEK_MS;
}

/**
 * Lays a dataset (observations in time order, at least one) onto the present. The present falls in loop 0,
 * at the recorded instant with the same weekday and local time as `present` (nearest the same time of year).
 */
export function createDatasetTimeline(
  name: string,
  observations: readonly RecordedObservation[],
  present: number,
): DatasetTimeline {
  if (observations.length === 0) throw new Error(`dataset ${name} has no observations`);
  const start = observations[0]!.time;
  const end = observations.at(-1)!.time;
  const periodMs = loopPeriodMs(end - start);
  const unit = periodMs === DAY_MS ? DAY_MS : WEEK_MS;
  const summerTimeCorrection = (berlinUtcOffsetMinutes(start) - berlinUtcOffsetMinutes(present)) * 60_000;
  // Aim at the same time of year, then step by whole units until the present's recorded instant is in loop 0.
  const years = Math.round((present - (start + end) / 2) / YEAR_MS);
  const target = Math.min(end, Math.max(start, present - years * YEAR_MS));
  let units = Math.round((present - summerTimeCorrection - target) / unit);
  let recorded = present - summerTimeCorrection - units * unit;
  while (recorded < start) {
    units -= 1;
    recorded += unit;
  }
  while (recorded >= start + periodMs) {
    units += 1;
    recorded -= unit;
  }

  const folded = observations.map((observation) => ({
    observation,
    time: start + ((((observation.time - start) % periodMs) + periodMs) % periodMs),
  }));
  folded.sort((a, b) => a.time - b.time);
  return {
    name,
    start,
    periodMs,
    shiftMs: units * unit + summerTimeCorrection,
    times: Float64Array.from(folded.map((entry) => entry.time)),
    observations: folded.map((entry) => entry.observation),
  };
}

/** The recorded instant that plays at a replay time. */
export function recordedTimeAt(timeline: DatasetTimeline, replayTime: number): number {
  const offset = replayTime - (timeline.start + timeline.shiftMs);
  const loop = Math.floor(offset / timeline.periodMs);
  return replayTime - timeline.shiftMs - loop * timeline.periodMs;
}

/** First index whose time is greater than `time`. */
function upperBound(times: Float64Array, time: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! <= time) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Every observation playing at a replay time `from < t <= to`, stamped with its replay time, in order. */
export function observationsBetween(
  timeline: DatasetTimeline,
  from: number,
  to: number,
): RecordedObservation[] {
  const result: RecordedObservation[] = [];
  if (to <= from) return result;
  const loopOf = (time: number) => Math.floor((time - timeline.start - timeline.shiftMs) / timeline.periodMs);
  for (let loop = loopOf(from); loop <= loopOf(to); loop += 1) {
    const shift = timeline.shiftMs + loop * timeline.periodMs;
    const first = upperBound(timeline.times, from - shift);
    const last = upperBound(timeline.times, to - shift);
    for (let index = first; index < last; index += 1)
      result.push({ ...timeline.observations[index]!, time: timeline.times[index]! + shift });
  }
  return result;
}
