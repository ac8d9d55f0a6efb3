import { ObservationChecker, type RejectionReason } from '../../domain/sensors/checkObservation';
import type {
  HubStats,
  ObservationWindow,
  SensorHistory,
  SensorSnapshot,
  SourceStatus,
  WireObservation,
} from '../../domain/sensors/hubProtocol';
import { phenomenonDefinition } from '../../domain/sensors/phenomena';
import type { RawObservation, SensorDescription } from '../../domain/sensors/sensorModel';
import type { SensorSource, SourceContext } from '../../domain/sensors/sensorSource';
import {
  seriesKey,
  toWireObservation,
  type HistoryQuery,
  type WindowQuery,
} from '../../domain/sensors/hub/hubQueries';
import { RejectionTally } from '../../domain/sensors/hub/rejectionTally';
import { HubCatalogue } from './hubCatalogue';
import { LiveFeed, type HubListener } from './liveFeed';
import type { ObservationPublisher } from './observationPublisher';
import type { ObservationStore } from './observationStore';
import { CONSOLE_HUB_LOG, type HubAnswer, type HubLog, type SensorHubService } from './sensorHubService';

export interface SensorHubOptions {
  sources: readonly SensorSource[];
  /** The hub closes it when it stops. */
  store: ObservationStore;
  /** The hub closes it when it stops. */
  publisher?: ObservationPublisher;
  retentionDays?: number;
  pruneIntervalMs?: number;
  /** Observations for browsers are collected this long and sent as one message (default 200 ms). */
  batchIntervalMs?: number;
  futureToleranceMs?: number;
  firstRejectionsPerReason?: number;
  summaryIntervalMs?: number;
  log?: HubLog;
}

const DAY_MS = 86_400_000;
/** At most this many observations in one time-slider window; more are cut off and marked `truncated`. */
export const MAX_WINDOW_OBSERVATIONS = 500_000;
/** A replay clock that jumps back further than this has restarted: ordering starts afresh. */
const CLOCK_JUMP_MS = 60_000;

/**
 * The sensor hub: sources hand it raw observations, it checks each (counting every refusal by reason), stores the
 * good ones in SQLite, publishes them on MQTT and sends them to browsers in batches. One clock for everything:
 * the replay's when one is configured, else the wall clock.
 */
export class SensorHub implements SensorHubService {
  private readonly checker = new ObservationChecker((id) => this.sensorFor(id));
  private readonly tally: RejectionTally;
  private readonly catalogue: HubCatalogue;
  private readonly live: LiveFeed;
  private readonly statuses = new Map<string, SourceStatus>();
  private readonly latest = new Map<string, WireObservation>();
  private readonly warned = new Set<string>();
  private readonly clockSource: SensorSource | undefined;
  private readonly timers: NodeJS.Timeout[] = [];
  private accepted = 0;
  private checkingSourceId = '';
  private lastNow = Number.NEGATIVE_INFINITY;
  private state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  private readonly log: HubLog;
  private readonly retentionMs: number;
  private readonly futureToleranceMs: number;

  constructor(private readonly options: SensorHubOptions) {
    this.log = options.log ?? CONSOLE_HUB_LOG;
    this.tally = new RejectionTally(options.firstRejectionsPerReason ?? 5);
    this.retentionMs = (options.retentionDays ?? 7) * DAY_MS;
    this.futureToleranceMs = options.futureToleranceMs ?? 120_000;
    this.clockSource = options.sources.find((source) => source.type === 'replay');
    const warnOnce = (key: string, line: string): void => this.warnOnce(key, line);
    this.catalogue = new HubCatalogue(options.sources, warnOnce);
    this.live = new LiveFeed({
      batchIntervalMs: options.batchIntervalMs ?? 200,
      now: () => this.now(),
      snapshot: () => this.snapshot(),
      warn: warnOnce,
    });
    const ids = options.sources.map((source) => source.id);
    const twice = ids.find((id, index) => ids.indexOf(id) !== index);
    if (twice) throw new Error(`two sensor sources have the id "${twice}"`);
  }

  /** The hub clock: the replay's time when a replay is configured, else the wall clock. */
  now(): number {
    if (!this.clockSource) return Date.now();
    try {
      const time = this.clockSource.now();
      return Number.isFinite(time) ? time : Date.now();
    } catch {
      return Date.now();
    }
  }

