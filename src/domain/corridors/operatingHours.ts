import { z } from 'zod';

/** Days of the week, Monday first (ISO 8601). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Operating hours are local time in Münster. */
export const CORRIDOR_TIME_ZONE = 'Europe/Berlin';

const clockTimeSchema = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'use HH:MM between 00:00 and 24:00');

/**
 * When a corridor is in use: on these weekdays from `from` to `to`, local time (Europe/Berlin). `to` must be
 * later than `from`; a night service past midnight is written as two entries (e.g. 22:00–24:00 and 00:00–06:00).
 */
export const operatingHoursSchema = z
  .object({
    weekdays: z.array(z.enum(WEEKDAYS)).min(1),
    from: clockTimeSchema,
    to: clockTimeSchema,
  })
  .strict()
  .superRefine((hours, context) => {
    if (minutesOfDay(hours.to) <= minutesOfDay(hours.from)) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `operating hours end (${hours.to}) must be later than their start (${hours.from})`,
      });
    }
  });

export type OperatingHours = z.output<typeof operatingHoursSchema>;

/** A time window on one weekday, local time. */
export interface WeekdayWindow {
  weekday: Weekday;
  from: string;
  to: string;
}

/** Minutes since midnight of an `HH:MM` time (24:00 is 1440). */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The windows in which both schedules are in operation, per weekday, merged and sorted. Windows that only touch
 * (one ends at 12:00, the other starts at 12:00) do not overlap.
 */
export function overlappingOperatingHours(
  a: readonly OperatingHours[],
  b: readonly OperatingHours[],
): WeekdayWindow[] {
  const result: WeekdayWindow[] = [];
  for (const weekday of WEEKDAYS) {
    const intervals: [number, number][] = [];
    for (const first of a) {
      if (!first.weekdays.includes(weekday)) continue;
      for (const second of b) {
        if (!second.weekdays.includes(weekday)) continue;
        const start = Math.max(minutesOfDay(first.from), minutesOfDay(second.from));
        const end = Math.min(minutesOfDay(first.to), minutesOfDay(second.to));
        if (end > start) intervals.push([start, end]);
      }
    }
    intervals.sort((x, y) => x[0] - y[0]);
    const merged: [number, number][] = [];
    for (const interval of intervals) {
      const last = merged.at(-1);
      if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
      else merged.push([...interval]);
    }
    for (const [start, end] of merged)
      result.push({ weekday, from: formatMinutes(start), to: formatMinutes(end) });
  }
  return result;
}

const weekdayFormatters = new Map<string, Intl.DateTimeFormat>();

/** Weekday and minutes since midnight of an instant in a time zone. */
export function localWeekdayAndMinutes(
  instant: Date,
  timeZone: string = CORRIDOR_TIME_ZONE,
): { weekday: Weekday; minutes: number } {
  let formatter = weekdayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    weekdayFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  const weekday = String(parts.weekday).slice(0, 3).toLowerCase() as Weekday;
  return { weekday, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** Whether a schedule is in operation at an instant (local time in `timeZone`, Münster's by default). */
export function isOperatingAt(
  hours: readonly OperatingHours[],
  instant: Date,
  timeZone: string = CORRIDOR_TIME_ZONE,
): boolean {
  const { weekday, minutes } = localWeekdayAndMinutes(instant, timeZone);
  return hours.some(
    (entry) =>
      entry.weekdays.includes(weekday) &&
      minutesOfDay(entry.from) <= minutes &&
      minutes < minutesOfDay(entry.to),
  );
}
