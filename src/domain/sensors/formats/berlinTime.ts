/**
 * Local time in Münster (Europe/Berlin) ↔ UTC, by the EU summer-time rule (since 1996: from the last Sunday of
 * March, 01:00 UTC, to the last Sunday of October, 01:00 UTC). Written out rather than taken from `Intl`, so it
 * is the same on every platform and can resolve the repeated autumn hour from the order of the rows.
 */

const HOUR_MS = 3_600_000;

/** Day of month of the last Sunday of a month (monthIndex 0 = January). */
function lastSunday(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return lastDay.getUTCDate() - lastDay.getUTCDay();
}

/** The UTC instants summer time (CEST, UTC+2) begins and ends in a year. */
export function berlinSummerTime(year: number): { start: number; end: number } {
  return {
    start: Date.UTC(year, 2, lastSunday(year, 2), 1),
    end: Date.UTC(year, 9, lastSunday(year, 9), 1),
  };
}

/** Minutes Münster's clocks are ahead of UTC at an instant: 60 (CET) or 120 (CEST). */
export function berlinUtcOffsetMinutes(utcMilliseconds: number): 60 | 120 {
  const { start, end } = berlinSummerTime(new Date(utcMilliseconds).getUTCFullYear());
  return utcMilliseconds >= start && utcMilliseconds < end ? 120 : 60;
}

/** A wall-clock reading; `hour` may be 24 (midnight at the end of the day, as UBA writes it). */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

/** `YYYY-MM-DD HH:MM[:SS]` (or with `T`) → its parts; undefined when the text is no such time. */
export function parseLocalDateTime(text: string): LocalDateTime | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 59)
    return undefined;
  if (hour === 24 && (minute > 0 || second > 0)) return undefined;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return undefined;
  return { year, month, day, hour, minute, second };
}

/**
 * The UTC instant of a Münster wall-clock time. In the repeated autumn hour both readings are possible: the
 * earliest one after `previousUtc` is taken, so rows in time order come out in order (UBA's hour-ending labels
 * `02:00, 03:00, 03:00` on 29 Oct 2023 become 00:00, 01:00, 02:00 UTC). A time in the spring gap (02:30 on the
 * last Sunday of March) is read as standard time.
 */
export function berlinLocalToUtc(local: LocalDateTime, previousUtc?: number): number {
  const asIfUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second ?? 0,
  );
  const summer = berlinSummerTime(local.year);
  const standardCandidate = asIfUtc - HOUR_MS;
  const summerCandidate = asIfUtc - 2 * HOUR_MS;
  // Both ends inclusive: the switching instant can be written in either time.
  const candidates = [
    summerCandidate >= summer.start && summerCandidate <= summer.end ? summerCandidate : undefined,
    standardCandidate <= summer.start || standardCandidate >= summer.end ? standardCandidate : undefined,
  ].filter((candidate): candidate is number => candidate !== undefined);
  if (candidates.length === 0) return standardCandidate;
  if (previousUtc !== undefined) {
    const after = candidates.find((candidate) => candidate > previousUtc);
    if (after !== undefined) return after;
  }
  return candidates[0]!;
}

/** The wall-clock reading of a UTC instant in Münster. */
export function utcToBerlinLocal(utcMilliseconds: number): LocalDateTime {
  const shifted = new Date(utcMilliseconds + berlinUtcOffsetMinutes(utcMilliseconds) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/** `YYYY-MM-DD HH:MM` of a UTC instant in Münster time, as the city's CSV files write it. */
export function formatBerlinMinute(utcMilliseconds: number): string {
  const local = utcToBerlinLocal(utcMilliseconds);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${local.year}-${two(local.month)}-${two(local.day)} ${two(local.hour)}:${two(local.minute)}`;
}

/** Day of week in Münster, 0 = Monday … 6 = Sunday, and the hour of day as a fraction (8.5 = 08:30). */
export function berlinWeekdayAndHour(utcMilliseconds: number): { weekday: number; hour: number } {
  const shifted = new Date(utcMilliseconds + berlinUtcOffsetMinutes(utcMilliseconds) * 60_000);
  return {
    weekday: (shifted.getUTCDay() + 6) % 7,
    hour: shifted.getUTCHours() + shifted.getUTCMinutes() / 60 + shifted.getUTCSeconds() / 3600,
  };
}
