import { describe, expect, it } from 'vitest';
import { detectRecordingFormat } from './detectRecordingFormat';
import { readRecordings } from './readRecordings';
import { writeSensorCatalogue } from './sensorCatalogue';

const PARKING =
  '"Datum und Uhrzeit","PH Theater","PP Unbekannt"\r\n"Anzahl Parkplätze gesamt","(743)","(10)"\r\n"2026-08-03 10:00",700,5\r\n';
const BOX = JSON.stringify({
  _id: '5f0000000000000000000001',
  name: 'Balkon',
  exposure: 'outdoor',
  currentLocation: { coordinates: [7.62, 51.97] },
  sensors: [{ _id: '5f00000000000000000000aa', title: 'PM10', unit: 'µg/m³' }],
});
const DATA = 'createdAt,value\n2026-08-03T08:05:00.000Z,12.5\n2026-08-03T08:00:00.000Z,11\n';
const LIGHTS =
  'time,sensorId,phenomenon,value,state\n2026-08-03T20:00:00Z,street-light:test,light_level,20,\n2026-08-03T20:00:00Z,street-light:nobody,light_level,20,\n';
const CATALOGUE = writeSensorCatalogue({
  sensors: [
    {
      id: 'street-light:test',
      name: 'Testleuchte',
      kind: 'street-light',
      position: { longitudeDegrees: 7.66, latitudeDegrees: 51.96, heightAboveGroundMeters: 5 },
      phenomena: [{ phenomenon: 'light_level', intervalSeconds: 900 }],
      source: 'replay',
      licence: 'CC0-1.0',
      attribution: 'Test',
    },
    { id: 'broken' },
  ] as never,
});

describe('readRecordings', () => {
  const set = readRecordings(
    [
      { path: 'catalogue.json', text: CATALOGUE },
      { path: 'parking/2026-08-03.csv', text: PARKING },
      { path: 'osem/5f0000000000000000000001.json', text: BOX },
      { path: 'osem/5f0000000000000000000001/5f00000000000000000000aa.csv', text: DATA },
      { path: 'osem/5f0000000000000000000001/5f00000000000000000000bb.csv', text: DATA },
      { path: 'lights.csv', text: LIGHTS },
      { path: 'notes.csv', text: 'a,b\n1,2\n' },
      { path: 'README.md', text: '# hello' },
    ],
    { defaultYear: 2026 },
  );

  it('describes sensors from the catalogue, the files and the known places', () => {
    expect(set.sensors.map((sensor) => sensor.id)).toEqual([
      'opensensemap:5f0000000000000000000001',
      'parking:ph-theater',
      'street-light:test',
    ]);
    const theater = set.sensors.find((sensor) => sensor.id === 'parking:ph-theater')!;
    expect(theater).toMatchObject({ capacity: 743, source: 'replay', positionAccuracyMeters: 150 });
  });

  it('matches openSenseMap data to its box by the sensor id in the path', () => {
    const pm10 = set.datasets.find((dataset) => dataset.name === 'opensensemap')!.observations;
    expect(pm10.map((item) => [item.sensorId, item.phenomenon, item.value])).toEqual([
      ['opensensemap:5f0000000000000000000001', 'pm10', 11],
      ['opensensemap:5f0000000000000000000001', 'pm10', 12.5],
    ]);
  });

  it('reports what it cannot use, once per cause', () => {
    expect(set.issueCounts).toMatchObject({
      'bad-sensor': 1,
      'no-position': 1,
      'unknown-sensor': 1,
      'undescribed-sensor': 2,
      'unrecognised-file': 1,
    });
    expect(set.issues.find((issue) => issue.code === 'no-position')!.message).toContain(
      'parking:pp-unbekannt',
    );
    expect(set.files.find((file) => file.path === 'README.md')).toEqual({
      path: 'README.md',
      rowCount: 0,
      observationCount: 0,
    });
  });
});

describe('detectRecordingFormat', () => {
  it('tells the formats apart by content, whatever the file is called', () => {
    expect(detectRecordingFormat('a.csv', PARKING)).toBe('parking-csv');
    expect(detectRecordingFormat('a.csv', 'Datetime,"100 (x)",100-status\n')).toBe('bike-counter-csv');
    expect(detectRecordingFormat('a.csv', '"Station code";Date;"PM10"\n')).toBe('uba-air-quality-csv');
    expect(detectRecordingFormat('a.csv', DATA)).toBe('opensensemap-data');
    expect(detectRecordingFormat('a.txt', LIGHTS)).toBe('observations-csv');
    expect(detectRecordingFormat('a.json', BOX)).toBe('opensensemap-box');
    expect(detectRecordingFormat('a.json', '[{"createdAt":"x","value":"1"}]')).toBe('opensensemap-data');
    expect(detectRecordingFormat('a.json', '{"data":{"pH":[]}}')).toBe('datahub-buoy-json');
    expect(detectRecordingFormat('a.json', CATALOGUE)).toBe('sensor-catalogue');
    expect(detectRecordingFormat('a.xml', '<DATA><SPAT/></DATA>')).toBe('spat-xml');
    expect(detectRecordingFormat('a.xml', '<CityModel/>')).toBeUndefined();
    expect(detectRecordingFormat('a.json', '{ broken')).toBeUndefined();
  });
});
