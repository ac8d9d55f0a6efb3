import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceConfigSchema, type SensorThingsSourceConfig } from '../../../domain/sensors/hub/hubConfig';
import { ObservationStore } from '../observationStore';
import { SensorHub } from '../sensorHub';
import {
  collectingLog,
  createTempFolder,
  waitUntil,
  type CollectingLog,
} from '../testSupport/hubTestSupport';
import {
  observationsTopic,
  startSensorThingsTestServer,
  type SensorThingsTestServer,
  type TestObservation,
  type TestThing,
} from '../testSupport/sensorThingsTestServer';
import { connectTestClient, startTestBroker, type TestBroker } from '../testSupport/testBroker';
import { SensorThingsSource } from './sensorThingsSource';

const MINUTE_MS = 60_000;
const EIONET_PM10 = 'http://dd.eionet.europa.eu/vocabulary/aq/pollutant/5';

/** Five observations, ten minutes apart, ending `endMinutesAgo` before now. */
function series(value: (index: number) => unknown, endMinutesAgo = 1): TestObservation[] {
  return Array.from({ length: 5 }, (_, index) => ({
    phenomenonTime: new Date(Date.now() - (endMinutesAgo + (4 - index) * 10) * MINUTE_MS).toISOString(),
    result: value(index),
  }));
}

function testThings(): TestThing[] {
  return [
    {
      id: 1,
      name: 'Aasee-Boje',
      coordinates: [7.6105, 51.9566],
      properties: { kind: 'water-buoy', heightAboveGroundMeters: 0 },
      datastreams: [
        {
          id: 11,
          name: 'Wassertemperatur',
          observedProperty: { name: 'Water temperature' },
          unit: { name: 'degree Celsius', symbol: 'Cel' },
          observations: series((index) => 20 + index / 10),
        },
        {
          id: 12,
          name: 'Sauerstoff',
          observedProperty: { name: 'Dissolved oxygen' },
          unit: { name: 'milligram per litre', symbol: 'mg/L' },
          properties: { intervalSeconds: 300 },
          observations: series((index) => 7 + index / 10),
        },
        {
          id: 13,
          name: 'Batterie',
          observedProperty: { name: 'Battery voltage' },
          unit: { symbol: 'V' },
          observations: series(() => 3.6),
        },
      ],
    },
    {
      id: 'station-2',
      name: 'Weseler Straße',
      coordinates: [7.6094, 51.9533],
      datastreams: [
        {
          id: 'pm10-2',
          name: 'PM10',
          observedProperty: { name: 'Particulate matter < 10 µm', definition: EIONET_PM10 },
          unit: { symbol: 'ug.m-3' },
          observations: series((index) => 20 + index),
        },
      ],
    },
    {
      id: 3,
      name: 'Hörstertor',
      coordinates: [7.6339, 51.9647],
      datastreams: [
        {
          id: 31,
          name: 'Temperatur',
          observedProperty: { name: 'Air temperature' },
          unit: { symbol: 'Cel' },
          observations: series((index) => 18 + index),
        },
      ],
    },
  ];
}

let upstream: SensorThingsTestServer;
let broker: TestBroker;
let client: MqttClient;
let folder: { path: string; remove(): Promise<void> };
let log: CollectingLog;
const hubs: SensorHub[] = [];

beforeEach(async () => {
  upstream = await startSensorThingsTestServer(testThings(), { maxPageSize: 2 });
  broker = await startTestBroker();
  client = await connectTestClient(broker.url);
  folder = await createTempFolder();
  log = collectingLog();
});

afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.stop()));
  await client.endAsync(true);
  await broker.stop();
  await upstream.stop();
  await folder.remove();
});

function frostConfig(fields: Record<string, unknown> = {}): SensorThingsSourceConfig {
  return sourceConfigSchema.parse({
    type: 'sensorthings',
    id: 'frost',
    url: upstream.url,
    mqttUrl: broker.url,
    licence: 'CC-BY-4.0',
    attribution: 'Test FROST-Server',
    backfillHours: 2,
    reconnect: { initialDelaySeconds: 0.02, maxDelaySeconds: 0.2 },
    ...fields,
  }) as SensorThingsSourceConfig;
}

