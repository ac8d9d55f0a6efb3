import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  HubStats,
  ObservationWindow,
  SensorHistory,
  SensorSnapshot,
} from '../../domain/sensors/hubProtocol';
import {
  createTestSite,
  jsonOf,
  send,
  startTestServer,
  type TestServer,
  type TestSite,
} from '../serverTestSupport';
import { LIVE_SOCKET_CLOSE } from '../liveSocketGuard';
import { openLimitTestSocket, type LimitTestSocket } from '../liveSocketTestSupport';
import { ObservationStore } from './observationStore';
import { DEFAULT_SENSOR_LIVE_LIMITS } from './sensorRoutes';
import { SensorHub } from './sensorHub';
import { collectingLog, TestSource, testSensor, waitUntil } from './testSupport/hubTestSupport';
import { connectLiveClient, type LiveClient } from './testSupport/liveClient';

let site: TestSite;
let server: TestServer;
let hub: SensorHub;
let source: TestSource;
const now = Date.now();

beforeAll(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  site = await createTestSite();
  source = new TestSource('buoys', [
    testSensor('aasee-buoy', ['water_temperature', 'dissolved_oxygen']),
    testSensor('car-park-1', ['parking_free'], { kind: 'car-park', capacity: 400 }),
  ]);
  hub = new SensorHub({
    sources: [source],
    store: new ObservationStore(join(site.root, 'data', 'sensors.sqlite')),
    batchIntervalMs: 20,
    log: collectingLog(),
  });
  await hub.start();
  for (let minutes = 60; minutes >= 0; minutes -= 10) {
    source.emit({
      sensorId: 'aasee-buoy',
      phenomenon: 'water_temperature',
      value: 20 + minutes / 60,
      time: now - minutes * 60_000,
    });
    source.emit({
      sensorId: 'car-park-1',
      phenomenon: 'parking_free',
      value: 100 + minutes,
      time: now - minutes * 60_000,
    });
  }
  server = await startTestServer({ ...site.options, sensorHub: hub });
});

afterAll(async () => {
  await server.close();
  await hub.stop();
  await site.remove();
  vi.restoreAllMocks();
});

describe('GET /api/sensors', { timeout: 30_000 }, () => {
  it('answers the snapshot: sensors, latest values, sources and the hub clock, never cached', async () => {
    const response = await send(server.port, '/api/sensors');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const snapshot = jsonOf(response) as SensorSnapshot;
    expect(snapshot.sensors.map((sensor) => sensor.id)).toEqual(['aasee-buoy', 'car-park-1']);
    expect(snapshot.latest).toEqual(
      expect.arrayContaining([
        ['aasee-buoy', 'water_temperature', 20, now],
        ['car-park-1', 'parking_free', 100, now],
      ]),
    );
    expect(snapshot.sources).toMatchObject([{ id: 'buoys', state: 'connected' }]);
    expect(Math.abs(snapshot.now - Date.now())).toBeLessThan(60_000);
  });
});

describe('GET /api/sensors/:id/history', { timeout: 30_000 }, () => {
  it('answers a series in time order for the window asked', async () => {
    const response = await send(
      server.port,
      `/api/sensors/aasee-buoy/history?phenomenon=water_temperature&from=${now - 30 * 60_000}&to=${now}`,
    );
    expect(response.status).toBe(200);
    const history = jsonOf(response) as SensorHistory;
    expect(history).toMatchObject({ sensorId: 'aasee-buoy', phenomenon: 'water_temperature', unit: '°C' });
    expect(history.points.map(([time]) => (now - time) / 60_000)).toEqual([30, 20, 10, 0]);
  });

  it('takes the only phenomenon of a sensor when none is named, and the last 24 hours by default', async () => {
    const history = jsonOf(await send(server.port, '/api/sensors/car-park-1/history')) as SensorHistory;
    expect(history.phenomenon).toBe('parking_free');
    expect(history.points).toHaveLength(7);
  });

  it.each([
    [
      '/api/sensors/aasee-buoy/history',
      400,
      /phenomenon: required, one of water_temperature, dissolved_oxygen/,
    ],
    ['/api/sensors/aasee-buoy/history?phenomenon=plutonium', 400, /phenomenon: unknown/],
    ['/api/sensors/aasee-buoy/history?phenomenon=ph', 404, /does not report ph/],
    ['/api/sensors/car-park-1/history?from=gestern', 400, /from: expected epoch milliseconds/],
    ['/api/sensors/car-park-1/history?from=2000&to=1000', 400, /from must be before to/],
    ['/api/sensors/car-park-1/history?from=0&to=999999999999', 400, /at most 192 hours/],
    ['/api/sensors/car-park-1/history?maxPoints=1', 400, /maxPoints/],
    ['/api/sensors/unbekannt/history', 404, /no sensor "unbekannt"/],
  ])('answers %s with %i and a message', async (path, status, message) => {
    const response = await send(server.port, path);
    expect(response.status).toBe(status);
    expect((jsonOf(response) as { message: string }).message).toMatch(message);
  });
});

