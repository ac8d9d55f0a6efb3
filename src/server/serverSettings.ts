import { resolve } from 'node:path';
import { TWIN_CONFIG_FILE_NAME } from '../domain/config/twinConfig';
import { SENSORS_CONFIG_FILE_NAME } from '../domain/sensors/hub/hubConfig';
import type { ServerOptions } from './createServer';
import { readThermographySettings, readTrustProxy } from './thermography/thermographySettings';

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
 * - `SENSOR_HUB` (`off` switches the sensor hub off; default on)
 * - `SENSORS_CONFIG` (default `<cwd>/sensors.config.json`, optional; see docs/sensors.md)
 * - `MQTT_PORT` (the embedded MQTT broker's port, overriding the configuration; 0 picks a free port)
 * - `THERMOGRAPHY_DB`, `THERMOGRAPHY_SECURE_COOKIES`, `TRUST_PROXY` (see src/server/thermography/thermographySettings.ts)
 * - `SAVED_VARIANTS_DB` (default `<cwd>/data/saved-variants.sqlite`: variants saved in workshops; see docs/scenarios.md)
 * - `WORKSHOPS_DB` (default `<cwd>/data/workshops.sqlite`: workshop sessions, comments and votes; see docs/workshops.md)
 */
export type ServerEnvironment = Readonly<
  Partial<
    Record<
      | 'PORT'
      | 'HOST'
      | 'TWIN_CONFIG'
      | 'TILES_DIR'
      | 'SCENES_DIR'
      | 'APP_DIR'
      | 'SENSOR_HUB'
      | 'SENSORS_CONFIG'
      | 'MQTT_PORT'
      | 'SAVED_VARIANTS_DB'
      | 'WORKSHOPS_DB'
      | 'THERMOGRAPHY_DB'
      | 'THERMOGRAPHY_SECURE_COOKIES'
      | 'TRUST_PROXY',
      string
    >
  >
>;

/** Everything needed to start the server: where to listen and what to serve (absolute paths). */
export interface ServerSettings extends Required<
  Omit<ServerOptions, 'logger' | 'sensorHub' | 'sensorHubUnavailable' | 'workshopLimits'>
> {
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
    savedVariantsDatabase: path(env.SAVED_VARIANTS_DB, 'data/saved-variants.sqlite'),
    workshopsDatabase: path(env.WORKSHOPS_DB, 'data/workshops.sqlite'),
    thermography: readThermographySettings(env, cwd),
    trustProxy: readTrustProxy(env),
  };
}

/** Whether and how the sensor hub starts (SENSOR_HUB, SENSORS_CONFIG, MQTT_PORT). */
export interface SensorHubSettings {
  enabled: boolean;
  /** Absolute path of sensors.config.json. */
  configFile: string;
  /** True when SENSORS_CONFIG names the file: then it must exist. */
  configRequired: boolean;
  /** The embedded broker's port when MQTT_PORT is set. */
  mqttPort: number | undefined;
}

/** Reads the sensor hub's settings; throws InvalidServerSettingError for an unusable SENSOR_HUB or MQTT_PORT. */
export function readSensorHubSettings(
  env: ServerEnvironment,
  cwd: string = process.cwd(),
): SensorHubSettings {
  const switchText = nonEmpty(env.SENSOR_HUB)?.toLowerCase();
  if (
    switchText !== undefined &&
    !['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'].includes(switchText)
  ) {
    throw new InvalidServerSettingError(
      'SENSOR_HUB',
      `SENSOR_HUB="${env.SENSOR_HUB}" ist ungültig: erwartet wird on oder off, z. B. SENSOR_HUB=off.`,
    );
  }
  const configText = nonEmpty(env.SENSORS_CONFIG);
  const mqttPortText = nonEmpty(env.MQTT_PORT);
  return {
    enabled: !['off', 'false', '0', 'no'].includes(switchText ?? 'on'),
    configFile: resolve(cwd, configText ?? SENSORS_CONFIG_FILE_NAME),
    configRequired: configText !== undefined,
    mqttPort: mqttPortText === undefined ? undefined : parsePort(env.MQTT_PORT, 'MQTT_PORT', 1883),
  };
}

/** A port variable as a number; unset or empty (as `PORT=` in an env file leaves it) means the default. */
function parsePort(
  value: string | undefined,
  variable: 'PORT' | 'MQTT_PORT' = 'PORT',
  fallback: number = DEFAULT_PORT,
): number {
  const text = nonEmpty(value);
  if (text === undefined) return fallback;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new InvalidServerSettingError(
      variable,
      `${variable}="${value}" ist ungültig: erwartet wird eine ganze Zahl von 0 bis 65535, z. B. ${variable}=${fallback}.`,
    );
  }
  return port;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
