import { PHENOMENA, type PhenomenonId } from './phenomena';
import {
  isKnownPhenomenon,
  type Observation,
  type RawObservation,
  type SensorDescription,
} from './sensorModel';

/** Why the hub refused a message; counted per reason and logged. */
export type RejectionReason =
  | 'malformed-json'
  | 'not-an-object'
  | 'payload-too-large'
  | 'unknown-sensor'
  | 'unknown-phenomenon'
  | 'phenomenon-not-reported-by-sensor'
  | 'unknown-unit'
  | 'not-a-number'
  | 'implausible-value'
  | 'invalid-time'
  | 'time-in-future'
  | 'too-old'
  | 'duplicate'
  | 'out-of-order';

export type CheckResult =
  { ok: true; observation: Observation } | { ok: false; reason: RejectionReason; detail: string };

export interface CheckOptions {
  now: number;
  /** Clock skew tolerated for timestamps ahead of `now` (default 2 minutes). */
  futureToleranceMs?: number;
  /** Observations older than this are refused (default 7 days, what the hub keeps). */
  maxAgeMs?: number;
}

const DAY_MS = 86_400_000;

function reject(reason: RejectionReason, detail: string): CheckResult {
  return { ok: false, reason, detail };
}

function parseTime(time: unknown): number | undefined {
  if (typeof time === 'number') return Number.isFinite(time) ? time : undefined;
  if (typeof time !== 'string' || time.length < 10) return undefined;
  // Only ISO 8601 with a date: Date.parse accepts far more than that.
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(time))
    return undefined;
  const milliseconds = Date.parse(time.replace(' ', 'T'));
  return Number.isFinite(milliseconds) ? milliseconds : undefined;
}

function parseValue(value: unknown): number | null | undefined {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/**
 * Checks one observation per sensor and phenomenon and remembers the latest time of each, so duplicates and
 * out-of-order messages are refused. One instance per hub.
 */
export class ObservationChecker {
  private readonly latestTime = new Map<string, number>();

  constructor(private readonly sensors: (id: string) => SensorDescription | undefined) {}

  check(raw: RawObservation, options: CheckOptions): CheckResult {
    if (typeof raw !== 'object' || raw === null) return reject('not-an-object', 'expected an object');
    const { sensorId, phenomenon } = raw;
    if (typeof sensorId !== 'string') return reject('unknown-sensor', 'sensorId is missing or not text');
    const sensor = this.sensors(sensorId);
    if (!sensor) return reject('unknown-sensor', `no sensor "${sensorId.slice(0, 80)}"`);
    if (!isKnownPhenomenon(phenomenon))
      return reject('unknown-phenomenon', `${sensorId}: unknown phenomenon ${JSON.stringify(phenomenon)}`);
    if (!sensor.phenomena.some((entry) => entry.phenomenon === phenomenon))
      return reject('phenomenon-not-reported-by-sensor', `${sensorId} does not report ${phenomenon}`);
    const definition = PHENOMENA.get(phenomenon)!;

    const unit = raw.unit === undefined ? definition.unit : raw.unit;
    const convert = typeof unit === 'string' ? definition.acceptedUnits[unit] : undefined;
    if (!convert)
      return reject(
        'unknown-unit',
        `${sensorId} ${phenomenon}: unit ${JSON.stringify(unit)} is not one of ${Object.keys(definition.acceptedUnits).join(', ')}`,
      );

    const state = typeof raw.state === 'string' && raw.state.length > 0 ? raw.state.slice(0, 40) : undefined;
    const parsed = parseValue(raw.value);
    if (parsed === undefined || (parsed === null && state === undefined))
      return reject(
        'not-a-number',
        `${sensorId} ${phenomenon}: value ${JSON.stringify(raw.value)} is not a number`,
      );
    const value = parsed === null ? null : convert(parsed);
    if (value !== null && (value < definition.plausibleRange.min || value > definition.plausibleRange.max))
      return reject(
        'implausible-value',
        `${sensorId} ${phenomenon}: ${value} ${definition.unit} is outside ${definition.plausibleRange.min}…${definition.plausibleRange.max}`,
      );

    const time = parseTime(raw.time);
    if (time === undefined)
      return reject('invalid-time', `${sensorId} ${phenomenon}: time ${JSON.stringify(raw.time)}`);
    if (time > options.now + (options.futureToleranceMs ?? 120_000))
      return reject(
        'time-in-future',
        `${sensorId} ${phenomenon}: ${new Date(time).toISOString()} is in the future`,
      );
    if (time < options.now - (options.maxAgeMs ?? 7 * DAY_MS))
      return reject(
        'too-old',
        `${sensorId} ${phenomenon}: ${new Date(time).toISOString()} is older than kept`,
      );

    const key = `${sensorId}\u0000${phenomenon}`;
    const previous = this.latestTime.get(key);
    if (previous !== undefined && time === previous)
      return reject('duplicate', `${sensorId} ${phenomenon}: already have ${new Date(time).toISOString()}`);
    if (previous !== undefined && time < previous)
      return reject(
        'out-of-order',
        `${sensorId} ${phenomenon}: ${new Date(time).toISOString()} is before the latest`,
      );
    this.latestTime.set(key, time);

    return {
      ok: true,
      observation: {
        sensorId,
        phenomenon: phenomenon as PhenomenonId,
        unit: definition.unit,
        value,
        ...(state === undefined ? {} : { state }),
        time,
        position: sensor.position,
        source: sensor.source,
        licence: sensor.licence,
      },
    };
  }

  /**
   * Takes over the latest time of one sensor and phenomenon from elsewhere (the hub's database after a restart),
   * so duplicates and out-of-order messages are refused across restarts too. Never moves a time backwards.
   */
  rememberLatest(sensorId: string, phenomenon: PhenomenonId, time: number): void {
    const key = `${sensorId}\u0000${phenomenon}`;
    const previous = this.latestTime.get(key);
    if (previous === undefined || time > previous) this.latestTime.set(key, time);
  }

  /** Forgets the latest times, e.g. when the time slider restarts the replay. */
  reset(): void {
    this.latestTime.clear();
  }
}
