/**
 * The moment the sun-and-shadow view shows: presets planners compare (equinox and solstices at 9, 12 and 15 h
 * Münster clock time), the Münster clock time of an instant for the slider, and the instant as written in a link
 * (`time=2026-06-21T10:00Z`, UTC, so a link means the same moment everywhere).
 */
import { dateAtMuensterTime, muensterUtcOffsetHours, type MuensterClockTime } from './muensterTime';

/** A preset: a calendar day (month, day) and a full hour of Münster clock time; the year is the one shown. */
export interface SunTimePreset {
  id: string;
  month: number;
  day: number;
  hour: number;
}

const PRESET_DAYS = [
  { name: 'march', month: 3, day: 21 },
  { name: 'june', month: 6, day: 21 },
  { name: 'december', month: 12, day: 21 },
] as const;
const PRESET_HOURS = [9, 12, 15] as const;

/** 21 March, 21 June and 21 December, each at 9, 12 and 15 h, in that order. */
export const SUN_TIME_PRESETS: readonly SunTimePreset[] = PRESET_DAYS.flatMap(({ name, month, day }) =>
  PRESET_HOURS.map((hour) => ({ id: `${name}-${hour}`, month, day, hour })),
);

/** The instant of a preset in a given year (Münster clock time: CET in March and December, CEST in June). */
export function sunTimePresetInstant(preset: SunTimePreset, year: number): Date {
  return dateAtMuensterTime({ year, month: preset.month, day: preset.day, hour: preset.hour });
}

/** What a Münster clock shows at an instant, and whether it is summer time. */
export function muensterClockTimeOf(
  instant: Date,
): MuensterClockTime & { minute: number; summerTime: boolean } {
  const offset = muensterUtcOffsetHours(instant);
  const shifted = new Date(instant.getTime() + offset * 3_600_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    summerTime: offset === 2,
  };
}

/** Minutes after Münster midnight at an instant (the slider's value). */
export function muensterMinuteOfDay(instant: Date): number {
  const clock = muensterClockTimeOf(instant);
  return clock.hour * 60 + clock.minute;
}

/** The instant on the same Münster day as `instant` at another clock minute (moving the slider). */
export function withMuensterMinuteOfDay(instant: Date, minuteOfDay: number): Date {
  const { year, month, day } = muensterClockTimeOf(instant);
  const minutes = Math.min(24 * 60 - 1, Math.max(0, Math.round(minuteOfDay)));
  return dateAtMuensterTime({ year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60 });
}

/** The instant at the same Münster clock time on another calendar day (changing the date). */
export function withMuensterDay(instant: Date, day: { year: number; month: number; day: number }): Date {
  const clock = muensterClockTimeOf(instant);
  return dateAtMuensterTime({ ...day, hour: clock.hour, minute: clock.minute });
}

/** An instant as written in a link: UTC to the minute, `2026-06-21T10:00Z`. */
export function formatSunTime(instant: Date): string {
  return `${instant.toISOString().slice(0, 16)}Z`;
}

/** Reads a link's time (any ISO 8601 date-time with an offset or Z); undefined when it is not one. */
export function parseSunTime(text: string | null | undefined): Date | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text))
    return undefined;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/** Normalises a link's time to the form `formatSunTime` writes; undefined when unreadable. */
export function normalizeSunTime(text: string | null | undefined): string | undefined {
  const instant = parseSunTime(text);
  return instant && formatSunTime(instant);
}
