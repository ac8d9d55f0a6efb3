// Upstreams go away during a test and come back: each adapter says `reconnecting`, tries again with backoff,
// says `connected` and resumes; what was stored before, during and after is all in the database file.
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubMessage } from '../../../domain/sensors/hubProtocol';
import { sourceConfigSchema, type SourceConfig } from '../../../domain/sensors/hub/hubConfig';
import type { SensorSource } from '../../../domain/sensors/sensorSource';
import { ObservationStore } from '../observationStore';
import { SensorHub } from '../sensorHub';
import { MqttJsonSource } from '../sources/mqttJsonSource';
import { OpenSenseMapSource } from '../sources/openSenseMapSource';
import { SensorThingsSource } from '../sources/sensorThingsSource';
import {
  collectingLog,
  createTempFolder,
  isoSecondsAgo,
  testSensor,
  waitUntil,
} from '../testSupport/hubTestSupport';
import { measure, startOpenSenseMapTestServer, testBox } from '../testSupport/openSenseMapTestServer';
import { observationsTopic, startSensorThingsTestServer } from '../testSupport/sensorThingsTestServer';
import { connectTestClient, startTestBroker, type TestBroker } from '../testSupport/testBroker';

const FAST_RECONNECT = { initialDelaySeconds: 0.05, maxDelaySeconds: 0.4 };

let folder: { path: string; remove(): Promise<void> };
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  folder = await createTempFolder();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await folder.remove();
});

const databaseFile = (): string => join(folder.path, 'sensors.sqlite');

/** A hub on a database file, with the source states it announced to browsers since the source first connected. */
async function startHub(source: SensorSource): Promise<{ hub: SensorHub; states: string[] }> {
  const hub = new SensorHub({
    sources: [source],
    store: new ObservationStore(databaseFile()),
    log: collectingLog(),
  });
  const states: string[] = [];
  hub.subscribe((message: HubMessage) => {
    // State changes only: the detail (the last error) may change while the state stays.
    if (message.type === 'sources' && states.at(-1) !== message.sources[0]!.state)
      states.push(message.sources[0]!.state);
  });
  await hub.start();
  cleanups.push(() => hub.stop());
  await waitUntil(() => hub.sourceStatuses()[0]?.state === 'connected', 'the source is connected');
  states.length = 0;
  return { hub, states };
}

/** What a restarted hub finds in the file. */
function storedAfterRestart(): { count: number; times: number[] } {
  const store = new ObservationStore(databaseFile());
  try {
    const latest = store.latestPerSeries(Date.now() + 60_000);
    return { count: store.count(), times: latest.map((row) => row.time).sort() };
  } finally {
    store.close();
  }
}

function parse<T extends SourceConfig>(json: Record<string, unknown>): T {
  return sourceConfigSchema.parse({ reconnect: FAST_RECONNECT, ...json }) as T;
}

async function startBroker(): Promise<TestBroker> {
  const broker = await startTestBroker();
  cleanups.push(() => broker.stop());
  return broker;
}

async function connectClient(broker: TestBroker): Promise<MqttClient> {
  const client = await connectTestClient(broker.url);
  cleanups.push(() => client.endAsync(true));
  return client;
}

describe('when the MQTT broker goes away', () => {
  it('the adapter says reconnecting, comes back with backoff when the broker does, and loses nothing stored', async () => {
    const broker = await startBroker();
    const source = new MqttJsonSource(
      parse({
        type: 'mqtt',
        id: 'lorawan',
        url: broker.url,
        topics: 'up/#',
        sensors: [testSensor('aasee-buoy')],
        licence: 'CC0-1.0',
        attribution: 'Test',
      }),
    );
    const { hub, states } = await startHub(source);
    const send = async (client: MqttClient, secondsAgo: number): Promise<void> => {
      await client.publishAsync(
        'up/aasee',
        JSON.stringify({
          sensorId: 'aasee-buoy',
          phenomenon: 'water_temperature',
          value: 20,
          time: isoSecondsAgo(secondsAgo),
        }),
      );
    };
    const before = await connectTestClient(broker.url);
    for (const secondsAgo of [50, 40, 30]) await send(before, secondsAgo);
    await waitUntil(() => hub.stats().accepted === 3, 'three observations before the outage');
    await before.endAsync(true);

    await broker.stop();
    await waitUntil(() => hub.sourceStatuses()[0]?.state === 'reconnecting', 'the adapter is reconnecting');
    expect(hub.sourceStatuses()[0]?.detail).toMatch(/ECONNREFUSED|connection lost|closed/);
    await broker.restart();
    await waitUntil(() => hub.sourceStatuses()[0]?.state === 'connected', 'the adapter is connected again');
    expect(states).toEqual(['reconnecting', 'connected']);

    const after = await connectClient(broker);
    for (const secondsAgo of [20, 10]) await send(after, secondsAgo);
    await waitUntil(() => hub.stats().accepted === 5, 'two observations after the outage');
    await hub.stop();
    expect(storedAfterRestart().count).toBe(5);
  }, 60_000);
});

