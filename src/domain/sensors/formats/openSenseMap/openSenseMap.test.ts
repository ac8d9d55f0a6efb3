import { describe, expect, it } from 'vitest';
import { openSenseMapPhenomenon } from './openSenseMapPhenomena';
import { parseOpenSenseMapBoxes } from './parseOpenSenseMapBoxes';
import { parseOpenSenseMapData } from './parseOpenSenseMapData';
import {
  writeOpenSenseMapBox,
  writeOpenSenseMapDataCsv,
  writeOpenSenseMapDataJson,
} from './writeOpenSenseMap';

const BOX = {
  _id: '57000b8745fd40c8196ad04c',
  exposure: 'outdoor',
  name: 'Balkon Kreuzviertel',
  currentLocation: { coordinates: [7.62, 51.97], type: 'Point' },
  sensors: [
    {
      _id: 'aaaaaaaaaaaaaaaaaaaaaaa1',
      title: 'Temperatur',
      unit: '°C',
      lastMeasurement: { value: '21.5', createdAt: '2026-08-03T10:00:00.000Z' },
    },
    {
      _id: 'aaaaaaaaaaaaaaaaaaaaaaa2',
      title: 'Luftdruck',
      unit: 'Pa',
      lastMeasurement: { value: '101300', createdAt: '2026-08-03T10:00:00.000Z' },
    },
    {
      _id: 'aaaaaaaaaaaaaaaaaaaaaaa3',
      title: 'UV-Intensität',
      unit: 'μW/cm²',
      lastMeasurement: { value: 'kaputt', createdAt: '2026-08-03T10:00:00.000Z' },
    },
    { _id: 'aaaaaaaaaaaaaaaaaaaaaaa4', title: 'Wifi-Stärke', unit: 'dBm' },
    { _id: 'aaaaaaaaaaaaaaaaaaaaaaa5', title: 'PM10', unit: 'furlongs' },
    { _id: 'aaaaaaaaaaaaaaaaaaaaaaa6', title: 'Temperatur Keller', unit: '°C' },
  ],
};

