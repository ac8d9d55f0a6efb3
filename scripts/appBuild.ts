import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
/** Everything the built app depends on; a change to any of these makes `dist/` stale. */
const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.json'];
const BUILD_STAMP = join(ROOT, 'dist', '.build-stamp');

function newestModificationMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestModificationMs(join(path, name))),
    0,
  );
}

/** Whether `dist/` is missing or older than one of the build inputs. */
export function isAppBuildStale(): boolean {
  if (!existsSync(BUILD_STAMP)) return true;
  const builtMs = statSync(BUILD_STAMP).mtimeMs;
  return BUILD_INPUTS.some((input) => newestModificationMs(join(ROOT, input)) > builtMs);
}

/** Builds the app with Vite unless `dist/` is current. */
export async function buildAppIfStale(log: (line: string) => void): Promise<void> {
  if (!isAppBuildStale()) {
    log('App ist aktuell (dist/).');
    return;
  }
  log('Baut die App (vite build) …');
  const { build } = await import('vite');
  await build({ root: ROOT, logLevel: 'warn' });
  writeFileSync(BUILD_STAMP, new Date().toISOString());
  log('App gebaut.');
}
