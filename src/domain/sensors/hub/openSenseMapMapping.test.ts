import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ObservationChecker } from '../checkObservation';
import { mapOpenSenseMapBoxes, type OpenSenseMapMappingOptions } from './openSenseMapMapping';

const options: OpenSenseMapMappingOptions = {
  sourceId: 'opensensemap',
  source: 'opensensemap',
  licence: 'PDDL-1.0',
  attribution: 'openSenseMap.org',
  heightAboveGroundMeters: 3,
  intervalSeconds: 300,
  phenomena: { 'Feinstaub 10': 'pm10' },
};

/** A hand-made box in the shape of `GET /boxes?full=true`. */
const box = {
  _id: '5a1b2c3d4e5f60718293a4b5',
  name: 'Kreuzviertel',
  exposure: 'outdoor',
  currentLocation: { type: 'Point', coordinates: [7.6138, 51.9713] },
  sensors: [
    {
      _id: 's1',
      title: 'Temperatur',
      unit: '°C',
      sensorType: 'HDC1080',
      lastMeasurement: { value: '18.2', createdAt: '2026-08-03T10:00:00.000Z' },
    },
    {
      _id: 's2',
      title: 'Feinstaub 10',
      unit: 'µg/m³',
      sensorType: 'SDS 011',
      lastMeasurement: { value: '31', createdAt: '2026-08-03T10:00:00.000Z' },
    },
    {
      _id: 's3',
      title: 'Temperatur',
      unit: '°C',
      sensorType: 'BMP280',
      lastMeasurement: { value: '19', createdAt: '2026-08-03T10:00:00.000Z' },
    },
    {
      _id: 's4',
      title: 'UV-Intensität',
      unit: 'μW/cm²',
      sensorType: 'VEML6070',
      lastMeasurement: '5a1b2c3d4e5f60718293a4b9',
    },
    {
      _id: 's5',
      title: 'Eingangsspannung',
      unit: 'V',
      sensorType: 'VCC',
      lastMeasurement: { value: '4.9', createdAt: '2026-08-03T10:00:00.000Z' },
    },
  ],
};

describe('mapOpenSenseMapBoxes', () => {
  it('makes a sensebox sensor of a box and follows the first sensor of each known title', () => {
    const catalogue = mapOpenSenseMapBoxes([box], options);
    expect(catalogue.sensors).toEqual([
      {
        id: 'opensensemap:5a1b2c3d4e5f60718293a4b5',
        name: 'Kreuzviertel',
        kind: 'sensebox',
        position: { longitudeDegrees: 7.6138, latitudeDegrees: 51.9713, heightAboveGroundMeters: 3 },
        phenomena: [
          { phenomenon: 'air_temperature', intervalSeconds: 300 },
          { phenomenon: 'pm10', intervalSeconds: 300 },
          { phenomenon: 'uv_intensity', intervalSeconds: 300 },
        ],
        source: 'opensensemap',
        licence: 'PDDL-1.0',
        attribution: 'openSenseMap.org',
      },
    ]);
    expect(catalogue.series.map((series) => [series.upstreamSensorId, series.latest?.value])).toEqual([
      ['s1', '18.2'],
      ['s2', '31'],
      ['s4', undefined],
    ]);
  });

  it('leaves out boxes without location or known sensors', () => {
    const catalogue = mapOpenSenseMapBoxes(
      [
        { ...box, currentLocation: null },
        { ...box, _id: '5a1b2c3d4e5f60718293a4b6', sensors: [box.sensors[4]] },
        'kaputt',
      ],
      options,
    );
    expect(catalogue.sensors).toEqual([]);
    expect(catalogue.skipped).toEqual([
      'box 5a1b2c3d4e5f60718293a4b5: no location',
      'box 5a1b2c3d4e5f60718293a4b6: no sensor of a known phenomenon',
      'a box without _id or location: "kaputt"',
    ]);
  });
});

// openSenseMap's own API examples in ../shared/data/sensors/opensensemap, read where they lie (when present).
const examples = fileURLToPath(new URL('../../../../../shared/data/sensors/opensensemap/', import.meta.url));

describe.runIf(existsSync(examples))(
  'on openSenseMap’s example responses (../shared/data/sensors/opensensemap)',
  () => {
    it('maps GET /boxes/:boxId, and every latest measurement passes the checks', () => {
      const example: unknown = JSON.parse(readFileSync(`${examples}api_example_GET_boxes_id.json`, 'utf8'));
      const catalogue = mapOpenSenseMapBoxes([example], options);
      expect(catalogue.sensors).toHaveLength(1);
      expect(catalogue.sensors[0]?.phenomena.map((entry) => entry.phenomenon)).toEqual([
        'uv_intensity',
        'illuminance',
        'air_pressure',
        'relative_humidity',
        'air_temperature',
      ]);
      const sensor = catalogue.sensors[0]!;
      const checker = new ObservationChecker((id) => (id === sensor.id ? sensor : undefined));
      const results = catalogue.series.map((series) =>
        checker.check(series.latest!, { now: Date.parse(String(series.latest!.time)) + 60_000 }),
      );
      expect(results.filter((result) => !result.ok)).toEqual([]);
    });

    it('leaves out the boxes of GET /boxes?minimal=true: they carry no sensors', () => {
      const example = JSON.parse(
        readFileSync(`${examples}api_example_GET_boxes_minimal.json`, 'utf8'),
      ) as unknown[];
      const catalogue = mapOpenSenseMapBoxes(example, options);
      expect(catalogue.sensors).toEqual([]);
      expect(catalogue.skipped).toHaveLength(example.length);
    });
  },
);
