// Seeded malformed (and some valid) messages for the ingest fuzz tests, each with the verdict the hub must reach:
// accepted, or refused for exactly one reason. Messages break one rule at a time, so the reason is unambiguous.
import type { RejectionReason } from '../../../domain/sensors/checkObservation';
import type { SensorDescription } from '../../../domain/sensors/sensorModel';
import { testSensor } from './hubTestSupport';

export type Verdict = RejectionReason | 'accepted';

/** The two sensors every fuzz case talks about. */
export const FUZZ_SENSORS: SensorDescription[] = [
  testSensor('fuzz-1', ['water_temperature', 'ph']),
  testSensor('fuzz-2', ['pm10'], { kind: 'sensebox' }),
];

/** A small, fast, seeded random generator (mulberry32), so a failing case can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface ObservationCase {
  /** What an adapter would emit (deliberately not always an object). */
  raw: unknown;
  verdict: Verdict;
}

const SERIES = [
  { sensorId: 'fuzz-1', phenomenon: 'water_temperature', value: () => 21.5 },
  { sensorId: 'fuzz-1', phenomenon: 'ph', value: () => 7.2 },
  { sensorId: 'fuzz-2', phenomenon: 'pm10', value: () => '17' },
] as const;

const DAY_MS = 86_400_000;

/**
 * `count` observation-level cases. Valid ones get strictly increasing times (one second apart, starting two days
 * before `now`), so every duplicate and out-of-order case refers to a time accepted before it.
 */
export function observationCases(count: number, seed: number, now: number): ObservationCase[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const lastAccepted = new Map<string, number>();
  let clock = now - 2 * DAY_MS;
  const cases: ObservationCase[] = [];
  for (let index = 0; index < count; index++) {
    const series = pick(SERIES);
    const key = `${series.sensorId}/${series.phenomenon}`;
    const valid = {
      sensorId: series.sensorId,
      phenomenon: series.phenomenon,
      value: series.value(),
      time: 0,
    };
    const last = lastAccepted.get(key);
    const kind = random();
    let item: ObservationCase;
    if (kind < 0.3 || (kind >= 0.85 && last === undefined)) {
      clock += 1_000;
      lastAccepted.set(key, clock);
      item = {
        raw: { ...valid, time: random() < 0.5 ? clock : new Date(clock).toISOString() },
        verdict: 'accepted',
      };
    } else if (kind < 0.85) {
      item = pick(brokenObservations)(valid, now, random);
    } else if (kind < 0.93) {
      item = { raw: { ...valid, time: last }, verdict: 'duplicate' };
    } else {
      item = { raw: { ...valid, time: last! - 1 - Math.floor(random() * 60_000) }, verdict: 'out-of-order' };
    }
    cases.push(item);
  }
  return cases;
}

type Valid = { sensorId: string; phenomenon: string; value: unknown; time: number };
type Breaker = (valid: Valid, now: number, random: () => number) => ObservationCase;

const at = (now: number): number => now - DAY_MS;

