import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatIssue } from '../../domain/validation/issues';
import { observationTopic } from '../../domain/sensors/hubProtocol';
import { startEmbeddedBroker } from './embeddedBroker';
import {
  HubConfigError,
  startSensorHub,
  type RunningSensorHub,
  type SensorHubStartOptions,
} from './startSensorHub';
import {
  collectingLog,
  createTempFolder,
  TestSource,
  testSensor,
  waitUntil,
  type CollectingLog,
} from './testSupport/hubTestSupport';
import { connectTestClient, startTestBroker, type TestBroker } from './testSupport/testBroker';

let folder: { path: string; remove(): Promise<void> };
let log: CollectingLog;
const running: RunningSensorHub[] = [];

beforeEach(async () => {
  folder = await createTempFolder();
  log = collectingLog();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((hub) => hub.stop()));
  await folder.remove();
});

function options(fields: Partial<SensorHubStartOptions> = {}): SensorHubStartOptions {
  return {
    configFile: join(folder.path, 'sensors.config.json'),
    configName: 'sensors.config.json',
    configRequired: false,
    mqttPort: 0,
    cwd: folder.path,
    env: {},
    log,
    ...fields,
  };
}

async function start(fields: Partial<SensorHubStartOptions> = {}): Promise<RunningSensorHub> {
  const hub = await startSensorHub(options(fields));
  running.push(hub);
  return hub;
}

async function writeConfig(config: unknown): Promise<void> {
  await writeFile(
    join(folder.path, 'sensors.config.json'),
    typeof config === 'string' ? config : JSON.stringify(config),
  );
}

describe('startSensorHub', { timeout: 30_000 }, () => {
  it('without a file: the replay of data/sensors/replay, the embedded broker and data/sensors.sqlite', async () => {
    const replays: unknown[] = [];
    const hub = await start({
      replay: (config, cwd) => {
        replays.push({ config, cwd });
        return new TestSource('replay', [testSensor('aasee-buoy')], 'replay');
      },
    });
    expect(replays).toEqual([
      { config: { type: 'replay', id: 'replay', folder: 'data/sensors/replay', speed: 1 }, cwd: folder.path },
    ]);
    expect(hub.databaseFile).toBe(join(folder.path, 'data', 'sensors.sqlite'));
    expect(existsSync(hub.databaseFile)).toBe(true);
    expect(hub.brokerUrl).toMatch(/^mqtt:\/\/127\.0\.0\.1:\d+$/);
    expect(hub.brokerUrl).not.toBe('mqtt://127.0.0.1:1883');
    expect(hub.hub.snapshot().sensors.map((sensor) => sensor.id)).toEqual(['aasee-buoy']);
  });

  it('plays data/sensors/replay with the built-in replay; without that folder the replay says why it stopped', async () => {
    const hub = await start();
    await waitUntil(
      () => hub.hub.sourceStatuses()[0]?.state === 'stopped',
      'the replay has looked for its folder',
    );
    expect(hub.hub.sourceStatuses()).toMatchObject([
      {
        id: 'replay',
        type: 'replay',
        state: 'stopped',
        detail: expect.stringContaining('data/sensors/replay'),
      },
    ]);
  });

  it('names file and JSON path of every problem in the configuration', async () => {
    await writeConfig({
      sources: [
        { type: 'sensorthings', id: 'frost', url: 'ftp://frost', licence: 'CC-BY-4.0', attribution: 'x' },
        { type: 'opensensemap', bbox: [7.7, 51.9, 7.5, 52] },
        { type: 'lorawan' },
      ],
      broker: { type: 'embedded', port: 70000 },
      database: { retentionDays: 0 },
    });
    const error = await startSensorHub(options()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubConfigError);
    const lines = (error as HubConfigError).issues.map(formatIssue);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^sensors\.config\.json \$\.sources\[0\]\.url: must be an absolute http\(s\) URL/,
        ),
        expect.stringMatching(
          /^sensors\.config\.json \$\.sources\[1\]\.bbox: expected \[west, south, east, north\]/,
        ),
        expect.stringMatching(/^sensors\.config\.json \$\.sources\[2\]\.type: /),
        expect.stringMatching(/^sensors\.config\.json \$\.broker\.port: /),
        expect.stringMatching(/^sensors\.config\.json \$\.database\.retentionDays: /),
      ]),
    );
  });

  it('reports broken JSON, and a named file that is missing', async () => {
    await writeConfig('{ "sources": [ }');
    await expect(startSensorHub(options())).rejects.toMatchObject({
      issues: [{ code: 'invalid_json', file: 'sensors.config.json', path: '$' }],
    });
    await expect(
      startSensorHub(
        options({
          configFile: join(folder.path, 'fehlt.json'),
          configName: 'fehlt.json',
          configRequired: true,
        }),
      ),
    ).rejects.toMatchObject({
      issues: [
        { code: 'unreadable_file', file: 'fehlt.json', message: 'cannot read the file (no such file)' },
      ],
    });
  });

  it('runs without its broker when the port is taken, and says how to fix it', async () => {
    const blocker = await startEmbeddedBroker({ host: '127.0.0.1', port: 0, retain: false });
    try {
      const hub = await start({ mqttPort: blocker.port });
      expect(hub.brokerUrl).toBeUndefined();
      expect(
        log.lines.warn.some(
          (line) => line.includes(`127.0.0.1:${blocker.port} is taken`) && line.includes('MQTT_PORT'),
        ),
      ).toBe(true);
    } finally {
      await blocker.close();
    }
  });

  describe('with an MQTT source and an external broker', () => {
    let broker: TestBroker;
    let client: MqttClient;

    beforeEach(async () => {
      broker = await startTestBroker();
      client = await connectTestClient(broker.url);
    });

    afterEach(async () => {
      await client.endAsync(true);
      await broker.stop();
    });

    it('reads the source and publishes what it checked on the external broker', async () => {
      await mkdir(join(folder.path, 'var'));
      await writeConfig({
        sources: [
          {
            type: 'mqtt',
            id: 'lorawan',
            url: broker.url,
            topics: 'devices/+/up',
            username: 'hub',
            passwordEnv: 'LORAWAN_PASSWORD',
            mapping: {
              sensorId: { topicLevel: 1 },
              time: 'received',
              observations: [{ phenomenon: 'ph', value: 'ph' }],
            },
            sensors: [testSensor('aasee-buoy', ['ph'])],
            licence: 'CC0-1.0',
            attribution: 'Test',
            reconnect: { initialDelaySeconds: 0.05, maxDelaySeconds: 0.2 },
          },
        ],
        broker: { type: 'external', url: broker.url, retain: false },
        database: { path: 'var/hub.sqlite' },
      });
      const received: string[] = [];
      client.on('message', (topic, payload) =>
        received.push(`${topic} ${JSON.parse(payload.toString()).value}`),
      );
      await client.subscribeAsync('muenster-twin/#');
      const hub = await start({ env: { LORAWAN_PASSWORD: 'geheim' } });
      expect(hub.databaseFile).toBe(join(folder.path, 'var', 'hub.sqlite'));
      await waitUntil(() => hub.hub.sourceStatuses()[0]?.state === 'connected', 'the source is connected');
      await waitUntil(
        () => log.lines.info.some((line) => line.includes('publishes on')),
        'the publisher is connected',
      );
      await client.publishAsync('devices/aasee-buoy/up', JSON.stringify({ ph: 7.4 }));
      await waitUntil(() => received.length === 1, 'the checked observation is published');
      expect(received).toEqual([`${observationTopic('aasee-buoy', 'ph')} 7.4`]);
    });
  });
});
