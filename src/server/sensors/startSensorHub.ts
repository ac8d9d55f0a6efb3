import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_HUB_CONFIG, parseHubConfig, type HubConfig } from '../../domain/sensors/hub/hubConfig';
import type { ValidationIssue } from '../../domain/validation/issues';
import { errorCode, isMissingFileError } from '../fileSystem';
import { startEmbeddedBroker } from './embeddedBroker';
import { connectExternalPublisher } from './externalBrokerPublisher';
import type { ObservationPublisher } from './observationPublisher';
import { ObservationStore } from './observationStore';
import { createReplaySource } from './replay/createReplaySource';
import { SensorHub } from './sensorHub';
import { CONSOLE_HUB_LOG, type HubLog } from './sensorHubService';
import { createSources, type ReplaySourceFactory } from './sourceFactories';

export interface SensorHubStartOptions {
  /** Absolute path of sensors.config.json. */
  configFile: string;
  /** How messages name it (relative to the working directory when inside). */
  configName: string;
  /** True when the administrator named the file (SENSORS_CONFIG): then a missing file is an error. */
  configRequired: boolean;
  /** MQTT_PORT: overrides the embedded broker's port. */
  mqttPort?: number;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  log?: HubLog;
  /** Builds the replay (default: ./replay/createReplaySource). */
  replay?: ReplaySourceFactory;
}

/** A started hub, with what it was started from. */
export interface RunningSensorHub {
  hub: SensorHub;
  config: HubConfig;
  /** Absolute path of the database file. */
  databaseFile: string;
  /** Where MQTT subscribers connect, when the hub publishes. */
  brokerUrl: string | undefined;
  stop(): Promise<void>;
}

/** The configuration file has problems; each names file and JSON path. */
export class HubConfigError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(`the sensor hub configuration has ${issues.length} problem(s)`);
    this.name = 'HubConfigError';
  }
}

/** Reads sensors.config.json: the default when it is absent (and not required), issues when it is wrong. */
export async function readHubConfig(
  file: string,
  name: string,
  required: boolean,
): Promise<{ config: HubConfig; fromFile: boolean } | { issues: ValidationIssue[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isMissingFileError(error) && !required) return { config: DEFAULT_HUB_CONFIG, fromFile: false };
    const reason = isMissingFileError(error) ? 'no such file' : (errorCode(error) ?? String(error));
    return {
      issues: [
        { code: 'unreadable_file', file: name, path: '$', message: `cannot read the file (${reason})` },
      ],
    };
  }
  const result = parseHubConfig(text, name);
  return result.value ? { config: result.value, fromFile: true } : { issues: result.issues };
}

/**
 * Starts the sensor hub as its configuration says: opens the database, starts the embedded broker (or connects
 * to the external one), builds the sources and starts them. Throws HubConfigError for a bad configuration and
 * the error of the database; a broker that cannot listen (port taken) is reported and the hub runs without it.
 */
export async function startSensorHub(options: SensorHubStartOptions): Promise<RunningSensorHub> {
  const log = options.log ?? CONSOLE_HUB_LOG;
  const loaded = await readHubConfig(options.configFile, options.configName, options.configRequired);
  if ('issues' in loaded) throw new HubConfigError(loaded.issues);
  const { config } = loaded;
  const databaseFile = resolve(options.cwd, config.database.path);
  let lastWriteWarning = 0;
  const store = new ObservationStore(databaseFile, {
    onWriteError: (error) => {
      if (Date.now() - lastWriteWarning < 60_000) return;
      lastWriteWarning = Date.now();
      log.warn(
        `sensor hub cannot write ${databaseFile} (keeps the observations and tries again): ${String(error)}`,
      );
    },
  });
  let publisher: ObservationPublisher | undefined;
  try {
    publisher = await startPublisher(config, options, log);
    const sources = createSources(config.sources, {
      cwd: options.cwd,
      env: options.env,
      log,
      replay: options.replay ?? ((replayConfig, cwd) => createReplaySource(replayConfig, cwd, log)),
    });
    const hub = new SensorHub({
      sources,
      store,
      publisher,
      retentionDays: config.database.retentionDays,
      pruneIntervalMs: config.database.pruneIntervalMinutes * 60_000,
      batchIntervalMs: config.live.batchIntervalMilliseconds,
      futureToleranceMs: config.checks.futureToleranceSeconds * 1000,
      firstRejectionsPerReason: config.logging.firstRejectionsPerReason,
      summaryIntervalMs: config.logging.summaryIntervalSeconds * 1000,
      log,
    });
    await hub.start();
    return { hub, config, databaseFile, brokerUrl: publisher?.url, stop: () => hub.stop() };
  } catch (error) {
    store.close();
    await publisher?.close();
    throw error;
  }
}

async function startPublisher(
  config: HubConfig,
  options: SensorHubStartOptions,
  log: HubLog,
): Promise<ObservationPublisher | undefined> {
  const { broker } = config;
  if (broker.type === 'off') return undefined;
  if (broker.type === 'external')
    return connectExternalPublisher({
      url: broker.url,
      username: broker.username,
      password: broker.passwordEnv ? options.env[broker.passwordEnv] : undefined,
      clientId: broker.clientId,
      retain: broker.retain,
      log,
    });
  const port = options.mqttPort ?? broker.port;
  try {
    return await startEmbeddedBroker({ host: broker.host, port, retain: broker.retain });
  } catch (error) {
    const reason =
      errorCode(error) === 'EADDRINUSE' ? `${broker.host}:${port} is taken (another broker?)` : String(error);
    log.warn(
      `sensor hub runs without its MQTT broker: ${reason}. Choose another port with MQTT_PORT or broker.port, ` +
        `or "broker": { "type": "off" } in ${options.configName}.`,
    );
    return undefined;
  }
}
