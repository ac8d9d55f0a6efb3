import { resolve } from 'node:path';
import { TWIN_CONFIG_FILE_NAME } from '../domain/config/twinConfig';
import type { ServerOptions } from './createServer';

/** Port when PORT is not set. */
export const DEFAULT_PORT = 8080;

/**
 * Interface when HOST is not set: this machine only. `HOST=0.0.0.0` (or `::`) exposes the twin to the whole
 * network, which a city does deliberately (behind its firewall or reverse proxy), never by accident.
 */
export const DEFAULT_HOST = '127.0.0.1';

/**
 * The environment variables the server reads, each optional. Relative paths are taken from the working directory.
 * - `PORT` (default 8080; 0 picks a free port)
 * - `HOST` (default 127.0.0.1; 0.0.0.0 exposes the server on the network)
 * - `TWIN_CONFIG` (default `<cwd>/twin.config.json`)
 * - `TILES_DIR` (default `<cwd>/tiles`)
 * - `SCENES_DIR` (default `<cwd>/scenes`)
 * - `APP_DIR` (default `<cwd>/dist`, the output of `npm run build`)
 */
export type ServerEnvironment = Readonly<
  Partial<Record<'PORT' | 'HOST' | 'TWIN_CONFIG' | 'TILES_DIR' | 'SCENES_DIR' | 'APP_DIR', string>>
>;

/** Everything needed to start the server: where to listen and what to serve (absolute paths). */
export interface ServerSettings extends Required<Omit<ServerOptions, 'logger'>> {
  host: string;
  port: number;
}

/** A setting that cannot work; its message tells the administrator what to write instead. */
export class InvalidServerSettingError extends Error {
  constructor(
    readonly variable: keyof ServerEnvironment,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidServerSettingError';
  }
}

/** Reads the server's settings from environment variables; throws InvalidServerSettingError for an unusable PORT. */
export function readServerSettings(env: ServerEnvironment, cwd: string = process.cwd()): ServerSettings {
  const path = (value: string | undefined, fallback: string): string =>
    resolve(cwd, nonEmpty(value) ?? fallback);
  return {
    host: nonEmpty(env.HOST) ?? DEFAULT_HOST,
    port: parsePort(env.PORT),
    configFile: path(env.TWIN_CONFIG, TWIN_CONFIG_FILE_NAME),
    tilesDir: path(env.TILES_DIR, 'tiles'),
    scenesDir: path(env.SCENES_DIR, 'scenes'),
    appDir: path(env.APP_DIR, 'dist'),
  };
}

/** PORT as a number; unset or empty (as `PORT=` in an env file leaves it) means the default. */
function parsePort(value: string | undefined): number {
  const text = nonEmpty(value);
  if (text === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new InvalidServerSettingError(
      'PORT',
      `PORT="${value}" ist ungültig: erwartet wird eine ganze Zahl von 0 bis 65535, z. B. PORT=${DEFAULT_PORT}.`,
    );
  }
  return port;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
