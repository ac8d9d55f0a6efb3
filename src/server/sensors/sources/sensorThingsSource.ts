import type { MqttClient } from 'mqtt';
import type { SensorDescription } from '../../../domain/sensors/sensorModel';
import type { SensorSource, SourceContext } from '../../../domain/sensors/sensorSource';
import type { SensorThingsSourceConfig } from '../../../domain/sensors/hub/hubConfig';
import { sourceLabel } from '../../../domain/sensors/hub/sensorIds';
import {
  mapSensorThings,
  rawObservationOf,
  type DatastreamBinding,
  type SensorThingsCatalogue,
} from '../../../domain/sensors/hub/sensorThingsMapping';
import type { HubLog } from '../sensorHubService';
import { backoffFromConfig, ReconnectLoop, sleep } from './reconnectLoop';
import { connectMqtt, fetchJson, subscribeAll, whileConnected } from './upstreamConnections';

const HOUR_MS = 3_600_000;
/** FROST-Server sends one Observation entity per message; anything much larger is not one. */
const MAX_MQTT_PAYLOAD_BYTES = 1_048_576;
/** A server whose paging never ends is cut off here. */
const MAX_PAGES = 10_000;

const emptyCatalogue = (): SensorThingsCatalogue => ({
  sensors: [],
  datastreams: [],
  observations: [],
  skipped: [],
});

/** `Datastreams(42)` or `Datastreams('a''b')`: SensorThings entity ids in URLs and MQTT topics. */
export function entityPath(collection: string, id: string | number): string {
  return typeof id === 'number' ? `${collection}(${id})` : `${collection}('${id.replace(/'/g, "''")}')`;
}

/** The time an Observation entity reports, as epoch ms (the end of a phenomenonTime interval). */
function observationTime(time: unknown): number | undefined {
  if (typeof time !== 'string') return undefined;
  const milliseconds = Date.parse(time.includes('/') ? time.slice(time.indexOf('/') + 1) : time);
  return Number.isFinite(milliseconds) ? milliseconds : undefined;
}

/**
 * An OGC SensorThings API 1.1 server such as FROST-Server: Things with their Locations and Datastreams over REST
 * (following `@iot.nextLink`), history since what the hub already holds, then new Observations over MQTT
 * (`v1.1/Datastreams(id)/Observations`) or, without an MQTT URL, by polling.
 */
export class SensorThingsSource implements SensorSource {
  readonly type = 'sensorthings';
  readonly id: string;
  private catalogue = emptyCatalogue();
  private readonly loop: ReconnectLoop;
  private readonly fetchedUntil = new Map<string, number>();
  private readonly loggedSkips = new Set<string>();
  private context: SourceContext | undefined;
  private readonly version: string;

  constructor(
    private readonly config: SensorThingsSourceConfig & { password?: string },
    private readonly log?: HubLog,
  ) {
    this.id = config.id;
    this.version = /\/(v\d+\.\d+)\/?$/.exec(config.url)?.[1] ?? 'v1.1';
    this.loop = new ReconnectLoop((signal, connected) => this.session(signal, connected), {
      backoff: backoffFromConfig(config.reconnect),
    });
  }

  sensors(): readonly SensorDescription[] {
    return this.catalogue.sensors;
  }

  now(): number {
    return Date.now();
  }

