/**
 * Reads the hub's WebSocket messages for the browser: parses and checks each one, keeps only the newest value per
 * series of the live batches, and hands them on as a compact batch (typed arrays, transferable from a Web Worker)
 * when the receiver asks for more. Pure: the app runs it in a Web Worker (`src/app/hubMessageReader.worker.ts`),
 * or on the main thread where there is no Worker (Node tests).
 */
import type { HubMessage, SensorSnapshot, SourceStatus, WireObservation } from './hubProtocol';
import type { PhenomenonId } from './phenomena';

/**
 * Live values since the last batch, the newest per series. A series (sensor id + phenomenon) is sent as a number;
 * `newSeries` names those first seen in this batch, numbered on from `firstNewSeries`.
 */
export interface CompactObservationBatch {
  kind: 'batch';
  /** The hub's clock (epoch ms) when the batch was handed on: its last `now` plus the time since it arrived. */
  hubNow: number;
  firstNewSeries: number;
  newSeries: [sensorId: string, phenomenon: PhenomenonId][];
  series: Uint32Array;
  /** NaN where the hub sent null (a state instead of a number). */
  values: Float64Array;
  times: Float64Array;
  /** The state text of the observations that carry one, by their position in the batch. */
  states: Map<number, string>;
  /** Observations received for it (before older values of the same series were dropped). */
  received: number;
}

/** What the reader hands on, in the order the hub's messages came. */
export type HubReaderEvent =
  | { kind: 'snapshot'; snapshot: SensorSnapshot }
  | { kind: 'sources'; sources: SourceStatus[] }
  | CompactObservationBatch
  /** A message (or part of it) that does not fit the protocol: what was wrong, for the console. */
  | { kind: 'malformed'; error: string };

/** At most this many faulty observations of one message are named in its error. */
const NAMED_PROBLEMS = 3;

function describeObservationProblem(observation: unknown): string | undefined {
  if (!Array.isArray(observation)) return 'is not an array';
  if (observation.length !== 4 && observation.length !== 5)
    return `has ${observation.length} fields, not 4 or 5`;
  const [sensorId, phenomenon, value, time, state] = observation as unknown[];
  if (typeof sensorId !== 'string' || sensorId === '') return 'sensor id is not a text';
  if (typeof phenomenon !== 'string' || phenomenon === '') return 'phenomenon is not a text';
  if (value !== null && (typeof value !== 'number' || !Number.isFinite(value)))
    return 'value is neither a number nor null';
  if (typeof time !== 'number' || !Number.isFinite(time)) return 'time is not a number (epoch ms)';
  if (state !== undefined && typeof state !== 'string') return 'state is not a text';
  return undefined;
}

/** Keeps the well-formed observations; names the faulty ones (position and field) in `problems`. */
export function checkWireObservations(
  list: unknown,
  where: string,
): { observations: WireObservation[]; problems: string[] } {
  if (!Array.isArray(list)) return { observations: [], problems: [`${where} is not an array`] };
  const observations: WireObservation[] = [];
  const faults: string[] = [];
  let faulty = 0;
  for (let index = 0; index < list.length; index++) {
    const observation: unknown = list[index];
    const problem = describeObservationProblem(observation);
    if (problem === undefined) observations.push(observation as WireObservation);
    else if (++faulty <= NAMED_PROBLEMS) faults.push(`${where}[${index}]: ${problem}`);
  }
  if (faulty > NAMED_PROBLEMS) faults.push(`and ${faulty - NAMED_PROBLEMS} more faulty observations`);
  return { observations, problems: faults.length > 0 ? [faults.join('; ')] : [] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses one WebSocket message of the hub. A message that cannot be used at all gives `error`; a batch with some
 * faulty observations keeps the good ones and names the others in `problems`.
 */
export function parseHubMessage(
  text: string,
): { message: HubMessage; problems: string[] } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { error: `not JSON (${reason}): ${text.slice(0, 80)}` };
  }
  if (!isObject(parsed)) return { error: 'not a JSON object' };
  switch (parsed.type) {
    case 'observations': {
      if (typeof parsed.now !== 'number' || !Number.isFinite(parsed.now))
        return { error: 'observations: "now" is not a number (epoch ms)' };
      const { observations, problems } = checkWireObservations(parsed.observations, 'observations');
      return { message: { type: 'observations', now: parsed.now, observations }, problems };
    }
    case 'sources':
      if (!Array.isArray(parsed.sources)) return { error: 'sources: "sources" is not an array' };
      return { message: { type: 'sources', sources: parsed.sources as SourceStatus[] }, problems: [] };
    case 'snapshot': {
      const snapshot = parsed.snapshot;
      if (!isObject(snapshot)) return { error: 'snapshot: "snapshot" is not an object' };
      if (typeof snapshot.now !== 'number') return { error: 'snapshot: "now" is not a number (epoch ms)' };
      if (!Array.isArray(snapshot.sensors)) return { error: 'snapshot: "sensors" is not an array' };
      if (!Array.isArray(snapshot.sources)) return { error: 'snapshot: "sources" is not an array' };
      const { observations, problems } = checkWireObservations(snapshot.latest, 'snapshot.latest');
      return {
        message: {
          type: 'snapshot',
          snapshot: { ...(snapshot as unknown as SensorSnapshot), latest: observations },
        },
        problems,
      };
    }
    default:
      return { error: `unknown message type ${JSON.stringify(parsed.type)}` };
  }
}

