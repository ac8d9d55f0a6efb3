import { describe, expect, it } from 'vitest';
import {
  berlinLocalToUtc,
  berlinUtcOffsetMinutes,
  berlinWeekdayAndHour,
  formatBerlinMinute,
  parseLocalDateTime,
} from './berlinTime';

const local = (text: string) => parseLocalDateTime(text)!;
const iso = (milliseconds: number) => new Date(milliseconds).toISOString();

describe('Münster local time', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(iso(berlinLocalToUtc(local('2026-01-15 12:00')))).toBe('2026-01-15T11:00:00.000Z');
    expect(iso(berlinLocalToUtc(local('2026-08-01 12:00')))).toBe('2026-08-01T10:00:00.000Z');
    expect(berlinUtcOffsetMinutes(Date.UTC(2026, 2, 29, 0, 59))).toBe(60);
    expect(berlinUtcOffsetMinutes(Date.UTC(2026, 2, 29, 1, 0))).toBe(120);
    expect(berlinUtcOffsetMinutes(Date.UTC(2026, 9, 25, 1, 0))).toBe(60);
  });

  it('reads hour 24 as midnight at the end of the day', () => {
    expect(iso(berlinLocalToUtc(local('2023-12-31 24:00')))).toBe('2023-12-31T23:00:00.000Z');
    expect(parseLocalDateTime('2023-12-31 24:30')).toBeUndefined();
  });

  it('rejects times that do not exist on any calendar', () => {
    expect(parseLocalDateTime('2026-02-30 10:00')).toBeUndefined();
    expect(parseLocalDateTime('2026-13-01 10:00')).toBeUndefined();
    expect(parseLocalDateTime('yesterday')).toBeUndefined();
  });

  it('resolves the repeated autumn hour by the order of the rows', () => {
    // UBA's hour-ending labels on 29 October 2023: 02:00, 03:00, 03:00, 04:00.
    const labels = [
      '2023-10-29 01:00',
      '2023-10-29 02:00',
      '2023-10-29 03:00',
      '2023-10-29 03:00',
      '2023-10-29 04:00',
    ];
    let previous: number | undefined;
    const times = labels.map((label) => (previous = berlinLocalToUtc(local(label), previous)));
    expect(times.map(iso)).toEqual([
      '2023-10-28T23:00:00.000Z',
      '2023-10-29T00:00:00.000Z',
      '2023-10-29T01:00:00.000Z',
      '2023-10-29T02:00:00.000Z',
      '2023-10-29T03:00:00.000Z',
    ]);
  });

  it('reads a wall clock that runs through the repeated hour twice', () => {
    const labels = ['2026-10-25 02:30', '2026-10-25 02:45', '2026-10-25 02:00', '2026-10-25 02:15'];
    let previous: number | undefined;
    const times = labels.map((label) => (previous = berlinLocalToUtc(local(label), previous)));
    expect(times.map(iso)).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T00:45:00.000Z',
      '2026-10-25T01:00:00.000Z',
      '2026-10-25T01:15:00.000Z',
    ]);
  });

  it('skips the spring gap without going backwards', () => {
    expect(iso(berlinLocalToUtc(local('2026-03-29 01:55')))).toBe('2026-03-29T00:55:00.000Z');
    expect(iso(berlinLocalToUtc(local('2026-03-29 02:00')))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(berlinLocalToUtc(local('2026-03-29 03:05')))).toBe('2026-03-29T01:05:00.000Z');
  });

  it('formats and splits instants in local time', () => {
    expect(formatBerlinMinute(Date.UTC(2026, 7, 2, 22, 0))).toBe('2026-08-03 00:00');
    expect(berlinWeekdayAndHour(Date.UTC(2026, 7, 2, 22, 30))).toEqual({ weekday: 0, hour: 0.5 });
  });
});
