import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBikeCounterCsv } from './bikeCounters/parseBikeCounterCsv';
import { parseBikeCounterSites } from './bikeCounters/parseBikeCounterSites';
import { parseOpenSenseMapBoxes } from './openSenseMap/parseOpenSenseMapBoxes';
import { parseOpenSenseMapData } from './openSenseMap/parseOpenSenseMapData';
import { parseParkingCsv } from './parking/parseParkingCsv';
import { readRecordings } from './readRecordings';
import { parseSpatXml } from './spat/parseSpatXml';
import { parseUbaAirQualityCsv } from './uba/parseUbaAirQualityCsv';

// The real recordings beside the repository (../shared/data/sensors, see its README section 5), read in place.
const SENSORS = resolve(import.meta.dirname, '../../../../../shared/data/sensors');
const available = existsSync(SENSORS);
if (!available) console.log(`Real sensor recordings not found at ${SENSORS}: these tests are skipped.`);
const read = (path: string) => readFileSync(join(SENSORS, path), 'utf8');

describe.skipIf(!available)(
  'the parsers on the real recordings in ../shared/data/sensors',
  { timeout: 30_000 },
  () => {
    it('reads the parking week: 20 car parks with capacities, 240 rows a day, every cell', () => {
      const days = ['01', '02', '03', '04', '05', '06', '07'].map((day) => `2026-08-${day}.csv`);
      for (const day of days) {
        const parsed = parseParkingCsv(read(`parking/parking-decks-muenster/${day}`), { file: day });
        expect(parsed.issues, day).toEqual([]);
        expect(parsed.rowCount, day).toBe(240);
        expect(parsed.sensors, day).toHaveLength(20);
        expect(
          parsed.sensors.every((sensor) => sensor.capacity !== undefined),
          day,
        ).toBe(true);
        expect(parsed.observations, day).toHaveLength(4800);
      }
      const first = parseParkingCsv(read('parking/parking-decks-muenster/2026-08-01.csv'), {
        file: '2026-08-01.csv',
      });
      const capacity = (name: string) => first.sensors.find((sensor) => sensor.name === name)?.capacity;
      expect([
        capacity('PH Coesfelder Kreuz'),
        capacity('PH Theater'),
        capacity('Halle Münsterland P1'),
      ]).toEqual([1000, 743, 212]);
      // Night rows come every 15 minutes: the interval staleness is judged by.
      expect(first.sensors[0]!.phenomena[0]!.intervalSeconds).toBe(900);
      expect(new Date(first.observations[0]!.time).toISOString()).toBe('2026-07-31T22:00:00.000Z');
      const states = new Set(first.observations.map((item) => item.state).filter(Boolean));
      expect(states).toEqual(new Set(['closed', 'no-data', 'full']));
    });

    it('reads the old parking format of 2019 without capacities', () => {
      const parsed = parseParkingCsv(read('parking/parking-decks-muenster/2019-12-31_old-format.csv'), {
        file: 'old.csv',
      });
      expect(parsed.issues).toEqual([]);
      expect(parsed.sensors).toHaveLength(16);
      expect(parsed.sensors.some((sensor) => sensor.capacity !== undefined)).toBe(false);
      expect(parsed.rowCount).toBe(240);
      expect(parsed.observations).toHaveLength(3840);
    });

    it('reads each bike counter month: 2,976 rows, the active channels, every count', () => {
      const expected: Record<string, { channels: number; counts: number }> = {
        '100031297': { channels: 7, counts: 20832 },
        '100035541': { channels: 3, counts: 8701 },
        '100053305': { channels: 5, counts: 14880 },
        '300037544': { channels: 3, counts: 8928 },
        '300037936': { channels: 3, counts: 8928 },
      };
      for (const [station, { channels, counts }] of Object.entries(expected)) {
        const file = `${station}_2026-07.csv`;
        const parsed = parseBikeCounterCsv(read(`bike-counters/od-ms-15min/${file}`), { file });
        expect(
          parsed.issues.filter((issue) => issue.severity !== 'info'),
          file,
        ).toEqual([]);
        expect(parsed.rowCount, file).toBe(2976);
        expect(parsed.sensors, file).toHaveLength(channels);
        expect(parsed.sensors[0]!.id, file).toBe(`bike-counter:${station}`);
        expect(parsed.observations, file).toHaveLength(counts);
      }
      const sites = parseBikeCounterSites(read('bike-counters/od-ms-15min/site_min.json'), {
        file: 'site_min.json',
      });
      expect(sites.issues).toEqual([]);
      expect(sites.rowCount).toBe(23);
      expect(sites.sensors).toHaveLength(93);
    });

    it('reads a year of UBA hours, through both clock changes, one hour apart each', () => {
      const files = {
        'uba_DENW095_muenster-geist_2023_hourly.csv': {
          id: 'uba:DENW095',
          counts: 25814,
          hours: 8721,
          phenomena: ['pm10', 'o3', 'no2', 'pm2_5'],
        },
        'uba_DENW260_muenster-weseler-strasse_2023_hourly.csv': {
          id: 'uba:DENW260',
          counts: 25663,
          hours: 8746,
          phenomena: ['pm10', 'no2', 'pm2_5'],
        },
      };
      for (const [file, expected] of Object.entries(files)) {
        const parsed = parseUbaAirQualityCsv(read(`air-quality/${file}`), { file });
        expect(
          parsed.issues.filter((issue) => issue.severity !== 'info'),
          file,
        ).toEqual([]);
        expect(parsed.rowCount, file).toBe(8760);
        expect(parsed.observations, file).toHaveLength(expected.counts);
        expect(
          parsed.sensors.map((sensor) => [sensor.id, sensor.phenomena.map((entry) => entry.phenomenon)]),
        ).toEqual([[expected.id, expected.phenomena]]);
        // Every hour with a value is a distinct whole UTC hour of 2023 (none doubled in October, none lost in March).
        const hours = [...new Set(parsed.observations.map((item) => item.time))].sort((a, b) => a - b);
        expect(hours, file).toHaveLength(expected.hours);
        expect(hours.every((hour) => hour % 3_600_000 === 0)).toBe(true);
        expect(new Date(hours[0]!).toISOString()).toBe('2023-01-01T00:00:00.000Z');
        expect(new Date(hours.at(-1)!).toISOString()).toBe('2023-12-31T23:00:00.000Z');
        const pm10 = parsed.observations
          .filter((item) => item.phenomenon === 'pm10')
          .map((item) => item.time);
        expect(pm10.every((time, index) => index === 0 || time > pm10[index - 1]!)).toBe(true);
      }
      const geist = parseUbaAirQualityCsv(read('air-quality/uba_DENW095_muenster-geist_2023_hourly.csv'), {
        file: 'geist.csv',
      });
      const autumn = geist.observations
        .filter(
          (item) =>
            item.phenomenon === 'no2' &&
            item.time >= Date.UTC(2023, 9, 28, 23) &&
            item.time <= Date.UTC(2023, 9, 29, 3),
        )
        .map((item) => new Date(item.time).toISOString().slice(11, 16));
      expect(autumn).toEqual(['23:00', '00:00', '01:00', '02:00', '03:00']);
    });

    it('reads the openSenseMap examples and the Münster snapshot', () => {
      const box = parseOpenSenseMapBoxes(read('opensensemap/api_example_GET_boxes_id.json'), {
        file: 'box.json',
      });
      expect(box.sensors).toHaveLength(1);
      expect(box.sensors[0]!.phenomena.map((entry) => entry.phenomenon).sort()).toEqual(
        ['air_pressure', 'air_temperature', 'illuminance', 'relative_humidity', 'uv_intensity'].sort(),
      );
      expect(box.observations).toHaveLength(5);
      expect(box.issueCounts).toEqual({ 'unmapped-sensor': 2 });

      const sensor = box.sensorRefs[0]!;
      const json = parseOpenSenseMapData(read('opensensemap/api_example_GET_boxes_id_data_sensorId.json'), {
        file: 'data.json',
        sensor,
      });
      const csv = parseOpenSenseMapData(read('opensensemap/api_example_GET_boxes_id_data_sensorId.csv'), {
        file: 'data.csv',
        sensor,
      });
      expect([
        json.observations.length,
        csv.observations.length,
        json.issues.length,
        csv.issues.length,
      ]).toEqual([2, 6, 0, 0]);

      const minimal = parseOpenSenseMapBoxes(read('opensensemap/api_example_GET_boxes_minimal.json'), {
        file: 'minimal.json',
      });
      expect(minimal.sensors).toEqual([]);
      expect(minimal.issueCounts).toEqual({ 'no-sensors': 2 });

      const snapshot = parseOpenSenseMapBoxes(
        read('opensensemap/opensensemap_boxes_muenster_2020-09-01.geojson'),
        { file: 'snapshot.geojson' },
      );
      expect(snapshot.rowCount).toBe(250);
      expect(snapshot.sensors).toHaveLength(33);
      expect(snapshot.observations).toHaveLength(168);
      expect(snapshot.issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
    });

    it('reads the Leezenflow SPaT messages into their signal groups', () => {
      const hoerstertor = parseSpatXml(read('traffic-lights/leezenflow_spat_station4070.xml'), {
        file: '4070.xml',
        year: 2023,
      });
      expect(hoerstertor.issues).toEqual([]);
      expect(hoerstertor.sensors).toHaveLength(18);
      expect(hoerstertor.sensors.map((sensor) => sensor.id)).toContain('spat:4070:14');
      expect(
        hoerstertor.intersections[0]!.groups.find((group) => group.signalGroup === '14')!.events,
      ).toHaveLength(4);
      const schlossplatz = parseSpatXml(read('traffic-lights/leezenflow_spat_station1090_captured.xml'), {
        file: '1090.xml',
        year: 2023,
      });
      expect(schlossplatz.issues).toEqual([]);
      expect(schlossplatz.sensors).toHaveLength(25);
      expect(schlossplatz.observations.find((item) => item.sensorId === 'spat:1090:12')).toMatchObject({
        value: 3,
        state: 'red',
      });
    });

    it('reads the whole folder as a replay would, placing every sensor it can', () => {
      const files: { path: string; text: string }[] = [];
      const walk = (folder: string) => {
        for (const entry of readdirSync(folder, { withFileTypes: true })) {
          const path = join(folder, entry.name);
          if (entry.isDirectory()) walk(path);
          else
            files.push({
              path: relative(SENSORS, path).split('\\').join('/'),
              text: readFileSync(path, 'utf8'),
            });
        }
      };
      walk(SENSORS);
      const set = readRecordings(files, { defaultYear: 2023 });
      const kinds = new Map<string, number>();
      for (const sensor of set.sensors) kinds.set(sensor.kind, (kinds.get(sensor.kind) ?? 0) + 1);
      // 20 car parks (the old format's 16 under the same names); 31 channels of the five stations at known places
      // (site_min.json lists inactive ones too); 33 senseBoxes (the API example's box is in the snapshot);
      // 2 UBA stations; 18 + 25 signal groups.
      expect(Object.fromEntries(kinds)).toEqual({
        'car-park': 20,
        'bike-counter': 31,
        sensebox: 33,
        'air-station': 2,
        'traffic-signal': 43,
      });
      expect(set.sensors.every((sensor) => sensor.source === 'replay')).toBe(true);
      // site_min.json names 93 channels; those of stations at no known place are reported and left out.
      expect(set.issueCounts['no-position']).toBe(93 - 31);
      // The two SPaT captures were months apart: each plays as its own stretch.
      expect(set.datasets.map((dataset) => dataset.name).sort()).toEqual(
        ['air-quality', 'bike-counters', 'opensensemap', 'parking', 'signals', 'signals (2)'].sort(),
      );
      // The old parking format's day of 2019 names the same car parks as the 2026 week, which wins.
      const leftOut = set.issues
        .filter((issue) => issue.code === 'older-recording-left-out')
        .map((issue) => issue.message);
      expect(leftOut).toContain(
        '(recordings): parking: 3840 observations from 2019-12-30 are left out; the same sensors were recorded later',
      );
      expect(
        set.files.find((file) => file.path.endsWith('station_locations_geocoded.csv'))?.format,
      ).toBeUndefined();
    });
  },
);
