import type { Browser } from '@playwright/test';
import { intervalsOf, median, percentile } from '../statistics';
import { openMetricsSession, readMainThreadSeconds } from './mainThreadMetrics';
import { orbitByMiddleDrag } from './orbitCamera';
import { PAGE_PROBES_SCRIPT, readLoadReport, startFrameRecording, stopFrameRecording } from './pageProbes';

const READY_TIMEOUT_MILLISECONDS = 240_000;
/** Frames longer than this are counted as janky (below 20 fps). */
const LONG_FRAME_MILLISECONDS = 50;

/** How one page is opened and orbited. */
export interface PageVisit {
  url: string;
  viewport: { width: number; height: number };
  orbitSeconds: number;
  /** Where the viewer's canvas is: `.twin-viewer canvas` in the app, `#viewer canvas` in the plain page. */
  canvasSelector: string;
}

/** The figures of one visit: load to first complete view, then frame times during the orbit. */
export interface PageMeasurement {
  readySeconds: number;
  canvasWidth: number;
  canvasHeight: number;
  frameCount: number;
  medianFrameMilliseconds: number;
  p95FrameMilliseconds: number;
  longFrameShare: number;
  framesPerSecond: number;
  /** Main-thread time during the orbit: all tasks, and script alone (Chromium's Performance metrics). */
  orbitTaskSeconds: number;
  orbitScriptSeconds: number;
  usedJsHeapMegabytes: number | undefined;
  scriptTransferMegabytes: number;
  totalTransferMegabytes: number;
  requestCount: number;
  pageErrors: string[];
}

/**
 * Opens `url` in a fresh browser context (empty cache), waits for `data-twin-ready`, then records
 * requestAnimationFrame intervals while orbiting the camera. Throws when the page never becomes ready.
 */
export async function measurePage(browser: Browser, visit: PageVisit): Promise<PageMeasurement> {
  const context = await browser.newContext({ viewport: visit.viewport });
  try {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
    await page.addInitScript({ path: PAGE_PROBES_SCRIPT });
    await page.goto(visit.url);
    await page
      .locator('html[data-twin-ready="true"]')
      .waitFor({ state: 'attached', timeout: READY_TIMEOUT_MILLISECONDS });
    const load = await readLoadReport(page);
    const canvas = await page.locator(visit.canvasSelector).boundingBox();
    if (!canvas) throw new Error(`${visit.url}: no ${visit.canvasSelector}`);

    const metrics = await openMetricsSession(page);
    const before = await readMainThreadSeconds(metrics);
    await startFrameRecording(page);
    await orbitByMiddleDrag(page, canvas, visit.orbitSeconds);
    const frames = await stopFrameRecording(page);
    const after = await readMainThreadSeconds(metrics);
    const intervals = intervalsOf(frames.frameTimestamps);
    const spanMilliseconds = frames.frameTimestamps.at(-1)! - frames.frameTimestamps[0]!;
    return {
      readySeconds: (load.readyMilliseconds ?? Number.NaN) / 1000,
      canvasWidth: Math.round(canvas.width),
      canvasHeight: Math.round(canvas.height),
      frameCount: intervals.length,
      medianFrameMilliseconds: median(intervals),
      p95FrameMilliseconds: percentile(intervals, 0.95),
      longFrameShare:
        intervals.filter((interval) => interval > LONG_FRAME_MILLISECONDS).length / intervals.length,
      framesPerSecond: (intervals.length / spanMilliseconds) * 1000,
      orbitTaskSeconds: after.task - before.task,
      orbitScriptSeconds: after.script - before.script,
      usedJsHeapMegabytes: frames.usedJsHeapBytes === undefined ? undefined : frames.usedJsHeapBytes / 1e6,
      scriptTransferMegabytes: load.scriptTransferBytes / 1e6,
      totalTransferMegabytes: load.totalTransferBytes / 1e6,
      requestCount: load.requestCount,
      pageErrors,
    };
  } finally {
    await context.close();
  }
}
