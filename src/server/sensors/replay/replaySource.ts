/**
 * The replay source: plays a folder of recordings (the generated default, or a user's real recordings in the
 * same formats) as if it were happening now, in real time or faster. The hub's clock follows `now()`.
 *
 * - Time: replayed time starts at the present (or `startAt`) and runs `speed` times as fast as the wall clock.
 *   Each dataset is shifted by whole weeks onto the present so weekday and local time of day match, and loops
 *   at its end (see replayTimeline); fixed-time signals are computed from their cycle as time passes.
 * - History: on start, the last `historyHours` (default 24) of replayed time are emitted at once, in slices
 *   that let the server breathe, skipping what the hub already holds; then live play begins, every
 *   `tickMilliseconds` (default 250) emitting what fell due since the last tick, in time order.
 */
import { readRecordings, type RecordingSet } from '../../../domain/sensors/formats/readRecordings';
import {
  formatRecordingIssue,
  type RecordedObservation,
} from '../../../domain/sensors/formats/recordingModel';
import { cycleObservations, type SignalCycle } from '../../../domain/sensors/formats/spat/signalTimeline';
import { sourceLabel } from '../../../domain/sensors/hub/sensorIds';
import {
  createDatasetTimeline,
  observationsBetween,
  type DatasetTimeline,
} from '../../../domain/sensors/replay/replayTimeline';
import type { SensorDescription } from '../../../domain/sensors/sensorModel';
import type { SensorSource, SourceContext } from '../../../domain/sensors/sensorSource';
import { isMissingFileError } from '../../fileSystem';
import { readRecordingsFolder } from './readRecordingsFolder';

/** The replay's view of time and timers; tests pass a fake one. */
export interface ReplayClock {
  now(): number;
  setInterval(callback: () => void, milliseconds: number): unknown;
  clearInterval(handle: unknown): void;
  /** Lets other work run between slices of history. */
  yield(): Promise<void>;
}

export const SYSTEM_REPLAY_CLOCK: ReplayClock = {
  now: () => Date.now(),
  setInterval: (callback, milliseconds) => setInterval(callback, milliseconds),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  yield: () => new Promise((resolve) => setImmediate(resolve)),
};

export interface ReplayLog {
  info(line: string): void;
  warn(line: string): void;
}

export interface ReplaySourceOptions {
  /** The source id (default `replay`). */
  id?: string;
  folder: string;
  /** Replayed seconds per wall-clock second (default 1). */
  speed?: number;
  /** Replayed hours sent at once on start, so charts have data (default 24; 0 for none). */
  historyHours?: number;
  tickMilliseconds?: number;
  /** Where replayed time starts (default the present). */
  startAt?: number;
  clock?: ReplayClock;
  log?: ReplayLog;
}

const HOUR_MS = 3_600_000;
/** History goes out in slices of this much replayed time. */
const HISTORY_SLICE_MS = HOUR_MS;
const ISSUE_LINES_LOGGED = 10;

export class ReplaySource implements SensorSource {
  readonly type = 'replay';
  readonly id: string;
  private readonly clock: ReplayClock;
  private readonly speed: number;
  private readonly log: ReplayLog;
  private catalogue: SensorDescription[] = [];
  private timelines: DatasetTimeline[] = [];
  private cycles: SignalCycle[] = [];
  private started: { wall: number; replay: number } | undefined;
  private emittedUntil = Number.NEGATIVE_INFINITY;
  private timer: unknown;
  private running = false;
  private context: SourceContext | undefined;
  private recordings: RecordingSet | undefined;

  constructor(private readonly options: ReplaySourceOptions) {
    this.id = options.id ?? 'replay';
    this.clock = options.clock ?? SYSTEM_REPLAY_CLOCK;
    this.speed = options.speed ?? 1;
    this.log = options.log ?? { info: (line) => console.log(line), warn: (line) => console.warn(line) };
    if (!(this.speed > 0)) throw new Error(`replay speed must be positive, not ${this.speed}`);
  }

  sensors(): readonly SensorDescription[] {
    return this.catalogue;
  }

  /** The replayed time; before the start, the clock's. */
  now(): number {
    if (!this.started) return this.clock.now();
    return this.started.replay + (this.clock.now() - this.started.wall) * this.speed;
  }

  /** What was read: files, formats, datasets and issue counts (after start). */
  recordingSet(): RecordingSet | undefined {
    return this.recordings;
  }

