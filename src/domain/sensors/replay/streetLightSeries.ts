/**
 * Ten adaptive street lights on the Kanalpromenade, switched by the cyclists the Abschnitt 5 counter counts:
 * off by day, dimmed to 20 % from 20 minutes after sunset to 20 minutes before sunrise, and at 100 % from 10 s
 * before to 20 s after a cyclist passes each pole (riding at 4–7 m/s, so a rider brightens the poles one after
 * another). Each light reports every change and, as a heartbeat, its level every 15 minutes.
 */
import type { RecordedObservation } from '../formats/recordingModel';
import type { BikeCounterSeries } from './bikeCounterSeries';
import { sunriseAndSunset } from './daylight';
import {
  STREET_LIGHT_COUNT,
  STREET_LIGHT_SPACING_METERS,
  streetLightPositions,
  streetLightSensorId,
} from './defaultSensorPlan';
import { clamp, seriesRandom, type RecordedWeek } from './generatorTools';

export const LIGHT_OFF = 0;
export const LIGHT_DIMMED = 20;
export const LIGHT_BRIGHT = 100;
const BEFORE_PASS_MS = 10_000;
const AFTER_PASS_MS = 20_000;
const TWILIGHT_MS = 20 * 60_000;
const HEARTBEAT_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/** Every switching time is a whole second, so the CSV's times are exact. */
type Interval = [start: number, end: number];
const wholeSecond = (time: number) => Math.round(time / 1000) * 1000;

/** Dusk-to-dawn windows overlapping the week. */
export function nightWindows(week: RecordedWeek, latitude: number, longitude: number): Interval[] {
  const windows: Interval[] = [];
  for (let day = week.start - DAY_MS; day < week.end + DAY_MS; day += DAY_MS) {
    const today = sunriseAndSunset(day, latitude, longitude);
    const tomorrow = sunriseAndSunset(day + DAY_MS, latitude, longitude);
    windows.push([wholeSecond(today.sunset + TWILIGHT_MS), wholeSecond(tomorrow.sunrise - TWILIGHT_MS)]);
  }
  return windows;
}

const inside = (time: number, intervals: readonly Interval[]) =>
  intervals.some(([start, end]) => time >= start && time < end);

/** Sorted, overlapping intervals joined. */
function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else merged.push([...interval]);
  }
  return merged;
}

export function generateStreetLightObservations(
  week: RecordedWeek,
  counter: BikeCounterSeries,
  seed: number,
): RecordedObservation[] {
  const random = seriesRandom(seed, 400);
  const positions = streetLightPositions();
  const middle = positions[Math.floor(positions.length / 2)]!;
  const nights = nightWindows(week, middle.latitudeDegrees, middle.longitudeDegrees);
  const bright: Interval[][] = positions.map(() => []);
  // The counter stands at the middle of the row of poles; inbound riders pass the poles from the last to the first.
  const counterAt = ((STREET_LIGHT_COUNT - 1) / 2) * STREET_LIGHT_SPACING_METERS;
  for (const row of counter.rows) {
    if (!inside(row.start, nights) && !inside(row.start + HEARTBEAT_MS, nights)) continue;
    const [, inbound, outbound] = row.counts;
    for (let rider = 0; rider < inbound + outbound; rider += 1) {
      const direction = rider < inbound ? -1 : 1;
      const atCounter = row.start + Math.floor(random.between(0, 15 * 60)) * 1000;
      const speed = clamp(random.gaussian(5.5, 0.8), 4, 7);
      positions.forEach((_, pole) => {
        const offsetSeconds = ((pole * STREET_LIGHT_SPACING_METERS - counterAt) * direction) / speed;
        const passes = atCounter + Math.round(offsetSeconds) * 1000;
        bright[pole]!.push([passes - BEFORE_PASS_MS, passes + AFTER_PASS_MS]);
      });
    }
  }

  const observations: RecordedObservation[] = [];
  positions.forEach((_, pole) => {
    const sensorId = streetLightSensorId(pole);
    const lit = merge(bright[pole]!);
    const level = (time: number) =>
      !inside(time, nights) ? LIGHT_OFF : inside(time, lit) ? LIGHT_BRIGHT : LIGHT_DIMMED;
    const boundaries = new Set<number>();
    for (const [start, end] of [...nights, ...lit]) {
      boundaries.add(start);
      boundaries.add(end);
    }
    const changes = [...boundaries]
      .filter((time) => time > week.start && time < week.end)
      .sort((a, b) => a - b);
    const times = new Set<number>([week.start, ...changes]);
    for (let time = week.start; time < week.end; time += HEARTBEAT_MS) times.add(time);
    let previous: number | undefined;
    for (const time of [...times].sort((a, b) => a - b)) {
      const value = level(time);
      const heartbeat = (time - week.start) % HEARTBEAT_MS === 0;
      if (value !== previous || heartbeat)
        observations.push({ sensorId, phenomenon: 'light_level', unit: '%', value, time });
      previous = value;
    }
  });
  return observations.sort((a, b) => a.time - b.time);
}
