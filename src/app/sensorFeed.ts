import type { HubReaderEvent } from '../domain/sensors/hubMessageReader';
import {
  SENSOR_API_PATH,
  SENSOR_LIVE_PATH,
  type ObservationWindow,
  type SensorHistory,
  type SensorSnapshot,
} from '../domain/sensors/hubProtocol';
import { valuesAt } from '../domain/sensors/latestValues';
import type { PhenomenonId } from '../domain/sensors/phenomena';
import type { TwinStore } from '../store/createTwinStore';
import type { SensorLive } from '../store/sensorLive';
import {
  createHubMessageDecoder,
  createInThreadHubMessageDecoder,
  type HubMessageDecoder,
} from './hubMessageDecoder';

const DAY_MS = 86_400_000;

export interface SensorFeedOptions {
  /** Where the hub is: this server by default. */
  baseUrl?: string;
  /** First and largest wait before reconnecting, in ms. */
  minimumRetryMs?: number;
  maximumRetryMs?: number;
  /** The WebSocket class: the browser's by default; Node tests pass the `ws` package's (Node 20 has none). */
  WebSocketImplementation?: typeof WebSocket;
  /** Parse the hub's messages in a Web Worker (default, where there is one) or on this thread. */
  readInWorker?: boolean;
}

function applySnapshot(store: TwinStore, live: SensorLive, snapshot: SensorSnapshot): void {
  live.syncClock(snapshot.now);
  store.getState().setSensorCatalogue(snapshot.sensors);
  live.replace(snapshot.latest);
  const sourcesDown = snapshot.sources.some((source) => source.state !== 'connected');
  store.getState().setSensorFeed(sourcesDown ? 'reconnecting' : 'live', snapshot.sources);
}

/**
 * Keeps the browser connected to the sensor hub: a snapshot on each (re)connect, then live batches over the
 * WebSocket, which write the live values (outside React) and only the feed's health into the store. The socket
 * stays on the main thread; its messages are parsed, checked and coalesced (newest value per series) by a
 * `HubMessageDecoder`, in a Web Worker where there is one. Reconnects with exponential backoff and jitter.
 * Returns a function that stops it.
 */
