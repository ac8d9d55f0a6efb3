import { join } from 'node:path';
import { Database } from '../sqliteDriver';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PhenomenonId } from '../../domain/sensors/phenomena';
import type { Observation } from '../../domain/sensors/sensorModel';
import { ObservationStore } from './observationStore';
import { createTempFolder, testSensor, waitUntil } from './testSupport/hubTestSupport';

let folder: { path: string; remove(): Promise<void> };
const stores: ObservationStore[] = [];

beforeEach(async () => {
  folder = await createTempFolder();
});

afterEach(async () => {
  stores.splice(0).forEach((store) => store.close());
  await folder.remove();
});

const file = (): string => join(folder.path, 'nested', 'sensors.sqlite');

function open(options: ConstructorParameters<typeof ObservationStore>[1] = {}): ObservationStore {
  const store = new ObservationStore(file(), options);
  stores.push(store);
  return store;
}

function observation(
  sensorId: string,
  phenomenon: PhenomenonId,
  time: number,
  value: number | null,
  state?: string,
): Observation {
  return {
    sensorId,
    phenomenon,
    unit: '',
    value,
    ...(state === undefined ? {} : { state }),
    time,
    position: { longitudeDegrees: 7.6, latitudeDegrees: 51.9, heightAboveGroundMeters: 0 },
    source: 'test',
    licence: 'CC0-1.0',
  };
}

/** Rows as another process would see them in the file right now. */
function rowsOnDisk(): number {
  const reader = new Database(file(), { readonly: true });
  try {
    return reader.prepare('SELECT COUNT(*) FROM observations').pluck().get() as number;
  } finally {
    reader.close();
  }
}

describe('ObservationStore', () => {
  it('creates its folder and a WAL database, and writes in batches', async () => {
    const store = open({ flushIntervalMs: 20, maxBufferedRows: 1_000 });
    const reader = new Database(file(), { readonly: true });
    expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
    reader.close();
    store.add(observation('box-1', 'pm10', 1_000, 12));
    store.add(observation('box-1', 'pm10', 2_000, 13));
    expect(rowsOnDisk()).toBe(0);
    await waitUntil(() => rowsOnDisk() === 2, 'the batch is written');
    for (let index = 0; index < 1_000; index++)
      store.add(observation('box-2', 'pm10', 10_000 + index, index));
    // The thousandth row made a batch on the spot.
    expect(rowsOnDisk()).toBe(1_002);
  });

  it('finds, after reopening the file, the latest of each series, the sensors and every row', () => {
    const first = open();
    first.add(observation('car-park-1', 'parking_free', 1_000, 120));
    first.add(observation('car-park-1', 'parking_free', 2_000, null, 'closed'));
    first.add(observation('car-park-1', 'parking_free', 9_000, 80));
    first.add(observation('aasee-buoy', 'ph', 1_500, 7.2));
    first.saveSensors('replay', [
      testSensor('car-park-1', ['parking_free']),
      testSensor('aasee-buoy', ['ph']),
    ]);
    first.saveSensors('frost', [testSensor('frost:1', ['pm10'])]);
    first.close();

    const second = open();
    expect(second.count()).toBe(4);
    // Rows ahead of the hub clock (a replay that started over) are not "latest".
    expect(second.latestPerSeries(5_000)).toEqual([
      { sensorId: 'car-park-1', phenomenon: 'parking_free', time: 2_000, value: null, state: 'closed' },
      { sensorId: 'aasee-buoy', phenomenon: 'ph', time: 1_500, value: 7.2, state: undefined },
    ]);
    const sensors = second.loadSensors();
    expect([...sensors.keys()].sort()).toEqual(['frost', 'replay']);
    expect(sensors.get('replay')?.map((sensor) => sensor.id)).toEqual(['aasee-buoy', 'car-park-1']);
    second.saveSensors('replay', [testSensor('car-park-2', ['parking_free'])]);
    expect(
      second
        .loadSensors()
        .get('replay')
        ?.map((sensor) => sensor.id),
    ).toEqual(['car-park-2']);
  });

  it('keeps one row per series and time: the same time again replaces it', () => {
    const store = open();
    store.add(observation('box-1', 'pm10', 1_000, 12));
    store.add(observation('box-1', 'pm10', 1_000, 14));
    expect(store.count()).toBe(1);
    expect(store.history('box-1', 'pm10', 0, 2_000, 10)).toEqual([[1_000, 14]]);
  });

  it('prunes what is older than the retention', () => {
    const store = open();
    for (let time = 0; time < 100; time++) store.add(observation('box-1', 'pm10', time, time));
    expect(store.prune(60)).toBe(60);
    expect(store.count()).toBe(40);
    expect(store.history('box-1', 'pm10', 0, 1_000, 1_000)[0]).toEqual([60, 60]);
  });

  it('thins a long history to min and max per bucket, so a short dip stays visible', () => {
    const store = open();
    for (let minute = 0; minute < 10_080; minute++) {
      const value = minute === 5_000 ? 0.4 : 8 + (minute % 7) / 10;
      store.add(observation('aasee-buoy', 'dissolved_oxygen', minute * 60_000, value));
    }
    const points = store.history('aasee-buoy', 'dissolved_oxygen', 0, 10_080 * 60_000, 500);
    expect(points.length).toBeLessThanOrEqual(500);
    expect(points.length).toBeGreaterThan(400);
    expect(Math.min(...points.map(([, value]) => value ?? Infinity))).toBe(0.4);
    expect(points.map(([time]) => time)).toEqual([...points.map(([time]) => time)].sort((a, b) => a - b));
  });

  it('answers a window in time order, filtered by phenomenon, cut off at a limit', () => {
    const store = open();
    store.add(observation('box-1', 'pm10', 3_000, 3));
    store.add(observation('box-1', 'pm2_5', 1_000, 1));
    store.add(observation('car-park-1', 'parking_free', 2_000, null, 'full'));
    expect(store.window(0, 10_000, 10)).toEqual({
      observations: [
        ['box-1', 'pm2_5', 1, 1_000],
        ['car-park-1', 'parking_free', null, 2_000, 'full'],
        ['box-1', 'pm10', 3, 3_000],
      ],
      truncated: false,
    });
    expect(store.window(0, 10_000, 10, ['pm10']).observations).toEqual([['box-1', 'pm10', 3, 3_000]]);
    expect(store.window(0, 10_000, 2)).toMatchObject({ truncated: true, observations: { length: 2 } });
  });

  it('refuses a file written by a newer version instead of damaging it', () => {
    const database = new Database(file().replace('nested/', ''));
    database.pragma('user_version = 99');
    database.close();
    expect(() => new ObservationStore(file().replace('nested/', ''))).toThrow(
      /newer Münster Twin \(schema 99 > 1\)/,
    );
  });
});
