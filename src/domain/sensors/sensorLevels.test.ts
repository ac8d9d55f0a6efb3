import { describe, expect, it } from 'vitest';
import { LatestValues, valuesAt } from './latestValues';
import { currentBreaches, drawnLevel, staleDeadline } from './sensorLevels';
import type { SensorDescription } from './sensorModel';
import { isStale, thresholdLevel } from './sensorStatus';

const box: SensorDescription = {
  id: 'sensebox-1',
  name: 'senseBox Hafen',
  kind: 'sensebox',
  position: { longitudeDegrees: 7.64, latitudeDegrees: 51.95, heightAboveGroundMeters: 3 },
  phenomena: [
    { phenomenon: 'pm10', intervalSeconds: 300 },
    { phenomenon: 'air_temperature', intervalSeconds: 300 },
  ],
  source: 'replay',
  licence: 'PDDL-1.0',
  attribution: 'synthetic',
};
const now = Date.parse('2026-08-01T12:00:00Z');

describe('thresholds and staleness', () => {
  it('applies the EU daily PM10 limit and the WHO guideline below it', () => {
    expect(thresholdLevel('pm10', 30).level).toBe('ok');
    expect(thresholdLevel('pm10', 46).level).toBe('warning');
    expect(thresholdLevel('pm10', 50)).toMatchObject({
      level: 'alert',
      source: expect.stringContaining('2008/50/EC'),
    });
  });

  it('warns below 7.1 mg/L dissolved oxygen and alerts below 4 mg/L', () => {
    expect(thresholdLevel('dissolved_oxygen', 9).level).toBe('ok');
    expect(thresholdLevel('dissolved_oxygen', 6).level).toBe('warning');
    expect(thresholdLevel('dissolved_oxygen', 2).level).toBe('alert');
  });

  it('calls a sensor stale once it has been silent for twice its interval', () => {
    expect(isStale(box, now - 9 * 60_000, now)).toBe(false);
    expect(isStale(box, now - 11 * 60_000, now)).toBe(true);
  });
});

describe('what the map shows', () => {
  it('draws a sensor by its worst fresh value, grey when every value is stale', () => {
    const values = new LatestValues();
    values.apply([
      ['sensebox-1', 'pm10', 55, now - 60_000],
      ['sensebox-1', 'air_temperature', 21, now - 60_000],
    ]);
    expect(drawnLevel(box, values, now, undefined)).toBe('alert');
    expect(drawnLevel(box, values, now, 'air_temperature')).toBe('ok');
    expect(drawnLevel(box, values, now + 20 * 60_000, undefined)).toBe('stale');
    expect(drawnLevel(box, new LatestValues(), now, undefined)).toBe('no-data');
  });

  it('knows when a drawn sensor will turn stale, so the map need not re-check every sensor each second', () => {
    const values = new LatestValues();
    expect(staleDeadline(box, values, undefined)).toBe(Number.POSITIVE_INFINITY);
    values.apply([
      ['sensebox-1', 'pm10', 20, now - 60_000],
      ['sensebox-1', 'air_temperature', 21, now],
    ]);
    expect(staleDeadline(box, values, undefined)).toBe(now + 600_000);
    expect(staleDeadline(box, values, 'pm10')).toBe(now - 60_000 + 600_000);
    expect(drawnLevel(box, values, staleDeadline(box, values, 'pm10') + 1, 'pm10')).toBe('stale');
  });

  it('lists breaches, alerts first', () => {
    const other = { ...box, id: 'sensebox-2', name: 'senseBox Aasee' };
    const values = new LatestValues();
    values.apply([
      ['sensebox-1', 'pm10', 47, now],
      ['sensebox-2', 'pm10', 80, now],
    ]);
    expect(
      currentBreaches([box, other], values, now).map((breach) => [breach.sensor.id, breach.level]),
    ).toEqual([
      ['sensebox-2', 'alert'],
      ['sensebox-1', 'warning'],
    ]);
  });

  it('ignores an older value arriving after a newer one', () => {
    const values = new LatestValues();
    values.apply([['sensebox-1', 'pm10', 20, now]]);
    expect(values.apply([['sensebox-1', 'pm10', 90, now - 1000]]).size).toBe(0);
    expect(values.get('sensebox-1', 'pm10')?.value).toBe(20);
  });

  it('replays the values of a moment for the time slider', () => {
    const window = [
      ['a', 'pm10', 10, 1000],
      ['b', 'pm10', 20, 1500],
      ['a', 'pm10', 30, 2000],
      ['a', 'pm10', 40, 3000],
    ] as const;
    const copy = window.map((entry) => [...entry]) as Parameters<typeof valuesAt>[0];
    expect(valuesAt(copy, 2500)).toEqual([
      ['a', 'pm10', 30, 2000],
      ['b', 'pm10', 20, 1500],
    ]);
    expect(valuesAt(copy, 500)).toEqual([]);
  });
});
