import { describe, expect, it } from 'vitest';
import { utm32ToGeographic } from '../geo/projection';
import type { Corridor, LonLat } from './corridorScene';
import { createFlightPath, flightPositionAt } from './flightSimulation';
import { isOperatingAt, overlappingOperatingHours } from './operatingHours';

const lonLat = (x: number, y: number): LonLat => {
  const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic({ eastingMeters: x, northingMeters: y });
  return [longitudeDegrees, latitudeDegrees];
};

// 600 m north, then 400 m east, at 10 m/s: 100 s of flight.
const corridor: Corridor = {
  id: 'l-shape',
  name: { de: 'L' },
  purpose: 'parcel-delivery',
  operationCategory: 'specific',
  centreLine: [lonLat(405000, 5757000), lonLat(405000, 5757600), lonLat(405400, 5757600)],
  widthMeters: 30,
  floor: { reference: 'AGL', heightMeters: 40 },
  ceiling: { reference: 'MSL', heightMeters: 160 },
  cruiseSpeedMetersPerSecond: 10,
  operatingHours: [{ weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '07:00', to: '19:00' }],
  accuracyMeters: 1,
  source: 'test',
};

describe('flightPositionAt', () => {
  const path = createFlightPath(corridor);

  it('flies the centre line at cruise speed, midway between floor and ceiling', () => {
    expect(path.durationSeconds).toBeCloseTo(100, 6);
    const position = flightPositionAt(path, 30);
    expect(position.alongMeters).toBeCloseTo(300, 6);
    const [longitude, latitude] = lonLat(405000, 5757300);
    expect(position.longitudeDegrees).toBeCloseTo(longitude, 7);
    expect(position.latitudeDegrees).toBeCloseTo(latitude, 7);
    // Floor 60 + 40 = 100 m MSL, ceiling 160 m MSL.
    expect(position.heightMeters).toBeCloseTo(130, 6);
    // Grid north is 1.1° west of true north at 7.6° E (meridian convergence).
    expect(position.headingDegrees).toBeGreaterThan(358);
    expect(position.progress).toBeCloseTo(0.3, 6);
    expect(position.arrived).toBe(false);
  });

  it('turns the corner and arrives; waits at the start before departure', () => {
    const afterCorner = flightPositionAt(path, 70);
    expect(afterCorner.alongMeters).toBeCloseTo(700, 6);
    expect(afterCorner.headingDegrees).toBeGreaterThan(88);
    expect(afterCorner.headingDegrees).toBeLessThan(92);
    const arrived = flightPositionAt(path, 500);
    expect(arrived).toMatchObject({ arrived: true, progress: 1 });
    expect(flightPositionAt(path, -20).alongMeters).toBe(0);
  });

  it('starts over in a loop and comes back in a shuttle', () => {
    expect(flightPositionAt(path, 130, 'loop').alongMeters).toBeCloseTo(300, 6);
    const back = flightPositionAt(path, 130, 'shuttle');
    expect(back.alongMeters).toBeCloseTo(700, 6);
    expect(back.headingDegrees).toBeGreaterThan(268);
    expect(back.headingDegrees).toBeLessThan(272);
    expect(flightPositionAt(path, 230, 'shuttle').alongMeters).toBeCloseTo(300, 6);
  });

  it('flies at a chosen share of the corridor height and over the given ground', () => {
    const low = createFlightPath(corridor, { cruiseHeightFraction: 0, groundHeightMeters: () => 50 });
    expect(flightPositionAt(low, 10).heightMeters).toBeCloseTo(90, 6);
  });
});

describe('operating hours', () => {
  it('lists the windows two schedules share, per weekday', () => {
    expect(
      overlappingOperatingHours(
        [{ weekdays: ['mon', 'sat'], from: '06:00', to: '12:00' }],
        [
          { weekdays: ['mon'], from: '11:00', to: '14:00' },
          { weekdays: ['mon'], from: '05:00', to: '07:00' },
          { weekdays: ['sat'], from: '12:00', to: '13:00' },
        ],
      ),
    ).toEqual([
      { weekday: 'mon', from: '06:00', to: '07:00' },
      { weekday: 'mon', from: '11:00', to: '12:00' },
    ]);
  });

  it('knows whether a corridor is in operation at an instant, in Münster time summer and winter', () => {
    const hours = corridor.operatingHours;
    expect(isOperatingAt(hours, new Date('2026-07-06T05:30:00Z'))).toBe(true); // Monday 07:30 CEST
    expect(isOperatingAt(hours, new Date('2026-07-06T04:30:00Z'))).toBe(false); // Monday 06:30 CEST
    expect(isOperatingAt(hours, new Date('2026-01-05T06:30:00Z'))).toBe(true); // Monday 07:30 CET
    expect(isOperatingAt(hours, new Date('2026-01-05T18:00:00Z'))).toBe(false); // Monday 19:00 CET
    expect(isOperatingAt(hours, new Date('2026-07-05T10:00:00Z'))).toBe(false); // Sunday
  });
});
