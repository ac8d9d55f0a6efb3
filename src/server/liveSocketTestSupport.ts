import WebSocket from 'ws';

/** A raw WebSocket client for limit tests: resolves once open, or with the close code and reason if refused. */
export interface LimitTestSocket {
  socket: WebSocket;
  /** Resolves when the server closes the connection. */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves with the first message, or undefined when the connection closes first. */
  firstMessage: Promise<string | undefined>;
}

export function openLimitTestSocket(url: string): LimitTestSocket {
  const socket = new WebSocket(url);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })),
  );
  const firstMessage = new Promise<string | undefined>((resolve) => {
    socket.once('message', (data: Buffer) => resolve(data.toString('utf8')));
    socket.once('close', () => resolve(undefined));
  });
  socket.on('error', () => {});
  return { socket, closed, firstMessage };
}

/** Tries `attempt` until it returns true (the server notices a closed socket a moment after the client). */
export async function eventually(
  attempt: () => Promise<boolean>,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await attempt()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting until ${what}`);
}
