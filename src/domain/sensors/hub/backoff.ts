/** How long an adapter waits before its next attempt after a failure. */
export interface BackoffOptions {
  /** Delay after the first failure. */
  initialDelayMs: number;
  /** The delay never grows beyond this. */
  maxDelayMs: number;
}

/**
 * Exponential backoff with "equal jitter": the delay doubles with every failed attempt up to the cap, and a random
 * half of it is added, so adapters (and many hubs behind one upstream) do not knock all at the same moment.
 * `attempt` counts failures since the last success, starting at 0. See
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/.
 */
export function backoffDelayMs(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt, 0), 30);
  const ceiling = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** exponent);
  return ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random(), 0), 1);
}
