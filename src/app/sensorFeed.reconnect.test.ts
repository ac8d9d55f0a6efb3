// The browser's sensor feed (the real `startSensorFeed`, with the `ws` package's WebSocket, as Node 20 has none)
// against the real server and hub: the server stops, the feed says `reconnecting`; it comes back on the same port
// with the same database file, the feed is `live` again, new values flow and the history stored before is served.
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import type { ViewState } from '../domain/view/viewState';
import { createServer } from '../server/createServer';
import { ObservationStore } from '../server/sensors/observationStore';
import { SensorHub } from '../server/sensors/sensorHub';
import {
  collectingLog,
  TestSource,
  testSensor,
  waitUntil,
} from '../server/sensors/testSupport/hubTestSupport';
import { createTestSite, type TestSite } from '../server/serverTestSupport';
import { createTwinStore, type TwinStore } from '../store/createTwinStore';
import { createSensorLive, type SensorLive } from '../store/sensorLive';
import { fetchSensorHistory, startSensorFeed } from './sensorFeed';

const VIEW = {
  camera: {
    longitudeDegrees: 7.6283,
    latitudeDegrees: 51.9544,
    heightMeters: 600,
    headingDegrees: 0,
    pitchDegrees: -35,
  },
  visibleLayerIds: ['sensors'],
  baseLayerId: 'natural-earth',
  language: 'de',
  buildingColorScheme: 'plain',
  selectedBuildingId: undefined,
  shadows: false,
  hiddenBuildingIds: [],
  selectedSensorId: undefined,
  sensorPhenomenon: undefined,
} as unknown as ViewState;

const SENSOR = 'aasee-buoy';
const PHENOMENON = 'water_temperature';

/** The hub and server of one "run" of the twin, on the given port and database file. */
interface RunningTwin {
  source: TestSource;
  stop(): Promise<void>;
}

async function startTwin(site: TestSite, port: number): Promise<RunningTwin> {
  const source = new TestSource('buoys', [testSensor(SENSOR, [PHENOMENON])]);
  const hub = new SensorHub({
    sources: [source],
    store: new ObservationStore(join(site.root, 'data', 'sensors.sqlite')),
    batchIntervalMs: 20,
    log: collectingLog(),
  });
  await hub.start();
  const app: FastifyInstance = await createServer({ ...site.options, sensorHub: hub });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    source,
    stop: async () => {
      await app.close();
      await hub.stop();
    },
  };
}

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

let site: TestSite;
let twin: RunningTwin | undefined;
let stopFeed: (() => void) | undefined;

beforeEach(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  site = await createTestSite();
});

afterEach(async () => {
  stopFeed?.();
  await twin?.stop();
  await site.remove();
  vi.restoreAllMocks();
});

describe('the browser sensor feed across a server restart', { timeout: 60_000 }, () => {
  it('says reconnecting while the server is down, then recovers: live again, new values, old history kept', async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const now = Date.now();
    twin = await startTwin(site, port);
    // Twenty minutes of history before the restart.
    for (let minutes = 20; minutes >= 10; minutes -= 5)
      twin.source.emit({
        sensorId: SENSOR,
        phenomenon: PHENOMENON,
        value: 20 - minutes / 10,
        time: now - minutes * 60_000,
      });

    const store: TwinStore = createTwinStore(VIEW);
    const live: SensorLive = createSensorLive();
    const feedStates: string[] = [];
    store.subscribe((state) => {
      if (feedStates.at(-1) !== state.sensorFeed.state) feedStates.push(state.sensorFeed.state);
    });
    let connectAttempts = 0;
    class CountingWebSocket extends NodeWebSocket {
      constructor(url: string | URL) {
        super(url);
        connectAttempts++;
      }
    }
    stopFeed = startSensorFeed(store, live, {
      baseUrl,
      minimumRetryMs: 50,
      maximumRetryMs: 400,
      WebSocketImplementation: CountingWebSocket as unknown as typeof WebSocket,
    });
    const latest = () => live.values.get(SENSOR, PHENOMENON)?.value;

    await waitUntil(() => store.getState().sensorFeed.state === 'live', 'the feed is live');
    twin.source.emit({ sensorId: SENSOR, phenomenon: PHENOMENON, value: 19.5, time: now - 5 * 60_000 });
    await waitUntil(() => latest() === 19.5, 'a live value arrives');

    await twin.stop();
    twin = undefined;
    await waitUntil(() => store.getState().sensorFeed.state === 'reconnecting', 'the feed says reconnecting');
    // It keeps trying (and failing) while the server is away; the last values stay on screen meanwhile.
    const attemptsWhenDown = connectAttempts;
    await waitUntil(() => connectAttempts >= attemptsWhenDown + 3, 'three failed attempts to reconnect');
    expect(store.getState().sensorFeed.state).toBe('reconnecting');
    expect(latest()).toBe(19.5);

    twin = await startTwin(site, port);
    await waitUntil(() => store.getState().sensorFeed.state === 'live', 'the feed is live again');
    expect(feedStates).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    twin.source.emit({ sensorId: SENSOR, phenomenon: PHENOMENON, value: 21.25, time: now });
    await waitUntil(() => latest() === 21.25, 'a new value arrives after the restart');

    const history = await fetchSensorHistory(SENSOR, PHENOMENON, now - 3_600_000, now + 1, baseUrl);
    expect(history.points.map(([, value]) => value)).toEqual([18, 18.5, 19, 19.5, 21.25]);
  });
});
