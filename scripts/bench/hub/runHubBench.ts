// Part 3 of `npm run bench`: sensor hub throughput. Observations go in through a source (straight, or as JSON
// over MQTT through the real adapter), are checked, stored in SQLite and fanned out to WebSocket clients and an
// MQTT subscriber in another process; the figures are observations per second until each stage has handled the
// last of them.
import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { performance as nodePerformance } from 'node:perf_hooks';
import { fastify } from 'fastify';
import { sourceConfigSchema, type MqttSourceConfig } from '../../../src/domain/sensors/hub/hubConfig';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../../src/server/sensors/embeddedBroker';
import { ObservationStore } from '../../../src/server/sensors/observationStore';
import { SensorHub } from '../../../src/server/sensors/sensorHub';
import type { HubLog } from '../../../src/server/sensors/sensorHubService';
import { registerSensorRoutes, registerSensorWebSocket } from '../../../src/server/sensors/sensorRoutes';
import { MqttJsonSource } from '../../../src/server/sensors/sources/mqttJsonSource';
import { formatGoalRatio, formatHeading, formatNumber, formatTable } from '../benchTable';
import type { ClientsCommand, ClientsReport } from './benchClientsProcess';
import { BenchSource, benchObservation, benchSensors } from './benchSource';

/** Goal from the issue: at least 50,000 observations per second through the hub on this machine. */
export const HUB_THROUGHPUT_GOAL = 50_000;
/** 10,000 senseBoxes with three phenomena each: 30,000 series. */
const SENSOR_COUNT = 10_000;
/** Observations handed over between two turns of the event loop, as a busy socket would deliver them. */
const CHUNK = 2_000;
/** One observation of every series before the measured run. */
const WARM_UP = SENSOR_COUNT * 3;

export interface HubBenchOptions {
  quick: boolean;
  workFolder: string;
  log(line: string): void;
}

interface Scenario {
  name: string;
  via: 'source' | 'mqtt';
  webSocketClients: number;
  mqttSubscriber: boolean;
}

interface ScenarioResult {
  scenario: Scenario;
  observations: number;
  /** Until the hub had checked the last one and the database had it (its batch committed). */
  storedSeconds: number;
  /** Until every WebSocket client and the MQTT subscriber had the last one too. */
  fannedOutSeconds: number;
  /** CPU time of the hub's process in that time, all threads (the clients run in another process). */
  hubCpuSeconds: number;
  /** Time the hub's main thread (ingest, checks, SQLite, WebSocket) was busy; the broker's worker is apart. */
  mainThreadSeconds: number;
  rejected: number;
}

const QUIET_LOG: HubLog = { info: () => {}, warn: () => {} };

