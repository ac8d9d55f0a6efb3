// Part 4 of `npm run bench` (`--only sensors-browser`): the browser's main-thread cost of applying live sensor
// updates. The real app (dist/) and the real hub on a free port; a synthetic source feeds N sensors, each once a
// second; Chromium as in playwright.config.ts. The app's feed reports the main-thread time of each message it
// handles (a WebSocket message forwarded to the reader's worker, a batch back from it) and SensorLive each slice of
// values applied (the layer recolours inside it) to an init script.
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import playwrightConfig, { SYSTEM_CHROMIUM_PATH } from '../../../playwright.config';
import type { SensorDescription } from '../../../src/domain/sensors/sensorModel';
import { createServer } from '../../../src/server/createServer';
import { ObservationStore } from '../../../src/server/sensors/observationStore';
import { SensorHub } from '../../../src/server/sensors/sensorHub';
import { formatGoalRatio, formatHeading, formatNumber, formatTable } from '../benchTable';
import { BenchSource } from '../hub/benchSource';
import { median, percentile } from '../statistics';
import { applyWorkPerFrameAnyPhase, FRAME_PHASES, type Recording } from './frames';
import {
  cpuOfPieces,
  cpuPerFrame,
  findPageClock,
  mainThreadGcMs,
  mainThreadTaskMs,
  type CpuPerFrame,
} from './traceCpu';
import { endTrace, startTrace } from './traceRecorder';
import { readAllThreadTimes, threadTimesBetween, type ThreadTimes } from './threadSchedStat';
import { openMetricsSession, readMainThreadSeconds } from '../viewer/mainThreadMetrics';
import { prepareAppAndTiles } from '../viewer/prepareBenchApp';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const PROBE_SCRIPT = join(import.meta.dirname, 'applyProbe.js');
/** Goal from the issue: under 2 ms of main-thread work per frame for applying updates of 10,000 sensors at 1 Hz. */
export const APPLY_PER_FRAME_GOAL_MS = 2;
/** The hub sends what it got every this many ms (its default); the driver hands over a tenth of the sensors per 100 ms. */
const DRIVER_TICK_MS = 100;
const VIEW_CENTRE = { longitudeDegrees: 7.6283, latitudeDegrees: 51.9544 };

export interface SensorsBrowserBenchOptions {
  quick: boolean;
  workFolder: string;
  log(line: string): void;
}

/** `count` PM10 stations in a square grid about 28 m apart around the default view's centre. */
function gridSensors(count: number): SensorDescription[] {
  const side = Math.ceil(Math.sqrt(count));
  return Array.from({ length: count }, (_, index) => ({
    id: `bench-${index}`,
    name: `Bench ${index}`,
    kind: 'sensebox',
    position: {
      longitudeDegrees: VIEW_CENTRE.longitudeDegrees + ((index % side) - side / 2) * 0.0004,
      latitudeDegrees: VIEW_CENTRE.latitudeDegrees + (Math.floor(index / side) - side / 2) * 0.00025,
      heightAboveGroundMeters: 3,
    },
    // Sent every second; a long interval keeps them from turning stale while the driver pauses.
    phenomena: [{ phenomenon: 'pm10', intervalSeconds: 600 }],
    source: 'bench',
    licence: 'CC0-1.0',
    attribution: 'Benchmark',
  }));
}

/** Feeds every sensor once a second, a tenth of them per 100 ms; values wander across the PM10 levels. */
function startDriver(source: BenchSource, count: number): () => void {
  let tick = 0;
  const timer = setInterval(() => {
    const slice = tick % 10;
    const time = Date.now();
    for (let index = slice; index < count; index += 10) {
      const value = 5 + ((Math.floor(tick / 10) * 7 + index) % 70);
      source.emit({ sensorId: `bench-${index}`, phenomenon: 'pm10', value, time });
    }
    tick++;
  }, DRIVER_TICK_MS);
  return () => clearInterval(timer);
}

