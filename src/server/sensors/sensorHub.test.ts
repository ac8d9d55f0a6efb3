import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubMessage, WireObservation } from '../../domain/sensors/hubProtocol';
import type { Observation } from '../../domain/sensors/sensorModel';
import type { ObservationPublisher } from './observationPublisher';
import { ObservationStore } from './observationStore';
import { SensorHub } from './sensorHub';
import {
  collectingLog,
  createTempFolder,
  TestSource,
  testSensor,
  waitUntil,
  type CollectingLog,
} from './testSupport/hubTestSupport';

let folder: { path: string; remove(): Promise<void> };
let log: CollectingLog;
const hubs: SensorHub[] = [];

beforeEach(async () => {
  folder = await createTempFolder();
  log = collectingLog();
});

afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.stop()));
  await folder.remove();
});

function databaseFile(): string {
  return join(folder.path, 'data', 'sensors.sqlite');
}

/** A publisher that keeps what it was given. */
function recordingPublisher(): ObservationPublisher & { published: Observation[] } {
  const published: Observation[] = [];
  return {
    published,
    url: 'mqtt://test',
    publish: (observation) => published.push(observation),
    close: async () => {},
  };
}

async function startHub(
  sources: TestSource[],
  options: { publisher?: ObservationPublisher; batchIntervalMs?: number } = {},
): Promise<SensorHub> {
  const hub = new SensorHub({
    sources,
    store: new ObservationStore(databaseFile()),
    publisher: options.publisher,
    batchIntervalMs: options.batchIntervalMs ?? 20,
    log,
  });
  hubs.push(hub);
  await hub.start();
  return hub;
}

