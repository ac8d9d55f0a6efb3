import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import playwrightConfig, { SYSTEM_CHROMIUM_PATH } from '../../../playwright.config';
import { startServer, type RunningServer } from '../../../src/server/startServer';
import { formatHeading } from '../benchTable';
import { measurePage, type PageVisit } from './measurePage';
import { createBenchAppFolder, PLAIN_PAGE_PATH, prepareAppAndTiles } from './prepareBenchApp';
import {
  APP_OVER_PLAIN_GOAL,
  formatPageRatioTable,
  formatVisitTable,
  type BenchPage,
  type NamedMeasurement,
} from './viewerReport';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const DEFAULT_VIEWPORT = { width: 1024, height: 700 };

/** Options of the viewer part. */
export interface ViewerBenchOptions {
  quick: boolean;
  log(line: string): void;
}

/** Chromium as the end-to-end tests launch it: Debian's build where installed, SwiftShader WebGL, same flags. */
function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    ...playwrightConfig.use?.launchOptions,
    executablePath: SYSTEM_CHROMIUM_PATH,
  });
}

/** The app's canvas size, which the plain page copies; known after the first visit of the app. */
interface CanvasSize {
  width: number;
  height: number;
}

/**
 * One round: the app showing the buildings only and the plain page, the app first in odd rounds and the plain
 * page first in even ones, so a machine that gets busier or quieter during the run does not favour one page;
 * then the app with its default layers. The first round learns the app's canvas size.
 */
async function measureRound(
  browser: Browser,
  baseUrl: string,
  round: number,
  orbitSeconds: number,
  canvasSize: CanvasSize | undefined,
  options: ViewerBenchOptions,
): Promise<{ visits: NamedMeasurement[]; canvasSize: CanvasSize }> {
  const viewport = playwrightConfig.use?.viewport ?? DEFAULT_VIEWPORT;
  const visitApp = async (page: BenchPage, search: string): Promise<NamedMeasurement> => {
    options.log(`viewer round ${round}: ${page} …`);
    const visit: PageVisit = {
      url: `${baseUrl}${search}`,
      viewport,
      orbitSeconds,
      canvasSelector: '.twin-viewer canvas',
    };
    return { page, round, measurement: await measurePage(browser, visit) };
  };
  const visitPlain = async (size: CanvasSize): Promise<NamedMeasurement> => {
    options.log(`viewer round ${round}: plain CesiumJS page …`);
    const url = `${baseUrl}${PLAIN_PAGE_PATH.slice(1)}?width=${size.width}&height=${size.height}`;
    const visit: PageVisit = { url, viewport, orbitSeconds, canvasSelector: '#viewer canvas' };
    return { page: 'plain CesiumJS', round, measurement: await measurePage(browser, visit) };
  };
  // What the plain page shows: the default city's buildings, from the default camera.
  const visitAppLikePlain = () => visitApp('app', '?layers=buildings');
  let pair: NamedMeasurement[];
  if (canvasSize && round % 2 === 0) {
    const plain = await visitPlain(canvasSize);
    pair = [plain, await visitAppLikePlain()];
  } else {
    const app = await visitAppLikePlain();
    canvasSize ??= { width: app.measurement.canvasWidth, height: app.measurement.canvasHeight };
    pair = [app, await visitPlain(canvasSize)];
  }
  return { visits: [...pair, await visitApp('app, default layers', '')], canvasSize };
}

/** Part 2: the app against a plain CesiumJS page, both served by the real server and orbited the same way. */
export async function runViewerBench(options: ViewerBenchOptions): Promise<void> {
  const rounds = options.quick ? 1 : 2;
  const orbitSeconds = options.quick ? 10 : 20;
  console.log(
    formatHeading('Part 2: viewer (default city, Chromium with SwiftShader, fresh cache per visit)'),
  );
  try {
    await prepareAppAndTiles(options.log);
  } catch (error) {
    console.log(`viewer part skipped: the app or the default tiles could not be built: ${String(error)}`);
    return;
  }
  const appFolder = createBenchAppFolder();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const visits: NamedMeasurement[] = [];
  try {
    server = await startServer(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        APP_DIR: appFolder,
        TILES_DIR: join(ROOT, 'tiles'),
        SCENES_DIR: join(ROOT, 'scenes'),
        TWIN_CONFIG: join(ROOT, 'twin.config.json'),
        // The app as users get it, sensor hub included, but never on the broker port of a running `npm start`.
        MQTT_PORT: '0',
      },
      ROOT,
    );
    browser = await launchBrowser();
    let canvasSize: CanvasSize | undefined;
    for (let round = 1; round <= rounds; round++) {
      const result = await measureRound(browser, server.url, round, orbitSeconds, canvasSize, options);
      visits.push(...result.visits);
      canvasSize = result.canvasSize;
    }
  } catch (error) {
    console.log(`viewer part stopped: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(appFolder, { recursive: true, force: true });
  }
  if (visits.length === 0) return;
  console.log(
    `Ready = <html data-twin-ready="true"> (first view's globe, imagery and tiles loaded), from navigation start. ` +
      `Then ${orbitSeconds} s of orbit around the view centre (middle-button drag, ±180° sweeps of 10 s); ` +
      'frame time = requestAnimationFrame interval; main s / script s = main-thread task / script time during the ' +
      'orbit (Chromium Performance metrics). The plain page gets the app’s canvas size; odd rounds open the app ' +
      'first, even rounds the plain page. JS MB / loaded MB = transferred (compressed) until ready.\n',
  );
  console.log(formatVisitTable(visits));
  console.log('');
  console.log(formatPageRatioTable(visits, ['app', 'plain CesiumJS'], APP_OVER_PLAIN_GOAL));
  console.log('');
  console.log('What the app’s default layers (places and live sensors besides the buildings) cost:');
  console.log(formatPageRatioTable(visits, ['app, default layers', 'app'], undefined));
  for (const visit of visits) {
    for (const error of visit.measurement.pageErrors.slice(0, 5))
      console.log(`page error (${visit.page}, round ${visit.round}): ${error}`);
  }
}
