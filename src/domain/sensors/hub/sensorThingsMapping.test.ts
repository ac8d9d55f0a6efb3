import { describe, expect, it } from 'vitest';
import {
  mapSensorThings,
  phenomenonOfObservedProperty,
  rawObservationOf,
  type SensorThingsMappingOptions,
} from './sensorThingsMapping';

const options: SensorThingsMappingOptions = {
  sourceId: 'frost',
  source: 'sensorthings:frost',
  licence: 'CC-BY-4.0',
  attribution: 'Stadt Münster',
  kind: 'air-station',
  heightAboveGroundMeters: 3,
  intervalSeconds: 600,
  phenomena: { 'Wassertemp. Aasee': 'water_temperature' },
  units: { '°F?': '°C' },
};

/** A Thing as FROST-Server answers `Things?$expand=Locations,Datastreams($expand=ObservedProperty,Observations…)`. */
const thing = {
  '@iot.id': 'aasee/1',
  name: 'Aasee-Boje',
  properties: { kind: 'water-buoy', heightAboveGroundMeters: -0.5 },
  Locations: [
    { location: { type: 'Feature', geometry: { type: 'Point', coordinates: [7.6105, 51.9566, 52] } } },
  ],
  Datastreams: [
    {
      '@iot.id': 11,
      unitOfMeasurement: { name: 'degree Celsius', symbol: 'Cel' },
      ObservedProperty: { name: 'Wassertemp. Aasee' },
      Observations: [{ phenomenonTime: '2026-08-03T10:00:00Z', result: 23.5 }],
    },
    {
      '@iot.id': 12,
      unitOfMeasurement: { symbol: 'mg/L' },
      ObservedProperty: { name: 'DO', definition: 'Dissolved Oxygen' },
      properties: { intervalSeconds: 300 },
    },
    { '@iot.id': 13, unitOfMeasurement: { symbol: 'V' }, ObservedProperty: { name: 'Battery' } },
    { '@iot.id': 14, unitOfMeasurement: { symbol: 'K' }, ObservedProperty: { name: 'water temperature' } },
  ],
};

describe('mapSensorThings', () => {
  it('makes a sensor of a Thing and a phenomenon of each Datastream it knows', () => {
    const catalogue = mapSensorThings([thing], options);
    expect(catalogue.sensors).toEqual([
      {
        id: 'frost:aasee_1',
        name: 'Aasee-Boje',
        kind: 'water-buoy',
        position: { longitudeDegrees: 7.6105, latitudeDegrees: 51.9566, heightAboveGroundMeters: -0.5 },
        phenomena: [
          { phenomenon: 'water_temperature', intervalSeconds: 600 },
          { phenomenon: 'dissolved_oxygen', intervalSeconds: 300 },
        ],
        source: 'sensorthings:frost',
        licence: 'CC-BY-4.0',
        attribution: 'Stadt Münster',
      },
    ]);
    expect(catalogue.datastreams).toEqual([
      { datastreamId: 11, sensorId: 'frost:aasee_1', phenomenon: 'water_temperature', unit: '°C' },
      { datastreamId: 12, sensorId: 'frost:aasee_1', phenomenon: 'dissolved_oxygen', unit: 'mg/L' },
    ]);
    expect(catalogue.observations).toEqual([
      {
        sensorId: 'frost:aasee_1',
        phenomenon: 'water_temperature',
        unit: '°C',
        value: 23.5,
        time: '2026-08-03T10:00:00Z',
      },
    ]);
    expect(catalogue.skipped).toEqual([
      'Thing aasee/1 Datastream 13 (Battery): no phenomenon for this ObservedProperty',
      'Thing aasee/1 Datastream 14 (water temperature): a second Datastream of the same phenomenon',
    ]);
  });

  it('leaves out Things without a Point location or a known Datastream, and repeated ones', () => {
    const catalogue = mapSensorThings(
      [
        { '@iot.id': 2, Locations: [], Datastreams: thing.Datastreams },
        { name: 'no id' },
        { ...thing, Datastreams: [] },
        thing,
        thing,
      ],
      options,
    );
    expect(catalogue.sensors.map((sensor) => sensor.id)).toEqual(['frost:aasee_1']);
    expect(catalogue.skipped.filter((line) => !line.includes('Datastream 1'))).toEqual([
      'Thing 2: no Point location',
      'a Thing without a usable @iot.id: {"name":"no id"}',
      'Thing aasee/1: no Datastream of a known phenomenon',
      'Thing aasee/1: listed twice',
    ]);
  });

  it('knows EEA pollutant definitions and common names', () => {
    const mapping = { pm10: 'pm10', 'http://dd.eionet.europa.eu/vocabulary/aq/pollutant/5': 'pm10' } as const;
    expect(
      phenomenonOfObservedProperty(
        { name: 'X', definition: 'http://dd.eionet.europa.eu/vocabulary/aq/pollutant/5' },
        mapping,
      ),
    ).toBe('pm10');
    expect(phenomenonOfObservedProperty({ name: ' PM10 ' }, mapping)).toBe('pm10');
    expect(phenomenonOfObservedProperty({ name: 'constructor' }, mapping)).toBeUndefined();
  });
});

describe('rawObservationOf', () => {
  const binding = {
    datastreamId: 11,
    sensorId: 'frost:1',
    phenomenon: 'parking_free' as const,
    unit: 'spaces',
  };

  it('takes the end of a phenomenonTime interval and a state from the parameters', () => {
    expect(
      rawObservationOf(binding, {
        phenomenonTime: '2026-08-03T10:00:00Z/2026-08-03T10:05:00Z',
        result: null,
        parameters: { state: 'closed' },
      }),
    ).toEqual({
      sensorId: 'frost:1',
      phenomenon: 'parking_free',
      unit: 'spaces',
      value: null,
      state: 'closed',
      time: '2026-08-03T10:05:00Z',
    });
  });

  it('passes whatever it finds on to the checks', () => {
    expect(rawObservationOf(binding, 'not an entity')).toMatchObject({ value: undefined, time: undefined });
    expect(rawObservationOf(binding, { resultTime: '2026-08-03T10:00:00Z', result: 'viele' })).toMatchObject({
      value: 'viele',
      time: '2026-08-03T10:00:00Z',
    });
  });
});
