import { randomBytes } from 'node:crypto';

/** A logged-in owner: bound to exactly one building for the session's life. */
export interface OwnerSession {
  buildingId: string;
  expiresAt: number;
}

/**
 * Sessions in memory, by a random 256-bit id (the cookie's value). A restart logs everyone out, which is fine for a
 * letter code typed once; sessions end after `lifetimeMs` regardless of activity.
 */
export class OwnerSessions {
  private readonly sessions = new Map<string, OwnerSession>();

  constructor(
    readonly lifetimeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  open(buildingId: string): string {
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { buildingId, expiresAt: this.now() + this.lifetimeMs });
    if (this.sessions.size > 50_000) this.forgetExpired();
    return id;
  }

  find(id: string | undefined): OwnerSession | undefined {
    if (id === undefined) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  close(id: string | undefined): void {
    if (id !== undefined) this.sessions.delete(id);
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id);
  }
}
