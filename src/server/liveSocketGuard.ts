import type { WebSocket } from 'ws';
import { SlidingWindowLimit } from '../domain/workshops/postingRateLimit';

/** How many live connections one address may hold at once, and how many messages one connection may send. */
export interface LiveSocketLimits {
  connectionsPerAddress: number;
  messagesPerMinute: number;
}

/**
 * Close codes a browser (or an operator reading logs) can tell apart. 1008 "policy violation" is the standard code
 * for a client that broke the rules; 4429 (private range, after HTTP 429) says "too many connections from your
 * address", so a client can back off instead of reconnecting at once.
 */
export const LIVE_SOCKET_CLOSE = {
  tooManyConnections: { code: 4429, reason: 'too many live connections from this address' },
  tooManyMessages: { code: 1008, reason: 'too many messages on this connection' },
} as const;

/**
 * Guards one kind of live WebSocket against floods: counts open connections per client address (refusing those
 * over the limit) and the messages each connection sends (closing one that sends too many). The browsers of this
 * app only listen, so the message limit is far above anything they send.
 */
export class LiveSocketGuard {
  private readonly openPerAddress = new Map<string, number>();

  constructor(
    private readonly limits: LiveSocketLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Open connections counted for an address (for tests and diagnostics). */
  openConnections(address: string): number {
    return this.openPerAddress.get(address) ?? 0;
  }

  /**
   * Admits a new socket from `address`, or closes it with `LIVE_SOCKET_CLOSE.tooManyConnections` and returns
   * false. An admitted socket is counted until it closes and closed when it sends too much.
   */
  admit(socket: WebSocket, address: string): boolean {
    const open = this.openConnections(address);
    if (open >= this.limits.connectionsPerAddress) {
      const { code, reason } = LIVE_SOCKET_CLOSE.tooManyConnections;
      socket.close(code, reason);
      return false;
    }
    this.openPerAddress.set(address, open + 1);
    let released = false;
    socket.once('close', () => {
      if (released) return;
      released = true;
      const remaining = this.openConnections(address) - 1;
      if (remaining > 0) this.openPerAddress.set(address, remaining);
      else this.openPerAddress.delete(address);
    });
    const messages = new SlidingWindowLimit(this.limits.messagesPerMinute, 60_000, this.now);
    socket.on('message', () => {
      if (socket.readyState !== socket.OPEN || messages.take('connection').allowed) return;
      const { code, reason } = LIVE_SOCKET_CLOSE.tooManyMessages;
      socket.close(code, reason);
    });
    return true;
  }
}
