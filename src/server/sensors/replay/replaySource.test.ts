import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseParkingCsv } from '../../../domain/sensors/formats/parking/parseParkingCsv';
import { generateDefaultRecordings } from '../../../domain/sensors/replay/generateDefaultRecordings';
import type { RawObservation } from '../../../domain/sensors/sensorModel';
import type { SourceContext } from '../../../domain/sensors/sensorSource';
import { createReplaySource } from './createReplaySource';
import { ReplaySource, type ReplayClock } from './replaySource';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const quietLog = { info: () => {}, warn: () => {} };

/** A hub stand-in that records what the source hands over. */
function recordingContext(known: Record<string, number> = {}) {
  const emitted: RawObservation[] = [];
  const statuses: { state: string; detail?: string }[] = [];
  let catalogueChanges = 0;
  const context: SourceContext = {
    emit: (raw) => void emitted.push(raw),
    reject: () => {},
    setStatus: (state, detail) => void statuses.push({ state, detail }),
    sensorsChanged: () => void (catalogueChanges += 1),
    latestTime: (sensorId, phenomenon) => known[`${sensorId} ${phenomenon}`],
  };
  return { context, emitted, statuses, catalogueChanges: () => catalogueChanges };
}

/** A clock the test moves by hand; each move runs the replay's tick. */
function handClock(start: number) {
  let now = start;
  const ticks = new Set<() => void>();
  const clock: ReplayClock = {
    now: () => now,
    setInterval: (callback) => (ticks.add(callback), callback),
    clearInterval: (handle) => void ticks.delete(handle as () => void),
    yield: () => Promise.resolve(),
  };
  const advance = (milliseconds: number, stepMs = MINUTE) => {
    for (let done = 0; done < milliseconds; done += stepMs) {
      now += Math.min(stepMs, milliseconds - done);
      for (const tick of ticks) tick();
    }
  };
  return { clock, advance };
}

/** Waits (polling, no fixed sleep) until the source has sent its history and plays live. */
const connected = (hub: ReturnType<typeof recordingContext>) =>
  vi.waitFor(() => expect(hub.statuses.at(-1)?.state).toBe('connected'), { timeout: 20_000, interval: 20 });

const times = (items: RawObservation[]) => items.map((item) => item.time as number);
const isOrdered = (values: number[]) =>
  values.every((value, index) => index === 0 || value >= values[index - 1]!);

