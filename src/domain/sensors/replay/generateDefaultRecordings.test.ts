import { describe, expect, it } from 'vitest';
import { berlinWeekdayAndHour } from '../formats/berlinTime';
import { detectRecordingFormat } from '../formats/detectRecordingFormat';
import { readRecordings, type RecordingSet } from '../formats/readRecordings';
import type { RecordedObservation } from '../formats/recordingModel';
import { cycleObservations } from '../formats/spat/signalTimeline';
import { ObservationChecker } from '../checkObservation';
import { thresholdLevel } from '../sensorStatus';
import { generateDefaultRecordings } from './generateDefaultRecordings';

const generated = generateDefaultRecordings();
const set: RecordingSet = readRecordings(generated.files, { defaultYear: 1999 });
const all = set.datasets.flatMap((dataset) => dataset.observations);
const ofSensor = (prefix: string, phenomenon?: string) =>
  all.filter(
    (item) =>
      item.sensorId.startsWith(prefix) && (phenomenon === undefined || item.phenomenon === phenomenon),
  );
const at = (items: RecordedObservation[], weekday: number, from: number, to: number) =>
  items.filter((item) => {
    const clock = berlinWeekdayAndHour(item.time);
    return clock.weekday === weekday && clock.hour >= from && clock.hour < to;
  });
const values = (items: RecordedObservation[]) => items.map((item) => item.value ?? Number.NaN);
const mean = (numbers: number[]) => numbers.reduce((sum, value) => sum + value, 0) / numbers.length;

