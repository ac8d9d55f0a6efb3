/**
 * Shared pieces of the default recordings' generator: the recorded week, seeded randomness with the
 * distributions the series need, and smooth curves over the day.
 */
import { createSeededRandom, deriveSeed, type SeededRandom } from '../../buildings/generator/seededRandom';
import { berlinLocalToUtc, berlinWeekdayAndHour, parseLocalDateTime } from '../formats/berlinTime';

export { deriveSeed };

/** The recorded week: Monday 00:00 to the next Monday 00:00, Münster time, as epoch ms. */
export interface RecordedWeek {
  start: number;
  end: number;
  /** `YYYY-MM-DD` of the Monday. */
  monday: string;
}

const DAY_MS = 86_400_000;

/** The week that contains `date` (`YYYY-MM-DD`), from its Monday. */
export function recordedWeek(date: string): RecordedWeek {
  const local = parseLocalDateTime(`${date} 00:00`);
  if (!local) throw new Error(`not a date: ${date}`);
  const noon = Date.UTC(local.year, local.month - 1, local.day, 12);
  const mondayNoon = noon - ((new Date(noon).getUTCDay() + 6) % 7) * DAY_MS;
  const monday = new Date(mondayNoon).toISOString().slice(0, 10);
  const nextMonday = new Date(mondayNoon + 7 * DAY_MS).toISOString().slice(0, 10);
  return {
    start: berlinLocalToUtc(parseLocalDateTime(`${monday} 00:00`)!),
    end: berlinLocalToUtc(parseLocalDateTime(`${nextMonday} 00:00`)!),
    monday,
  };
}

/** Every instant from the week's start (inclusive) to its end (exclusive), `stepMs` apart. */
export function stepsOf(week: RecordedWeek, stepMs: number, offsetMs = 0): number[] {
  const times: number[] = [];
  for (let time = week.start + offsetMs; time < week.end; time += stepMs) times.push(time);
  return times;
}

/** Randomness for one series: its own stream, so series do not change when another one is added. */
export interface SeriesRandom extends SeededRandom {
  /** Normally distributed (Box–Muller). */
  gaussian(mean: number, deviation: number): number;
  /** Poisson-distributed count (Knuth for small means, a rounded normal above 40). */
  poisson(mean: number): number;
}

export function seriesRandom(seed: number, stream: number): SeriesRandom {
  const random = createSeededRandom(deriveSeed(seed, stream));
  const gaussian = (mean: number, deviation: number) => {
    const u = Math.max(random.next(), 1e-12);
    const v = random.next();
    return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const poisson = (mean: number) => {
    if (mean <= 0) return 0;
    if (mean > 40) return Math.max(0, Math.round(gaussian(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let count = 0;
    for (let product = random.next(); product > limit; product *= random.next()) count += 1;
    return count;
  };
  return { ...random, gaussian, poisson };
}

/** A slowly wandering value around 0 (an AR(1) process), for noise that looks like weather or habits. */
export function createDrift(random: SeriesRandom, deviation: number, persistence = 0.97): () => number {
  let value = 0;
  const innovation = deviation * Math.sqrt(1 - persistence * persistence);
  return () => (value = persistence * value + random.gaussian(0, innovation));
}

/** 0 before `from`, 1 after `to`, a smooth S between (hours or any unit). */
export function smoothStep(value: number, from: number, to: number): number {
  if (value <= from) return 0;
  if (value >= to) return 1;
  const share = (value - from) / (to - from);
  return share * share * (3 - 2 * share);
}

/** A bump of height 1 centred at `centre` with the given half-width (a raised cosine). */
export function bump(value: number, centre: number, halfWidth: number): number {
  const distance = Math.abs(value - centre);
  return distance >= halfWidth ? 0 : 0.5 * (1 + Math.cos((Math.PI * distance) / halfWidth));
}

/** Weekday (0 = Monday) and fractional local hour of an instant. */
export const localClock = berlinWeekdayAndHour;

/** Rounds to a number of decimals and formats without trailing noise (`21.3`, `1013.25`). */
export function formatDecimals(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

export const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
