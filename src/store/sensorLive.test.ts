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
  it('applies a big batch in slices that stay within the budget of each frame', async () => {
    // Each redraw of a slice "costs" 0.5 ms on the clock, as the layer's recolouring would.
    let simulatedMs = 0;
    const clock = () => performance.now() + simulatedMs;
    const live = createSensorLive({ clock, applyBudgetMs: 1.5 });
    const workPerFrame = new Map<number, number>();
    let changedSensors = 0;
    live.subscribe((change) => {
      if (change === 'all') return;
      changedSensors += change.size;
      const frame = Math.floor(clock() / FRAME_MS);
      workPerFrame.set(frame, (workPerFrame.get(frame) ?? 0) + 0.5);
      simulatedMs += 0.5;
    });
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
    // 128 observations per slice, 3 slices (1.5 ms) per frame at most.
    expect(Math.max(...workPerFrame.values())).toBeLessThanOrEqual(1.5);
    expect(workPerFrame.size).toBeGreaterThanOrEqual(Math.ceil(5_000 / 128 / 3));
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
