import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Records (and blocks) every request that would leave this machine; returns the list to assert on. */
export async function recordRequestsLeavingLocalhost(context: BrowserContext): Promise<string[]> {
  const leaving: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) {
      return route.continue();
    }
    leaving.push(url.href);
    return route.abort('blockedbyclient');
  });
  return leaving;
}

/** Collects console errors and uncaught exceptions of a page. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Waits for the app's explicit signal that the first view is completely loaded. */
export async function waitForFirstView(page: Page): Promise<void> {
  await expect(page.locator('html[data-twin-ready="true"]')).toBeAttached({ timeout: 90_000 });
}

/** Share of pixels that differ from the most common colour, and the number of distinct colours, of a PNG. */
export function measureImageVariety(png: Buffer): {
  distinctColours: number;
  shareOffModeColour: number;
  /** Brightness 0–255 of the most common colour: a canvas WebGL never drew on is black (0). */
  modeBrightness: number;
} {
  const image = PNG.sync.read(png);
  const counts = new Map<number, number>();
  for (let offset = 0; offset < image.data.length; offset += 4) {
    const colour = (image.data[offset]! << 16) | (image.data[offset + 1]! << 8) | image.data[offset + 2]!;
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  const pixelCount = image.width * image.height;
  const [modeColour, modeCount] = [...counts.entries()].reduce((best, entry) =>
    entry[1] > best[1] ? entry : best,
  );
  const modeBrightness = (((modeColour >> 16) & 255) + ((modeColour >> 8) & 255) + (modeColour & 255)) / 3;
  return { distinctColours: counts.size, shareOffModeColour: 1 - modeCount / pixelCount, modeBrightness };
}

/**
 * Fails when axe-core finds a serious or critical violation on the page as it is now (WCAG 2.1 A/AA rules and
 * best practices: contrast, names and labels, roles, nesting). Only the 3D canvas is left out: what it shows has
 * its text alternatives elsewhere; Cesium's own widgets around it are checked like the rest of the app.
 */
export async function expectNoSeriousA11yViolations(page: Page, screenName: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).exclude('.cesium-widget canvas').analyze();
  const found = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${violation.help}`,
      ),
    );
  expect(found, `serious or critical accessibility violations on ${screenName}`).toEqual([]);
}
