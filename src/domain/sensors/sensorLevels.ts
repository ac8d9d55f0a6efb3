import type { LatestValues } from './latestValues';
import { PHENOMENA, type PhenomenonId } from './phenomena';
import type { SensorDescription } from './sensorModel';
import { sensorLevel, type SensorLevel } from './sensorStatus';

const SEVERITY: Record<SensorLevel, number> = { 'no-data': 0, ok: 1, stale: 2, warning: 3, alert: 4 };

/** The phenomenon a sensor is drawn by: the filter's, else its first with thresholds, else its first. */
export function primaryPhenomenon(
  sensor: SensorDescription,
  filter: PhenomenonId | undefined,
): PhenomenonId | undefined {
  if (filter !== undefined)
    return sensor.phenomena.some((entry) => entry.phenomenon === filter) ? filter : undefined;
  const withThresholds = sensor.phenomena.find(
    (entry) => (PHENOMENA.get(entry.phenomenon)?.thresholds.length ?? 0) > 0,
  );
  return (withThresholds ?? sensor.phenomena[0])?.phenomenon;
}

/**
 * How to draw a sensor: stale when all its phenomena are silent for twice their interval, otherwise the
 * worst threshold level among its phenomena (or only the filtered one).
 */
export function drawnLevel(
  sensor: SensorDescription,
  values: LatestValues,
  now: number,
  filter: PhenomenonId | undefined,
): SensorLevel {
  // Without allocating: the sensor layer calls this for every live update.
  const only = filter === undefined ? undefined : primaryPhenomenon(sensor, filter);
  if (filter !== undefined && only === undefined) return 'no-data';
  const count = only === undefined ? sensor.phenomena.length : 1;
  let worst: SensorLevel = 'no-data';
  let allStale = true;
  let anyValue = false;
  for (let index = 0; index < count; index++) {
    const phenomenon = only ?? sensor.phenomena[index]!.phenomenon;
    const latest = values.get(sensor.id, phenomenon);
    if (latest) anyValue = true;
    const level = sensorLevel(sensor, phenomenon, latest, now);
    if (level !== 'stale' && level !== 'no-data') allStale = false;
    if (level !== 'stale' && SEVERITY[level] > SEVERITY[worst]) worst = level;
  }
  if (allStale && anyValue) return 'stale';
  return worst;
}

/** A current threshold breach, for the list that flies to each. */
export interface Breach {
  sensor: SensorDescription;
  phenomenon: PhenomenonId;
  level: 'warning' | 'alert';
  value: number;
  time: number;
}

/** Every fresh value beyond a threshold, alerts first, then by sensor name. */
export function currentBreaches(
  sensors: readonly SensorDescription[],
  values: LatestValues,
  now: number,
  filter?: PhenomenonId,
): Breach[] {
  const breaches: Breach[] = [];
  for (const sensor of sensors) {
    for (const { phenomenon } of sensor.phenomena) {
      if (filter !== undefined && phenomenon !== filter) continue;
      const latest = values.get(sensor.id, phenomenon);
      const level = sensorLevel(sensor, phenomenon, latest, now);
      if ((level === 'warning' || level === 'alert') && latest && latest.value !== null)
        breaches.push({ sensor, phenomenon, level, value: latest.value, time: latest.time });
    }
  }
  return breaches.sort(
    (a, b) => SEVERITY[b.level] - SEVERITY[a.level] || a.sensor.name.localeCompare(b.sensor.name, 'de'),
  );
}

/**
 * When the sensor, as drawn, turns stale if nothing new arrives: the latest of its drawn phenomena's last
 * time plus twice their interval. Infinity when it has no value yet (it shows "no data" instead).
 */
export function staleDeadline(
  sensor: SensorDescription,
  values: LatestValues,
  filter: PhenomenonId | undefined,
): number {
  let deadline = Number.NEGATIVE_INFINITY;
  for (const { phenomenon, intervalSeconds } of sensor.phenomena) {
    if (filter !== undefined && phenomenon !== primaryPhenomenon(sensor, filter)) continue;
    const latest = values.get(sensor.id, phenomenon);
    if (latest) deadline = Math.max(deadline, latest.time + 2 * intervalSeconds * 1000);
  }
  return deadline === Number.NEGATIVE_INFINITY ? Number.POSITIVE_INFINITY : deadline;
}
