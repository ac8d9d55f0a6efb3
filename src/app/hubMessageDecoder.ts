import { HubMessageReader, SeriesTable, type HubReaderEvent } from '../domain/sensors/hubMessageReader';

/** What the main thread sends the reader's worker: a WebSocket message's text, or "the last batch is applied". */
export type HubReaderRequest = { kind: 'message'; text: string } | { kind: 'ready' };

/**
 * Reads the hub's messages for the sensor feed: in a Web Worker in the browser, on the main thread where there is
 * none (Node tests) or it cannot start. Either way the same `HubMessageReader` parses and coalesces.
 */
export interface HubMessageDecoder {
  /** A WebSocket message's text. */
  read(text: string): void;
  /** The last batch is applied: the next may come. */
  ready(): void;
  /** Series numbers of the batches this decoder hands on. */
  readonly series: SeriesTable;
  dispose(): void;
}

/** Receives the reader's events, with the `performance.now()` at which handling the event began. */
export type HubReaderListener = (event: HubReaderEvent, startedAt: number) => void;

function createHubReaderWorker(): Worker {
  return new Worker(new URL('./hubMessageReader.worker.ts', import.meta.url), { type: 'module' });
}

/** The reader on this thread; events are handed on after the message's own handler has returned. */
export function createInThreadHubMessageDecoder(listener: HubReaderListener): HubMessageDecoder {
  let disposed = false;
  const reader = new HubMessageReader({
    emit: (event) =>
      queueMicrotask(() => {
        if (!disposed) listener(event, performance.now());
      }),
  });
  return {
    read: (text) => reader.read(text),
    ready: () => reader.ready(),
    series: new SeriesTable(),
    dispose: () => {
      disposed = true;
    },
  };
}

/**
 * The reader in a Web Worker; batches come back as typed arrays (transferred, not copied). If the worker cannot
 * run, the decoder says why on the console and reads on this thread from then on (with fresh series numbers).
 */
export function createHubMessageDecoder(
  listener: HubReaderListener,
  createWorker: () => Worker = createHubReaderWorker,
): HubMessageDecoder {
  if (typeof Worker === 'undefined') return createInThreadHubMessageDecoder(listener);
  let fallback: HubMessageDecoder | undefined;
  let worker: Worker | undefined;
  let series = new SeriesTable();
  const useFallback = (reason: string) => {
    console.error(`Sensor feed: the message reader's worker failed (${reason}); reading on the main thread`);
    worker?.terminate();
    worker = undefined;
    fallback = createInThreadHubMessageDecoder(listener);
    series = fallback.series;
  };
  try {
    worker = createWorker();
    worker.addEventListener('message', (event: MessageEvent<HubReaderEvent>) => {
      const startedAt = performance.now();
      listener(event.data, startedAt);
    });
    worker.addEventListener('error', (event) => useFallback(event.message || 'could not run'));
  } catch (error) {
    useFallback(String(error));
  }
  const post = (request: HubReaderRequest) => worker?.postMessage(request);
  return {
    read: (text) => (fallback ? fallback.read(text) : post({ kind: 'message', text })),
    ready: () => (fallback ? fallback.ready() : post({ kind: 'ready' })),
    get series() {
      return series;
    },
    dispose: () => {
      worker?.terminate();
      fallback?.dispose();
    },
  };
}