const brokenObservations: Breaker[] = [
  (valid, now) => ({ raw: { ...valid, time: at(now), sensorId: 'ghost' }, verdict: 'unknown-sensor' }),
  (valid, now) => ({ raw: { ...valid, time: at(now), sensorId: 42 }, verdict: 'unknown-sensor' }),
  (valid, now) => ({
    raw: { ...valid, time: at(now), sensorId: 'x'.repeat(100_000) },
    verdict: 'unknown-sensor',
  }),
  (valid, now) => ({
    raw: { ...valid, time: at(now), phenomenon: 'radioactivity' },
    verdict: 'unknown-phenomenon',
  }),
  (valid, now) => ({ raw: { ...valid, time: at(now), phenomenon: ['pm10'] }, verdict: 'unknown-phenomenon' }),
  (_valid, now) => ({
    raw: { sensorId: 'fuzz-2', phenomenon: 'ph', value: 7, time: at(now) },
    verdict: 'phenomenon-not-reported-by-sensor',
  }),
  (valid, now) => ({ raw: { ...valid, time: at(now), unit: 'furlong' }, verdict: 'unknown-unit' }),
  (valid, now) => ({ raw: { ...valid, time: at(now), unit: 7 }, verdict: 'unknown-unit' }),
  (valid, now) => ({ raw: { ...valid, time: at(now), value: Number.NaN }, verdict: 'not-a-number' }),
  (valid, now) => ({
    raw: { ...valid, time: at(now), value: Number.POSITIVE_INFINITY },
    verdict: 'not-a-number',
  }),
  (valid, now) => ({ raw: { ...valid, time: at(now), value: 'zwölf' }, verdict: 'not-a-number' }),
  (valid, now) => ({
    raw: { ...valid, time: at(now), value: '1'.repeat(50_000) + 'x' },
    verdict: 'not-a-number',
  }),
  (valid, now) => ({ raw: { ...valid, time: at(now), value: { nested: 1 } }, verdict: 'not-a-number' }),
  (valid, now) => ({ raw: { ...valid, time: at(now), value: [20] }, verdict: 'not-a-number' }),
  (valid, now) => ({ raw: { ...valid, time: at(now), value: null }, verdict: 'not-a-number' }),
  (valid, now) => ({ raw: { ...valid, time: at(now), value: undefined }, verdict: 'not-a-number' }),
  (valid, now) => ({ raw: { ...valid, time: at(now), value: 1e12 }, verdict: 'implausible-value' }),
  (valid, now) => ({ raw: { ...valid, time: at(now), value: -1e6 }, verdict: 'implausible-value' }),
  (valid) => ({ raw: { ...valid, time: 'yesterday' }, verdict: 'invalid-time' }),
  (valid) => ({ raw: { ...valid, time: '2024-13-45T99:00:00Z' }, verdict: 'invalid-time' }),
  (valid) => ({ raw: { ...valid, time: Number.NaN }, verdict: 'invalid-time' }),
  (valid) => ({ raw: { ...valid, time: { seconds: 5 } }, verdict: 'invalid-time' }),
  (valid) => ({ raw: { ...valid, time: undefined }, verdict: 'invalid-time' }),
  (valid, now) => ({ raw: { ...valid, time: now + DAY_MS }, verdict: 'time-in-future' }),
  (valid, now) => ({
    raw: { ...valid, time: new Date(now + 365 * DAY_MS).toISOString() },
    verdict: 'time-in-future',
  }),
  (valid, now) => ({ raw: { ...valid, time: now - 30 * DAY_MS }, verdict: 'too-old' }),
  (valid) => ({ raw: { ...valid, time: 0 }, verdict: 'too-old' }),
  () => ({ raw: null, verdict: 'not-an-object' }),
  () => ({ raw: 42, verdict: 'not-an-object' }),
  () => ({ raw: 'sensorId=fuzz-1', verdict: 'not-an-object' }),
];

export interface PayloadCase {
  payload: string;
  verdict: Verdict;
}

/**
 * `count` MQTT payloads: the observation cases as JSON (those JSON can express), plus broken JSON, payloads
 * that are no object and payloads over `maxPayloadBytes`.
 */
export function payloadCases(
  count: number,
  seed: number,
  now: number,
  maxPayloadBytes: number,
): PayloadCase[] {
  const random = seededRandom(seed + 1);
  const observations = observationCases(count, seed, now);
  return observations.map((item) => {
    // Accepted cases stay: later duplicates and out-of-order cases refer to their times.
    const kind = item.verdict === 'accepted' ? 1 : random();
    if (kind < 0.07) return { payload: pickBroken(random), verdict: 'malformed-json' };
    if (kind < 0.1) return { payload: pickNotObject(random), verdict: 'not-an-object' };
    if (kind < 0.12)
      return {
        payload: JSON.stringify({ sensorId: 'fuzz-1', padding: 'x'.repeat(maxPayloadBytes) }),
        verdict: 'payload-too-large',
      };
    // Values JSON cannot carry arrive as null (NaN, Infinity) or are left out (undefined): still not a number.
    if (typeof item.raw !== 'object' || item.raw === null)
      return { payload: JSON.stringify(item.raw), verdict: 'not-an-object' };
    const payload = JSON.stringify(item.raw);
    if (payload.length > maxPayloadBytes) return { payload, verdict: 'payload-too-large' };
    return { payload, verdict: item.verdict };
  });
}

function pickBroken(random: () => number): string {
  const broken = [
    '{"sensorId": "fuzz-1", "value": NaN}',
    '{"sensorId": "fuzz-1", "phenomenon": ',
    '',
    '{sensorId: fuzz-1}',
    '{"a": 1} trailing',
    "{'sensorId': 'fuzz-1'}",
    '\u0000\u0001\u0002binary',
    '[1, 2,',
  ];
  return broken[Math.floor(random() * broken.length)]!;
}

function pickNotObject(random: () => number): string {
  const values = ['[1, 2, 3]', '42', '"fuzz-1"', 'null', 'true', '[]'];
  return values[Math.floor(random() * values.length)]!;
}

/** How many cases of each verdict a list holds. */
export function countVerdicts(cases: readonly { verdict: Verdict }[]): Partial<Record<Verdict, number>> {
  const counts: Partial<Record<Verdict, number>> = {};
  for (const { verdict } of cases) counts[verdict] = (counts[verdict] ?? 0) + 1;
  return counts;
}