describe('the default recordings', { timeout: 30_000 }, () => {
  it('are the same for the same seed and differ for another', () => {
    const again = generateDefaultRecordings();
    expect(again.files.map((file) => file.text)).toEqual(generated.files.map((file) => file.text));
    const other = generateDefaultRecordings({ seed: 7 });
    const parking = (files: typeof generated.files) =>
      files.find((file) => file.path.startsWith('parking/'))!.text;
    expect(parking(other.files)).not.toBe(parking(generated.files));
  });

  it('are written in the real sources’ formats, and read back without a problem', () => {
    const formats = new Set(generated.files.map((file) => detectRecordingFormat(file.path, file.text)));
    expect(formats).toEqual(
      new Set([
        'sensor-catalogue',
        'datahub-buoy-json',
        'opensensemap-box',
        'opensensemap-data',
        'parking-csv',
        'bike-counter-csv',
        'observations-csv',
        'spat-xml',
        undefined, // the folder's README
      ]),
    );
    // The senseBoxes' last measurements are also the last entries of their series: the same readings, merged
    // without an issue. Nothing else is reported.
    expect(set.issueCounts).toEqual({});
  });

  it('hold each sensor, phenomenon and time once, so the replay plays no duplicate', () => {
    const seen = new Set<string>();
    const repeated: string[] = [];
    for (const item of all) {
      const key = `${item.sensorId} ${item.phenomenon} ${new Date(item.time).toISOString()}`;
      if (seen.has(key)) repeated.push(key);
      seen.add(key);
    }
    expect(repeated).toEqual([]);
    expect(all.length).toBeGreaterThan(10_000);
  });

  it('pass every check of the hub', () => {
    const sensors = new Map(set.sensors.map((sensor) => [sensor.id, sensor]));
    const checker = new ObservationChecker((id) => sensors.get(id));
    const signal = cycleObservations(
      set.signalCycles[0]!,
      generated.week.start,
      generated.week.start + 3_600_000,
    );
    const ordered = [...all, ...signal].sort((a, b) => a.time - b.time);
    const now = ordered.at(-1)!.time;
    const refused = ordered
      .map((observation) => checker.check(observation, { now, maxAgeMs: Number.POSITIVE_INFINITY }))
      .filter((result) => !result.ok);
    expect(refused).toEqual([]);
  });

  it('stay within a few megabytes for the week', () => {
    const bytes = generated.files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
    expect(bytes).toBeLessThan(6_000_000);
  });

  it('describe every sensor as synthetic, placed, with its licence', () => {
    const kinds = new Map<string, number>();
    for (const sensor of set.sensors) kinds.set(sensor.kind, (kinds.get(sensor.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({
      'water-buoy': 1,
      sensebox: 12,
      'car-park': 20,
      'bike-counter': 9,
      'street-light': 10,
      'traffic-signal': 1,
    });
    for (const sensor of set.sensors) {
      expect(sensor.source).toBe('replay');
      expect(sensor.attribution).toContain('Synthetische');
      expect(sensor.licence).toContain('synthetic');
    }
    const buoy = set.sensors.find((sensor) => sensor.kind === 'water-buoy')!;
    expect(buoy.position).toEqual({
      longitudeDegrees: 7.614297,
      latitudeDegrees: 51.957148,
      heightAboveGroundMeters: 0,
    });
    expect(set.sensors.find((sensor) => sensor.name === 'PH Theater')!.capacity).toBe(743);
    expect(
      set.sensors
        .filter((sensor) => sensor.kind === 'street-light')
        .every((sensor) => sensor.position.heightAboveGroundMeters === 5),
    ).toBe(true);
  });

  it('give the buoy a daily oxygen cycle and one low-oxygen morning', () => {
    const oxygen = ofSensor('datahub:', 'dissolved_oxygen');
    expect(oxygen).toHaveLength(7 * 96);
    for (const weekday of [0, 1, 4, 5, 6])
      expect(mean(values(at(oxygen, weekday, 15, 18)))).toBeGreaterThan(
        mean(values(at(oxygen, weekday, 4, 7))) + 1.5,
      );
    const alerts = oxygen.filter((item) => thresholdLevel('dissolved_oxygen', item.value).level === 'alert');
    expect(alerts.length).toBeGreaterThan(4);
    expect(new Set(alerts.map((item) => berlinWeekdayAndHour(item.time).weekday))).toEqual(new Set([3]));
    const temperatures = values(ofSensor('datahub:', 'water_temperature'));
    expect(Math.min(...temperatures)).toBeGreaterThan(18);
    expect(Math.max(...temperatures)).toBeLessThan(27);
  });

  it('give the senseBoxes rush hours, calmer Sundays and one particulate episode', () => {
    const pm10 = ofSensor('opensensemap:', 'pm10');
    expect(pm10).toHaveLength(12 * 7 * 288);
    expect(mean(values(at(pm10, 1, 7, 9)))).toBeGreaterThan(mean(values(at(pm10, 6, 7, 9))));
    const exceedances = pm10.filter((item) => (item.value ?? 0) >= 50);
    expect(new Set(exceedances.map((item) => item.sensorId)).size).toBeGreaterThanOrEqual(8);
    expect(exceedances.length).toBeLessThan(pm10.length * 0.05);
    const temperature = values(ofSensor('opensensemap:', 'air_temperature'));
    expect(Math.min(...temperature)).toBeGreaterThan(5);
    expect(Math.max(...temperature)).toBeLessThan(38);
  });

  it('fill the car parks by the week: full on Saturday afternoon, some closed at night', () => {
    const parking = ofSensor('parking:');
    expect(parking).toHaveLength(20 * 7 * 288);
    const saturdayFull = at(parking, 5, 13, 16).filter((item) => item.state === 'full');
    expect(new Set(saturdayFull.map((item) => item.sensorId)).size).toBeGreaterThanOrEqual(3);
    const shoppers = new Set(saturdayFull.map((item) => item.sensorId));
    for (const weekday of [0, 1, 2, 3, 4])
      expect(
        at(parking, weekday, 10, 18).filter((item) => shoppers.has(item.sensorId) && item.state === 'full'),
      ).toEqual([]);
    expect(
      new Set(
        at(parking, 2, 2, 4)
          .filter((item) => item.state === 'closed')
          .map((item) => item.sensorId),
      ).size,
    ).toBeGreaterThanOrEqual(5);
    const arkaden = ofSensor('parking:ph-muenster-arkaden');
    const free = (weekday: number, from: number, to: number) =>
      mean(values(at(arkaden, weekday, from, to).filter((item) => item.value !== null)));
    expect(free(2, 20.5, 23)).toBeGreaterThan(free(2, 12, 16));
  });

  it('count commuters on the Kanalpromenade: into town in the morning, out in the evening', () => {
    const inbound = ofSensor('bike-counter:100053305:102053305');
    const outbound = ofSensor('bike-counter:100053305:101053305');
    expect(inbound).toHaveLength(7 * 96);
    const sum = (items: RecordedObservation[]) => values(items).reduce((total, value) => total + value, 0);
    expect(sum(at(inbound, 2, 7, 9))).toBeGreaterThan(sum(at(outbound, 2, 7, 9)));
    expect(sum(at(outbound, 2, 16, 18.5))).toBeGreaterThan(sum(at(inbound, 2, 16, 18.5)));
    const tuesday = sum(
      at(
        all.filter((item) => item.sensorId === 'bike-counter:100053305'),
        1,
        0,
        24,
      ),
    );
    expect(tuesday).toBeGreaterThan(1500);
    expect(tuesday).toBeLessThan(3500);
  });

  it('switch the street lights: off by day, dimmed at night, bright for half a minute as cyclists pass', () => {
    const light = ofSensor('street-light:kanalpromenade-05');
    expect(new Set(values(at(light, 2, 11, 15)))).toEqual(new Set([0]));
    const night = at(light, 2, 0, 3);
    expect(new Set(values(night))).toEqual(new Set([20, 100]));
    const brightFor: number[] = [];
    light.forEach((item, index) => {
      const next = light.slice(index + 1).find((other) => other.value !== 100);
      if (item.value === 100 && light[index - 1]?.value !== 100 && next)
        brightFor.push(next.time - item.time);
    });
    expect(brightFor.length).toBeGreaterThan(20);
    expect(Math.min(...brightFor)).toBeGreaterThanOrEqual(30_000);
  });

  it('give the Hörstertor cyclists a fixed 90-second cycle computed on demand', () => {
    expect(set.signalCycles).toHaveLength(1);
    const [cycle] = set.signalCycles;
    expect(cycle!.sensorId).toBe('spat:4070:14');
    expect(cycle!.cycleMs).toBe(90_000);
    const changes = cycleObservations(cycle!, generated.week.start, generated.week.start + 180_000);
    expect(changes.map((item) => item.state)).toEqual([
      'red-amber',
      'green',
      'amber',
      'red',
      'red-amber',
      'green',
      'amber',
      'red',
    ]);
  });
});