  /** Restores sensors, latest values and ordering from the database, then starts every source. */
  async start(): Promise<void> {
    if (this.state !== 'new') throw new Error('a sensor hub starts once');
    this.state = 'running';
    const { store } = this.options;
    this.catalogue.restore(store.loadSensors());
    const now = this.now();
    this.lastNow = now;
    for (const row of store.latestPerSeries(now + this.futureToleranceMs)) {
      this.checker.rememberLatest(row.sensorId, row.phenomenon, row.time);
      this.latest.set(
        seriesKey(row.sensorId, row.phenomenon),
        row.state === undefined
          ? [row.sensorId, row.phenomenon, row.value, row.time]
          : [row.sensorId, row.phenomenon, row.value, row.time, row.state],
      );
    }
    this.prune();
    this.timers.push(
      setInterval(() => this.prune(), this.options.pruneIntervalMs ?? 10 * 60_000).unref(),
      setInterval(() => this.logSummary(), this.options.summaryIntervalMs ?? 60_000).unref(),
    );
    const since = Date.now();
    for (const source of this.options.sources)
      this.statuses.set(source.id, { id: source.id, type: source.type, state: 'connecting', since });
    await Promise.all(
      this.options.sources.map(async (source) => {
        try {
          await source.start(this.contextFor(source));
        } catch (error) {
          this.log.warn(`sensor source ${source.id} could not start: ${messageOf(error)}`);
          this.setStatus(source, 'stopped', messageOf(error));
        }
      }),
    );
    this.catalogue.rebuild();
    this.options.sources.forEach((source) => this.saveSensors(source));
  }

  /** Stops the sources, sends what is pending, writes the database and closes it and the publisher. */
  async stop(): Promise<void> {
    if (this.state === 'stopping' || this.state === 'stopped') return;
    const wasRunning = this.state === 'running';
    this.state = 'stopping';
    if (wasRunning)
      await Promise.all(
        this.options.sources.map((source) =>
          source.stop().catch((error: unknown) => {
            this.log.warn(`sensor source ${source.id} did not stop cleanly: ${messageOf(error)}`);
          }),
        ),
      );
    this.state = 'stopped';
    this.timers.forEach((timer) => clearInterval(timer));
    this.live.close();
    this.logSummary();
    try {
      this.options.store.close();
    } finally {
      await this.options.publisher?.close();
    }
  }

  snapshot(): SensorSnapshot {
    const latest: WireObservation[] = [];
    for (const wire of this.latest.values()) if (this.catalogue.has(wire[0])) latest.push(wire);
    return {
      now: this.now(),
      sensors: this.catalogue.sensors(),
      latest,
      sources: this.sourceStatuses(),
    };
  }

  sourceStatuses(): SourceStatus[] {
    return [...this.statuses.values()];
  }

  history(sensorId: string, query: HistoryQuery): HubAnswer<SensorHistory> {
    const sensor = this.catalogue.get(sensorId)?.sensor;
    if (!sensor) return { ok: false, status: 404, message: `no sensor "${sensorId.slice(0, 80)}"` };
    const reported = sensor.phenomena.map((entry) => entry.phenomenon);
    const phenomenon = query.phenomenon ?? (reported.length === 1 ? reported[0] : undefined);
    if (!phenomenon)
      return { ok: false, status: 400, message: `phenomenon: required, one of ${reported.join(', ')}` };
    if (!reported.includes(phenomenon))
      return { ok: false, status: 404, message: `${sensorId} does not report ${phenomenon}` };
    const points = this.options.store.history(sensorId, phenomenon, query.from, query.to, query.maxPoints);
    return {
      ok: true,
      value: { sensorId, phenomenon, unit: phenomenonDefinition(phenomenon).unit, points },
    };
  }

  observationWindow(query: WindowQuery): ObservationWindow {
    const { observations, truncated } = this.options.store.window(
      query.from,
      query.to,
      MAX_WINDOW_OBSERVATIONS,
      query.phenomena,
    );
    return { from: query.from, to: query.to, observations, ...(truncated ? { truncated } : {}) };
  }

  stats(): HubStats {
    return {
      accepted: this.accepted,
      rejected: this.tally.counts(),
      storedObservations: this.state === 'running' ? this.options.store.count() : 0,
      connectedBrowsers: this.live.size,
    };
  }

  /** How many observations the hub took in and refused so far; cheaper than {@link stats}, which counts the file. */
  handledCounts(): { accepted: number; rejected: number } {
    const rejected = Object.values(this.tally.counts()).reduce((sum, count) => sum + (count ?? 0), 0);
    return { accepted: this.accepted, rejected };
  }

  subscribe(listener: HubListener): () => void {
    if (this.state === 'stopping' || this.state === 'stopped') return () => {};
    return this.live.subscribe(listener);
  }