  async start(context: SourceContext): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.context = context;
    const { folder } = this.options;
    context.setStatus('connecting', `reading ${folder}`);
    let recordings: RecordingSet;
    try {
      const files = await readRecordingsFolder(folder);
      recordings = readRecordings(files, {
        source: sourceLabel('replay', this.id),
        defaultYear: new Date(this.clock.now()).getUTCFullYear(),
      });
    } catch (error) {
      const detail = isMissingFileError(error)
        ? `no recordings folder ${folder}`
        : `cannot read ${folder}: ${(error as Error).message}`;
      this.log.warn(`replay ${this.id}: ${detail}`);
      context.setStatus('stopped', detail);
      this.running = false;
      return;
    }
    if (!this.running) return;
    this.recordings = recordings;
    this.logRecordings(recordings);
    if (recordings.datasets.length === 0 && recordings.signalCycles.length === 0) {
      context.setStatus('stopped', `no recordings in ${folder}`);
      this.running = false;
      return;
    }
    this.catalogue = recordings.sensors;
    context.sensorsChanged();
    const present = this.options.startAt ?? this.clock.now();
    this.timelines = recordings.datasets.map((dataset) =>
      createDatasetTimeline(dataset.name, dataset.observations, present),
    );
    this.cycles = recordings.signalCycles;
    this.started = { wall: this.clock.now(), replay: present };
    this.emittedUntil = present - (this.options.historyHours ?? 24) * HOUR_MS;
    this.playHistoryThenLive(context).catch((error: unknown) => this.fail(context, error));
  }

  async stop(): Promise<void> {
    const wasRunning = this.running;
    this.running = false;
    if (this.timer !== undefined) this.clock.clearInterval(this.timer);
    this.timer = undefined;
    if (wasRunning) this.context?.setStatus('stopped');
  }

  private async playHistoryThenLive(context: SourceContext): Promise<void> {
    const historyEnd = this.now();
    while (this.running && this.emittedUntil < historyEnd) {
      const until = Math.min(historyEnd, this.emittedUntil + HISTORY_SLICE_MS);
      this.emit(context, this.emittedUntil, until, true);
      this.emittedUntil = until;
      await this.clock.yield();
    }
    if (!this.running) return;
    context.setStatus('connected');
    this.timer = this.clock.setInterval(() => this.tick(context), this.options.tickMilliseconds ?? 250);
  }

  private tick(context: SourceContext): void {
    if (!this.running) return;
    const now = this.now();
    if (now <= this.emittedUntil) return;
    try {
      this.emit(context, this.emittedUntil, now, false);
    } catch (error) {
      this.fail(context, error);
    }
    this.emittedUntil = now;
  }

  /** A bug, not bad data (parsers never throw on that): say so and stop rather than take the server down. */
  private fail(context: SourceContext, error: unknown): void {
    const detail = `replay failed: ${error instanceof Error ? error.message : String(error)}`;
    this.log.warn(`replay ${this.id}: ${detail}`);
    void this.stop().then(() => context.setStatus('stopped', detail));
  }

  /** Everything playing at `from < t <= to`, in time order; history skips what the hub already has. */
  private emit(context: SourceContext, from: number, to: number, skipKnown: boolean): void {
    const due: RecordedObservation[] = [];
    for (const timeline of this.timelines) due.push(...observationsBetween(timeline, from, to));
    for (const cycle of this.cycles) due.push(...cycleObservations(cycle, from, to));
    due.sort((a, b) => a.time - b.time);
    for (const observation of due) {
      if (skipKnown) {
        const latest = context.latestTime(observation.sensorId, observation.phenomenon);
        if (latest !== undefined && observation.time <= latest) continue;
      }
      context.emit({
        sensorId: observation.sensorId,
        phenomenon: observation.phenomenon,
        unit: observation.unit,
        value: observation.value,
        ...(observation.state === undefined ? {} : { state: observation.state }),
        time: observation.time,
      });
    }
  }

  private logRecordings(recordings: RecordingSet): void {
    const observations = recordings.datasets.reduce((sum, dataset) => sum + dataset.observations.length, 0);
    const read = recordings.files.filter((file) => file.format !== undefined).length;
    this.log.info(
      `replay ${this.id}: ${read} files from ${this.options.folder}: ${recordings.sensors.length} sensors, ` +
        `${observations} observations, ${recordings.signalCycles.length} signal cycles` +
        (this.speed === 1 ? '' : `, ${this.speed}× speed`),
    );
    const counts = Object.entries(recordings.issueCounts);
    if (counts.length === 0) return;
    this.log.warn(
      `replay ${this.id}: issues in the recordings: ${counts.map(([code, count]) => `${code} ×${count}`).join(', ')}`,
    );
    for (const issue of recordings.issues
      .filter((item) => item.severity !== 'info')
      .slice(0, ISSUE_LINES_LOGGED))
      this.log.warn(`replay ${this.id}: ${formatRecordingIssue(issue)}`);
  }
}
