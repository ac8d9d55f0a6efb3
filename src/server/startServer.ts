import type { AddressInfo } from 'node:net';
import { isAbsolute, relative } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { formatIssue } from '../domain/validation/issues';
import { createServer } from './createServer';
import { errorCode } from './fileSystem';
import {
  InvalidServerSettingError,
  readSensorHubSettings,
  readServerSettings,
  type SensorHubSettings,
  type ServerEnvironment,
} from './serverSettings';
import { HubConfigError, startSensorHub, type RunningSensorHub } from './sensors/startSensorHub';

/** A listening server and how to stop it. */
export interface RunningServer {
  app: FastifyInstance;
  /** The address printed on start, e.g. `http://127.0.0.1:8080/`. */
  url: string;
  /** Stops accepting connections, lets running downloads finish (up to a few seconds) and resolves when closed. */
  close(): Promise<void>;
}

/** How long a shutdown waits for running downloads before cutting their connections. */
const SHUTDOWN_GRACE_MS = 5_000;

/** Signals that stop the server gracefully: Ctrl+C in a terminal, and what service managers and Docker send. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Starts the server as the environment says (see ServerEnvironment), prints the one line that tells where it runs,
 * and stops it gracefully on SIGINT/SIGTERM. A second Ctrl+C ends the process at once (Node's default returns).
 * Throws InvalidServerSettingError for a bad PORT and the listen error (e.g. EADDRINUSE) if the port is taken.
 */
export async function startServer(
  env: ServerEnvironment,
  cwd: string = process.cwd(),
): Promise<RunningServer> {
  const { host, port, ...folders } = readServerSettings(env, cwd);
  const sensors = await startSensorHubForServer(readSensorHubSettings(env, cwd), env, cwd);
  let app: FastifyInstance | undefined;
  try {
    app = await createServer({
      ...folders,
      sensorHub: sensors.running?.hub,
      sensorHubUnavailable: sensors.unavailable,
    });
    await app.listen({ port, host });
  } catch (error) {
    await app?.close();
    await sensors.running?.stop();
    throw error;
  }
  const server = app;
  const url = serverUrl(host, (server.server.address() as AddressInfo).port);
  console.log(`Münster Twin läuft auf ${url} (Ctrl+C beendet)`);
  if (sensors.running) console.log(describeSensorHub(sensors.running, cwd));

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      STOP_SIGNALS.forEach((signal) => process.off(signal, stopOnSignal));
      // Idle keep-alive connections close at once; a viewer in the middle of a big tile gets a moment to finish.
      const cutOff = setTimeout(() => server.server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
      try {
        await server.close();
      } finally {
        clearTimeout(cutOff);
        await sensors.running?.stop();
      }
    })();
    return closing;
  };
  const stopOnSignal = (signal: NodeJS.Signals): void => {
    console.log(`${signal}: Münster Twin wird beendet …`);
    close().catch((error: unknown) => {
      console.error('Münster Twin konnte nicht sauber beendet werden:', error);
      process.exitCode = 1;
    });
  };
  STOP_SIGNALS.forEach((signal) => process.once(signal, stopOnSignal));
  return { app: server, url, close };
}

/**
 * startServer for command-line entry points: instead of throwing, it explains the problem on stderr and sets the
 * exit code (2 for a bad setting, 1 for anything else), so the process ends cleanly with that code.
 */
export async function startServerFromEnvironment(
  env: ServerEnvironment,
  cwd: string = process.cwd(),
): Promise<RunningServer | undefined> {
  try {
    return await startServer(env, cwd);
  } catch (error) {
    if (error instanceof InvalidServerSettingError) {
      console.error(error.message);
      process.exitCode = 2;
    } else if (errorCode(error) === 'EADDRINUSE') {
      const { host, port } = readServerSettings(env, cwd);
      console.error(
        `${host}:${port} ist schon belegt (läuft der Twin schon?). Anderen Port wählen, z. B. PORT=8081.`,
      );
      process.exitCode = 1;
    } else {
      console.error('Münster Twin konnte nicht starten:', error);
      process.exitCode = 1;
    }
    return undefined;
  }
}

/**
 * Starts the sensor hub unless SENSOR_HUB=off. Its problems (a bad sensors.config.json, an unopenable database)
 * are explained on stderr but never keep the twin from starting: the sensor API then answers 503 with the reason.
 */
async function startSensorHubForServer(
  settings: SensorHubSettings,
  env: ServerEnvironment,
  cwd: string,
): Promise<{ running?: RunningSensorHub; unavailable: string }> {
  if (!settings.enabled) return { unavailable: 'the sensor hub is switched off (SENSOR_HUB=off)' };
  const configName = displayPath(settings.configFile, cwd);
  try {
    const running = await startSensorHub({
      configFile: settings.configFile,
      configName,
      configRequired: settings.configRequired,
      mqttPort: settings.mqttPort,
      cwd,
      // Sources may name further variables for their secrets (`passwordEnv`).
      env: env as Readonly<Record<string, string | undefined>>,
    });
    return { running, unavailable: '' };
  } catch (error) {
    if (error instanceof HubConfigError) {
      error.issues.forEach((issue) => console.error(formatIssue(issue)));
      console.error(
        `Sensor-Hub nicht gestartet: ${configName} hat ${error.issues.length} Fehler (siehe oben).`,
      );
      return { unavailable: `the sensor hub configuration ${configName} has problems (see the server log)` };
    }
    console.error('Sensor-Hub nicht gestartet:', error);
    return { unavailable: 'the sensor hub could not start (see the server log)' };
  }
}

/** The line that tells an administrator what the hub runs with. */
function describeSensorHub(running: RunningSensorHub, cwd: string): string {
  const sources = running.hub.sourceStatuses().map((status) => status.id);
  return (
    `Sensor-Hub: ${sources.length} Quelle(n)${sources.length > 0 ? ` (${sources.join(', ')})` : ''}, ` +
    `MQTT ${running.brokerUrl ?? 'aus'}, Datenbank ${displayPath(running.databaseFile, cwd)}`
  );
}

/** A path as an administrator would type it: relative to the working directory when inside it. */
function displayPath(path: string, cwd: string): string {
  const fromCwd = relative(cwd, path);
  return fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : path;
}

/** The URL people type: IPv6 addresses need brackets. */
function serverUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}