  private contextFor(source: SensorSource): SourceContext {
    return {
      emit: (raw) => this.ingest(source.id, raw),
      reject: (reason, detail) => this.refuse(source.id, reason, detail),
      setStatus: (state, detail) => this.setStatus(source, state, detail),
      sensorsChanged: () => this.sensorsChanged(source),
      latestTime: (sensorId, phenomenon) => this.latest.get(seriesKey(sensorId, phenomenon))?.[3],
    };
  }

  /** Checks, stores, publishes and queues one observation for browsers. Never throws. */
  private ingest(sourceId: string, raw: RawObservation): void {
    if (this.state !== 'running' && this.state !== 'stopping') return;
    try {
      const now = this.now();
      if (now < this.lastNow - CLOCK_JUMP_MS) this.clockWentBack(now);
      if (now > this.lastNow) this.lastNow = now;
      this.checkingSourceId = sourceId;
      const result = this.checker.check(raw, {
        now,
        futureToleranceMs: this.futureToleranceMs,
        maxAgeMs: this.retentionMs,
      });
      if (!result.ok) {
        this.refuse(sourceId, result.reason, result.detail);
        return;
      }
      const { observation } = result;
      this.accepted += 1;
      this.options.store.add(observation);
      const wire = toWireObservation(observation);
      this.latest.set(seriesKey(observation.sensorId, observation.phenomenon), wire);
      this.options.publisher?.publish(observation);
      this.live.push(wire);
    } catch (error) {
      this.warnOnce(
        `ingest:${messageOf(error)}`,
        `sensor hub could not take an observation: ${messageOf(error)}`,
      );
    }
  }

  private refuse(sourceId: string, reason: RejectionReason, detail: string): void {
    const line = this.tally.record(reason, detail, sourceId);
    if (line) this.log.warn(line);
  }

  /** A sensor is known to the checker only for the source that brings it: no source speaks for another's. */
  private sensorFor(id: string): SensorDescription | undefined {
    const entry = this.catalogue.get(id);
    return entry && entry.sourceId === this.checkingSourceId ? entry.sensor : undefined;
  }

  private setStatus(source: SensorSource, state: SourceStatus['state'], detail?: string): void {
    const previous = this.statuses.get(source.id);
    if (previous && previous.state === state && previous.detail === detail) return;
    const status: SourceStatus = {
      id: source.id,
      type: source.type,
      state,
      ...(detail === undefined ? {} : { detail: detail.slice(0, 300) }),
      since: previous?.state === state ? previous.since : Date.now(),
    };
    this.statuses.set(source.id, status);
    if (previous?.state !== state)
      this.log.info(`sensor source ${source.id}: ${state}${detail ? ` (${status.detail})` : ''}`);
    this.live.sourcesChanged(this.sourceStatuses());
  }

  private sensorsChanged(source: SensorSource): void {
    if (this.state !== 'running') return;
    this.catalogue.rebuild();
    this.saveSensors(source);
    this.live.catalogueChanged();
  }

  /** Keeps a source's catalogue in the database, so its sensors are there after a restart before it reconnects. */
  private saveSensors(source: SensorSource): void {
    try {
      const sensors = this.catalogue.sensorsOf(source);
      if (sensors.length > 0) this.options.store.saveSensors(source.id, sensors);
    } catch (error) {
      this.warnOnce(
        `catalogue:${source.id}`,
        `sensor catalogue of ${source.id} not saved: ${messageOf(error)}`,
      );
    }
  }

  /** The replay started over (or the time slider moved it back): forget what lies ahead of the new time. */
  private clockWentBack(now: number): void {
    this.log.info(`sensor hub clock went back to ${new Date(now).toISOString()}: ordering starts afresh`);
    this.checker.reset();
    for (const [key, wire] of this.latest) {
      if (wire[3] > now) this.latest.delete(key);
      else this.checker.rememberLatest(wire[0], wire[1], wire[3]);
    }
    this.lastNow = now;
  }

  private prune(): void {
    try {
      const removed = this.options.store.prune(this.now() - this.retentionMs);
      if (removed > 0) this.log.info(`sensor hub removed ${removed} observations older than the retention`);
    } catch (error) {
      this.warnOnce(
        `prune:${messageOf(error)}`,
        `sensor hub could not prune its database: ${messageOf(error)}`,
      );
    }
  }

  private logSummary(): void {
    const seconds = Math.round((this.options.summaryIntervalMs ?? 60_000) / 1000);
    const line = this.tally.takeSummary(`${seconds} s`);
    if (line) this.log.warn(line);
  }

  private warnOnce(key: string, line: string): void {
    if (this.warned.has(key) || this.warned.size > 1_000) return;
    this.warned.add(key);
    this.log.warn(line);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
