import { describe, expect, it } from 'vitest';
import { dateAtMuensterTime, muensterDayBounds, muensterUtcOffsetHours } from './muensterTime';
import { computeSunPosition, MUENSTER_LOCATION } from './sunPosition';

describe('computeSunPosition against published values', () => {
  it('matches the NOAA spreadsheet for Boulder-area, 21 June 2010, 09:54 MDT', () => {
    // Reference: pysunnoaa (PyPI), an implementation of NOAA's NOAA_Solar_Calculations_day.xls, documents for
    // latitude 40° N, longitude 105° W, time zone −6, 2010-06-21 09:54: altitude 47.36178497432497° (with
    // refraction), 47.346932081680364° (without) and azimuth 98.30691558695895°.
    const sun = computeSunPosition(new Date('2010-06-21T09:54:00-06:00'), {
      latitudeDegrees: 40,
      longitudeDegrees: -105,
    });
    expect(sun.elevationDegrees).toBeCloseTo(47.36178497432497, 6);
    expect(sun.geometricElevationDegrees).toBeCloseTo(47.346932081680364, 6);
    expect(sun.azimuthDegrees).toBeCloseTo(98.30691558695895, 6);
  });

  it('agrees with NREL SPA’s published example (Golden, Colorado, 17 October 2003) to 0.01°', () => {
    // Reference: I. Reda, A. Andreas, "Solar Position Algorithm for Solar Radiation Applications", NREL/TP-560-34302
    // (2003, rev. 2008), example of the SPA: 2003-10-17 12:30:30 local time (UTC−7), latitude 39.742476°,
    // longitude −105.1786°, elevation 1,830.14 m, 820 mbar, 11 °C: topocentric zenith 50.11162°, azimuth
    // 194.34024°. NOAA's simpler equations and standard-atmosphere refraction stay within a few thousandths.
    const sun = computeSunPosition(new Date('2003-10-17T12:30:30-07:00'), {
      latitudeDegrees: 39.742476,
      longitudeDegrees: -105.1786,
    });
    expect(Math.abs(90 - sun.elevationDegrees - 50.11162)).toBeLessThan(0.01);
    expect(Math.abs(sun.azimuthDegrees - 194.34024)).toBeLessThan(0.01);
  });
});

describe('computeSunPosition in Münster', () => {
  // Hand check: at true solar noon the sun stands due south at 90° − latitude + declination (plus refraction).
  const noonElevation = (declinationDegrees: number) =>
    90 - MUENSTER_LOCATION.latitudeDegrees + declinationDegrees;

  it('stands due south at about 38° at noon on the March equinox', () => {
    // Solar noon in Münster (7.63° E, 30.5 min ahead of Greenwich) on 20 March, equation of time −7.5 min:
    // 12:00 − 30.5 min + 7.5 min = 11:37 UTC.
    const sun = computeSunPosition(new Date('2024-03-20T11:37:00Z'));
    expect(sun.azimuthDegrees).toBeCloseTo(180, 0);
    expect(Math.abs(sun.declinationDegrees)).toBeLessThan(0.3);
    expect(sun.elevationDegrees).toBeCloseTo(noonElevation(sun.declinationDegrees), 1);
    expect(sun.elevationDegrees).toBeGreaterThan(37.7);
    expect(sun.elevationDegrees).toBeLessThan(38.4);
  });

  it('reaches about 61.5° on 21 June and about 14.6° on 21 December', () => {
    const june = computeSunPosition(
      dateAtMuensterTime({ year: 2024, month: 6, day: 21, hour: 13, minute: 31 }),
    );
    expect(june.declinationDegrees).toBeCloseTo(23.44, 1);
    expect(june.elevationDegrees).toBeCloseTo(61.5, 0);
    const december = computeSunPosition(
      dateAtMuensterTime({ year: 2024, month: 12, day: 21, hour: 12, minute: 28 }),
    );
    expect(december.declinationDegrees).toBeCloseTo(-23.44, 1);
    expect(december.elevationDegrees).toBeCloseTo(14.6, 0);
  });

  it('rises in the east and sets in the west, below the horizon at night', () => {
    const morning = computeSunPosition(dateAtMuensterTime({ year: 2024, month: 3, day: 20, hour: 8 }));
    const evening = computeSunPosition(dateAtMuensterTime({ year: 2024, month: 3, day: 20, hour: 18 }));
    const night = computeSunPosition(dateAtMuensterTime({ year: 2024, month: 3, day: 20, hour: 0 }));
    expect(morning.azimuthDegrees).toBeGreaterThan(90);
    expect(morning.azimuthDegrees).toBeLessThan(135);
    expect(evening.azimuthDegrees).toBeGreaterThan(225);
    expect(evening.azimuthDegrees).toBeLessThan(270);
    expect(night.elevationDegrees).toBeLessThan(-30);
  });
});

describe('Münster clock time', () => {
  it('switches to summer time on the last Sundays of March and October at 01:00 UTC', () => {
    expect(muensterUtcOffsetHours(new Date('2026-03-29T00:59:00Z'))).toBe(1);
    expect(muensterUtcOffsetHours(new Date('2026-03-29T01:00:00Z'))).toBe(2);
    expect(muensterUtcOffsetHours(new Date('2026-10-25T00:59:00Z'))).toBe(2);
    expect(muensterUtcOffsetHours(new Date('2026-10-25T01:00:00Z'))).toBe(1);
  });

  it('turns a clock time into an instant', () => {
    expect(dateAtMuensterTime({ year: 2026, month: 6, day: 21, hour: 12 }).toISOString()).toBe(
      '2026-06-21T10:00:00.000Z',
    );
    expect(dateAtMuensterTime({ year: 2026, month: 12, day: 21, hour: 9, minute: 30 }).toISOString()).toBe(
      '2026-12-21T08:30:00.000Z',
    );
  });

  it('knows that the switching days are 23 and 25 hours long', () => {
    const hours = (day: { year: number; month: number; day: number }) => {
      const { start, end } = muensterDayBounds(day);
      return (end.getTime() - start.getTime()) / 3_600_000;
    };
    expect(hours({ year: 2026, month: 3, day: 29 })).toBe(23);
    expect(hours({ year: 2026, month: 10, day: 25 })).toBe(25);
    expect(hours({ year: 2026, month: 6, day: 21 })).toBe(24);
  });
});