async function waitFor(condition: () => boolean, what: string, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** The clients' process and the latest counts it reported. */
interface BenchClients {
  received: { webSocket: number; mqtt: number };
  /** Has the process publish observations to the broker; resolves once all are sent. */
  publish(command: Omit<Extract<ClientsCommand, { type: 'publish' }>, 'type'>): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the clients in their own process (`node --import tsx`) and connects them. */
async function startBenchClients(
  port: number,
  webSocketClients: number,
  mqttUrl: string | undefined,
): Promise<BenchClients> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'benchClientsProcess.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let published: (() => void) | undefined;
  const clients: BenchClients = {
    received: { webSocket: 0, mqtt: 0 },
    publish: (command) =>
      new Promise((resolve) => {
        published = resolve;
        child.send({ type: 'publish', ...command } satisfies ClientsCommand);
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send({ type: 'stop' } satisfies ClientsCommand);
      }),
  };
  await new Promise<void>((resolve, reject) => {
    child.on('message', (report: ClientsReport) => {
      if (report.type === 'connected') resolve();
      else if (report.type === 'published') published?.();
      else if (report.type === 'failed')
        reject(new Error(`the clients could not connect: ${report.message}`));
      else clients.received = { webSocket: report.webSocket, mqtt: report.mqtt };
    });
    child.once('exit', (code) => reject(new Error(`the clients' process ended (${code})`)));
    child.send({ type: 'connect', port, webSocketClients, mqttUrl } satisfies ClientsCommand);
  });
  return clients;
}

async function runScenario(scenario: Scenario, count: number, workFolder: string): Promise<ScenarioResult> {
  const databaseFile = join(workFolder, `${scenario.name.replace(/\W+/g, '-')}.sqlite`);
  const store = new ObservationStore(databaseFile);
  const sensors = benchSensors(SENSOR_COUNT);
  const broker: EmbeddedBroker | undefined =
    scenario.mqttSubscriber || scenario.via === 'mqtt'
      ? await startEmbeddedBroker({ host: '127.0.0.1', port: 0, retain: true })
      : undefined;
  const benchSource = new BenchSource(sensors);
  const adapter =
    scenario.via === 'mqtt' && broker
      ? new MqttJsonSource(
          sourceConfigSchema.parse({
            type: 'mqtt',
            id: 'bench',
            url: broker.url,
            topics: 'bench/#',
            sensors,
            licence: 'CC0-1.0',
            attribution: 'Benchmark',
          }) as MqttSourceConfig,
        )
      : undefined;
  const hub = new SensorHub({
    sources: [adapter ?? benchSource],
    store,
    publisher: scenario.mqttSubscriber ? broker : undefined,
    log: QUIET_LOG,
  });
  const app = fastify();
  await registerSensorWebSocket(app);
  registerSensorRoutes(app, hub, '');
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  try {
    await hub.start();
    await waitFor(() => hub.sourceStatuses()[0]?.state === 'connected', 'the source is connected', 30_000);
    const startTime = Date.now() - 6 * 86_400_000;
    const clients =
      scenario.webSocketClients > 0 || scenario.mqttSubscriber || scenario.via === 'mqtt'
        ? await startBenchClients(
            port,
            scenario.webSocketClients,
            scenario.mqttSubscriber ? broker?.url : undefined,
          )
        : undefined;
    const handOver = async (from: number, to: number): Promise<void> => {
      if (scenario.via === 'mqtt' && broker) {
        await clients?.publish({
          brokerUrl: broker.url,
          from,
          to,
          sensorCount: SENSOR_COUNT,
          startTime,
          chunk: CHUNK,
        });
        return;
      }
      for (let index = from; index < to; index += CHUNK) {
        const end = Math.min(to, index + CHUNK);
        for (let next = index; next < end; next++)
          benchSource.emit(benchObservation(next, SENSOR_COUNT, startTime));
        await yieldToEventLoop();
      }
    };
    const handled = (): number => {
      const { accepted, rejected } = hub.handledCounts();
      return accepted + rejected;
    };
    const delivered = (): { webSocket: number; mqtt: number } =>
      clients?.received ?? { webSocket: Number.POSITIVE_INFINITY, mqtt: Number.POSITIVE_INFINITY };
    const allDelivered = (total: number): boolean =>
      (scenario.webSocketClients === 0 || delivered().webSocket >= total) &&
      (!scenario.mqttSubscriber || delivered().mqtt >= total);
    // A first round makes every series known (a running hub knows its sensors); it is not measured.
    await handOver(0, WARM_UP);
    await waitFor(() => handled() === WARM_UP, 'the hub handled the warm-up');
    store.flush();
    await waitFor(() => allDelivered(WARM_UP), 'the clients have the warm-up');
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const loopBefore = nodePerformance.eventLoopUtilization();
    await handOver(WARM_UP, WARM_UP + count);
    await waitFor(() => handled() === WARM_UP + count, 'the hub handled every observation');
    store.flush();
    const storedSeconds = (performance.now() - started) / 1000;
    await waitFor(() => allDelivered(WARM_UP + count), 'every client has every observation');
    const fannedOutSeconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const hubCpuSeconds = (cpu.user + cpu.system) / 1e6;
    const mainThreadSeconds = nodePerformance.eventLoopUtilization(loopBefore).active / 1000;
    const { rejected } = hub.handledCounts();
    await clients?.stop();
    return {
      scenario,
      observations: count,
      storedSeconds,
      fannedOutSeconds,
      hubCpuSeconds,
      mainThreadSeconds,
      rejected,
    };
  } finally {
    await app.close();
    await hub.stop();
    if (!scenario.mqttSubscriber) await broker?.close();
    rmSync(databaseFile, { force: true });
    rmSync(`${databaseFile}-wal`, { force: true });
    rmSync(`${databaseFile}-shm`, { force: true });
  }
}

function formatHubTable(results: readonly ScenarioResult[]): string {
  return formatTable(
    [
      { heading: 'scenario' },
      { heading: 'observations', numeric: true },
      { heading: 'checked + stored obs/s', numeric: true },
      { heading: 'fanned out obs/s', numeric: true },
      { heading: 'hub CPU µs/obs', numeric: true },
      { heading: 'main thread µs/obs', numeric: true },
      { heading: 'refused', numeric: true },
      { heading: `÷ goal ${formatNumber(HUB_THROUGHPUT_GOAL)}`, numeric: true },
    ],
    results.map((result) => {
      const fannedOut = result.observations / result.fannedOutSeconds;
      return [
        result.scenario.name,
        formatNumber(result.observations),
        formatNumber(result.observations / result.storedSeconds),
        formatNumber(fannedOut),
        formatNumber((result.hubCpuSeconds * 1e6) / result.observations, 1),
        formatNumber((result.mainThreadSeconds * 1e6) / result.observations, 1),
        formatNumber(result.rejected),
        formatGoalRatio(fannedOut, HUB_THROUGHPUT_GOAL, 'at-least'),
      ];
    }),
  );
}

/** Runs every scenario once and prints one table; a scenario that breaks is reported and the rest go on. */
export async function runHubBench(options: HubBenchOptions): Promise<void> {
  const count = options.quick ? 60_000 : 300_000;
  const scenarios: Scenario[] = [
    { name: 'check + store', via: 'source', webSocketClients: 0, mqttSubscriber: false },
    { name: '+ MQTT (1 subscriber)', via: 'source', webSocketClients: 0, mqttSubscriber: true },
    { name: '+ MQTT + 10 WebSocket clients', via: 'source', webSocketClients: 10, mqttSubscriber: true },
    { name: '+ MQTT + 50 WebSocket clients', via: 'source', webSocketClients: 50, mqttSubscriber: true },
    {
      name: 'JSON over MQTT adapter + MQTT + 10 WS',
      via: 'mqtt',
      webSocketClients: 10,
      mqttSubscriber: true,
    },
  ];
  console.log(
    formatHeading(
      `Part 3: sensor hub (${formatNumber(SENSOR_COUNT)} sensors × 3 phenomena, SQLite in WAL, aedes in a worker ` +
        'thread, clients in a second process)',
    ),
  );
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    options.log(`hub: ${scenario.name}, ${formatNumber(count)} observations`);
    try {
      results.push(await runScenario(scenario, count, options.workFolder));
    } catch (error) {
      console.log(
        `hub scenario "${scenario.name}" stopped: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  if (results.length > 0) console.log(formatHubTable(results));
}
