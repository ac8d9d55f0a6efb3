import { describe, expect, it } from 'vitest';
import type { SourceStatus } from '../../../domain/sensors/hubProtocol';
import type { SourceContext } from '../../../domain/sensors/sensorSource';
import { waitUntil } from '../testSupport/hubTestSupport';
import { ReconnectLoop } from './reconnectLoop';

function recordingContext(): SourceContext & { states: string[] } {
  const states: string[] = [];
  return {
    states,
    emit: () => {},
    reject: () => {},
    sensorsChanged: () => {},
    latestTime: () => undefined,
    setStatus: (state: SourceStatus['state'], detail?: string) =>
      void states.push(detail ? `${state}: ${detail}` : state),
  };
}

describe('ReconnectLoop', () => {
  it('waits longer after each failure, up to the cap, and starts over after a success', async () => {
    const delays: number[] = [];
    let attempts = 0;
    const loop = new ReconnectLoop(
      async (signal, connected) => {
        attempts += 1;
        if (attempts === 6) {
          connected();
          // Lost again at once: the next failure waits the initial delay again.
        }
        if (attempts >= 9) await new Promise((resolve) => signal.addEventListener('abort', resolve));
        throw new Error(`ECONNREFUSED ${attempts}`);
      },
      {
        backoff: { initialDelayMs: 100, maxDelayMs: 1_000 },
        random: () => 1,
        wait: async (ms) => void delays.push(ms),
      },
    );
    const context = recordingContext();
    loop.start(context);
    await waitUntil(() => attempts >= 9, 'nine attempts');
    await loop.stop();
    expect(delays).toEqual([100, 200, 400, 800, 1_000, 100, 200, 400]);
    expect(context.states).toEqual([
      'connecting',
      'reconnecting: ECONNREFUSED 1',
      'reconnecting: ECONNREFUSED 2',
      'reconnecting: ECONNREFUSED 3',
      'reconnecting: ECONNREFUSED 4',
      'reconnecting: ECONNREFUSED 5',
      'connected',
      'reconnecting: ECONNREFUSED 6',
      'reconnecting: ECONNREFUSED 7',
      'reconnecting: ECONNREFUSED 8',
      'stopped',
    ]);
  });

  it('adds jitter: between half and all of the exponential delay', async () => {
    const delays: number[] = [];
    let attempts = 0;
    const randoms = [0, 0.5, 1];
    const loop = new ReconnectLoop(
      async (signal) => {
        attempts += 1;
        if (attempts > 3) await new Promise((resolve) => signal.addEventListener('abort', resolve));
        throw new Error('down');
      },
      {
        backoff: { initialDelayMs: 1_000, maxDelayMs: 60_000 },
        random: () => randoms.shift() ?? 0,
        wait: async (ms) => void delays.push(ms),
      },
    );
    loop.start(recordingContext());
    await waitUntil(() => attempts > 3, 'four attempts');
    await loop.stop();
    expect(delays).toEqual([500, 1_500, 4_000]);
  });

  it('stops promptly while waiting between attempts', async () => {
    let attempts = 0;
    const loop = new ReconnectLoop(
      async () => {
        attempts += 1;
        throw new Error('down');
      },
      { backoff: { initialDelayMs: 3_600_000, maxDelayMs: 3_600_000 } },
    );
    const context = recordingContext();
    loop.start(context);
    await waitUntil(() => attempts === 1, 'the first attempt');
    await loop.stop();
    expect(context.states.at(-1)).toBe('stopped');
  });
});
