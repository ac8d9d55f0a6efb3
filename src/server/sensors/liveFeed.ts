import type {
  HubMessage,
  SensorSnapshot,
  SourceStatus,
  WireObservation,
} from '../../domain/sensors/hubProtocol';

/**
 * Receives each message for browsers, serialised once for every listener: as JSON text, and (made on first
 * request, then shared) as its UTF-8 bytes, which a WebSocket sends to every browser without encoding it again.
 */
export type HubListener = (message: HubMessage, json: string, utf8: () => Buffer) => void;

export interface LiveFeedOptions {
  /** Observations are collected this long and sent as one message. */
  batchIntervalMs: number;
  /** The hub clock, stamped on each batch. */
  now(): number;
  /** A fresh snapshot, sent when the catalogue changed. */
  snapshot(): SensorSnapshot;
  /** Reports a listener that threw (once per distinct message). */
  warn(key: string, line: string): void;
}

/**
 * What browsers get after their first snapshot: observations in batches (one message per interval, never one per
 * observation), a new snapshot when sources find sensors, and source states at once.
 */
export class LiveFeed {
  private readonly listeners = new Set<HubListener>();
  private pending: WireObservation[] = [];
  private timer: NodeJS.Timeout | undefined;
  private snapshotDue = false;

  constructor(private readonly options: LiveFeedOptions) {}

  /** How many listen (the browsers connected). */
  get size(): number {
    return this.listeners.size;
  }

  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Queues an observation for the next batch; nothing is kept while nobody listens. */
  push(observation: WireObservation): void {
    if (this.listeners.size === 0) return;
    this.pending.push(observation);
    this.schedule();
  }

  /** The catalogue changed: a snapshot goes out with the next batch. */
  catalogueChanged(): void {
    this.snapshotDue = true;
    if (this.listeners.size > 0) this.schedule();
  }

  sourcesChanged(sources: SourceStatus[]): void {
    this.broadcast({ type: 'sources', sources });
  }

  /** Sends what is pending now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length > 0) {
      const observations = this.pending;
      this.pending = [];
      this.broadcast({ type: 'observations', now: this.options.now(), observations });
    }
    if (this.snapshotDue) {
      this.snapshotDue = false;
      this.broadcast({ type: 'snapshot', snapshot: this.options.snapshot() });
    }
  }

  /** Sends what is pending and forgets every listener. */
  close(): void {
    this.flush();
    this.listeners.clear();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), this.options.batchIntervalMs);
  }

  private broadcast(message: HubMessage): void {
    if (this.listeners.size === 0) return;
    const json = JSON.stringify(message);
    let bytes: Buffer | undefined;
    const utf8 = (): Buffer => (bytes ??= Buffer.from(json, 'utf8'));
    for (const listener of this.listeners) {
      try {
        listener(message, json, utf8);
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        this.options.warn(`listener:${text}`, `a live listener failed: ${text}`);
      }
    }
  }
}
