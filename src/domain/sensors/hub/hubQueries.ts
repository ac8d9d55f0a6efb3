import type { Observation } from '../sensorModel';
import type { WireObservation } from '../hubProtocol';
import { isPhenomenonId, type PhenomenonId } from '../phenomena';

const HOUR_MS = 3_600_000;

/** The window a history or time-slider request covers when it names none: the last 24 hours. */
export const DEFAULT_WINDOW_MS = 24 * HOUR_MS;
/** The longest window one request may ask for: the 7 days the hub keeps, plus a day of slack. */
export const MAX_WINDOW_MS = 8 * 24 * HOUR_MS;
/** Points of a history answer when the request names no `maxPoints`: about the width of a chart in pixels. */
export const DEFAULT_MAX_POINTS = 2_000;

/** The key of one series (a sensor's phenomenon) in maps and the database. */
export function seriesKey(sensorId: string, phenomenon: PhenomenonId): string {
  return `${sensorId}\u0000${phenomenon}`;
}

/** The compact wire form of an observation (see {@link WireObservation}). */
export function toWireObservation(observation: Observation): WireObservation {
  const { sensorId, phenomenon, value, time, state } = observation;
  return state === undefined
    ? [sensorId, phenomenon, value, time]
    : [sensorId, phenomenon, value, time, state];
}

/** A parsed query, or the message of a 400 answer. */
export type QueryResult<T> = { ok: true; value: T } | { ok: false; message: string };

export interface HistoryQuery {
  /** Optional when the sensor reports only one phenomenon. */
  phenomenon?: PhenomenonId;
  from: number;
  to: number;
  maxPoints: number;
}

export interface WindowQuery {
  from: number;
  to: number;
  /** Only these phenomena (all when absent). */
  phenomena?: PhenomenonId[];
}

type Query = Readonly<Record<string, unknown>>;

/** A time given as epoch milliseconds or as ISO 8601 text with a date. */
function parseTimeParameter(text: unknown): number | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > 40) return undefined;
  if (/^-?\d{1,15}$/.test(text)) return Number(text);
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  const time = Date.parse(text.replace(' ', 'T'));
  return Number.isFinite(time) ? time : undefined;
}

function parseWindow(query: Query, now: number): QueryResult<{ from: number; to: number }> {
  const to = query.to === undefined ? now : parseTimeParameter(query.to);
  if (to === undefined) return { ok: false, message: 'to: expected epoch milliseconds or an ISO 8601 time' };
  const from = query.from === undefined ? to - DEFAULT_WINDOW_MS : parseTimeParameter(query.from);
  if (from === undefined)
    return { ok: false, message: 'from: expected epoch milliseconds or an ISO 8601 time' };
  if (from >= to) return { ok: false, message: 'from must be before to' };
  if (to - from > MAX_WINDOW_MS)
    return { ok: false, message: `the window may span at most ${MAX_WINDOW_MS / HOUR_MS} hours` };
  return { ok: true, value: { from, to } };
}

/** `GET /api/sensors/:id/history?phenomenon=…&from=…&to=…&maxPoints=…`, each optional. */
export function parseHistoryQuery(query: Query, now: number): QueryResult<HistoryQuery> {
  const window = parseWindow(query, now);
  if (!window.ok) return window;
  const { phenomenon } = query;
  if (phenomenon !== undefined && (typeof phenomenon !== 'string' || !isPhenomenonId(phenomenon)))
    return { ok: false, message: `phenomenon: unknown ${JSON.stringify(phenomenon).slice(0, 60)}` };
  let maxPoints = DEFAULT_MAX_POINTS;
  if (query.maxPoints !== undefined) {
    maxPoints = typeof query.maxPoints === 'string' ? Number(query.maxPoints) : Number.NaN;
    if (!Number.isInteger(maxPoints) || maxPoints < 2 || maxPoints > 100_000)
      return { ok: false, message: 'maxPoints: expected a whole number from 2 to 100000' };
  }
  return { ok: true, value: { ...window.value, ...(phenomenon ? { phenomenon } : {}), maxPoints } };
}

/** `GET /api/sensors/observations?from=…&to=…&phenomena=a,b`, each optional. */
export function parseWindowQuery(query: Query, now: number): QueryResult<WindowQuery> {
  const window = parseWindow(query, now);
  if (!window.ok) return window;
  if (query.phenomena === undefined) return window;
  const names = typeof query.phenomena === 'string' ? query.phenomena.split(',') : [];
  const unknown = names.filter((name) => !isPhenomenonId(name));
  if (names.length === 0 || unknown.length > 0)
    return { ok: false, message: `phenomena: unknown ${JSON.stringify(unknown.join(',')).slice(0, 60)}` };
  return { ok: true, value: { ...window.value, phenomena: names as PhenomenonId[] } };
}
