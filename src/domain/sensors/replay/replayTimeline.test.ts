import { describe, expect, it } from 'vitest';
import { berlinWeekdayAndHour } from '../formats/berlinTime';
import type { RecordedObservation } from '../formats/recordingModel';
import { createDatasetTimeline, loopPeriodMs, observationsBetween, recordedTimeAt } from './replayTimeline';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** A car park reporting every 5 minutes for a week from Monday 3 August 2026, 00:00 Münster summer time. */
const RECORDED_START = Date.UTC(2026, 7, 2, 22);
const week: RecordedObservation[] = Array.from({ length: 2016 }, (_, index) => ({
  sensorId: 'parking:ph-theater',
  phenomenon: 'parking_free',
  value: index,
  time: RECORDED_START + index * 300_000,
}));

describe('the replay timeline', () => {
  it('loops a week of recordings weekly and a day of them daily', () => {
    expect(loopPeriodMs(WEEK - 300_000)).toBe(WEEK);
    expect(loopPeriodMs(WEEK + 15 * 60_000)).toBe(WEEK);
    expect(loopPeriodMs(10 * DAY)).toBe(2 * WEEK);
    expect(loopPeriodMs(DAY - 300_000)).toBe(DAY);
  });

  it('plays the recorded moment with the same weekday and local time as now, also in winter', () => {
    for (const present of [
      Date.UTC(2026, 10, 25, 13, 7),
      Date.UTC(2027, 5, 6, 21, 30),
      Date.UTC(2025, 0, 1, 0, 1),
    ]) {
      const timeline = createDatasetTimeline('parking', week, present);
      const recorded = recordedTimeAt(timeline, present);
      expect(recorded).toBeGreaterThanOrEqual(RECORDED_START);
      expect(recorded).toBeLessThan(RECORDED_START + WEEK);
      expect(berlinWeekdayAndHour(recorded)).toEqual(berlinWeekdayAndHour(present));
    }
  });

  it('hands out each observation once, stamped with its replay time, and starts over after the week', () => {
    // Sunday 23:50 local in November (winter time): the recording's last rows, then its first again.
    const present = Date.UTC(2026, 10, 29, 22, 50);
    const timeline = createDatasetTimeline('parking', week, present);
    const first = observationsBetween(timeline, present - 60_000, present + 5 * 60_000);
    const second = observationsBetween(timeline, present + 5 * 60_000, present + 20 * 60_000);
    const played = [...first, ...second];
    expect(played.map((item) => item.value)).toEqual([2014, 2015, 0, 1, 2]);
    expect(played.map((item) => new Date(item.time).toISOString())).toEqual([
      '2026-11-29T22:50:00.000Z',
      '2026-11-29T22:55:00.000Z',
      '2026-11-29T23:00:00.000Z',
      '2026-11-29T23:05:00.000Z',
      '2026-11-29T23:10:00.000Z',
    ]);
    expect(berlinWeekdayAndHour(played[2]!.time)).toEqual({ weekday: 0, hour: 0 });
  });

  it('plays history from the previous loop when the present is near the start of the recording', () => {
    // Monday 00:10 local, a week after the recording: the hour up to now is 23:15 … 00:10.
    const present = Date.UTC(2026, 7, 9, 22, 10);
    const timeline = createDatasetTimeline('parking', week, present);
    const lastHour = observationsBetween(timeline, present - HOUR, present);
    expect(lastHour).toHaveLength(12);
    expect(lastHour.map((item) => item.value)).toEqual([
      2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 0, 1, 2,
    ]);
    expect(
      lastHour.every((item, index) => index === 0 || item.time - lastHour[index - 1]!.time === 300_000),
    ).toBe(true);
  });

  it('starts a long recording at the same time of year', () => {
    const year = Array.from({ length: 365 }, (_, day) => ({
      ...week[0]!,
      value: day,
      time: Date.UTC(2023, 0, 1, 12) + day * DAY,
    }));
    const present = Date.UTC(2026, 6, 15, 12);
    const timeline = createDatasetTimeline('air-quality', year, present);
    const recorded = new Date(recordedTimeAt(timeline, present));
    expect(recorded.getUTCFullYear()).toBe(2023);
    expect(Math.abs(recorded.getUTCMonth() - 6)).toBeLessThanOrEqual(1);
  });
});
