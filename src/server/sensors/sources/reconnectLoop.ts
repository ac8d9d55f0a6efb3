import { backoffDelayMs, type BackoffOptions } from '../../../domain/sensors/hub/backoff';
import type { SourceContext } from '../../../domain/sensors/sensorSource';

/**
 * One connection of a source: resolves when it ended on purpose (the loop starts the next one at once, e.g. to
 * refresh the catalogue), rejects when it failed or was lost (the loop waits with backoff first). It calls
 * `connected()` once it is up, and must end soon after `signal` aborts.
 */
export type SourceSession = (signal: AbortSignal, connected: () => void) => Promise<void>;

export interface ReconnectLoopOptions {
  backoff: BackoffOptions;
  random?: () => number;
  /** How the loop waits between attempts (tests record the delays instead of waiting). */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** The backoff of a source's `reconnect` settings (seconds in the config file, milliseconds here). */
export function backoffFromConfig(reconnect: {
  initialDelaySeconds: number;
  maxDelaySeconds: number;
}): BackoffOptions {
  return {
    initialDelayMs: reconnect.initialDelaySeconds * 1000,
    maxDelayMs: reconnect.maxDelaySeconds * 1000,
  };
}

/**
 * Keeps a source connected: runs its session again and again, with exponential backoff (capped, with jitter)
 * after failures, and reports `connecting` → `connected`, and `reconnecting` (with the error) → `connected` after
 * each failure or loss.
 */
export class ReconnectLoop {
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;

  constructor(
    private readonly session: SourceSession,
    private readonly options: ReconnectLoopOptions,
  ) {}

  start(context: SourceContext): void {
    this.running ??= this.run(context);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private async run(context: SourceContext): Promise<void> {
    const { signal } = this.abort;
    let failures = 0;
    context.setStatus('connecting');
    while (!signal.aborted) {
      let isUp = false;
      try {
        await this.session(signal, () => {
          isUp = true;
          failures = 0;
          context.setStatus('connected');
        });
        if (!isUp && !signal.aborted) failures += 1;
      } catch (error) {
        if (signal.aborted) break;
        const detail = error instanceof Error ? error.message : String(error);
        context.setStatus('reconnecting', detail);
        failures += 1;
        await this.wait(failures, signal);
        continue;
      }
      // A session that ended without connecting (and without an error) still waits, so it cannot spin.
      if (!isUp) await this.wait(failures, signal);
    }
    context.setStatus('stopped');
  }

  private wait(failures: number, signal: AbortSignal): Promise<void> {
    const delay = backoffDelayMs(failures - 1, this.options.backoff, this.options.random);
    return (this.options.wait ?? sleep)(delay, signal);
  }
}

/** Waits `ms`, or less when `signal` aborts; never rejects. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