describe('GET /api/sensors/observations', { timeout: 30_000 }, () => {
  it('answers every observation of the window in time order, optionally of some phenomena only', async () => {
    const window = jsonOf(
      await send(server.port, `/api/sensors/observations?from=${now - 15 * 60_000}&to=${now}`),
    ) as ObservationWindow;
    expect(window).toMatchObject({ from: now - 15 * 60_000, to: now });
    expect(window.observations.map(([sensorId, , , time]) => [sensorId, (now - time) / 60_000])).toEqual([
      ['aasee-buoy', 10],
      ['car-park-1', 10],
      ['aasee-buoy', 0],
      ['car-park-1', 0],
    ]);
    const parking = jsonOf(
      await send(server.port, `/api/sensors/observations?phenomena=parking_free`),
    ) as ObservationWindow;
    expect(parking.observations).toHaveLength(7);
    expect((await send(server.port, '/api/sensors/observations?phenomena=gold')).status).toBe(400);
  });
});

describe('GET /api/sensors/stats', { timeout: 30_000 }, () => {
  it('answers what the hub took in and refused', async () => {
    const stats = jsonOf(await send(server.port, '/api/sensors/stats')) as HubStats;
    expect(stats).toMatchObject({ accepted: 14, storedObservations: 14 });
  });
});

describe('WebSocket /api/sensors/live', { timeout: 30_000 }, () => {
  let client: LiveClient;

  afterAll(async () => {
    await client.close();
  });

  it('sends a snapshot on connect, then batches of new observations and source changes', async () => {
    client = await connectLiveClient(server.port);
    await waitUntil(() => client.messages.length >= 1, 'the snapshot arrives');
    expect(client.messages[0]).toMatchObject({
      type: 'snapshot',
      snapshot: { sensors: [{ id: 'aasee-buoy' }, { id: 'car-park-1' }] },
    });
    await waitUntil(() => hub.stats().connectedBrowsers === 1, 'the hub counts the browser');

    for (let seconds = 50; seconds > 0; seconds -= 10)
      source.emit({
        sensorId: 'aasee-buoy',
        phenomenon: 'dissolved_oxygen',
        value: 8,
        time: Date.now() - seconds * 1000,
      });
    await waitUntil(() => client.observationCount() === 5, 'five observations arrive');
    expect(client.messages.filter((message) => message.type === 'observations').length).toBeLessThanOrEqual(
      2,
    );

    source.context?.setStatus('reconnecting', 'ECONNRESET');
    await waitUntil(
      () => client.messages.some((message) => message.type === 'sources'),
      'the source change arrives',
    );
    expect(client.messages.find((message) => message.type === 'sources')).toMatchObject({
      sources: [{ id: 'buoys', state: 'reconnecting', detail: 'ECONNRESET' }],
    });
    source.context?.setStatus('connected');

    await client.close();
    await waitUntil(() => hub.stats().connectedBrowsers === 0, 'the hub forgets the browser');
  });
});

describe('WebSocket /api/sensors/live limits', { timeout: 30_000 }, () => {
  const opened: LimitTestSocket[] = [];
  const open = () => {
    const socket = openLimitTestSocket(`ws://127.0.0.1:${server.port}/api/sensors/live`);
    opened.push(socket);
    return socket;
  };

  afterAll(async () => {
    for (const { socket } of opened) socket.terminate();
    await waitUntil(() => hub.stats().connectedBrowsers === 0, 'the hub forgets the browsers');
  });

  it('refuses one address more live connections than allowed with 4429', async () => {
    const admitted = Array.from({ length: DEFAULT_SENSOR_LIVE_LIMITS.connectionsPerAddress }, open);
    for (const socket of admitted) expect(await socket.firstMessage).toContain('"snapshot"');
    expect(await open().closed).toEqual(LIVE_SOCKET_CLOSE.tooManyConnections);
    for (const { socket } of admitted) socket.close();
    await Promise.all(admitted.map((socket) => socket.closed));
  });

  it('closes a connection that sends too many messages with 1008', async () => {
    // The seats of the previous test are freed a moment after their clients saw them close.
    await waitUntil(() => hub.stats().connectedBrowsers === 0, 'the previous connections are gone');
    const chatty = open();
    expect(await chatty.firstMessage).toContain('"snapshot"');
    for (let index = 0; index <= DEFAULT_SENSOR_LIVE_LIMITS.messagesPerMinute; index += 1)
      chatty.socket.send('ping');
    expect(await chatty.closed).toEqual(LIVE_SOCKET_CLOSE.tooManyMessages);
  });
});

describe('without a sensor hub', { timeout: 30_000 }, () => {
  let plain: TestServer;

  beforeAll(async () => {
    plain = await startTestServer({
      ...site.options,
      sensorHubUnavailable: 'the sensor hub is switched off (SENSOR_HUB=off)',
    });
  });

  afterAll(async () => {
    await plain.close();
  });

  it.each([
    '/api/sensors',
    '/api/sensors/aasee-buoy/history',
    '/api/sensors/observations',
    '/api/sensors/stats',
    '/api/sensors/live',
  ])('answers %s with 503 and the reason', async (path) => {
    const response = await send(plain.port, path);
    expect(response.status).toBe(503);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(jsonOf(response)).toEqual({
      error: 'Service Unavailable',
      reason: 'the sensor hub is switched off (SENSOR_HUB=off)',
    });
  });

  it('refuses the WebSocket upgrade with 503 too', async () => {
    await expect(connectLiveClient(plain.port)).rejects.toThrow(/HTTP 503/);
  });

  it('still serves everything else', async () => {
    expect((await send(plain.port, '/health')).status).toBe(200);
  });
});