async function startHub(config: SensorThingsSourceConfig): Promise<SensorHub> {
  const hub = new SensorHub({
    sources: [new SensorThingsSource(config, log)],
    store: new ObservationStore(join(folder.path, 'sensors.sqlite')),
    log,
  });
  hubs.push(hub);
  await hub.start();
  await waitUntil(() => hub.sourceStatuses()[0]?.state === 'connected', 'the source is connected');
  return hub;
}

describe('SensorThingsSource', { timeout: 30_000 }, () => {
  it('reads Things, Locations and Datastreams page by page, maps phenomena and units, and backfills history', async () => {
    const hub = await startHub(frostConfig());
    const { sensors } = hub.snapshot();
    expect(sensors.map((sensor) => sensor.id)).toEqual(['frost:1', 'frost:station-2', 'frost:3']);
    expect(sensors[0]).toMatchObject({
      name: 'Aasee-Boje',
      kind: 'water-buoy',
      position: { longitudeDegrees: 7.6105, latitudeDegrees: 51.9566, heightAboveGroundMeters: 0 },
      phenomena: [
        { phenomenon: 'water_temperature', intervalSeconds: 600 },
        { phenomenon: 'dissolved_oxygen', intervalSeconds: 300 },
      ],
      source: 'sensorthings:frost',
      licence: 'CC-BY-4.0',
    });
    expect(sensors[1]).toMatchObject({ kind: 'air-station', phenomena: [{ phenomenon: 'pm10' }] });
    // Four followed Datastreams, five observations each; paging with $skip both for Things and Observations.
    expect(hub.stats()).toMatchObject({ accepted: 20, rejected: {}, storedObservations: 20 });
    expect(
      upstream.requests.filter((path) => path.includes('/Things?') && path.includes('skip')),
    ).toHaveLength(1);
    expect(upstream.requests.some((path) => path.includes('Observations?') && path.includes('skip'))).toBe(
      true,
    );
    expect(log.lines.info.some((line) => line.includes('Battery voltage'))).toBe(true);
    const latest = hub
      .snapshot()
      .latest.find(([id, phenomenon]) => id === 'frost:1' && phenomenon === 'water_temperature');
    expect(latest?.[2]).toBeCloseTo(20.4);
  });

  it('takes new Observations from MQTT as FROST-Server publishes them, and counts broken ones', async () => {
    const hub = await startHub(frostConfig());
    const time = new Date(Date.now() - 5_000).toISOString();
    await client.publishAsync(
      observationsTopic(11),
      JSON.stringify({ '@iot.id': 99, phenomenonTime: time, result: 24.2 }),
    );
    await client.publishAsync(
      observationsTopic('pm10-2'),
      JSON.stringify({ phenomenonTime: time, result: 'NaN' }),
    );
    await client.publishAsync(observationsTopic(12), '{"phenomenonTime": ');
    await waitUntil(
      () => hub.stats().accepted === 21 && Object.keys(hub.stats().rejected).length === 2,
      'all three are handled',
    );
    expect(hub.stats().rejected).toEqual({ 'not-a-number': 1, 'malformed-json': 1 });
    expect(hub.snapshot().latest).toContainEqual(['frost:1', 'water_temperature', 24.2, Date.parse(time)]);
  });

  it('polls for new Observations when no MQTT endpoint is configured', async () => {
    const config = { ...frostConfig({ mqttUrl: undefined }), pollIntervalSeconds: 0.05 };
    const hub = await startHub(config);
    expect(hub.stats().accepted).toBe(20);
    upstream.addObservation(31, { phenomenonTime: new Date(Date.now() - 1_000).toISOString(), result: 25 });
    await waitUntil(() => hub.stats().accepted === 21, 'the new observation is polled');
    expect(hub.stats().rejected).toEqual({});
  });

  it('after a restart fetches only what the database lacks', async () => {
    const first = await startHub(frostConfig());
    await first.stop();
    upstream.addObservation(11, { phenomenonTime: new Date(Date.now() - 1_000).toISOString(), result: 25 });
    upstream.requests.length = 0;
    const second = await startHub(frostConfig());
    expect(second.stats()).toMatchObject({ accepted: 1, rejected: {}, storedObservations: 21 });
    expect(
      upstream.requests
        .filter((path) => path.includes('Observations?'))
        .every((path) => path.includes('gt%20')),
    ).toBe(true);
  });
});