let folder: string;
const generated = generateDefaultRecordings();

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'replay-'));
  for (const file of generated.files) {
    await mkdir(dirname(join(folder, file.path)), { recursive: true });
    await writeFile(join(folder, file.path), file.text);
  }
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the replay source', { timeout: 30_000 }, () => {
  it('plays the recorded week at the present and starts it over at its end', async () => {
    // Sunday 29 November 2026, 23:50 in Münster: the last minutes of the recorded week (from a summer Monday).
    const present = Date.UTC(2026, 10, 29, 22, 50);
    const { clock, advance } = handClock(present);
    const source = new ReplaySource({ folder, historyHours: 1, clock, log: quietLog });
    const hub = recordingContext();
    await source.start(hub.context);
    await connected(hub);
    expect(source.sensors()).toHaveLength(53);
    expect(hub.catalogueChanges()).toBe(1);
    const history = hub.emitted.length;
    expect(Math.min(...times(hub.emitted))).toBeGreaterThan(present - HOUR);

    advance(20 * MINUTE);
    expect(source.now()).toBe(present + 20 * MINUTE);
    const live = hub.emitted.slice(history);
    expect(isOrdered(times(hub.emitted))).toBe(true);
    expect(Math.max(...times(live))).toBeLessThanOrEqual(source.now());

    // At Monday 00:00 local (23:00 UTC in winter) every car park reports its first recorded row again.
    const monday = parseParkingCsv(generated.files.find((file) => file.path.startsWith('parking/'))!.text, {
      file: 'monday.csv',
    });
    const firstRow = monday.observations.filter((item) => item.time === monday.observations[0]!.time);
    const midnight = live.filter(
      (item) => item.time === Date.UTC(2026, 10, 29, 23) && String(item.sensorId).startsWith('parking:'),
    );
    expect(midnight.map((item) => [item.sensorId, item.value, item.state])).toEqual(
      firstRow.map((item) => [item.sensorId, item.value, item.state]),
    );
    // The signal keeps its cycle through the turn of the week: red, red-amber, green, amber every 90 s.
    const signal = live.filter((item) => item.sensorId === 'spat:4070:14');
    expect(signal.length).toBeGreaterThanOrEqual(52);
    expect(new Set(signal.map((item) => item.state))).toEqual(
      new Set(['red', 'red-amber', 'green', 'amber']),
    );
    await source.stop();
    expect(hub.statuses.at(-1)?.state).toBe('stopped');
  });

  it('runs faster than the wall clock at a higher speed', async () => {
    const present = Date.UTC(2026, 10, 24, 9, 0); // a Tuesday morning
    const { clock, advance } = handClock(present);
    const source = new ReplaySource({ folder, historyHours: 0, speed: 60, clock, log: quietLog });
    const hub = recordingContext();
    await source.start(hub.context);
    await connected(hub);
    advance(MINUTE, 1000);
    expect(source.now()).toBe(present + HOUR);
    const theater = hub.emitted.filter((item) => item.sensorId === 'parking:ph-theater');
    expect(theater).toHaveLength(12);
    const counts = hub.emitted.filter((item) => item.sensorId === 'bike-counter:100053305');
    expect(counts).toHaveLength(4);
    await source.stop();
  });

  it('sends the last day at once on start, leaving out what the hub already holds', async () => {
    const present = Date.UTC(2026, 10, 25, 12, 0);
    const { clock } = handClock(present);
    const held = present - 2 * HOUR;
    const source = new ReplaySource({ folder, clock, log: quietLog });
    const hub = recordingContext({ 'parking:ph-theater parking_free': held });
    await source.start(hub.context);
    await connected(hub);
    const buoy = hub.emitted.filter((item) => item.sensorId === 'datahub:832' && item.phenomenon === 'ph');
    expect(buoy).toHaveLength(96);
    const theater = hub.emitted.filter((item) => item.sensorId === 'parking:ph-theater');
    expect(theater).toHaveLength(24);
    expect(Math.min(...times(theater))).toBeGreaterThan(held);
    expect(isOrdered(times(hub.emitted))).toBe(true);
    await source.stop();
  });

  it('really plays a few seconds, accelerated', async () => {
    const source = createReplaySource(
      { type: 'replay', id: 'replay', folder, speed: 3600, historyHours: 0, tickMilliseconds: 50 },
      process.cwd(),
      quietLog,
    );
    const hub = recordingContext();
    const started = source.now();
    await source.start(hub.context);
    await vi.waitFor(
      () =>
        expect(
          new Set(
            hub.emitted.filter((item) => item.sensorId === 'parking:ph-theater').map((item) => item.time),
          ).size,
        ).toBeGreaterThanOrEqual(3),
      { timeout: 10_000, interval: 50 },
    );
    await source.stop();
    expect(source.now()).toBeGreaterThan(started);
    expect(isOrdered(times(hub.emitted))).toBe(true);
    expect(Math.max(...times(hub.emitted))).toBeLessThanOrEqual(source.now());
    expect(hub.statuses.map((status) => status.state)).toEqual(['connecting', 'connected', 'stopped']);
  });

  it('says so when the folder is missing', async () => {
    const source = new ReplaySource({ folder: join(folder, 'nothing-here'), log: quietLog });
    const hub = recordingContext();
    await source.start(hub.context);
    expect(hub.statuses.at(-1)).toEqual({
      state: 'stopped',
      detail: `no recordings folder ${join(folder, 'nothing-here')}`,
    });
    expect(source.sensors()).toEqual([]);
  });
});

// A user's real recordings: the shared folder beside the repository, read in place.
const SHARED_SENSORS = resolve(import.meta.dirname, '../../../../../shared/data/sensors');
if (!existsSync(SHARED_SENSORS))
  console.log(`Real sensor recordings not found at ${SHARED_SENSORS}: skipped.`);
describe.skipIf(!existsSync(SHARED_SENSORS))(
  'the replay on real recordings (../shared/data/sensors)',
  { timeout: 30_000 },
  () => {
    it('plays the city’s parking week and bike counts at the present', async () => {
      const present = Date.UTC(2026, 10, 25, 12, 0);
      const { clock } = handClock(present);
      const source = new ReplaySource({ folder: SHARED_SENSORS, clock, log: quietLog });
      const hub = recordingContext();
      await source.start(hub.context);
      await connected(hub);
      const kinds = new Set(source.sensors().map((sensor) => sensor.kind));
      expect(kinds).toEqual(
        new Set(['car-park', 'bike-counter', 'sensebox', 'air-station', 'traffic-signal']),
      );
      const theater = hub.emitted.filter((item) => item.sensorId === 'parking:ph-theater');
      expect(theater.length).toBeGreaterThan(200);
      expect(hub.emitted.some((item) => item.sensorId === 'bike-counter:100053305')).toBe(true);
      expect(isOrdered(times(hub.emitted))).toBe(true);
      await source.stop();
    });
  },
);
