import type { CDPSession, Page } from '@playwright/test';

/** Seconds the page's main thread spent, from Chromium's Performance domain (cumulative since the page opened). */
export interface MainThreadSeconds {
  /** All tasks: script, style, layout, paint setup, garbage collection. */
  task: number;
  script: number;
}

/** Opens a DevTools session on the page with the Performance domain enabled. */
export async function openMetricsSession(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return session;
}

/** Reads the cumulative main-thread task and script time. */
export async function readMainThreadSeconds(session: CDPSession): Promise<MainThreadSeconds> {
  const { metrics } = await session.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? Number.NaN;
  return { task: value('TaskDuration'), script: value('ScriptDuration') };
}
