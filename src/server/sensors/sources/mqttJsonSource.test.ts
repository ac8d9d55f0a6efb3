import type { MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceConfigSchema, type MqttSourceConfig } from '../../../domain/sensors/hub/hubConfig';
import { ObservationStore } from '../observationStore';
import { SensorHub } from '../sensorHub';
import { collectingLog, testSensor, waitUntil } from '../testSupport/hubTestSupport';
import { connectTestClient, startTestBroker, type TestBroker } from '../testSupport/testBroker';
import { MqttJsonSource } from './mqttJsonSource';

let broker: TestBroker;
let publisher: MqttClient;
let hub: SensorHub | undefined;

beforeEach(async () => {
  broker = await startTestBroker();
  publisher = await connectTestClient(broker.url);
});

afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  await publisher.endAsync(true);
  await broker.stop();
});

function mqttConfig(fields: Record<string, unknown>): MqttSourceConfig {
  return sourceConfigSchema.parse({
    type: 'mqtt',
    id: 'lorawan',
    url: broker.url,
    licence: 'dl-de/by-2-0',
    attribution: 'Stadtwerke Münster',
    reconnect: { initialDelaySeconds: 0.02, maxDelaySeconds: 0.2 },
    ...fields,
  }) as MqttSourceConfig;
}

async function startHubWith(config: MqttSourceConfig): Promise<SensorHub> {
  hub = new SensorHub({
    sources: [new MqttJsonSource(config)],
    store: new ObservationStore(':memory:'),
    log: collectingLog(),
  });
  await hub.start();
  const running = hub;
  await waitUntil(() => running.sourceStatuses()[0]?.state === 'connected', 'the source is connected');
  return running;
}

describe('MqttJsonSource', { timeout: 30_000 }, () => {
  it('maps a LoRaWAN uplink (ChirpStack style) to observations of the declared sensor', async () => {
    const running = await startHubWith(
      mqttConfig({
        topics: 'application/aasee/device/+/event/up',
        mapping: {
          sensorId: { topicLevel: 3 },
          sensorIds: { '0004a30b001c1b8f': 'aasee-buoy' },
          time: 'time',
          observations: [
            { phenomenon: 'water_temperature', value: 'object.waterTemperature' },
            { phenomenon: 'dissolved_oxygen', value: 'object.oxygen', unit: 'mg/l', required: false },
            { phenomenon: 'ph', value: 'object.ph', required: false },
          ],
        },
        sensors: [
          {
            ...testSensor('aasee-buoy', ['water_temperature', 'dissolved_oxygen', 'ph']),
            source: undefined,
            licence: undefined,
            attribution: undefined,
          },
        ],
      }),
    );
    expect(running.snapshot().sensors[0]).toMatchObject({
      id: 'aasee-buoy',
      source: 'mqtt:lorawan',
      licence: 'dl-de/by-2-0',
    });
    const time = new Date(Date.now() - 30_000).toISOString();
    await publisher.publishAsync(
      'application/aasee/device/0004a30b001c1b8f/event/up',
      JSON.stringify({
        deviceInfo: { devEui: '0004a30b001c1b8f' },
        time,
        object: { waterTemperature: 23.4, oxygen: 6.2 },
      }),
    );
    await waitUntil(() => running.stats().accepted === 2, 'both values are accepted');
    expect(running.snapshot().latest).toEqual(
      expect.arrayContaining([
        ['aasee-buoy', 'water_temperature', 23.4, Date.parse(time)],
        ['aasee-buoy', 'dissolved_oxygen', 6.2, Date.parse(time)],
      ]),
    );
    expect(running.stats().rejected).toEqual({});
  });

  it('reads the hub’s own normalised shape by default, and counts what it cannot read', async () => {
    const running = await startHubWith(
      mqttConfig({ topics: ['sensors/#'], sensors: [testSensor('box-1', ['pm10', 'air_temperature'])] }),
    );
    const time = Date.now() - 5_000;
    await publisher.publishAsync(
      'sensors/box-1',
      JSON.stringify({ sensorId: 'box-1', phenomenon: 'pm10', value: '17', unit: 'ug/m3', time }),
    );
    await publisher.publishAsync('sensors/box-1', '{"sensorId": "box-1", "phenomenon": ');
    await publisher.publishAsync('sensors/box-1', '[1, 2, 3]');
    await publisher.publishAsync(
      'sensors/box-1',
      JSON.stringify({ sensorId: 'box-1', phenomenon: 'air_temperature', value: 'warm', time }),
    );
    await waitUntil(
      () =>
        running.stats().accepted +
          Object.values(running.stats().rejected).reduce((a, b) => a + (b ?? 0), 0) ===
        4,
      'all four are handled',
    );
    expect(running.stats()).toMatchObject({
      accepted: 1,
      rejected: { 'malformed-json': 1, 'not-an-object': 1, 'not-a-number': 1 },
    });
    expect(running.snapshot().latest).toEqual([['box-1', 'pm10', 17, time]]);
  });
});