export interface HubMessageReaderOptions {
  /** Receives each event; a batch only after `ready()` (and once after the start). */
  emit(event: HubReaderEvent): void;
  /** Wall clock (epoch ms), to carry the hub's clock forward while values wait. */
  clock?: () => number;
}

/**
 * Reads the hub's messages in order. Snapshots, source states and errors go on at once; live observations are
 * held, the newest per series, until the receiver has applied the previous batch (`ready()`), so however slow the
 * receiver (a hidden tab), what waits never outgrows the number of series.
 */
export class HubMessageReader {
  private readonly seriesNumbers = new Map<string, number>();
  private readonly newSeries: [string, PhenomenonId][] = [];
  /** Pending observations by series number. */
  private readonly pending = new Map<number, WireObservation>();
  private received = 0;
  private hubNow = 0;
  private hubNowReceivedAt = 0;
  private receiverReady = true;
  private readonly clock: () => number;

  constructor(private readonly options: HubMessageReaderOptions) {
    this.clock = options.clock ?? Date.now;
  }

  /** Observations waiting for the receiver (one per series). */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Takes one WebSocket message (its text). */
  read(text: string): void {
    const result = parseHubMessage(text);
    if ('error' in result) {
      this.options.emit({ kind: 'malformed', error: result.error });
      return;
    }
    const { message, problems } = result;
    for (const error of problems) this.options.emit({ kind: 'malformed', error });
    switch (message.type) {
      case 'snapshot':
        // The snapshot holds the latest values: what waits is older.
        this.pending.clear();
        this.received = 0;
        this.options.emit({ kind: 'snapshot', snapshot: message.snapshot });
        break;
      case 'sources':
        this.options.emit({ kind: 'sources', sources: message.sources });
        break;
      case 'observations':
        this.hubNow = message.now;
        this.hubNowReceivedAt = this.clock();
        this.hold(message.observations);
        this.handOn();
        break;
    }
  }

  /** The receiver has applied the last batch and takes the next. */
  ready(): void {
    this.receiverReady = true;
    this.handOn();
  }

  private hold(observations: readonly WireObservation[]): void {
    this.received += observations.length;
    for (const observation of observations) {
      const key = `${observation[0]}\u0000${observation[1]}`;
      let number = this.seriesNumbers.get(key);
      if (number === undefined) {
        number = this.seriesNumbers.size;
        this.seriesNumbers.set(key, number);
        this.newSeries.push([observation[0], observation[1]]);
      }
      const held = this.pending.get(number);
      if (!held || held[3] <= observation[3]) this.pending.set(number, observation);
    }
  }

  private handOn(): void {
    if (!this.receiverReady || this.pending.size === 0) return;
    const count = this.pending.size;
    const series = new Uint32Array(count);
    const values = new Float64Array(count);
    const times = new Float64Array(count);
    const states = new Map<number, string>();
    let position = 0;
    for (const [number, observation] of this.pending) {
      series[position] = number;
      values[position] = observation[2] ?? Number.NaN;
      times[position] = observation[3];
      if (observation[4] !== undefined) states.set(position, observation[4]);
      position++;
    }
    const newSeries = this.newSeries.splice(0);
    const batch: CompactObservationBatch = {
      kind: 'batch',
      hubNow: this.hubNow + (this.clock() - this.hubNowReceivedAt),
      firstNewSeries: this.seriesNumbers.size - newSeries.length,
      newSeries,
      series,
      values,
      times,
      states,
      received: this.received,
    };
    this.pending.clear();
    this.received = 0;
    this.receiverReady = false;
    this.options.emit(batch);
  }
}

/** The buffers of a batch, to transfer rather than copy it to another thread. */
export function transferablesOf(batch: CompactObservationBatch): ArrayBuffer[] {
  return [batch.series.buffer, batch.values.buffer, batch.times.buffer] as ArrayBuffer[];
}

/** The receiver's side of the series numbers: learns the new ones of each batch, in order. */
export class SeriesTable {
  private readonly sensorIds: string[] = [];
  private readonly phenomena: PhenomenonId[] = [];

  learn(batch: Pick<CompactObservationBatch, 'firstNewSeries' | 'newSeries'>): void {
    if (batch.firstNewSeries !== this.sensorIds.length)
      throw new Error(
        `sensor feed: batch numbers new series from ${batch.firstNewSeries}, ${this.sensorIds.length} are known`,
      );
    for (const [sensorId, phenomenon] of batch.newSeries) {
      this.sensorIds.push(sensorId);
      this.phenomena.push(phenomenon);
    }
  }

  sensorId(series: number): string {
    return this.sensorIds[series]!;
  }

  phenomenon(series: number): PhenomenonId {
    return this.phenomena[series]!;
  }
}
