import { PHENOMENA, type PhenomenonId } from './phenomena';
import type { SensorDescription } from './sensorModel';

/** How the map shows a sensor's latest value. */
export type SensorLevel = 'ok' | 'warning' | 'alert' | 'stale' | 'no-data';

/** The band a value falls in, by the phenomenon's thresholds (the first matching band wins). */
export function thresholdLevel(
  phenomenon: PhenomenonId,
  value: number | null,
): { level: 'ok' | 'warning' | 'alert'; source?: string } {
  if (value === null) return { level: 'ok' };
  for (const band of PHENOMENA.get(phenomenon)?.thresholds ?? []) {
    const above = band.atLeast === undefined || value >= band.atLeast;
    const below = band.below === undefined || value < band.below;
    if (above && below) return { level: band.level, source: band.source };
  }
  return { level: 'ok' };
}

/** The reporting interval of a sensor's phenomenon (the longest one when unknown). */
export function reportingIntervalSeconds(sensor: SensorDescription, phenomenon?: PhenomenonId): number {
  // A loop, not filter/map: the sensor layer asks this for every live update.
  let matching = Number.NEGATIVE_INFINITY;
  let longest = Number.NEGATIVE_INFINITY;
  for (const entry of sensor.phenomena) {
    longest = Math.max(longest, entry.intervalSeconds);
    if (phenomenon === undefined || entry.phenomenon === phenomenon)
      matching = Math.max(matching, entry.intervalSeconds);
  }
  return matching === Number.NEGATIVE_INFINITY ? longest : matching;
}

/** A sensor is stale when it has been silent for more than twice its reporting interval. */
export function isStale(
  sensor: SensorDescription,
  lastObservationTime: number | undefined,
  now: number,
  phenomenon?: PhenomenonId,
): boolean {
  if (lastObservationTime === undefined) return true;
  return now - lastObservationTime > 2 * reportingIntervalSeconds(sensor, phenomenon) * 1000;
}

/** The level of a sensor's latest value of one phenomenon at `now`: stale first, then thresholds. */
export function sensorLevel(
  sensor: SensorDescription,
  phenomenon: PhenomenonId,
  latest: { value: number | null; time: number } | undefined,
  now: number,
): SensorLevel {
  if (!latest) return 'no-data';
  if (isStale(sensor, latest.time, now, phenomenon)) return 'stale';
  return thresholdLevel(phenomenon, latest.value).level;
}
