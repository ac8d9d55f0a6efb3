/**
 * Counts failed logins per key (a client address, a code's lookup id) in a fixed window. Once a key reaches its
 * limit, every login for it is refused with 429 until the window ends, even with the right code, so guessing
 * stays hopeless and a correct guess cannot be told from a wrong one meanwhile.
 */
export interface RateLimit {
  maxFailures: number;
  windowMs: number;
}

export class LoginRateLimiter {
  private readonly failures = new Map<string, { count: number; windowEndsAt: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfterMs(key: string): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    const remaining = entry.windowEndsAt - this.now();
    if (remaining <= 0) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count >= this.limit.maxFailures ? remaining : 0;
  }

  recordFailure(key: string): void {
    const now = this.now();
    const entry = this.failures.get(key);
    if (!entry || entry.windowEndsAt <= now)
      this.failures.set(key, { count: 1, windowEndsAt: now + this.limit.windowMs });
    else entry.count++;
    if (this.failures.size > 100_000) this.forgetExpired(now);
  }

  private forgetExpired(now: number): void {
    for (const [key, entry] of this.failures) if (entry.windowEndsAt <= now) this.failures.delete(key);
  }
}