describe('openSenseMap sensor titles', () => {
  it('map the senseBox titles and their variants to our phenomena', () => {
    const titles = [
      'Temperatur',
      'rel. Luftfeuchte',
      'Luftdruck',
      'PM10',
      'PM2.5',
      'Beleuchtungsstärke',
      'UV-Intensität',
    ];
    expect(titles.map(openSenseMapPhenomenon)).toEqual([
      'air_temperature',
      'relative_humidity',
      'air_pressure',
      'pm10',
      'pm2_5',
      'illuminance',
      'uv_intensity',
    ]);
    expect(['Temperatur Terrasse', 'rel. Luftfeuchtigkeit', 'PM 2,5'].map(openSenseMapPhenomenon)).toEqual([
      'air_temperature',
      'relative_humidity',
      'pm2_5',
    ]);
    expect(
      ['UV-Index', 'Bodenfeuchte', 'Lautstärke', 'Eingangsspannung'].map(openSenseMapPhenomenon),
    ).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('parseOpenSenseMapBoxes', () => {
  it('turns a box into one sensor with the phenomena we show and its last measurements', () => {
    const parsed = parseOpenSenseMapBoxes(JSON.stringify(BOX), { file: 'box.json' });
    expect(parsed.sensors).toHaveLength(1);
    expect(parsed.sensors[0]).toMatchObject({
      id: 'opensensemap:57000b8745fd40c8196ad04c',
      kind: 'sensebox',
      name: 'Balkon Kreuzviertel',
      position: { longitudeDegrees: 7.62, latitudeDegrees: 51.97, heightAboveGroundMeters: 3 },
    });
    expect(parsed.sensors[0]!.phenomena.map((entry) => entry.phenomenon)).toEqual([
      'air_temperature',
      'air_pressure',
      'uv_intensity',
    ]);
    expect(parsed.observations.map((item) => [item.phenomenon, item.value, item.unit])).toEqual([
      ['air_temperature', 21.5, '°C'],
      ['air_pressure', 101300, 'Pa'],
    ]);
    expect(parsed.sensorRefs.map((ref) => ref.openSenseMapSensorId)).toEqual([
      'aaaaaaaaaaaaaaaaaaaaaaa1',
      'aaaaaaaaaaaaaaaaaaaaaaa2',
      'aaaaaaaaaaaaaaaaaaaaaaa3',
    ]);
    expect(parsed.issueCounts).toEqual({
      'bad-measurement': 1,
      'unmapped-sensor': 1,
      'unknown-unit': 1,
      'duplicate-phenomenon': 1,
    });
    expect(parsed.issues.find((issue) => issue.code === 'unknown-unit')!.message).toBe(
      'box.json, $.sensors[4]: "PM10" in "furlongs" cannot be converted; skipped',
    );
  });

  it('skips indoor boxes and minimal listings, and reports broken JSON', () => {
    const list = [
      { ...BOX, exposure: 'indoor' },
      {
        _id: '5ee91626dc1438001b473b52',
        name: 'Lucht sensor',
        exposure: 'outdoor',
        currentLocation: { coordinates: [5.38, 51.42] },
      },
      { name: 'no id' },
    ];
    const parsed = parseOpenSenseMapBoxes(JSON.stringify(list), { file: 'boxes.json' });
    expect(parsed.format).toBe('opensensemap-boxes');
    expect(parsed.sensors).toEqual([]);
    expect(parsed.issueCounts).toEqual({ 'skipped-exposure': 1, 'no-sensors': 1, 'bad-box': 1 });
    expect(parseOpenSenseMapBoxes('{"_id": ', { file: 'cut.json' }).issues[0]!.code).toBe('malformed-json');
  });

  it('reads the archived world snapshot', () => {
    const snapshot = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {
            _id: '56957f3ab3de1fe0052532da',
            name: 'WG Wolbecker Str.',
            exposure: 'outdoor',
            sensors: {
              live: { Temperatur: 19.04, 'rel. Luftfeuchte': 32.18, Luftdruck: 101306, Windrichtung: 270 },
            },
            lastMeasurementAt: '2020-03-27T15:47:54.076Z',
          },
          geometry: { type: 'Point', coordinates: [7.64, 51.95] },
        },
        {
          type: 'Feature',
          properties: { _id: '545ba98b6c8bde3c13dbec42', name: 'leer', sensors: { live: {} } },
          geometry: { type: 'Point', coordinates: [7.7, 51.9] },
        },
      ],
    };
    const parsed = parseOpenSenseMapBoxes(JSON.stringify(snapshot), { file: 'world.geojson' });
    expect(parsed.sensors.map((sensor) => sensor.id)).toEqual(['opensensemap:56957f3ab3de1fe0052532da']);
    expect(
      parsed.observations.map((item) => [
        item.phenomenon,
        item.value,
        item.unit,
        new Date(item.time).toISOString(),
      ]),
    ).toEqual([
      ['air_temperature', 19.04, undefined, '2020-03-27T15:47:54.076Z'],
      ['relative_humidity', 32.18, undefined, '2020-03-27T15:47:54.076Z'],
      // No units in the snapshot: a pressure this high can only be pascal.
      ['air_pressure', 101306, 'Pa', '2020-03-27T15:47:54.076Z'],
    ]);
    expect(parsed.issueCounts).toEqual({ 'unmapped-sensor': 1, 'nothing-to-show': 1 });
  });
});

describe('parseOpenSenseMapData', () => {
  const sensor = {
    openSenseMapSensorId: 'aaaaaaaaaaaaaaaaaaaaaaa1',
    boxId: BOX._id,
    sensorId: 'opensensemap:57000b8745fd40c8196ad04c',
    phenomenon: 'air_temperature' as const,
    unit: '°C',
  };

  it('reads JSON and CSV, oldest first, skipping bad measurements', () => {
    const json = parseOpenSenseMapData(
      JSON.stringify([
        { location: [7, 52], createdAt: '2023-09-29T08:06:13.254Z', value: '6.38' },
        { createdAt: '2023-09-29T08:06:12.312Z', value: 'NaN' },
        { createdAt: 'gestern', value: '6' },
        { createdAt: '2023-09-29T08:06:11.513Z', value: 6.1 },
      ]),
      { file: 'data.json', sensor },
    );
    expect(json.observations.map((item) => item.value)).toEqual([6.1, 6.38]);
    expect(json.issueCounts).toEqual({ 'bad-value': 1, 'bad-time': 1 });
    expect(json.issues[0]!.field).toBe('[1]');

    const csv = parseOpenSenseMapData(
      'createdAt,value\n2023-09-29T08:06:13.254Z,6.38\n2023-09-29T08:06:12.312Z,x\n',
      {
        file: 'data.csv',
        sensor,
      },
    );
    expect(csv.observations).toHaveLength(1);
    expect(csv.issues[0]).toMatchObject({ code: 'bad-value', line: 3 });
  });

  it('refuses measurements nobody can place', () => {
    const orphan = parseOpenSenseMapData('[{"createdAt":"2023-09-29T08:06:13.254Z","value":"1"}]', {
      file: 'x.json',
    });
    expect(orphan.observations).toEqual([]);
    expect(orphan.issues[0]!.code).toBe('unknown-sensor');
  });
});

describe('the openSenseMap writers', () => {
  it('write what the parsers read', () => {
    const box = writeOpenSenseMapBox({
      boxId: '5f0000000000000000000001',
      name: 'Schulgarten',
      exposure: 'outdoor',
      longitudeDegrees: 7.6,
      latitudeDegrees: 51.95,
      createdAt: Date.UTC(2026, 0, 1),
      sensors: [
        {
          sensorId: '5f0000000000000000000002',
          phenomenon: 'pm2_5',
          lastMeasurement: { value: '12.3', createdAt: Date.UTC(2026, 7, 9) },
        },
      ],
    });
    const parsedBox = parseOpenSenseMapBoxes(box, { file: 'box.json' });
    expect(parsedBox.issues).toEqual([]);
    expect(parsedBox.sensorRefs[0]).toMatchObject({ phenomenon: 'pm2_5', unit: 'µg/m³' });
    const measurements = [
      { createdAt: Date.UTC(2026, 7, 3, 0, 0), value: '11.0' },
      { createdAt: Date.UTC(2026, 7, 3, 0, 5), value: '12.5' },
    ];
    for (const text of [
      writeOpenSenseMapDataJson(measurements, [7.6, 51.95]),
      writeOpenSenseMapDataCsv(measurements),
    ]) {
      const data = parseOpenSenseMapData(text, { file: 'data', sensor: parsedBox.sensorRefs[0] });
      expect(data.issues).toEqual([]);
      expect(data.observations.map((item) => item.value)).toEqual([11, 12.5]);
    }
  });
});