export interface SensorsBrowserResult {
  sensors: number;
  seconds: number;
  observationsPerSecond: number;
  /** Messages handled by the feed per second (from the WebSocket and from the reader's worker), and their ms. */
  batchesPerSecond: number;
  batchMedianMs: number;
  batchP95Ms: number;
  /** Slices of values applied (values, recolouring) per second, and their ms. */
  slicesPerSecond: number;
  sliceMedianMs: number;
  sliceP95Ms: number;
  frames: number;
  /** Apply work summed per 60 Hz frame: the mean over every frame of the window … */
  frameMeanMs: number;
  /** … and over the frames with any apply work in them. */
  busyFrames: number;
  busyFrameMedianMs: number;
  busyFrameP95Ms: number;
  frameMaxMs: number;
  /** Main-thread time of all tasks (Chromium's TaskDuration) per second, updating and with the feed paused. */
  busyUpdatingMsPerSecond: number;
  busyPausedMsPerSecond: number;
  /** From a Chrome trace of the updating window: the apply work's CPU time per frame (undefined if the trace
   * failed), and all main-thread GC per second. */
  cpu?: CpuPerFrame;
  gcMainThreadMsPerSecond?: number;
  /** The kernel's account of the page's main thread over the updating window, ms per second. */
  mainThreadPerSecond?: ThreadTimes;
  /** All the main thread's traced tasks, wall and CPU ms per second (CPU should match the kernel's on-CPU). */
  tracedTasksPerSecond?: { wallMs: number; cpuMs: number };
}

