import { describe, expect, it } from 'vitest';
import {
  HubMessageReader,
  SeriesTable,
  type CompactObservationBatch,
} from '../domain/sensors/hubMessageReader';
import type { WireObservation } from '../domain/sensors/hubProtocol';
import { createSensorLive } from './sensorLive';

const FRAME_MS = 1000 / 60;

async function waitUntil(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('SensorLive', () => {
  it('applies a big batch in slices that stay within the budget in any frame-long window, whatever its phase', async () => {
    // Redrawing costs 0.004 ms per changed sensor on the clock (0.5 ms a slice of 128), as the layer's recolouring.
    let simulatedMs = 0;
    const clock = () => performance.now() + simulatedMs;
    const live = createSensorLive({ clock, applyBudgetMs: 1.5 });
    const slices: [start: number, end: number][] = [];
    let changedSensors = 0;
    live.subscribe((change) => {
      if (change === 'all') return;
      changedSensors += change.size;
      const start = clock();
      const cost = 0.004 * change.size;
      simulatedMs += cost;
      // The slice as the simulated cost it brought: a stall of this process (a loaded CI machine) lengthens a
      // slice on the clock too, which SensorLive counts but cannot foresee, and is not what this test is about.
      slices.push([start, start + cost]);
    });
    // The feed's handling of the message itself (0.4 ms) counts too.
    live.reportWork(clock() - 0.4, 0.4);
    const batch: WireObservation[] = Array.from({ length: 5_000 }, (_, index) => [
      `sensor-${index}`,
      'pm10',
      index % 70,
      1_000 + index,
    ]);
    live.apply(batch);
    expect(live.values.get('sensor-4999', 'pm10')).toBeUndefined();
    await waitUntil(() => changedSensors === 5_000);
    expect(live.values.get('sensor-4999', 'pm10')).toEqual({ value: 4999 % 70, time: 5_999 });
    // Work within each frame-long window that starts at a slice: at most the budget (slices are sized to what is left).
    const worst = Math.max(
      ...slices.map(([from]) =>
        slices.reduce(
          (sum, [start, end]) => sum + Math.max(0, Math.min(end, from + FRAME_MS) - Math.max(start, from)),
          0,
        ),
      ),
    );
    expect(worst).toBeLessThanOrEqual(1.5 + 1e-9);
    // It did not stall: 5,000 observations in slices of 128 at most.
    expect(slices.length).toBeGreaterThanOrEqual(Math.ceil(5_000 / 128));
  });

  it('keeps the newest queued value of a series and drops the queue on replace', async () => {
    const live = createSensorLive();
    live.apply([
      ['a', 'pm10', 10, 2_000],
      ['a', 'pm10', 5, 1_000],
      ['b', 'pm10', 7, 1_000],
    ]);
    live.apply([['b', 'pm10', 8, 3_000]]);
    await waitUntil(() => live.values.get('b', 'pm10')?.value === 8);
    expect(live.values.get('a', 'pm10')).toEqual({ value: 10, time: 2_000 });

    live.apply([['c', 'pm10', 1, 1_000]]);
    live.replace([['d', 'pm10', 2, 1_000]]);
    live.apply([['e', 'pm10', 3, 1_000]]);
    // The queue is applied in order: once e is there, c would have been too.
    await waitUntil(() => live.values.get('e', 'pm10') !== undefined);
    expect(live.values.get('c', 'pm10')).toBeUndefined();
    expect(live.values.get('d', 'pm10')?.value).toBe(2);
  });

  it('applies compact batches of the message reader in slices, then asks for the next; replace drops them', async () => {
    const batches: CompactObservationBatch[] = [];
    const reader = new HubMessageReader({
      emit: (event) => {
        if (event.kind === 'batch') batches.push(event);
      },
    });
    const series = new SeriesTable();
    const live = createSensorLive();
    let applied = 0;
    const observations: WireObservation[] = Array.from({ length: 1_000 }, (_, index) => [
      `sensor-${index}`,
      'pm10',
      index % 70,
      1_000 + index,
    ]);
    observations.push(['signal', 'signal_state', null, 5_000, 'red']);
    reader.read(JSON.stringify({ type: 'observations', now: 9_000, observations }));
    series.learn(batches[0]!);
    live.applyBatch(batches[0]!, series, 0, () => applied++);
    await waitUntil(() => applied === 1);
    expect(live.values.get('sensor-999', 'pm10')).toEqual({ value: 999 % 70, time: 1_999 });
    expect(live.values.get('signal', 'signal_state')).toEqual({ value: null, time: 5_000, state: 'red' });

    reader.ready();
    reader.read(
      JSON.stringify({ type: 'observations', now: 9_100, observations: [['sensor-1', 'pm10', 50, 9_000]] }),
    );
    series.learn(batches[1]!);
    live.applyBatch(batches[1]!, series, 0, () => applied++);
    live.replace([]);
    expect(applied).toBe(2);
    expect(live.values.get('sensor-1', 'pm10')).toBeUndefined();
  });
});
