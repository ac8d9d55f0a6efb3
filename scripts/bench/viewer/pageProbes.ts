import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** The script that installs the probes (pageProbes.js); give it to addInitScript before the page loads. */
export const PAGE_PROBES_SCRIPT = join(import.meta.dirname, 'pageProbes.js');

/** What the page loaded until its first view was complete. */
export interface PageLoadReport {
  /** performance.now() when <html data-twin-ready="true"> appeared: milliseconds since navigation start. */
  readyMilliseconds: number | undefined;
  /** Scripts include Cesium's workers. */
  scriptTransferBytes: number;
  totalTransferBytes: number;
  requestCount: number;
}

/** What the page recorded while the camera orbited. */
export interface PageFrameReport {
  frameTimestamps: number[];
  /** Chromium's performance.memory.usedJSHeapSize of the page's main thread. */
  usedJsHeapBytes: number | undefined;
}

// Evaluated as strings: a function compiled by tsx would carry esbuild's `__name` helper into the page.

/** Readiness time and what was transferred so far. */
export function readLoadReport(page: Page): Promise<PageLoadReport> {
  return page.evaluate('window.__twinBench.readLoadReport()');
}

/** Starts recording requestAnimationFrame timestamps. */
export function startFrameRecording(page: Page): Promise<void> {
  return page.evaluate('window.__twinBench.startFrameRecording()');
}

/** Stops recording; returns the frame timestamps and the JS heap in use. */
export function stopFrameRecording(page: Page): Promise<PageFrameReport> {
  return page.evaluate('window.__twinBench.stopFrameRecording()');
}
