import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
/** The peer tiler's version we compare with: the only CityGML tiler on npm. */
export const CITYGML_TO_3DTILES_VERSION = '0.1.6';
/** Outside the project's dependencies: `.cache/` is git-ignored and package.json stays untouched. */
const INSTALL_FOLDER = join(ROOT, '.cache', 'bench', 'citygml-to-3dtiles');
const CONVERTER_MODULE = join(INSTALL_FOLDER, 'node_modules', 'citygml-to-3dtiles', 'src', 'Converter.mjs');
const INSTALL_TIMEOUT_MILLISECONDS = 5 * 60_000;

/** Where the installed converter module is, or why it could not be installed. */
export type InstallOutcome = { ok: true; converterModule: string } | { ok: false; reason: string };

/**
 * Installs citygml-to-3dtiles once into .cache/bench/ (from the npm registry) and reuses it afterwards. Install
 * scripts are skipped: the converter needs none (only a transitive spawn-sync has one, for Node < 0.12).
 */
export async function installCitygmlToTiles(log: (line: string) => void): Promise<InstallOutcome> {
  if (existsSync(CONVERTER_MODULE)) return { ok: true, converterModule: CONVERTER_MODULE };
  log(`installing citygml-to-3dtiles@${CITYGML_TO_3DTILES_VERSION} into ${INSTALL_FOLDER} …`);
  mkdirSync(INSTALL_FOLDER, { recursive: true });
  try {
    await promisify(execFile)(
      'npm',
      [
        'install',
        '--prefix',
        INSTALL_FOLDER,
        `citygml-to-3dtiles@${CITYGML_TO_3DTILES_VERSION}`,
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
      ],
      { cwd: INSTALL_FOLDER, timeout: INSTALL_TIMEOUT_MILLISECONDS, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `npm install failed: ${message.split('\n').slice(0, 6).join('\n')}` };
  }
  return existsSync(CONVERTER_MODULE)
    ? { ok: true, converterModule: CONVERTER_MODULE }
    : { ok: false, reason: `npm install finished, but ${CONVERTER_MODULE} is missing` };
}
