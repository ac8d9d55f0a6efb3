/**
 * A sliding-window limit per key (a participant's token, an address): at most `limit` events in `windowMs`.
 * Pure apart from the clock it is given; the server keeps one per kind of request.
 */
export class SlidingWindowLimit {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an event when allowed; otherwise returns the seconds until the next one is. */
  take(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    const recent = (this.events.get(key) ?? []).filter((time) => now - time < this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(key, recent);
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000)),
      };
    }
    recent.push(now);
    this.events.set(key, recent);
    // Forget keys that fell silent, so the map does not grow with every visitor ever seen.
    if (this.events.size > 10_000) this.prune(now);
    return { allowed: true };
  }

  private prune(now: number): void {
    for (const [key, times] of this.events) {
      if (times.every((time) => now - time >= this.windowMs)) this.events.delete(key);
    }
  }
}
