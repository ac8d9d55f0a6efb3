import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceConfigSchema, type OpenSenseMapSourceConfig } from '../../../domain/sensors/hub/hubConfig';
import { ObservationStore } from '../observationStore';
import { SensorHub } from '../sensorHub';
import { collectingLog, isoSecondsAgo, waitUntil } from '../testSupport/hubTestSupport';
import {
  measure,
  startOpenSenseMapTestServer,
  testBox,
  type OpenSenseMapTestServer,
  type TestBox,
} from '../testSupport/openSenseMapTestServer';
import { OpenSenseMapSource, openSenseMapUrls } from './openSenseMapSource';

const ID_AASEE = '5a1b2c3d4e5f60718293a4b5';
const ID_KREUZVIERTEL = '5a1b2c3d4e5f60718293a4b6';
const ID_BERLIN = '5a1b2c3d4e5f60718293a4b7';

let upstream: OpenSenseMapTestServer;
let boxes: TestBox[];
let hub: SensorHub | undefined;

beforeEach(async () => {
  boxes = [
    testBox(ID_AASEE, 'Aasee-Station', [7.6049853, 51.9464737]),
    testBox(ID_KREUZVIERTEL, 'Kreuzviertel', [7.6138, 51.9713]),
    testBox(ID_BERLIN, 'Berlin Mitte', [13.4, 52.52]),
  ];
  for (const box of boxes) {
    measure(box, 'Temperatur', '18.25', isoSecondsAgo(120));
    measure(box, 'rel. Luftfeuchte', '71.3', isoSecondsAgo(120));
    measure(box, 'PM10', '12.4', isoSecondsAgo(120));
    measure(box, 'Eingangsspannung', '4.9', isoSecondsAgo(120));
  }
  upstream = await startOpenSenseMapTestServer(boxes);
});

afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  await upstream.stop();
});

function osemConfig(fields: Record<string, unknown> = {}): OpenSenseMapSourceConfig {
  const parsed = sourceConfigSchema.parse({
    type: 'opensensemap',
    url: upstream.url,
    bbox: [7.5, 51.9, 7.75, 52.0],
    reconnect: { initialDelaySeconds: 0.02, maxDelaySeconds: 0.2 },
    ...fields,
  }) as OpenSenseMapSourceConfig;
  // Faster than the schema allows against the public API: this server is ours.
  return { ...parsed, pollIntervalSeconds: 0.05 };
}

async function startHub(config: OpenSenseMapSourceConfig): Promise<SensorHub> {
  const started = new SensorHub({
    sources: [new OpenSenseMapSource(config, collectingLog())],
    store: new ObservationStore(':memory:'),
    log: collectingLog(),
  });
  hub = started;
  await started.start();
  await waitUntil(() => started.sourceStatuses()[0]?.state === 'connected', 'the source is connected');
  return started;
}

describe('OpenSenseMapSource', { timeout: 30_000 }, () => {
  it('asks for the boxes in the bounding box with full measurements, or for each box by id', () => {
    expect(openSenseMapUrls(osemConfig())).toEqual([
      `${upstream.url}/boxes?bbox=7.5%2C51.9%2C7.75%2C52&full=true&format=json`,
    ]);
    expect(openSenseMapUrls(osemConfig({ bbox: undefined, boxIds: [ID_AASEE, ID_BERLIN] }))).toEqual([
      `${upstream.url}/boxes/${ID_AASEE}`,
      `${upstream.url}/boxes/${ID_BERLIN}`,
    ]);
  });

  it('turns the boxes inside the bounding box into sensebox sensors with their latest measurements', async () => {
    const running = await startHub(osemConfig());
    const { sensors, latest } = running.snapshot();
    expect(sensors.map((sensor) => sensor.id)).toEqual([
      `opensensemap:${ID_AASEE}`,
      `opensensemap:${ID_KREUZVIERTEL}`,
    ]);
    expect(sensors[0]).toMatchObject({
      name: 'Aasee-Station',
      kind: 'sensebox',
      position: { longitudeDegrees: 7.6049853, latitudeDegrees: 51.9464737, heightAboveGroundMeters: 3 },
      phenomena: [
        { phenomenon: 'air_temperature', intervalSeconds: 0.05 },
        { phenomenon: 'relative_humidity' },
        { phenomenon: 'pm10' },
      ],
      source: 'opensensemap',
      licence: 'PDDL-1.0',
      attribution: 'openSenseMap.org',
    });
    expect(latest).toContainEqual([`opensensemap:${ID_AASEE}`, 'air_temperature', 18.25, expect.any(Number)]);
    expect(running.stats().accepted).toBe(6);
  });

  it('hands over each measurement once, however often it polls, and new ones as they come', async () => {
    const running = await startHub(osemConfig());
    const polled = upstream.requests.length;
    await waitUntil(() => upstream.requests.length >= polled + 3, 'three more polls');
    expect(running.stats()).toMatchObject({ accepted: 6, rejected: {} });
    measure(boxes[0]!, 'PM10', '55', isoSecondsAgo(5));
    await waitUntil(() => running.stats().accepted === 7, 'the new measurement arrives');
    expect(running.snapshot().latest).toContainEqual([
      `opensensemap:${ID_AASEE}`,
      'pm10',
      55,
      expect.any(Number),
    ]);
    expect(running.stats().rejected).toEqual({});
  });

  it('reads configured boxes one by one', async () => {
    const running = await startHub(osemConfig({ bbox: undefined, boxIds: [ID_KREUZVIERTEL, ID_BERLIN] }));
    expect(running.snapshot().sensors.map((sensor) => sensor.name)).toEqual(['Kreuzviertel', 'Berlin Mitte']);
  });

  it('says reconnecting while the API fails and recovers when it answers again', async () => {
    const running = await startHub(osemConfig());
    upstream.failWith = 503;
    await waitUntil(
      () => running.sourceStatuses()[0]?.state === 'reconnecting',
      'the source is reconnecting',
    );
    expect(running.sourceStatuses()[0]?.detail).toMatch(/HTTP 503/);
    upstream.failWith = undefined;
    await waitUntil(
      () => running.sourceStatuses()[0]?.state === 'connected',
      'the source is connected again',
    );
    expect(running.snapshot().sensors).toHaveLength(2);
  });
});
