import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../validation/issues';
import { DEFAULT_HUB_CONFIG, parseHubConfig } from './hubConfig';

const sensor = {
  id: 'aasee-buoy',
  name: 'Aasee-Boje',
  kind: 'water-buoy',
  position: { longitudeDegrees: 7.6105, latitudeDegrees: 51.9566, heightAboveGroundMeters: 0 },
  phenomena: [{ phenomenon: 'dissolved_oxygen', intervalSeconds: 600 }],
};

function issuesOf(config: unknown): string[] {
  return parseHubConfig(JSON.stringify(config), 'sensors.config.json').issues.map(formatIssue);
}

describe('the sensor hub configuration', () => {
  it('defaults to the replay of data/sensors/replay at speed 1, the embedded broker on 1883 and data/sensors.sqlite', () => {
    expect(DEFAULT_HUB_CONFIG).toEqual({
      sources: [{ type: 'replay', id: 'replay', folder: 'data/sensors/replay', speed: 1 }],
      database: { path: 'data/sensors.sqlite', retentionDays: 7, pruneIntervalMinutes: 10 },
      broker: { type: 'embedded', host: '127.0.0.1', port: 1883, retain: true },
      live: { batchIntervalMilliseconds: 200 },
      checks: { futureToleranceSeconds: 120 },
      logging: { firstRejectionsPerReason: 5, summaryIntervalSeconds: 60 },
    });
    expect(parseHubConfig('{}').value).toEqual(DEFAULT_HUB_CONFIG);
  });

  it('fills in each source type with its defaults', () => {
    const { value } = parseHubConfig(
      JSON.stringify({
        sources: [
          { type: 'replay', speed: 60, historyHours: 48 },
          { type: 'opensensemap', bbox: [7.5, 51.9, 7.75, 52.05] },
          {
            type: 'sensorthings',
            id: 'frost',
            url: 'https://frost.example.org/FROST-Server/v1.1',
            mqttUrl: 'mqtts://frost.example.org:8883',
            licence: 'CC-BY-4.0',
            attribution: 'Stadt Münster',
          },
          {
            type: 'mqtt',
            id: 'lorawan',
            url: 'mqtts://lns.example.org',
            topics: 'application/+/device/+/event/up',
            sensors: [sensor],
            licence: 'dl-de/by-2-0',
            attribution: 'Stadtwerke Münster',
          },
        ],
        broker: { type: 'off' },
      }),
    );
    expect(value?.sources[0]).toEqual({
      type: 'replay',
      id: 'replay',
      folder: 'data/sensors/replay',
      speed: 60,
      historyHours: 48,
    });
    expect(value?.sources[1]).toMatchObject({
      id: 'opensensemap',
      url: 'https://api.opensensemap.org',
      pollIntervalSeconds: 300,
      licence: 'PDDL-1.0',
      reconnect: { initialDelaySeconds: 1, maxDelaySeconds: 60 },
    });
    expect(value?.sources[2]).toMatchObject({
      pollIntervalSeconds: 60,
      backfillHours: 24,
      kind: 'air-station',
      phenomena: {},
    });
    expect(value?.sources[3]).toMatchObject({
      topics: ['application/+/device/+/event/up'],
      maxPayloadBytes: 65_536,
      mapping: { sensorId: { path: 'sensorId' }, time: { path: 'time' } },
    });
    expect(value?.broker).toEqual({ type: 'off' });
  });

  it('names the JSON path of each problem', () => {
    expect(
      issuesOf({
        sources: [
          { type: 'opensensemap', bbox: [7.5, 51.9, 7.75, 52.05], boxIds: ['5a1b2c3d4e5f60718293a4b5'] },
          {
            type: 'mqtt',
            id: 'Lora Wan',
            url: 'http://x',
            topics: 'a/#/b',
            sensors: [],
            licence: '',
            attribution: 'x',
          },
          {
            type: 'sensorthings',
            id: 'frost',
            url: 'https://x/v1.1',
            licence: 'x',
            attribution: 'x',
            phenomena: { Temp: 'warmth' },
          },
        ],
        broker: { type: 'external' },
        live: { batchIntervalMilliseconds: 1 },
        extra: true,
      }),
    ).toEqual(
      expect.arrayContaining([
        'sensors.config.json $.sources[0].bbox: give either bbox or boxIds (custom)',
        expect.stringMatching(/^sensors\.config\.json \$\.sources\[1\]\.id: use lower-case letters/),
        expect.stringMatching(/^sensors\.config\.json \$\.sources\[1\]\.url: must be an mqtt:\/\//),
        expect.stringMatching(/^sensors\.config\.json \$\.sources\[1\]\.topics: /),
        expect.stringMatching(/^sensors\.config\.json \$\.sources\[1\]\.sensors: /),
        expect.stringMatching(/^sensors\.config\.json \$\.sources\[1\]\.licence: /),
        expect.stringMatching(/^sensors\.config\.json \$\.sources\[2\]\.phenomena\.Temp: /),
        expect.stringMatching(/^sensors\.config\.json \$\.broker\.url: /),
        expect.stringMatching(/^sensors\.config\.json \$\.live\.batchIntervalMilliseconds: /),
        expect.stringMatching(/^sensors\.config\.json \$: Unrecognized key: "extra"/),
      ]),
    );
  });

  it('refuses two sources with one id, two replays, and a topic that would read back what the hub publishes', () => {
    const mqtt = { type: 'mqtt', url: 'mqtt://127.0.0.1', sensors: [sensor], licence: 'x', attribution: 'x' };
    expect(
      issuesOf({
        sources: [
          { type: 'replay' },
          { type: 'replay', id: 'second' },
          { ...mqtt, id: 'a', topics: '#' },
          { ...mqtt, id: 'a', topics: ['devices/#', 'muenster-twin/+/x/pm10'] },
        ],
      }),
    ).toEqual([
      'sensors.config.json $.sources[3].id: source id "a" is used twice (custom)',
      'sensors.config.json $.sources: at most one replay source (it sets the clock) (custom)',
      'sensors.config.json $.sources[2].topics: # would read back what the hub publishes under muenster-twin/observations/ (custom)',
      'sensors.config.json $.sources[3].topics[1]: muenster-twin/+/x/pm10 would read back what the hub publishes under muenster-twin/observations/ (custom)',
    ]);
  });

  it('reports broken JSON as one issue', () => {
    expect(parseHubConfig('{ "sources": ', 'sensoren.json').issues).toMatchObject([
      { code: 'invalid_json', file: 'sensoren.json', path: '$' },
    ]);
  });
});
