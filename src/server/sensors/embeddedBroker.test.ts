import type { MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { OBSERVATION_TOPIC_PREFIX, observationTopic } from '../../domain/sensors/hubProtocol';
import type { Observation } from '../../domain/sensors/sensorModel';
import { startEmbeddedBroker, type EmbeddedBroker } from './embeddedBroker';
import { waitUntil } from './testSupport/hubTestSupport';
import { connectTestClient } from './testSupport/testBroker';

const brokers: EmbeddedBroker[] = [];
const clients: MqttClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
  await Promise.all(brokers.splice(0).map((broker) => broker.close()));
});

async function startBroker(retain = true): Promise<EmbeddedBroker> {
  const broker = await startEmbeddedBroker({ host: '127.0.0.1', port: 0, retain });
  brokers.push(broker);
  return broker;
}

async function subscriber(broker: EmbeddedBroker, topic: string): Promise<{ received: [string, unknown][] }> {
  const client = await connectTestClient(broker.url);
  clients.push(client);
  const received: [string, unknown][] = [];
  client.on('message', (messageTopic, payload) =>
    received.push([messageTopic, JSON.parse(payload.toString())]),
  );
  await client.subscribeAsync(topic);
  return { received };
}

const observation = (value: number): Observation => ({
  sensorId: 'aasee-buoy',
  phenomenon: 'dissolved_oxygen',
  unit: 'mg/L',
  value,
  time: Date.now(),
  position: { longitudeDegrees: 7.6105, latitudeDegrees: 51.9566, heightAboveGroundMeters: 0 },
  source: 'replay',
  licence: 'dl-de/by-2-0',
});

describe('the embedded broker', { timeout: 30_000 }, () => {
  it('publishes each observation as JSON on its topic, and keeps the latest for new subscribers', async () => {
    const broker = await startBroker();
    expect(broker.url).toBe(`mqtt://127.0.0.1:${broker.port}`);
    const early = await subscriber(broker, `${OBSERVATION_TOPIC_PREFIX}/#`);
    broker.publish(observation(7.5));
    broker.publish(observation(6.9));
    await waitUntil(() => early.received.length === 2, 'both observations arrive');
    expect(early.received[0]).toEqual([
      observationTopic('aasee-buoy', 'dissolved_oxygen'),
      { ...observation(7.5), time: expect.any(Number) },
    ]);
    const late = await subscriber(broker, observationTopic('aasee-buoy', 'dissolved_oxygen'));
    await waitUntil(() => late.received.length === 1, 'the retained observation arrives');
    expect(late.received[0]![1]).toMatchObject({ value: 6.9, unit: 'mg/L' });
  });

  it('lets devices publish elsewhere, but nobody but the hub under the observation topics', async () => {
    const broker = await startBroker(false);
    const listener = await subscriber(broker, '#');
    const device = await connectTestClient(broker.url);
    clients.push(device);
    await device.publishAsync('lorawan/aasee/up', JSON.stringify({ oxygen: 7 }));
    await waitUntil(() => listener.received.length === 1, "the device's message arrives");
    // aedes drops a client whose publish is refused.
    const dropped = new Promise<void>((resolve) => device.once('close', () => resolve()));
    device.publish(observationTopic('aasee-buoy', 'dissolved_oxygen'), JSON.stringify(observation(0)));
    await dropped;
    broker.publish(observation(8.1));
    await waitUntil(() => listener.received.length === 2, "the hub's observation arrives");
    expect(listener.received.map(([topic]) => topic)).toEqual([
      'lorawan/aasee/up',
      observationTopic('aasee-buoy', 'dissolved_oxygen'),
    ]);
    expect(listener.received[1]![1]).toMatchObject({ value: 8.1 });
  });

  it('lets MQTT skip observations, never queue without bound, when subscribers cannot keep up', async () => {
    const broker = await startEmbeddedBroker({
      host: '127.0.0.1',
      port: 0,
      retain: false,
      maxPendingObservations: 10,
    });
    brokers.push(broker);
    const listener = await subscriber(broker, `${OBSERVATION_TOPIC_PREFIX}/#`);
    for (let value = 0; value < 100; value++) broker.publish(observation(value / 10));
    expect(broker.dropped).toBe(90);
    await waitUntil(() => listener.received.length === 10, 'the first ten arrive');
    // Once the broker has reported the first ten as published, it takes more.
    await waitUntil(() => {
      broker.publish(observation(9.9));
      return listener.received.length > 10;
    }, 'the broker takes more once it caught up');
  });

  it('refuses a port that is taken with EADDRINUSE', async () => {
    const broker = await startBroker();
    await expect(
      startEmbeddedBroker({ host: '127.0.0.1', port: broker.port, retain: true }),
    ).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });
});