describe('SensorHub', { timeout: 30_000 }, () => {
  it('checks, stores, publishes and serves the latest value; refusals are counted by reason', async () => {
    const source = new TestSource('buoys', [testSensor('aasee-buoy', ['water_temperature', 'ph'])]);
    const publisher = recordingPublisher();
    const hub = await startHub([source], { publisher });
    const now = Date.now();
    source.emit({ sensorId: 'aasee-buoy', phenomenon: 'water_temperature', value: 21.5, time: now - 60_000 });
    source.emit({
      sensorId: 'aasee-buoy',
      phenomenon: 'water_temperature',
      unit: 'K',
      value: 295.15,
      time: now,
    });
    source.emit({ sensorId: 'aasee-buoy', phenomenon: 'water_temperature', value: 20, time: now }); // duplicate
    source.emit({ sensorId: 'aasee-buoy', phenomenon: 'ph', value: 'sauer', time: now });
    source.emit({ sensorId: 'nobody', phenomenon: 'ph', value: 7, time: now });

    expect(hub.stats()).toMatchObject({
      accepted: 2,
      rejected: { duplicate: 1, 'not-a-number': 1, 'unknown-sensor': 1 },
      storedObservations: 2,
    });
    expect(publisher.published.map((observation) => observation.value)).toEqual([21.5, 22]);
    expect(publisher.published[1]).toMatchObject({ unit: '°C', source: 'test', licence: 'CC0-1.0' });
    const snapshot = hub.snapshot();
    expect(snapshot.sensors.map((sensor) => sensor.id)).toEqual(['aasee-buoy']);
    expect(snapshot.latest).toEqual([['aasee-buoy', 'water_temperature', 22, now]]);
    expect(snapshot.sources).toMatchObject([{ id: 'buoys', type: 'test', state: 'connected' }]);
    expect(log.lines.warn.filter((line) => line.includes('(duplicate)'))).toHaveLength(1);
  });

  it('sends browsers batches, not one message per observation, and source changes at once', async () => {
    const source = new TestSource('buoys', [testSensor('aasee-buoy')]);
    const hub = await startHub([source], { batchIntervalMs: 50 });
    const messages: HubMessage[] = [];
    const dispose = hub.subscribe((message, json) => {
      expect(JSON.parse(json)).toEqual(message);
      messages.push(message);
    });
    const start = Date.now() - 100_000;
    for (let index = 0; index < 100; index++)
      source.emit({
        sensorId: 'aasee-buoy',
        phenomenon: 'water_temperature',
        value: 20,
        time: start + index * 1000,
      });
    await waitUntil(() => messages.length > 0, 'the first batch arrives');
    expect(messages).toHaveLength(1);
    const [batch] = messages;
    expect(batch?.type).toBe('observations');
    expect(batch?.type === 'observations' && batch.observations).toHaveLength(100);

    source.context?.setStatus('reconnecting', 'ECONNREFUSED');
    expect(messages.at(-1)).toMatchObject({
      type: 'sources',
      sources: [{ id: 'buoys', state: 'reconnecting', detail: 'ECONNREFUSED' }],
    });
    expect(hub.stats().connectedBrowsers).toBe(1);
    dispose();
    expect(hub.stats().connectedBrowsers).toBe(0);
  });

  it('sends a fresh snapshot when a source finds new sensors', async () => {
    const source = new TestSource('boxes', []);
    const hub = await startHub([source]);
    const messages: HubMessage[] = [];
    hub.subscribe((message) => messages.push(message));
    source.setSensors([testSensor('box-1', ['pm10'])]);
    await waitUntil(() => messages.some((message) => message.type === 'snapshot'), 'a snapshot is sent');
    const snapshot = messages.find((message) => message.type === 'snapshot');
    expect(snapshot?.type === 'snapshot' && snapshot.snapshot.sensors.map((sensor) => sensor.id)).toEqual([
      'box-1',
    ]);
  });

  it('lets no source report for a sensor of another source', async () => {
    const owner = new TestSource('owner', [testSensor('aasee-buoy')]);
    const intruder = new TestSource('intruder', []);
    const hub = await startHub([owner, intruder]);
    intruder.emit({ sensorId: 'aasee-buoy', phenomenon: 'water_temperature', value: 30, time: Date.now() });
    expect(hub.stats()).toMatchObject({ accepted: 0, rejected: { 'unknown-sensor': 1 } });
  });

  it('comes back after a restart with latest values, ordering and sensors from the database file', async () => {
    const now = Date.now();
    const first = new TestSource('boxes', [testSensor('box-1', ['pm10'])]);
    const hub = await startHub([first]);
    first.emit({ sensorId: 'box-1', phenomenon: 'pm10', value: 12, time: now - 120_000 });
    first.emit({ sensorId: 'box-1', phenomenon: 'pm10', value: 14, time: now - 60_000 });
    await hub.stop();

    // The source has not found its sensors yet after the restart (its upstream may be down).
    const second = new TestSource('boxes', []);
    const restarted = await startHub([second]);
    const snapshot = restarted.snapshot();
    expect(snapshot.sensors.map((sensor) => sensor.id)).toEqual(['box-1']);
    expect(snapshot.latest).toEqual([['box-1', 'pm10', 14, now - 60_000]] satisfies WireObservation[]);
    second.emit({ sensorId: 'box-1', phenomenon: 'pm10', value: 14, time: now - 60_000 });
    second.emit({ sensorId: 'box-1', phenomenon: 'pm10', value: 13, time: now - 90_000 });
    expect(restarted.stats()).toMatchObject({
      accepted: 0,
      rejected: { duplicate: 1, 'out-of-order': 1 },
      storedObservations: 2,
    });
  });

  it('runs on the replay clock when a replay is configured', async () => {
    const replayTime = Date.parse('2026-08-03T12:00:00Z');
    const replay = new TestSource('replay', [testSensor('car-park-1', ['parking_free'])], 'replay');
    replay.clock = () => replayTime;
    const hub = await startHub([replay]);
    expect(hub.now()).toBe(replayTime);
    expect(hub.snapshot().now).toBe(replayTime);
    // An observation at the replayed time is fresh, although the wall clock is elsewhere.
    replay.emit({
      sensorId: 'car-park-1',
      phenomenon: 'parking_free',
      value: 120,
      time: replayTime - 60_000,
    });
    replay.emit({
      sensorId: 'car-park-1',
      phenomenon: 'parking_free',
      value: 120,
      time: replayTime + 3_600_000,
    });
    expect(hub.stats()).toMatchObject({ accepted: 1, rejected: { 'time-in-future': 1 } });
  });

  it('starts ordering afresh when the replay clock jumps back', async () => {
    let replayTime = Date.parse('2026-08-03T12:00:00Z');
    const replay = new TestSource('replay', [testSensor('car-park-1', ['parking_free'])], 'replay');
    replay.clock = () => replayTime;
    const hub = await startHub([replay]);
    replay.emit({ sensorId: 'car-park-1', phenomenon: 'parking_free', value: 120, time: replayTime });
    replayTime -= 86_400_000;
    replay.emit({ sensorId: 'car-park-1', phenomenon: 'parking_free', value: 80, time: replayTime });
    expect(hub.stats().accepted).toBe(2);
    expect(hub.snapshot().latest).toEqual([['car-park-1', 'parking_free', 80, replayTime]]);
  });

  it('keeps running when a source fails to start or to stop', async () => {
    const broken = new TestSource('broken', []);
    broken.start = async () => {
      throw new Error('no such folder');
    };
    broken.stop = async () => {
      throw new Error('still broken');
    };
    const working = new TestSource('working', [testSensor('aasee-buoy')]);
    const hub = await startHub([broken, working]);
    expect(hub.sourceStatuses()).toMatchObject([
      { id: 'broken', state: 'stopped', detail: 'no such folder' },
      { id: 'working', state: 'connected' },
    ]);
    working.emit({ sensorId: 'aasee-buoy', phenomenon: 'water_temperature', value: 20, time: Date.now() });
    expect(hub.stats().accepted).toBe(1);
    await hub.stop();
    expect(log.lines.warn.some((line) => line.includes('did not stop cleanly: still broken'))).toBe(true);
  });

  it('answers history (downsampled when huge) and time windows from the database', async () => {
    const source = new TestSource('signals', [testSensor('signal-1', ['signal_state'])]);
    const hub = await startHub([source]);
    const now = Date.now();
    const from = now - 20_000 * 1000;
    for (let index = 0; index < 20_000; index++)
      source.emit({
        sensorId: 'signal-1',
        phenomenon: 'signal_state',
        value: index % 10 === 0 ? 9 : 3,
        time: from + index * 1000,
      });
    const full = hub.history('signal-1', { from, to: now, maxPoints: 50_000 });
    expect(full.ok && full.value.points).toHaveLength(20_000);
    const thinned = hub.history('signal-1', { from, to: now, maxPoints: 100 });
    expect(thinned.ok && thinned.value).toMatchObject({
      sensorId: 'signal-1',
      phenomenon: 'signal_state',
      unit: 'state',
    });
    const points = thinned.ok ? thinned.value.points : [];
    expect(points.length).toBeLessThanOrEqual(100);
    expect(new Set(points.map(([, value]) => value))).toEqual(new Set([3, 9]));
    expect(hub.history('nobody', { from, to: now, maxPoints: 10 })).toMatchObject({ ok: false, status: 404 });
    expect(hub.history('signal-1', { phenomenon: 'ph', from, to: now, maxPoints: 10 })).toMatchObject({
      ok: false,
      status: 404,
    });
    const window = hub.observationWindow({ from: now - 10_000, to: now });
    expect(window.observations).toHaveLength(10);
    expect(window.observations[0]).toEqual(['signal-1', 'signal_state', 9, now - 10_000]);
    expect(window.truncated).toBeUndefined();
  });
});
