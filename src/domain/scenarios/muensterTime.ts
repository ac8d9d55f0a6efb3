/**
 * Clock time in Münster (Europe/Berlin): CET (UTC+1) in winter, CEST (UTC+2) from the last Sunday of March to
 * the last Sunday of October, both switches at 01:00 UTC (EU Directive 2000/84/EC). Pure arithmetic, so the
 * domain gives the same answer in every browser and time zone.
 */

/** A calendar day. */
export interface CalendarDay {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
}

/** A clock time on a calendar day in Münster. */
export interface MuensterClockTime extends CalendarDay {
  hour: number;
  minute?: number;
}

/** The UTC instant of the last Sunday of a month at 01:00 UTC. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0));
  const sunday = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, month - 1, sunday, 1);
}

/** Hours Münster's clocks are ahead of UTC at an instant: 2 in summer time, else 1. */
export function muensterUtcOffsetHours(instant: Date): 1 | 2 {
  const year = instant.getUTCFullYear();
  const time = instant.getTime();
  return time >= lastSundayAtOneUtc(year, 3) && time < lastSundayAtOneUtc(year, 10) ? 2 : 1;
}

/**
 * The instant a Münster clock shows the given time. In the hour skipped in March the winter offset is used; in
 * the hour repeated in October, the first (summer-time) occurrence.
 */
export function dateAtMuensterTime(time: MuensterClockTime): Date {
  const asUtc = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute ?? 0);
  const summer = new Date(asUtc - 2 * 3_600_000);
  if (muensterUtcOffsetHours(summer) === 2) return summer;
  return new Date(asUtc - 3_600_000);
}

/** The first and the last instant of a calendar day in Münster (23 or 25 hours on the switching days). */
export function muensterDayBounds(day: CalendarDay): { start: Date; end: Date } {
  const next = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  return {
    start: dateAtMuensterTime({ ...day, hour: 0 }),
    end: dateAtMuensterTime({
      year: next.getUTCFullYear(),
      month: next.getUTCMonth() + 1,
      day: next.getUTCDate(),
      hour: 0,
    }),
  };
}