describe('when the SensorThings server and its broker go away', () => {
  it('reconnects both and fetches what was published while they were gone from the REST history', async () => {
    const broker = await startBroker();
    const upstream = await startSensorThingsTestServer([
      {
        id: 7,
        name: 'Aasee-Boje',
        coordinates: [7.6105, 51.9566],
        datastreams: [
          {
            id: 70,
            name: 'Sauerstoff',
            observedProperty: { name: 'Dissolved oxygen' },
            unit: { symbol: 'mg/L' },
            observations: [{ phenomenonTime: isoSecondsAgo(600), result: 8.1 }],
          },
        ],
      },
    ]);
    cleanups.push(() => upstream.stop());
    const source = new SensorThingsSource(
      parse({
        type: 'sensorthings',
        id: 'frost',
        url: upstream.url,
        mqttUrl: broker.url,
        backfillHours: 1,
        licence: 'CC-BY-4.0',
        attribution: 'Test',
      }),
    );
    const { hub, states } = await startHub(source);
    expect(hub.stats().accepted).toBe(1);
    const client = await connectTestClient(broker.url);
    const live = { phenomenonTime: isoSecondsAgo(300), result: 7.4 };
    upstream.addObservation(70, live);
    await client.publishAsync(observationsTopic(70), JSON.stringify(live));
    await waitUntil(() => hub.stats().accepted === 2, 'the live observation arrives');
    await client.endAsync(true);

    await broker.stop();
    await upstream.stop();
    await waitUntil(() => hub.sourceStatuses()[0]?.state === 'reconnecting', 'the adapter is reconnecting');
    // Published upstream while the hub could not listen.
    upstream.addObservation(70, { phenomenonTime: isoSecondsAgo(200), result: 5.9 });
    upstream.addObservation(70, { phenomenonTime: isoSecondsAgo(100), result: 3.8 });
    await upstream.restart();
    await broker.restart();
    await waitUntil(() => hub.sourceStatuses()[0]?.state === 'connected', 'the adapter is connected again');
    expect(states).toEqual(['reconnecting', 'connected']);
    expect(hub.stats()).toMatchObject({ accepted: 4, rejected: {} });
    expect(hub.snapshot().latest).toEqual([['frost:7', 'dissolved_oxygen', 3.8, expect.any(Number)]]);

    await hub.stop();
    expect(storedAfterRestart().count).toBe(4);
  }, 60_000);
});

describe('when openSenseMap goes away', () => {
  it('keeps retrying with backoff and picks up the measurements it missed when the API is back', async () => {
    const box = testBox('5a1b2c3d4e5f60718293a4b5', 'Aasee-Station', [7.605, 51.946]);
    measure(box, 'PM10', '12', isoSecondsAgo(300));
    const upstream = await startOpenSenseMapTestServer([box]);
    cleanups.push(() => upstream.stop());
    const config = parse<Extract<SourceConfig, { type: 'opensensemap' }>>({
      type: 'opensensemap',
      url: upstream.url,
      bbox: [7.5, 51.9, 7.7, 52.0],
    });
    const { hub, states } = await startHub(new OpenSenseMapSource({ ...config, pollIntervalSeconds: 0.05 }));
    expect(hub.stats().accepted).toBe(1);

    await upstream.stop();
    await waitUntil(() => hub.sourceStatuses()[0]?.state === 'reconnecting', 'the adapter is reconnecting');
    expect(hub.sourceStatuses()[0]?.detail).toMatch(/ECONNREFUSED/);
    measure(box, 'PM10', '48', isoSecondsAgo(60));
    await upstream.restart();
    await waitUntil(() => hub.stats().accepted === 2, 'the missed measurement arrives');
    expect(hub.sourceStatuses()[0]?.state).toBe('connected');
    expect(states).toEqual(['reconnecting', 'connected']);
    await hub.stop();
    expect(storedAfterRestart().count).toBe(2);
  }, 60_000);
});
