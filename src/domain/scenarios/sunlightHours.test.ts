import { describe, expect, it } from 'vitest';
import type { PlanarPolygon } from './scenarioPlanarGeometry';
import { createShadowCasterIndex, type ShadowCaster } from './shadowCasters';
import {
  computeSunlightHours,
  sunlightHoursAt,
  sunlightHoursCellCentre,
  summarizeSunlightHours,
  sunSamplesForDay,
  type SunlightHoursGrid,
  type SunSample,
} from './sunlightHours';
import { computeSunPosition } from './sunPosition';

// A box of 10 × 10 m and 10 m height at a real EPSG:25832 position (so precision at UTM magnitudes is tested).
const X0 = 406_000;
const Y0 = 5_755_000;
const square = (x0: number, y0: number, x1: number, y1: number) =>
  [
    [X0 + x0, Y0 + y0],
    [X0 + x1, Y0 + y0],
    [X0 + x1, Y0 + y1],
    [X0 + x0, Y0 + y1],
  ] as const;
const BOX: ShadowCaster = { id: 'box', footprint: [square(0, 0, 10, 10)], heightMeters: 10 };
/** The open space around the box: 60 × 60 m, the box in its middle. */
const FIELD: PlanarPolygon = [square(-25, -25, 35, 35)];

/** Hours at the cell whose centre is at (x, y) metres from the box's south-west corner (1 m cells). */
function hoursAt(grid: SunlightHoursGrid, x: number, y: number): number {
  const column = Math.floor((X0 + x - grid.originEastingMeters) / grid.cellSizeMeters);
  const row = Math.floor((Y0 + y - grid.originNorthingMeters) / grid.cellSizeMeters);
  const [centreX, centreY] = sunlightHoursCellCentre(grid, column, row);
  expect([centreX - X0, centreY - Y0]).toEqual([x, y]);
  return sunlightHoursAt(grid, column, row);
}

describe('computeSunlightHours: a single box', () => {
  // Sun 45° high: a 10 m box casts a 10 m shadow. One hour from the south, two hours from the east.
  const samples: SunSample[] = [
    { azimuthDegrees: 180, elevationDegrees: 45, durationHours: 1 },
    { azimuthDegrees: 90, elevationDegrees: 45, durationHours: 2 },
    { azimuthDegrees: 0, elevationDegrees: -20, durationHours: 5 }, // night: no sun
  ];
  const grid = computeSunlightHours({
    areas: [FIELD],
    casters: createShadowCasterIndex([BOX]),
    sunSamples: samples,
    gridSpacingMeters: 1,
  });

  it('shades the cells north of the box from the southern sun and west of it from the eastern sun', () => {
    expect(grid.daylightHours).toBe(3);
    expect(hoursAt(grid, 5.5, 15.5)).toBe(2); // north of the box, 5.5 m away: shaded for the southern hour
    expect(hoursAt(grid, 5.5, 19.5)).toBe(2); // just inside the 10 m shadow
    expect(hoursAt(grid, 5.5, 20.5)).toBe(3); // just beyond it
    expect(hoursAt(grid, -5.5, 5.5)).toBe(1); // west of the box: shaded for the two eastern hours
    expect(hoursAt(grid, -9.5, 0.5)).toBe(1);
    expect(hoursAt(grid, -10.5, 5.5)).toBe(3);
    expect(hoursAt(grid, 15.5, 5.5)).toBe(3); // east of the box, in the sun all the time
    expect(hoursAt(grid, 5.5, -5.5)).toBe(3); // south of the box
    expect(hoursAt(grid, -5.5, 15.5)).toBe(3); // north-west: neither shadow reaches the corner
  });

  it('marks cells under the box as not open space, and counts the analysed cells', () => {
    expect(hoursAt(grid, 5.5, 5.5)).toBeNaN();
    expect(grid.analysedCellCount).toBe(60 * 60 - 10 * 10);
    // Shaded: 10 × 10 cells north for 1 h, 10 × 10 cells west for 2 h.
    const summary = summarizeSunlightHours(grid, 3);
    expect(summary.minimumHours).toBe(1);
    expect(summary.maximumHours).toBe(3);
    expect(summary.meanHours).toBeCloseTo((3 * 3500 - 100 * 1 - 100 * 2) / 3500, 6);
    expect(summary.shareAtLeastThreshold).toBeCloseTo(3300 / 3500, 6);
  });

  it('shortens the shadow for a raised sample point', () => {
    const raised = computeSunlightHours({
      areas: [FIELD],
      casters: [createShadowCasterIndex([BOX])],
      sunSamples: samples,
      gridSpacingMeters: 1,
      sampleHeightMeters: 5, // the box is 5 m above the point: a 5 m shadow
    });
    expect(hoursAt(raised, 5.5, 14.5)).toBe(2);
    expect(hoursAt(raised, 5.5, 15.5)).toBe(3);
  });
});

