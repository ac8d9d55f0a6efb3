import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { LIVE_SOCKET_CLOSE, LiveSocketGuard } from './liveSocketGuard';

/** Enough of a ws socket for the guard: events, readyState and close (which emits 'close' like ws does). */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  closedWith: { code: number; reason: string } | undefined;
  close(code: number, reason: string) {
    this.closedWith = { code, reason };
    this.readyState = 3;
    this.emit('close', code, Buffer.from(reason));
  }
}

const asSocket = (fake: FakeSocket) => fake as unknown as WebSocket;

describe('LiveSocketGuard', () => {
  it('admits up to the limit per address, counts each until it closes, and keeps addresses apart', () => {
    const guard = new LiveSocketGuard({ connectionsPerAddress: 2, messagesPerMinute: 10 });
    const [first, second, third, other] = [
      new FakeSocket(),
      new FakeSocket(),
      new FakeSocket(),
      new FakeSocket(),
    ];
    expect(guard.admit(asSocket(first), '10.0.0.1')).toBe(true);
    expect(guard.admit(asSocket(second), '10.0.0.1')).toBe(true);
    expect(guard.admit(asSocket(third), '10.0.0.1')).toBe(false);
    expect(third.closedWith).toEqual(LIVE_SOCKET_CLOSE.tooManyConnections);
    expect(guard.admit(asSocket(other), '10.0.0.2')).toBe(true);
    first.close(1000, 'bye');
    // A second 'close' (ws emits one per socket, but be safe) must not free a seat twice.
    first.emit('close', 1000, Buffer.from(''));
    expect(guard.openConnections('10.0.0.1')).toBe(1);
    second.close(1000, 'bye');
    expect(guard.openConnections('10.0.0.1')).toBe(0);
  });

  it('closes a connection that sends more messages per minute than allowed, and only that one', () => {
    let now = 0;
    const guard = new LiveSocketGuard({ connectionsPerAddress: 5, messagesPerMinute: 3 }, () => now);
    const chatty = new FakeSocket();
    const quiet = new FakeSocket();
    guard.admit(asSocket(chatty), 'a');
    guard.admit(asSocket(quiet), 'a');
    for (let index = 0; index < 3; index += 1) chatty.emit('message', Buffer.from('x'));
    expect(chatty.closedWith).toBeUndefined();
    // A minute later the window has room again.
    now = 60_000;
    for (let index = 0; index < 3; index += 1) chatty.emit('message', Buffer.from('x'));
    expect(chatty.closedWith).toBeUndefined();
    chatty.emit('message', Buffer.from('x'));
    expect(chatty.closedWith).toEqual(LIVE_SOCKET_CLOSE.tooManyMessages);
    expect(quiet.closedWith).toBeUndefined();
    expect(guard.openConnections('a')).toBe(1);
  });
});
