import type { SensorDescription } from '../../../domain/sensors/sensorModel';
import type { SensorSource, SourceContext } from '../../../domain/sensors/sensorSource';
import type { MqttSourceConfig } from '../../../domain/sensors/hub/hubConfig';
import { compilePayloadMapping, type PayloadReader } from '../../../domain/sensors/hub/payloadMapping';
import { sourceLabel } from '../../../domain/sensors/hub/sensorIds';
import { backoffFromConfig, ReconnectLoop } from './reconnectLoop';
import { connectMqtt, subscribeAll, whileConnected } from './upstreamConnections';

/** The sensors an MQTT source declares, completed with its source label, licence and attribution. */
export function declaredSensors(config: MqttSourceConfig): SensorDescription[] {
  return config.sensors.map((sensor) => ({
    ...sensor,
    source: sensor.source ?? sourceLabel('mqtt', config.id),
    licence: sensor.licence ?? config.licence,
    attribution: sensor.attribution ?? config.attribution,
  }));
}

/**
 * Plain MQTT topics with JSON payloads, as LoRaWAN network servers (ChirpStack, The Things Stack) publish
 * uplinks: subscribes to the configured topic filters and maps each payload's fields to observations of the
 * sensors declared in the configuration.
 */
export class MqttJsonSource implements SensorSource {
  readonly type = 'mqtt';
  readonly id: string;
  private readonly declared: SensorDescription[];
  private readonly read: PayloadReader;
  private readonly loop: ReconnectLoop;
  private context: SourceContext | undefined;

  constructor(private readonly config: MqttSourceConfig & { password?: string }) {
    this.id = config.id;
    this.declared = declaredSensors(config);
    this.read = compilePayloadMapping(config.mapping);
    this.loop = new ReconnectLoop((signal, connected) => this.session(signal, connected), {
      backoff: backoffFromConfig(config.reconnect),
    });
  }

  sensors(): readonly SensorDescription[] {
    return this.declared;
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
    const client = await connectMqtt(this.config.url, {
      username: this.config.username,
      password: this.config.password,
      clientId: this.config.clientId,
      timeoutMs: this.config.requestTimeoutSeconds * 1000,
      signal,
    });
    client.on('message', (topic, payload) => this.receive(topic, payload));
    try {
      await subscribeAll(client, this.config.topics);
    } catch (error) {
      client.end(true);
      throw error;
    }
    connected();
    await whileConnected(client, this.config.url, signal);
  }

  /** One message: size, JSON and shape first, then each mapped observation goes to the hub's checks. */
  receive(topic: string, payload: Buffer): void {
    const context = this.context;
    if (!context) return;
    if (payload.length > this.config.maxPayloadBytes) {
      context.reject(
        'payload-too-large',
        `${topic}: ${payload.length} bytes (at most ${this.config.maxPayloadBytes})`,
      );
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(payload.toString('utf8'));
    } catch {
      context.reject('malformed-json', `${topic}: ${JSON.stringify(payload.toString('utf8', 0, 60))}`);
      return;
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      context.reject('not-an-object', `${topic}: ${JSON.stringify(json).slice(0, 60)}`);
      return;
    }
    for (const raw of this.read(json, topic, Date.now())) context.emit(raw);
  }
}
