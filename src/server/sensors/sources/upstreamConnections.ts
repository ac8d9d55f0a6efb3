// The plumbing the adapters share: JSON over HTTP with a timeout, and MQTT connections that do not reconnect on
// their own (the ReconnectLoop does that, with backoff).
import { connect, type MqttClient } from 'mqtt';

export interface FetchJsonOptions {
  signal: AbortSignal;
  timeoutMs: number;
  username?: string;
  password?: string;
  /** Larger answers are refused (default 64 MiB). */
  maxBytes?: number;
}

/** The URL without user name or password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//');
}

/** GETs a URL and parses its JSON; throws with a short message on a network error, non-2xx status or bad JSON. */
export async function fetchJson(url: string, options: FetchJsonOptions): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.username !== undefined)
    headers.authorization = `Basic ${Buffer.from(`${options.username}:${options.password ?? ''}`).toString('base64')}`;
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]);
  let response: Response;
  try {
    response = await fetch(url, { signal, headers, redirect: 'follow' });
  } catch (error) {
    throw new Error(`${redactUrl(url)}: ${describeFetchError(error)}`);
  }
  const maxBytes = options.maxBytes ?? 64 * 2 ** 20;
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw new Error(`${redactUrl(url)}: answer larger than ${maxBytes} bytes`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new Error(`${redactUrl(url)}: ${describeFetchError(error)}`);
  }
  if (!response.ok) throw new Error(`${redactUrl(url)}: HTTP ${response.status}`);
  if (text.length > maxBytes) throw new Error(`${redactUrl(url)}: answer larger than ${maxBytes} bytes`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${redactUrl(url)}: the answer is not JSON`);
  }
}

/** undici hides the reason (ECONNREFUSED, a timeout) in `cause`. */
function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause;
    if (cause instanceof Error) return 'code' in cause && cause.code ? String(cause.code) : cause.message;
    if (error.name === 'TimeoutError') return 'timed out';
    return error.message;
  }
  return String(error);
}

export interface MqttConnectOptions {
  username?: string;
  password?: string;
  clientId?: string;
  timeoutMs: number;
  signal: AbortSignal;
}

/** Connects once (no automatic reconnect); rejects on refusal, timeout or abort. */
export function connectMqtt(url: string, options: MqttConnectOptions): Promise<MqttClient> {
  const client = connect(url, {
    reconnectPeriod: 0,
    connectTimeout: options.timeoutMs,
    username: options.username,
    password: options.password,
    clientId: options.clientId,
    clean: true,
    resubscribe: false,
  });
  return new Promise((resolve, reject) => {
    const settle = (error: Error | undefined): void => {
      client.off('connect', onConnect);
      client.off('error', onError);
      client.off('close', onClose);
      options.signal.removeEventListener('abort', onAbort);
      if (error) {
        client.end(true);
        reject(error);
      } else {
        resolve(client);
      }
    };
    const onConnect = (): void => settle(undefined);
    const onError = (error: Error): void =>
      settle(
        new Error(`${redactUrl(url)}: ${'code' in error && error.code ? String(error.code) : error.message}`),
      );
    const onClose = (): void => settle(new Error(`${redactUrl(url)}: connection closed`));
    const onAbort = (): void => settle(new Error('stopped'));
    // Errors after connecting are reported through `close`; a listener keeps them from throwing.
    client.on('error', () => {});
    client.once('connect', onConnect);
    client.once('error', onError);
    client.once('close', onClose);
    if (options.signal.aborted) onAbort();
    else options.signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Subscribes with QoS 0 and checks that the broker granted every filter. */
export async function subscribeAll(client: MqttClient, topics: readonly string[]): Promise<void> {
  if (topics.length === 0) return;
  const granted = await client.subscribeAsync([...topics], { qos: 0 });
  const refused = granted.filter((grant) => grant.qos === 128).map((grant) => grant.topic);
  if (refused.length > 0) throw new Error(`the broker refused the subscription to ${refused.join(', ')}`);
}

/**
 * Waits while the connection is up: resolves when `signal` aborts or after `maxMs` (ending the client), rejects
 * when the connection is lost.
 */
export function whileConnected(
  client: MqttClient,
  url: string,
  signal: AbortSignal,
  maxMs = Infinity,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error: Error | undefined): void => {
      clearTimeout(timer);
      client.off('close', onClose);
      signal.removeEventListener('abort', onAbort);
      client.end(true);
      if (error) reject(error);
      else resolve();
    };
    const onClose = (): void => finish(new Error(`${redactUrl(url)}: connection lost`));
    const onAbort = (): void => finish(undefined);
    const timer = Number.isFinite(maxMs) ? setTimeout(onAbort, Math.max(0, maxMs)) : undefined;
    if (!client.connected) return finish(new Error(`${redactUrl(url)}: connection lost`));
    client.once('close', onClose);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}
