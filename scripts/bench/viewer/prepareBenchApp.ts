import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createProgressPrinter } from '../../defaultData';
import { buildAppIfStale } from '../../appBuild';
import { createDefaultCityStage } from '../../defaultCityStage';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const DIST = join(ROOT, 'dist');
/** CesiumJS's prebuilt ESM bundle (no imports of its own), for the plain page. */
const CESIUM_ESM_BUNDLE = join(ROOT, 'node_modules', 'cesium', 'Build', 'Cesium', 'index.js');
const PLAIN_PAGE_SOURCE = resolve(import.meta.dirname, '..', 'plainCesium');
/** Where the plain CesiumJS page appears on the bench's server. */
export const PLAIN_PAGE_PATH = '/bench-plain-cesium/index.html';

/** Builds the default city's tiles (as `npm start` does on first run) and the app, when either is stale. */
export async function prepareAppAndTiles(log: (line: string) => void): Promise<void> {
  const stage = createDefaultCityStage(join(ROOT, 'tiles'));
  if (!stage.isUpToDate()) {
    log(`building ${stage.name} (tiles/default) …`);
    await stage.run(createProgressPrinter(stage.name, process.stderr));
  }
  await buildAppIfStale(log);
}

function linkEntries(sourceFolder: string, targetFolder: string, except: ReadonlySet<string>): void {
  for (const name of readdirSync(sourceFolder)) {
    if (!except.has(name)) symlinkSync(join(sourceFolder, name), join(targetFolder, name));
  }
}

/**
 * A folder to serve as APP_DIR: the built app (linked, not copied), plus CesiumJS's ESM bundle at /cesium/index.js
 * beside the app's own Cesium assets, and the plain page. Both pages then come from the same real server with
 * the same headers, compression and Content-Security-Policy.
 */
export function createBenchAppFolder(): string {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error(`${DIST} has no index.html: the app is not built`);
  const folder = mkdtempSync(join(tmpdir(), 'twin-bench-app-'));
  linkEntries(DIST, folder, new Set(['cesium']));
  mkdirSync(join(folder, 'cesium'));
  linkEntries(join(DIST, 'cesium'), join(folder, 'cesium'), new Set());
  symlinkSync(CESIUM_ESM_BUNDLE, join(folder, 'cesium', 'index.js'));
  symlinkSync(PLAIN_PAGE_SOURCE, join(folder, 'bench-plain-cesium'));
  return folder;
}
