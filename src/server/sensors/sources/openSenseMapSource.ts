import type { SensorDescription } from '../../../domain/sensors/sensorModel';
import type { SensorSource, SourceContext } from '../../../domain/sensors/sensorSource';
import type { OpenSenseMapSourceConfig } from '../../../domain/sensors/hub/hubConfig';
import {
  mapOpenSenseMapBoxes,
  type OpenSenseMapCatalogue,
} from '../../../domain/sensors/hub/openSenseMapMapping';
import { sourceLabel } from '../../../domain/sensors/hub/sensorIds';
import type { HubLog } from '../sensorHubService';
import { backoffFromConfig, ReconnectLoop, sleep } from './reconnectLoop';
import { fetchJson } from './upstreamConnections';

/** The URLs one poll reads: the boxes in the bounding box, or each configured box. */
export function openSenseMapUrls(config: OpenSenseMapSourceConfig): string[] {
  const base = config.url.replace(/\/+$/, '');
  if (config.boxIds) return config.boxIds.map((id) => `${base}/boxes/${id}`);
  const parameters = new URLSearchParams({
    bbox: (config.bbox ?? []).join(','),
    full: 'true',
    format: 'json',
  });
  if (config.exposure) parameters.set('exposure', config.exposure);
  return [`${base}/boxes?${parameters.toString()}`];
}

/**
 * openSenseMap over REST (https://docs.opensensemap.org): polls the boxes with their sensors' latest
 * measurements and hands over each measurement it has not handed over before. A failed poll is retried with
 * backoff (status `reconnecting`); the next successful one brings the status back to `connected`.
 */
export class OpenSenseMapSource implements SensorSource {
  readonly type = 'opensensemap';
  readonly id: string;
  private catalogue: OpenSenseMapCatalogue = { sensors: [], series: [], skipped: [] };
  private readonly handedOver = new Map<string, unknown>();
  private readonly loggedSkips = new Set<string>();
  private readonly loop: ReconnectLoop;
  private context: SourceContext | undefined;

  constructor(
    private readonly config: OpenSenseMapSourceConfig,
    private readonly log?: HubLog,
  ) {
    this.id = config.id;
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

  private async session(signal: AbortSignal, connected: () => void): Promise<void> {
    for (;;) {
      await this.poll(signal);
      if (signal.aborted) return;
      connected();
      await sleep(this.config.pollIntervalSeconds * 1000, signal);
      if (signal.aborted) return;
    }
  }

  private async poll(signal: AbortSignal): Promise<void> {
    const boxes: unknown[] = [];
    for (const url of openSenseMapUrls(this.config)) {
      const body = await fetchJson(url, { signal, timeoutMs: this.config.requestTimeoutSeconds * 1000 });
      if (Array.isArray(body)) boxes.push(...body);
      else if (typeof body === 'object' && body !== null && !this.config.bbox) boxes.push(body);
      else
        throw new Error(`${url.split('?')[0]}: expected ${this.config.bbox ? 'a list of boxes' : 'a box'}`);
    }
    if (signal.aborted) return;
    const catalogue = mapOpenSenseMapBoxes(boxes.slice(0, this.config.maxBoxes), {
      sourceId: this.id,
      source: sourceLabel(this.type, this.id),
      licence: this.config.licence,
      attribution: this.config.attribution,
      heightAboveGroundMeters: this.config.heightAboveGroundMeters,
      intervalSeconds: this.config.intervalSeconds ?? this.config.pollIntervalSeconds,
      phenomena: this.config.phenomena,
    });
    for (const line of catalogue.skipped) {
      if (this.loggedSkips.size >= 50 || this.loggedSkips.has(line)) continue;
      this.loggedSkips.add(line);
      this.log?.info(`sensor source ${this.id} leaves out ${line}`);
    }
    const changed = JSON.stringify(catalogue.sensors) !== JSON.stringify(this.catalogue.sensors);
    this.catalogue = catalogue;
    if (changed) this.context?.sensorsChanged();
    for (const series of catalogue.series) {
      const { latest } = series;
      if (!latest) continue;
      // The same lastMeasurement comes back with every poll until the box sends again: hand it over once.
      const key = `${series.sensorId}\u0000${series.phenomenon}`;
      if (this.handedOver.get(key) === latest.time) continue;
      this.handedOver.set(key, latest.time);
      const stored = this.context?.latestTime(series.sensorId, series.phenomenon);
      const time = typeof latest.time === 'string' ? Date.parse(latest.time) : Number.NaN;
      if (stored !== undefined && time === stored) continue;
      this.context?.emit(latest);
    }
  }
}