async function measureSensorCount(
  browser: Browser,
  count: number,
  seconds: number,
  workFolder: string,
  log: (line: string) => void,
): Promise<SensorsBrowserResult> {
  const databaseFile = join(workFolder, `sensors-browser-${count}.sqlite`);
  const source = new BenchSource(gridSensors(count));
  const hub = new SensorHub({
    sources: [source],
    store: new ObservationStore(databaseFile),
    log: { info: () => {}, warn: (line) => log(`hub: ${line}`) },
  });
  let app: FastifyInstance | undefined;
  let stopDriver = () => {};
  const context = await browser.newContext({ viewport: playwrightConfig.use?.viewport ?? undefined });
  try {
    await hub.start();
    app = await createServer({
      appDir: join(ROOT, 'dist'),
      tilesDir: join(ROOT, 'tiles'),
      scenesDir: join(ROOT, 'scenes'),
      configFile: join(ROOT, 'twin.config.json'),
      sensorHub: hub,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as { port: number }).port;
    stopDriver = startDriver(source, count);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.addInitScript({ path: PROBE_SCRIPT });
    await page.goto(`http://127.0.0.1:${port}/?camera=7.6283,51.9544,2500,0,-60&layers=buildings,sensors`);
    await page.locator('html[data-twin-ready="true"]').waitFor({ state: 'attached', timeout: 240_000 });
    // Warm-up: two rounds of every sensor after the first batch arrived.
    await page.waitForFunction(`window.__twinSensorBench.observationsSeen() >= ${count * 2}`, undefined, {
      timeout: 120_000,
    });
    const metrics = await openMetricsSession(page);

    const tracing = await page.context().newCDPSession(page);

    const window = async (): Promise<{ recording: Recording; busySeconds: number; span: number }> => {
      const before = await readMainThreadSeconds(metrics);
      await page.evaluate('window.__twinSensorBench.start()');
      await page.waitForTimeout(seconds * 1000);
      const recording = (await page.evaluate('window.__twinSensorBench.stop()')) as Recording;
      const after = await readMainThreadSeconds(metrics);
      const span = (recording.endMs - recording.startMs) / 1000;
      return { recording, busySeconds: after.task - before.task, span };
    };
    // The updating window is traced, with sync marks just before and after it for the clock.
    await startTrace(tracing);
    const marksBefore = (await page.evaluate('window.__twinSensorBench.sync()')) as number[];
    const threadsBefore = readAllThreadTimes();
    const updating = await window();
    const threadsAfter = readAllThreadTimes();
    const marksAfter = (await page.evaluate('window.__twinSensorBench.sync()')) as number[];
    let cpu: CpuPerFrame | undefined;
    let gcMainThreadMsPerSecond: number | undefined;
    let mainThreadPerSecond: ThreadTimes | undefined;
    let tracedTasksPerSecond: { wallMs: number; cpuMs: number } | undefined;
    try {
      const trace = await endTrace(tracing);
      const traceFolder = process.env.TWIN_BENCH_TRACE_DIR;
      if (traceFolder) {
        const file = join(traceFolder, `sensors-browser-${count}.trace.json`);
        writeFileSync(file, JSON.stringify({ traceEvents: trace.events }));
        const marks = [...marksBefore, ...marksAfter];
        writeFileSync(
          file.replace(/trace\.json$/, 'recording.json'),
          JSON.stringify({ ...updating.recording, marks }),
        );
        log(`sensors-browser ${count}: trace written to ${file}`);
      }
      const clock = findPageClock(trace.events, [...marksBefore, ...marksAfter]);
      const pieces = cpuOfPieces(updating.recording, trace.events, clock);
      cpu = cpuPerFrame(updating.recording, pieces);
      gcMainThreadMsPerSecond = mainThreadGcMs(updating.recording, trace.events, clock) / updating.span;
      const tasks = mainThreadTaskMs(updating.recording, trace.events, clock);
      tracedTasksPerSecond = { wallMs: tasks.wallMs / updating.span, cpuMs: tasks.cpuMs / updating.span };
      const mainThread = threadTimesBetween(threadsBefore, threadsAfter, clock.pid, clock.tid);
      if (mainThread) {
        mainThreadPerSecond = {
          onCpuMs: mainThread.onCpuMs / updating.span,
          waitingMs: mainThread.waitingMs / updating.span,
        };
      }
      // Handlers' pieces start with their FunctionCall / TimerFire: how far off they are checks the clock offset.
      const startGaps = pieces
        .filter((piece) => piece.enclosing === 'FunctionCall' || piece.enclosing === 'TimerFire')
        .map((piece) => Math.abs(piece.startMs - piece.enclosingStartMs!));
      const enclosing = new Map<string, number>();
      for (const piece of pieces)
        enclosing.set(piece.enclosing ?? '(none)', (enclosing.get(piece.enclosing ?? '(none)') ?? 0) + 1);
      log(
        `sensors-browser ${count}: trace ${trace.megabytes.toFixed(0)} MB${trace.dataLoss ? ' (events LOST)' : ''}, ` +
          `thread ${clock.threadName}, clock offset spread ${clock.spreadMs.toFixed(3)} ms over ` +
          `${marksBefore.length + marksAfter.length} marks, pieces start ${median(startGaps).toFixed(3)} ms ` +
          `(p95 ${percentile(startGaps, 0.95).toFixed(3)} ms) from their FunctionCall/TimerFire; CPU share from ` +
          [...enclosing].map(([name, pieceCount]) => `${name} ${pieceCount}`).join(', '),
      );
    } catch (error) {
      log(
        `sensors-browser ${count}: no CPU figures: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    await tracing.detach();
    stopDriver();
    // Let the last batches land, then the same window without updates.
    await page.waitForTimeout(1000);
    const paused = await window();
    if (pageErrors.length > 0) log(`sensors-browser ${count}: page errors: ${pageErrors.join(' | ')}`);

    const { work } = updating.recording;
    const batchMs = work.filter(([, , , kind]) => kind === 'receive').map(([, duration]) => duration);
    const sliceMs = work.filter(([, , , kind]) => kind === 'slice').map(([, duration]) => duration);
    const perFrame = applyWorkPerFrameAnyPhase(updating.recording);
    const busyFrames = perFrame.filter((work) => work > 0);
    // The feed reports a batch with the observations received for it; everything else reports 0.
    const observations = work.reduce((sum, [, , size]) => sum + size, 0);
    return {
      sensors: count,
      seconds: updating.span,
      observationsPerSecond: observations / updating.span,
      batchesPerSecond: batchMs.length / updating.span,
      batchMedianMs: median(batchMs),
      batchP95Ms: percentile(batchMs, 0.95),
      slicesPerSecond: sliceMs.length / updating.span,
      sliceMedianMs: median(sliceMs),
      sliceP95Ms: percentile(sliceMs, 0.95),
      frames: perFrame.length,
      frameMeanMs: perFrame.reduce((sum, value) => sum + value, 0) / perFrame.length,
      busyFrames: busyFrames.length,
      busyFrameMedianMs: median(busyFrames),
      busyFrameP95Ms: percentile(busyFrames, 0.95),
      frameMaxMs: Math.max(...perFrame),
      busyUpdatingMsPerSecond: (updating.busySeconds * 1000) / updating.span,
      busyPausedMsPerSecond: (paused.busySeconds * 1000) / paused.span,
      cpu,
      gcMainThreadMsPerSecond,
      mainThreadPerSecond,
      tracedTasksPerSecond,
    };
  } finally {
    stopDriver();
    await context.close();
    await app?.close();
    await hub.stop();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
  }
}

function formatResults(results: readonly SensorsBrowserResult[]): string {
  return formatTable(
    [
      { heading: 'sensors at 1 Hz', numeric: true },
      { heading: 'obs/s seen', numeric: true },
      { heading: 'messages/s', numeric: true },
      { heading: 'receive ms median', numeric: true },
      { heading: 'p95', numeric: true },
      { heading: 'slices/s', numeric: true },
      { heading: 'slice ms median', numeric: true },
      { heading: 'p95', numeric: true },
      { heading: `frames (${FRAME_PHASES} phases)`, numeric: true },
      { heading: 'ms/frame mean', numeric: true },
      { heading: 'frames with work', numeric: true },
      { heading: 'their ms median', numeric: true },
      { heading: 'p95', numeric: true },
      { heading: 'max', numeric: true },
      { heading: `median ÷ goal ${APPLY_PER_FRAME_GOAL_MS} ms`, numeric: true },
      { heading: 'p95 ÷ goal', numeric: true },
      { heading: 'busy ms/s updating', numeric: true },
      { heading: 'paused', numeric: true },
    ],
    results.map((result) => [
      formatNumber(result.sensors),
      formatNumber(result.observationsPerSecond),
      formatNumber(result.batchesPerSecond, 1),
      formatNumber(result.batchMedianMs, 2),
      formatNumber(result.batchP95Ms, 2),
      formatNumber(result.slicesPerSecond, 1),
      formatNumber(result.sliceMedianMs, 2),
      formatNumber(result.sliceP95Ms, 2),
      formatNumber(result.frames),
      formatNumber(result.frameMeanMs, 3),
      formatNumber(result.busyFrames),
      formatNumber(result.busyFrameMedianMs, 2),
      formatNumber(result.busyFrameP95Ms, 2),
      formatNumber(result.frameMaxMs, 2),
      formatGoalRatio(result.busyFrameMedianMs, APPLY_PER_FRAME_GOAL_MS, 'at-most'),
      formatGoalRatio(result.busyFrameP95Ms, APPLY_PER_FRAME_GOAL_MS, 'at-most'),
      formatNumber(result.busyUpdatingMsPerSecond),
      formatNumber(result.busyPausedMsPerSecond),
    ]),
  );
}

const formatShare = (share: number | undefined) =>
  share === undefined || Number.isNaN(share) ? '–' : `${formatNumber(share * 100)} %`;

/** The second table: the same apply work in CPU time (from the trace), and what the wall-clock tail was. */
function formatCpuResults(results: readonly SensorsBrowserResult[]): string {
  return formatTable(
    [
      { heading: 'sensors at 1 Hz', numeric: true },
      { heading: 'pieces in a traced event', numeric: true },
      { heading: 'apply CPU ÷ wall', numeric: true },
      { heading: 'CPU ms/frame mean', numeric: true },
      { heading: 'frames with work: CPU ms median', numeric: true },
      { heading: 'p95', numeric: true },
      { heading: 'max', numeric: true },
      { heading: `median ÷ goal ${APPLY_PER_FRAME_GOAL_MS} ms`, numeric: true },
      { heading: 'p95 ÷ goal', numeric: true },
      { heading: 'wall tail (≥ wall p95): frames', numeric: true },
      { heading: 'wall ms mean', numeric: true },
      { heading: 'off-CPU', numeric: true },
      { heading: 'in GC', numeric: true },
      { heading: 'GC ms/s in apply', numeric: true },
      { heading: 'all main-thread GC ms/s', numeric: true },
      { heading: 'main thread: traced tasks ms/s', numeric: true },
      { heading: 'their CPU', numeric: true },
      { heading: 'kernel: on CPU ms/s', numeric: true },
      { heading: 'runnable, waiting ms/s', numeric: true },
    ],
    results.map(
      ({ sensors, cpu, gcMainThreadMsPerSecond, mainThreadPerSecond, tracedTasksPerSecond, seconds }) => [
        formatNumber(sensors),
        cpu ? `${formatNumber(cpu.piecesMatched)} / ${formatNumber(cpu.pieces)}` : '–',
        cpu ? formatNumber(cpu.cpuMs / cpu.wallMs, 2) : '–',
        formatNumber(cpu?.cpuMeanMs, 3),
        formatNumber(cpu?.busyCpuMedianMs, 2),
        formatNumber(cpu?.busyCpuP95Ms, 2),
        formatNumber(cpu?.cpuMaxMs, 2),
        cpu ? formatGoalRatio(cpu.busyCpuMedianMs, APPLY_PER_FRAME_GOAL_MS, 'at-most') : '–',
        cpu ? formatGoalRatio(cpu.busyCpuP95Ms, APPLY_PER_FRAME_GOAL_MS, 'at-most') : '–',
        formatNumber(cpu?.tailFrames),
        formatNumber(cpu?.tailWallMeanMs, 2),
        formatShare(cpu?.tailOffCpuShare),
        formatShare(cpu?.tailGcShare),
        cpu ? formatNumber(cpu.gcInApplyMs / seconds, 2) : '–',
        formatNumber(gcMainThreadMsPerSecond, 1),
        formatNumber(tracedTasksPerSecond?.wallMs),
        formatNumber(tracedTasksPerSecond?.cpuMs),
        formatNumber(mainThreadPerSecond?.onCpuMs),
        formatNumber(mainThreadPerSecond?.waitingMs),
      ],
    ),
  );
}

/** Measures 1,000 and 10,000 sensors in turn and prints one table; a count that breaks is reported, the rest go on. */
export async function runSensorsBrowserBench(options: SensorsBrowserBenchOptions): Promise<void> {
  const seconds = options.quick ? 5 : 15;
  console.log(
    formatHeading(
      `Part 4: live sensors in the browser (real app and hub, each sensor once a second, ${seconds} s ` +
        'recorded, then as long with the feed paused)',
    ),
  );
  await prepareAppAndTiles(options.log);
  const browser = await chromium.launch({
    ...playwrightConfig.use?.launchOptions,
    executablePath: SYSTEM_CHROMIUM_PATH,
  });
  const results: SensorsBrowserResult[] = [];
  try {
    for (const count of [1_000, 10_000]) {
      options.log(`sensors-browser: ${formatNumber(count)} sensors`);
      try {
        results.push(await measureSensorCount(browser, count, seconds, options.workFolder, options.log));
      } catch (error) {
        console.log(
          `sensors-browser ${count}: stopped: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  if (results.length > 0) console.log(`${formatResults(results)}\n\n${formatCpuResults(results)}`);
  console.log(
    "receive: a message handled by the feed on the main thread (a WebSocket message's text forwarded to the " +
      "reader's worker, which parses and coalesces; a compact batch back from it queued in SensorLive); slice: " +
      'queued values applied and the changed markers recoloured (SensorLive, within 1 ms in any 16.7 ms); ' +
      'ms/frame: both summed per 60 Hz frame (frames at 8 phases against the recording; a piece across a ' +
      'frame end counts in both by its overlap); busy ms/s: every main-thread task ' +
      "(Chromium's TaskDuration), including the renders the updates ask for. Second table, from a Chrome trace " +
      "of the updating window: each piece's CPU ms = its wall ms × the thread-CPU share (tdur/dur) of the " +
      'innermost main-thread trace event around it (less nested events outside the piece), summed per frame as ' +
      'above; wall tail: the frames with work at or above the wall p95, the share of their wall ms the main ' +
      'thread was off the CPU (descheduled) and the share inside GC events (GC is on the CPU); main thread: all ' +
      "its traced tasks' wall and CPU ms per second, and the kernel's schedstat for the thread over the window " +
      '(on CPU should match the traced CPU; waiting = ready to run but no CPU free).',
  );
}