export function startSensorFeed(
  store: TwinStore,
  live: SensorLive,
  {
    baseUrl = window.location.origin,
    minimumRetryMs = 1000,
    maximumRetryMs = 30_000,
    WebSocketImplementation = globalThis.WebSocket,
    readInWorker = true,
  }: SensorFeedOptions = {},
): () => void {
  let socket: WebSocket | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let stopped = false;

  const handle = (event: HubReaderEvent, startedAt: number) => {
    if (stopped) return;
    switch (event.kind) {
      case 'snapshot':
        attempt = 0;
        if (!live.frozen) applySnapshot(store, live, event.snapshot);
        else store.getState().setSensorCatalogue(event.snapshot.sensors);
        break;
      case 'batch': {
        try {
          decoder.series.learn(event);
        } catch (error) {
          console.error(String(error));
          decoder.ready();
          break;
        }
        // While the time slider shows the past, live batches are dropped: back to live reloads the snapshot.
        if (live.frozen) {
          decoder.ready();
          break;
        }
        live.syncClock(event.hubNow);
        // The handling counts against SensorLive's budget per frame; it applies the values in slices and then
        // asks the decoder for the next batch (the decoder keeps the newest value per series meanwhile).
        live.applyBatch(event, decoder.series, performance.now() - startedAt, () => decoder.ready());
        break;
      }
      case 'sources': {
        const down = event.sources.some((source) => source.state !== 'connected');
        store.getState().setSensorFeed(down ? 'reconnecting' : 'live', event.sources);
        break;
      }
      case 'malformed':
        console.error(`Sensor feed: ignored a malformed message from the hub: ${event.error}`);
        break;
    }
    globalThis.twinSensorApplyProbe?.(
      startedAt,
      performance.now() - startedAt,
      event.kind === 'batch' ? event.received : 0,
      'receive',
    );
  };
  const decoder: HubMessageDecoder = readInWorker
    ? createHubMessageDecoder(handle)
    : createInThreadHubMessageDecoder(handle);

  const scheduleReconnect = () => {
    if (stopped) return;
    store.getState().setSensorFeed('reconnecting');
    const delay = Math.min(maximumRetryMs, minimumRetryMs * 2 ** attempt) * (0.75 + Math.random() * 0.5);
    attempt++;
    retryTimer = setTimeout(connect, delay);
  };

  const connect = () => {
    if (stopped) return;
    const url = new URL(SENSOR_LIVE_PATH, baseUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const current = new WebSocketImplementation(url);
    socket = current;
    current.onmessage = (event) => {
      const received = performance.now();
      decoder.read(String(event.data));
      const milliseconds = performance.now() - received;
      live.reportWork(received, milliseconds);
      globalThis.twinSensorApplyProbe?.(received, milliseconds, 0, 'receive');
    };
    // A failed attempt is followed by `close`, which schedules the next one (and `ws` in Node throws unheard errors).
    current.onerror = () => {};
    current.onclose = () => {
      if (socket === current) scheduleReconnect();
    };
  };

  // A server without a hub answers the REST path with 503 (or 404 before the hub existed): say so, don't retry.
  // Otherwise its snapshot draws the sensors at once, while the WebSocket connects.
  void fetch(new URL(SENSOR_API_PATH, baseUrl))
    .then(async (response) => {
      if (stopped) return;
      if (response.status === 503 || response.status === 404) {
        store.getState().setSensorFeed('unavailable');
        return;
      }
      if (response.ok) applySnapshot(store, live, (await response.json()) as SensorSnapshot);
      connect();
    })
    .catch(() => scheduleReconnect());

  // Back from the time slider to live: the last snapshot plus everything that arrived since.
  // The time slider: the last 24 hours are fetched once per visit of the slider, then each moment is computed.
  let window: Promise<ObservationWindow | undefined> | undefined;
  const showMoment = (time: number) => {
    if (!window) {
      const to = Math.ceil(live.now());
      window = fetch(new URL(`${SENSOR_API_PATH}/observations?from=${to - DAY_MS}&to=${to}`, baseUrl))
        .then((response) => (response.ok ? (response.json() as Promise<ObservationWindow>) : undefined))
        .catch(() => undefined);
    }
    live.freezeAt(time);
    void window.then((loaded) => {
      if (loaded && store.getState().sensorReplayTime === time)
        live.replace(valuesAt(loaded.observations, time));
    });
  };
  const stopWatchingSlider = store.subscribe((state, previous) => {
    if (state.sensorReplayTime === previous.sensorReplayTime) return;
    if (state.sensorReplayTime !== undefined) {
      showMoment(state.sensorReplayTime);
      return;
    }
    window = undefined;
    void fetch(new URL(SENSOR_API_PATH, baseUrl))
      .then((response) => (response.ok ? (response.json() as Promise<SensorSnapshot>) : undefined))
      .then((snapshot) => {
        live.freezeAt(undefined);
        if (snapshot) applySnapshot(store, live, snapshot);
      })
      .catch(() => live.freezeAt(undefined));
  });

  return () => {
    stopWatchingSlider();
    stopped = true;
    clearTimeout(retryTimer);
    socket?.close();
    decoder.dispose();
  };
}

/** Asks the hub for one sensor's series; an error names the sensor and the HTTP status. */
export async function fetchSensorHistory(
  sensorId: string,
  phenomenon: PhenomenonId,
  from: number,
  to: number,
  baseUrl = window.location.origin,
): Promise<SensorHistory> {
  const url = new URL(`${SENSOR_API_PATH}/${encodeURIComponent(sensorId)}/history`, baseUrl);
  // Whole milliseconds: the hub reads epoch ms as integers.
  url.search = new URLSearchParams({
    phenomenon,
    from: String(Math.floor(from)),
    to: String(Math.ceil(to)),
  }).toString();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${sensorId} ${phenomenon}: HTTP ${response.status}`);
  return (await response.json()) as SensorHistory;
}