describe('computeSunlightHours: a courtyard block', () => {
  // 30 × 30 m block with a 10 × 10 m courtyard (10..20 m); the courtyard is the analysed open space.
  const courtyard: PlanarPolygon = [square(10, 10, 20, 20)];
  const block = (heightMeters: number): ShadowCaster => ({
    id: 'block',
    footprint: [square(0, 0, 30, 30), square(10, 10, 20, 20)],
    heightMeters,
  });
  const southernSun: SunSample[] = [{ azimuthDegrees: 180, elevationDegrees: 45, durationHours: 1 }];

  it('darkens the whole courtyard behind a 10 m south wing, but not behind a 3 m one', () => {
    const tall = computeSunlightHours({
      areas: [courtyard],
      casters: createShadowCasterIndex([block(10)]),
      sunSamples: southernSun,
      gridSpacingMeters: 1,
    });
    expect(tall.analysedCellCount).toBe(100);
    expect(summarizeSunlightHours(tall).maximumHours).toBe(0);

    const low = computeSunlightHours({
      areas: [courtyard],
      casters: createShadowCasterIndex([block(3)]),
      sunSamples: southernSun,
      gridSpacingMeters: 1,
    });
    expect(hoursAt(low, 15.5, 12.5)).toBe(0); // within 3 m of the south wing
    expect(hoursAt(low, 15.5, 13.5)).toBe(1);
    expect(hoursAt(low, 15.5, 19.5)).toBe(1);
  });
});

describe('computeSunlightHours with the real sun in Münster', () => {
  it('casts a noon shadow of height ÷ tan(elevation) on the March equinox (about 12.7 m for 10 m)', () => {
    // Hand computation: elevation at noon ≈ 90° − 51.96° + declination 0.1° + refraction 0.02° ≈ 38.2°;
    // 10 m / tan(38.2°) ≈ 12.7 m.
    const noon = computeSunPosition(new Date('2024-03-20T11:37:00Z'));
    const grid = computeSunlightHours({
      areas: [FIELD],
      casters: createShadowCasterIndex([BOX]),
      sunSamples: [{ ...noon, durationHours: 1 }],
      gridSpacingMeters: 1,
    });
    expect(10 / Math.tan((noon.elevationDegrees * Math.PI) / 180)).toBeCloseTo(12.7, 1);
    expect(hoursAt(grid, 5.5, 22.5)).toBe(0); // 12.5 m north of the box: shaded
    expect(hoursAt(grid, 5.5, 23.5)).toBe(1); // 13.5 m: in the sun
  });

  it('gives an open field about 12 h 10 min of sun on the equinox and 16 h 40 min at midsummer', () => {
    const open = (day: { year: number; month: number; day: number }) =>
      computeSunlightHours({
        areas: [FIELD],
        casters: createShadowCasterIndex([]),
        sunSamples: sunSamplesForDay(day, { timeStepMinutes: 5 }),
        gridSpacingMeters: 5,
      });
    const equinox = open({ year: 2024, month: 3, day: 20 });
    expect(equinox.daylightHours).toBeGreaterThan(12.05);
    expect(equinox.daylightHours).toBeLessThan(12.3);
    expect(summarizeSunlightHours(equinox).minimumHours).toBeCloseTo(equinox.daylightHours, 4);
    const midsummer = open({ year: 2024, month: 6, day: 21 });
    expect(midsummer.daylightHours).toBeGreaterThan(16.5);
    expect(midsummer.daylightHours).toBeLessThan(16.9);
  });

  it('shades the cells beside a tower for part of a midsummer day, and never a cell south of it', () => {
    const tower: ShadowCaster = { id: 'tower', footprint: [square(0, 0, 20, 20)], heightMeters: 40 };
    const grid = computeSunlightHours({
      areas: [[square(-40, -40, 60, 60)]],
      casters: createShadowCasterIndex([tower]),
      sunSamples: sunSamplesForDay({ year: 2024, month: 6, day: 21 }),
      gridSpacingMeters: 2,
    });
    const east = hoursAt(grid, 31, 11); // shaded in the evening
    const west = hoursAt(grid, -11, 11); // shaded in the morning
    const north = hoursAt(grid, 11, 31); // shaded around noon
    const south = hoursAt(grid, 11, -31);
    expect(south).toBeCloseTo(grid.daylightHours, 4); // hours are stored as float32
    for (const hours of [east, west, north]) {
      expect(hours).toBeLessThan(grid.daylightHours - 1);
      expect(hours).toBeGreaterThan(0);
    }
  });
});