  async start(context: SourceContext): Promise<void> {
    this.context = context;
    this.loop.start(context);
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  private get baseUrl(): string {
    return this.config.url.replace(/\/+$/, '');
  }

  private async session(signal: AbortSignal, connected: () => void): Promise<void> {
    const catalogue = await this.loadCatalogue(signal);
    this.adoptCatalogue(catalogue);
    const refreshAt = Date.now() + this.config.catalogueRefreshMinutes * 60_000;
    if (!this.config.mqttUrl) {
      await this.catchUp(catalogue, signal);
      connected();
      while (!signal.aborted && Date.now() < refreshAt) {
        await sleep(this.config.pollIntervalSeconds * 1000, signal);
        if (!signal.aborted) await this.catchUp(catalogue, signal);
      }
      return;
    }
    const topics = new Map(
      catalogue.datastreams.map((binding) => [
        `${this.version}/${entityPath('Datastreams', binding.datastreamId)}/Observations`,
        binding,
      ]),
    );
    const client: MqttClient = await connectMqtt(this.config.mqttUrl, {
      username: this.config.username,
      password: this.config.password,
      timeoutMs: this.config.requestTimeoutSeconds * 1000,
      signal,
    });
    // Messages arriving while the history is fetched wait, so they follow it in time order.
    let waiting: [DatastreamBinding, Buffer][] | undefined = [];
    client.on('message', (topic, payload) => {
      const binding = topics.get(topic);
      if (!binding) return;
      if (waiting) waiting.push([binding, payload]);
      else this.receive(binding, payload);
    });
    try {
      await subscribeAll(client, [...topics.keys()]);
      await this.catchUp(catalogue, signal);
      const queued = waiting;
      waiting = undefined;
      for (const [binding, payload] of queued) this.receive(binding, payload, true);
    } catch (error) {
      client.end(true);
      throw error;
    }
    connected();
    await whileConnected(client, this.config.mqttUrl, signal, refreshAt - Date.now());
  }

  /** Things with Locations, Datastreams with ObservedProperty and their newest Observation, page by page. */
  private async loadCatalogue(signal: AbortSignal): Promise<SensorThingsCatalogue> {
    const query = [
      `$top=${this.config.pageSize}`,
      `$expand=${encodeURIComponent('Locations,Datastreams($expand=ObservedProperty,Observations($orderby=phenomenonTime desc;$top=1))')}`,
      ...(this.config.thingsFilter ? [`$filter=${encodeURIComponent(this.config.thingsFilter)}`] : []),
    ].join('&');
    const things = await this.fetchAllPages(`${this.baseUrl}/Things?${query}`, signal);
    return mapSensorThings(things, {
      sourceId: this.id,
      source: sourceLabel(this.type, this.id),
      licence: this.config.licence,
      attribution: this.config.attribution,
      kind: this.config.kind,
      heightAboveGroundMeters: this.config.heightAboveGroundMeters,
      intervalSeconds: this.config.intervalSeconds,
      phenomena: this.config.phenomena,
      units: this.config.units,
    });
  }

  private adoptCatalogue(catalogue: SensorThingsCatalogue): void {
    for (const line of catalogue.skipped) {
      if (this.loggedSkips.size >= 50 || this.loggedSkips.has(line)) continue;
      this.loggedSkips.add(line);
      this.log?.info(`sensor source ${this.id} leaves out ${line}`);
    }
    const changed = JSON.stringify(catalogue.sensors) !== JSON.stringify(this.catalogue.sensors);
    this.catalogue = catalogue;
    if (changed) this.context?.sensorsChanged();
  }

  /**
   * Emits, per Datastream, what the hub lacks: the history since its newest observation (or `backfillHours` back
   * on a first start), else just the newest observation that came with the catalogue.
   */
  private async catchUp(catalogue: SensorThingsCatalogue, signal: AbortSignal): Promise<void> {
    const newest = new Map(
      catalogue.observations.map((raw) => [`${raw.sensorId}\u0000${String(raw.phenomenon)}`, raw]),
    );
    for (const binding of catalogue.datastreams) {
      if (signal.aborted) return;
      const since = this.since(binding);
      if (since !== undefined) {
        const filter = encodeURIComponent(`phenomenonTime gt ${new Date(since).toISOString()}`);
        const url =
          `${this.baseUrl}/${entityPath('Datastreams', binding.datastreamId)}/Observations` +
          `?$filter=${filter}&$orderby=${encodeURIComponent('phenomenonTime asc')}&$top=${this.config.pageSize}`;
        for (const observation of await this.fetchAllPages(url, signal)) this.deliver(binding, observation);
      }
      const latest = newest.get(`${binding.sensorId}\u0000${binding.phenomenon}`);
      const time = observationTime(latest?.time);
      const seen = this.seenUntil(binding);
      if (latest && (time === undefined || seen === undefined || time > seen)) {
        this.noteSeen(binding, time);
        this.context?.emit(latest);
      }
    }
    catalogue.observations = [];
  }

  private since(binding: DatastreamBinding): number | undefined {
    const seen = this.seenUntil(binding);
    if (seen !== undefined) return seen;
    return this.config.backfillHours > 0 ? Date.now() - this.config.backfillHours * HOUR_MS : undefined;
  }

  private seenUntil(binding: DatastreamBinding): number | undefined {
    const stored = this.context?.latestTime(binding.sensorId, binding.phenomenon);
    const fetched = this.fetchedUntil.get(String(binding.datastreamId));
    if (stored === undefined) return fetched;
    return fetched === undefined ? stored : Math.max(stored, fetched);
  }

  private noteSeen(binding: DatastreamBinding, time: number | undefined): void {
    const key = String(binding.datastreamId);
    if (time !== undefined && time > (this.fetchedUntil.get(key) ?? Number.NEGATIVE_INFINITY))
      this.fetchedUntil.set(key, time);
  }

  private deliver(binding: DatastreamBinding, observation: unknown): void {
    const raw = rawObservationOf(binding, observation);
    this.noteSeen(binding, observationTime(raw.time));
    this.context?.emit(raw);
  }

  /**
   * One MQTT message: an Observation entity of a followed Datastream. `afterHistory` drops what the history
   * fetched while the subscription started already delivered (an overlap, not a duplicate sent by upstream).
   */
  private receive(binding: DatastreamBinding, payload: Buffer, afterHistory = false): void {
    const context = this.context;
    if (!context) return;
    const where = `Datastream ${binding.datastreamId}`;
    if (payload.length > MAX_MQTT_PAYLOAD_BYTES) {
      context.reject('payload-too-large', `${where}: ${payload.length} bytes`);
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(payload.toString('utf8'));
    } catch {
      context.reject('malformed-json', `${where}: ${payload.toString('utf8', 0, 60)}`);
      return;
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      context.reject('not-an-object', `${where}: ${JSON.stringify(json).slice(0, 60)}`);
      return;
    }
    if (afterHistory) {
      const time = observationTime((json as Record<string, unknown>).phenomenonTime);
      const fetched = this.fetchedUntil.get(String(binding.datastreamId));
      if (time !== undefined && fetched !== undefined && time <= fetched) return;
    }
    this.deliver(binding, json);
  }

  /** GETs a collection and follows `@iot.nextLink` (on the same server only) until the last page. */
  private async fetchAllPages(firstUrl: string, signal: AbortSignal): Promise<unknown[]> {
    const origin = new URL(this.baseUrl).origin;
    const items: unknown[] = [];
    let url: string | undefined = firstUrl;
    for (let page = 0; url !== undefined && page < MAX_PAGES; page++) {
      const body = await fetchJson(url, {
        signal,
        timeoutMs: this.config.requestTimeoutSeconds * 1000,
        username: this.config.username,
        password: this.config.password,
      });
      if (typeof body !== 'object' || body === null || !Array.isArray((body as { value?: unknown }).value))
        throw new Error(`${url.split('?')[0]}: not a SensorThings collection (no "value" array)`);
      const collection = body as { value: unknown[]; '@iot.nextLink'?: unknown };
      items.push(...collection.value);
      const next = collection['@iot.nextLink'];
      url = typeof next === 'string' && next !== url && safeOrigin(next) === origin ? next : undefined;
    }
    return items;
  }
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
