import { join, resolve } from 'node:path';
import { DEFAULT_THERMOGRAPHY_LIMITS, type ThermographyServerOptions } from './thermographyRoutes';

/** Where the pipeline puts the private file by default: under data/, which the server never serves. */
export const DEFAULT_THERMOGRAPHY_DATABASE = join('data', 'thermography', 'thermography.sqlite');
/** The public outputs' folder inside the tiles folder (served at /tiles/thermography/). */
export const PUBLIC_THERMOGRAPHY_FOLDER = 'thermography';
export const OVERLAY_FILE_NAME = 'heat-loss-grid.geojson';
export const LEGEND_FILE_NAME = 'heat-loss-legend.json';

/**
 * Thermography settings from the environment: `THERMOGRAPHY_DB` (the private SQLite file), `TILES_DIR` (where the
 * public overlay lies), `THERMOGRAPHY_SECURE_COOKIES` (`auto`, `always`, `never`).
 */
export function readThermographySettings(
  env: Readonly<Partial<Record<string, string>>>,
  cwd: string = process.cwd(),
): ThermographyServerOptions {
  const secure = env.THERMOGRAPHY_SECURE_COOKIES?.trim().toLowerCase();
  return {
    databaseFile: resolve(cwd, env.THERMOGRAPHY_DB?.trim() || DEFAULT_THERMOGRAPHY_DATABASE),
    overlayFile: resolve(
      cwd,
      env.TILES_DIR?.trim() || 'tiles',
      PUBLIC_THERMOGRAPHY_FOLDER,
      OVERLAY_FILE_NAME,
    ),
    secureCookies: secure === 'always' || secure === 'never' ? secure : 'auto',
    ...DEFAULT_THERMOGRAPHY_LIMITS,
  };
}

/**
 * `TRUST_PROXY`: unset or `false` trusts no proxy (the client address is the socket's); `true` trusts every hop;
 * anything else is Fastify's list of trusted addresses (`127.0.0.1,10.0.0.0/8`). Only with a trusted proxy do
 * X-Forwarded-For (rate limits per client) and X-Forwarded-Proto (Secure cookies) count.
 */
export function readTrustProxy(env: Readonly<Partial<Record<string, string>>>): boolean | string {
  const value = env.TRUST_PROXY?.trim();
  if (!value || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  return value;
}
