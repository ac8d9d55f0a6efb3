import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Database, type SqliteDatabase, type Statement } from '../sqliteDriver';
import type { WireObservation } from '../../domain/sensors/hubProtocol';
import type { PhenomenonId } from '../../domain/sensors/phenomena';
import type { Observation, SensorDescription } from '../../domain/sensors/sensorModel';
import { MinMaxDownsampler, type SeriesPoint } from '../../domain/sensors/hub/minMaxDownsampler';
import { seriesKey } from '../../domain/sensors/hub/hubQueries';

/** The database layout this code writes (`PRAGMA user_version`); an older file is upgraded, a newer one refused. */
const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS series (
    id INTEGER PRIMARY KEY,
    sensor_id TEXT NOT NULL,
    phenomenon TEXT NOT NULL,
    UNIQUE (sensor_id, phenomenon)
  );
  CREATE TABLE IF NOT EXISTS observations (
    series_id INTEGER NOT NULL,
    time INTEGER NOT NULL,
    value REAL,
    state TEXT,
    PRIMARY KEY (series_id, time)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS observations_by_time ON observations (time);
  CREATE TABLE IF NOT EXISTS sensors (
    id TEXT PRIMARY KEY,
    source_id TEXT NOT NULL,
    description TEXT NOT NULL
  );
`;

/** The newest stored observation of one series. */
export interface StoredLatest {
  sensorId: string;
  phenomenon: PhenomenonId;
  time: number;
  value: number | null;
  state: string | undefined;
}

export interface ObservationStoreOptions {
  /** Buffered observations are written at the latest after this long (default 250 ms). */
  flushIntervalMs?: number;
  /** …or as soon as this many are buffered (default 5,000). */
  maxBufferedRows?: number;
  /** Reports a failed write; the rows stay buffered and are tried again. */
  onWriteError?: (error: unknown) => void;
}

/** What the store keeps buffered at most while writes fail (a full disk): the oldest are dropped beyond it. */
const MAX_PENDING_ROWS = 500_000;

type Row = [seriesId: number, time: number, value: number | null, state: string | null];
/** A buffered observation; its series gets its id inside the write transaction. */
type PendingRow = [
  sensorId: string,
  phenomenon: PhenomenonId,
  time: number,
  value: number | null,
  state: string | null,
];

/**
 * The hub's observations in one SQLite file (WAL, batched inserts in transactions): one row per series and time,
 * plus the sensor catalogue of each source, so the hub restarts with its history, latest values and sensors.
 */
export class ObservationStore {
  private readonly database: SqliteDatabase;
  private readonly seriesIds = new Map<string, number>();
  private readonly seriesById = new Map<number, { sensorId: string; phenomenon: PhenomenonId }>();
  private readonly insertRow: Statement<Row>;
  private readonly insertSeries: Statement<[string, string]>;
  private readonly writeRows: (rows: readonly PendingRow[]) => void;
  private pending: PendingRow[] = [];
  /** Series created by the transaction under way, forgotten again if it fails. */
  private seriesCreated: string[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private droppedRows = 0;
  private readonly flushIntervalMs: number;
  private readonly maxBufferedRows: number;

  constructor(
    readonly path: string,
    private readonly options: ObservationStoreOptions = {},
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.database = new Database(path);
    try {
      this.database.pragma('journal_mode = WAL');
      // With WAL, NORMAL loses nothing on a crash of the process, only (at most the last commit) on power loss.
      this.database.pragma('synchronous = NORMAL');
      this.database.pragma('busy_timeout = 5000');
      // Thousands of series take inserts all over the table; a larger page cache keeps them off the disk.
      this.database.pragma('cache_size = -32768');
      const version = this.database.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION)
        throw new Error(
          `${path} was written by a newer Münster Twin (schema ${version} > ${SCHEMA_VERSION})`,
        );
      this.database.exec(SCHEMA);
      this.database.pragma(`user_version = ${SCHEMA_VERSION}`);
    } catch (error) {
      this.database.close();
      throw error;
    }
    this.insertRow = this.database.prepare(
      'INSERT OR REPLACE INTO observations (series_id, time, value, state) VALUES (?, ?, ?, ?)',
    );
    this.insertSeries = this.database.prepare(
      'INSERT INTO series (sensor_id, phenomenon) VALUES (?, ?) RETURNING id',
    );
    this.writeRows = this.database.transaction((rows: readonly PendingRow[]) => {
      for (const [sensorId, phenomenon, time, value, state] of rows)
        this.insertRow.run(this.seriesIdOf(sensorId, phenomenon), time, value, state);
    });
    const series = this.database.prepare('SELECT id, sensor_id, phenomenon FROM series').raw().all() as [
      number,
      string,
      PhenomenonId,
    ][];
    for (const [id, sensorId, phenomenon] of series) this.rememberSeries(id, sensorId, phenomenon);
    this.flushIntervalMs = options.flushIntervalMs ?? 250;
    this.maxBufferedRows = options.maxBufferedRows ?? 5_000;
  }

  /** Buffers one checked observation; it is written with the next batch. */
  add(observation: Observation): void {
    this.pending.push([
      observation.sensorId,
      observation.phenomenon,
      observation.time,
      observation.value,
      observation.state ?? null,
    ]);
    if (this.pending.length >= this.maxBufferedRows) this.flush();
    else this.flushTimer ??= setTimeout(() => this.flush(), this.flushIntervalMs);
  }

  /** Writes every buffered observation in one transaction; returns how many were written. */
  flush(): number {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.pending.length === 0) return 0;
    const rows = this.pending;
    this.pending = [];
    this.seriesCreated = [];
    try {
      this.writeRows(rows);
      return rows.length;
    } catch (error) {
      for (const key of this.seriesCreated) {
        this.seriesById.delete(this.seriesIds.get(key)!);
        this.seriesIds.delete(key);
      }
      this.options.onWriteError?.(error);
      this.pending = rows.concat(this.pending);
      if (this.pending.length > MAX_PENDING_ROWS) {
        const excess = this.pending.length - MAX_PENDING_ROWS;
        this.droppedRows += excess;
        this.pending.splice(0, excess);
      }
      if (this.database.open) this.flushTimer = setTimeout(() => this.flush(), 1_000);
      return 0;
    }
  }

  /** Observations that could not be written and were dropped to bound memory (a full disk for long). */
  get dropped(): number {
    return this.droppedRows;
  }

  /** How many observations the file holds. */
  count(): number {
    this.flush();
    return this.database.prepare('SELECT COUNT(*) FROM observations').pluck().get() as number;
  }

  /** The newest observation of every series at or before `notAfter` (the hub clock, with its tolerance). */
  latestPerSeries(notAfter: number): StoredLatest[] {
    this.flush();
    // One index seek per series: faster than any grouping over a week of rows.
    const newest = this.database
      .prepare(
        'SELECT time, value, state FROM observations WHERE series_id = ? AND time <= ? ORDER BY time DESC LIMIT 1',
      )
      .raw();
    const latest: StoredLatest[] = [];
    for (const [seriesId, series] of this.seriesById) {
      const row = newest.get(seriesId, notAfter) as [number, number | null, string | null] | undefined;
      if (row) latest.push({ ...series, time: row[0], value: row[1], state: row[2] ?? undefined });
    }
    return latest;
  }

  /** One series between `from` and `to` (inclusive), thinned to `maxPoints` with min/max buckets when larger. */
  history(
    sensorId: string,
    phenomenon: PhenomenonId,
    from: number,
    to: number,
    maxPoints: number,
  ): SeriesPoint[] {
    this.flush();
    const seriesId = this.seriesIds.get(seriesKey(sensorId, phenomenon));
    if (seriesId === undefined) return [];
    const range = [seriesId, from, to] as const;
    const count = this.database
      .prepare('SELECT COUNT(*) FROM observations WHERE series_id = ? AND time BETWEEN ? AND ?')
      .pluck()
      .get(...range) as number;
    const select = this.database
      .prepare(
        'SELECT time, value FROM observations WHERE series_id = ? AND time BETWEEN ? AND ? ORDER BY time',
      )
      .raw();
    if (count <= maxPoints) return select.all(...range) as SeriesPoint[];
    const downsampler = new MinMaxDownsampler(from, to + 1, maxPoints);
    for (const [time, value] of select.iterate(...range) as IterableIterator<SeriesPoint>)
      downsampler.push(time, value);
    return downsampler.finish();
  }

  /** Every observation between `from` and `to` (inclusive) in time order, at most `limit`. */
  window(
    from: number,
    to: number,
    limit: number,
    phenomena?: readonly PhenomenonId[],
  ): { observations: WireObservation[]; truncated: boolean } {
    this.flush();
    const wanted = phenomena ? new Set(phenomena) : undefined;
    const observations: WireObservation[] = [];
    const rows = this.database
      .prepare(
        'SELECT series_id, time, value, state FROM observations WHERE time BETWEEN ? AND ? ORDER BY time',
      )
      .raw()
      .iterate(from, to) as IterableIterator<Row>;
    for (const [seriesId, time, value, state] of rows) {
      const series = this.seriesById.get(seriesId)!;
      if (wanted && !wanted.has(series.phenomenon)) continue;
      if (observations.length === limit) {
        rows.return?.();
        return { observations, truncated: true };
      }
      observations.push(
        state === null
          ? [series.sensorId, series.phenomenon, value, time]
          : [series.sensorId, series.phenomenon, value, time, state],
      );
    }
    return { observations, truncated: false };
  }

  /** Deletes observations older than `before`; returns how many. */
  prune(before: number): number {
    this.flush();
    return this.database.prepare('DELETE FROM observations WHERE time < ?').run(before).changes;
  }

  /** Replaces the stored catalogue of one source. */
  saveSensors(sourceId: string, sensors: readonly SensorDescription[]): void {
    const remove = this.database.prepare('DELETE FROM sensors WHERE source_id = ?');
    const insert = this.database.prepare(
      'INSERT OR REPLACE INTO sensors (id, source_id, description) VALUES (?, ?, ?)',
    );
    this.database.transaction(() => {
      remove.run(sourceId);
      for (const sensor of sensors) insert.run(sensor.id, sourceId, JSON.stringify(sensor));
    })();
  }

  /** The stored catalogue, per source id. */
  loadSensors(): Map<string, SensorDescription[]> {
    const rows = this.database
      .prepare('SELECT source_id, description FROM sensors ORDER BY id')
      .raw()
      .all() as [string, string][];
    const bySource = new Map<string, SensorDescription[]>();
    for (const [sourceId, description] of rows) {
      const list = bySource.get(sourceId) ?? [];
      list.push(JSON.parse(description) as SensorDescription);
      bySource.set(sourceId, list);
    }
    return bySource;
  }

  /** Writes what is buffered and closes the file (a checkpoint folds the WAL back into it). */
  close(): void {
    if (!this.database.open) return;
    this.flush();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.database.close();
  }

  private seriesIdOf(sensorId: string, phenomenon: PhenomenonId): number {
    const key = seriesKey(sensorId, phenomenon);
    const known = this.seriesIds.get(key);
    if (known !== undefined) return known;
    const id = this.insertSeries.pluck().get(sensorId, phenomenon) as number;
    this.rememberSeries(id, sensorId, phenomenon);
    this.seriesCreated.push(key);
    return id;
  }

  private rememberSeries(id: number, sensorId: string, phenomenon: PhenomenonId): void {
    this.seriesIds.set(seriesKey(sensorId, phenomenon), id);
    this.seriesById.set(id, { sensorId, phenomenon });
  }
}
