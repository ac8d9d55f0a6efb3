import { describe, expect, it } from 'vitest';
import {
  formatSunTime,
  muensterClockTimeOf,
  muensterMinuteOfDay,
  normalizeSunTime,
  parseSunTime,
  SUN_TIME_PRESETS,
  sunTimePresetInstant,
  withMuensterDay,
  withMuensterMinuteOfDay,
} from './sunTime';

const preset = (id: string) => SUN_TIME_PRESETS.find((entry) => entry.id === id)!;

describe('sun time presets', () => {
  it('offers 21 March, 21 June and 21 December at 9, 12 and 15 h', () => {
    expect(SUN_TIME_PRESETS.map((entry) => `${entry.day}.${entry.month} ${entry.hour}`)).toEqual([
      '21.3 9',
      '21.3 12',
      '21.3 15',
      '21.6 9',
      '21.6 12',
      '21.6 15',
      '21.12 9',
      '21.12 12',
      '21.12 15',
    ]);
  });

  it('turns Münster clock time into UTC: winter time in March and December, summer time in June', () => {
    // 2026: summer time from 29 March to 25 October.
    expect(formatSunTime(sunTimePresetInstant(preset('march-12'), 2026))).toBe('2026-03-21T11:00Z');
    expect(formatSunTime(sunTimePresetInstant(preset('june-12'), 2026))).toBe('2026-06-21T10:00Z');
    expect(formatSunTime(sunTimePresetInstant(preset('june-9'), 2026))).toBe('2026-06-21T07:00Z');
    expect(formatSunTime(sunTimePresetInstant(preset('december-15'), 2026))).toBe('2026-12-21T14:00Z');
  });
});

describe('Münster clock time of an instant', () => {
  it('switches to summer time at 01:00 UTC on the last Sunday of March', () => {
    expect(muensterClockTimeOf(new Date('2026-03-29T00:59Z'))).toMatchObject({
      hour: 1,
      minute: 59,
      summerTime: false,
    });
    expect(muensterClockTimeOf(new Date('2026-03-29T01:00Z'))).toMatchObject({
      hour: 3,
      minute: 0,
      summerTime: true,
    });
  });

  it('crosses midnight into the next calendar day', () => {
    expect(muensterClockTimeOf(new Date('2026-06-21T22:30Z'))).toMatchObject({ month: 6, day: 22, hour: 0 });
  });

  it('moves the slider within the same Münster day, on the switching day too', () => {
    const morning = new Date('2026-03-29T06:00Z'); // 08:00 CEST
    expect(muensterMinuteOfDay(morning)).toBe(8 * 60);
    expect(formatSunTime(withMuensterMinuteOfDay(morning, 12 * 60))).toBe('2026-03-29T10:00Z');
    expect(formatSunTime(withMuensterMinuteOfDay(morning, 0))).toBe('2026-03-28T23:00Z');
  });

  it('keeps the clock time when the date changes across the switch', () => {
    const winterNoon = new Date('2026-03-21T11:00Z');
    expect(formatSunTime(withMuensterDay(winterNoon, { year: 2026, month: 6, day: 21 }))).toBe(
      '2026-06-21T10:00Z',
    );
  });
});

describe('time in a link', () => {
  it('reads ISO 8601 with Z or an offset and writes UTC to the minute', () => {
    expect(normalizeSunTime('2026-06-21T12:00+02:00')).toBe('2026-06-21T10:00Z');
    expect(normalizeSunTime('2026-06-21T10:00:00.000Z')).toBe('2026-06-21T10:00Z');
  });

  it('refuses what is not a date-time with a zone', () => {
    for (const text of ['', 'noon', '2026-06-21', '2026-06-21T10:00', '2026-13-45T99:00Z', null]) {
      expect(parseSunTime(text), String(text)).toBeUndefined();
    }
  });
});
