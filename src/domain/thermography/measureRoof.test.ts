import { describe, expect, it } from 'vitest';
import { measureRoof } from './measureRoof';
import { percentileOfSorted } from './percentile';
import { createRoofOutline, type PlanarXY } from './roofOutline';
import type { ThermalRaster } from './thermalRaster';

/** A raster of 1 m pixels whose top-left corner is at (1000, 2000), from rows of °C (null = no data). */
function rasterOf(rows: (number | null)[][]): ThermalRaster {
  return {
    originEastingMeters: 1000,
    originNorthingMeters: 2000,
    pixelSizeMeters: 1,
    width: rows[0]!.length,
    height: rows.length,
    celsius: Float32Array.from(rows.flat().map((value) => (value === null ? Number.NaN : value))),
  };
}

/** A rectangle roof over the pixel columns [firstColumn, endColumn) and rows [firstRow, endRow) of rasterOf's grid. */
function roofOverPixels(
  id: string,
  firstColumn: number,
  firstRow: number,
  endColumn: number,
  endRow: number,
) {
  const ring: PlanarXY[] = [
    [1000 + firstColumn, 2000 - endRow],
    [1000 + endColumn, 2000 - endRow],
    [1000 + endColumn, 2000 - firstRow],
    [1000 + firstColumn, 2000 - firstRow],
  ];
  return createRoofOutline(id, [[ring]]);
}

describe('percentileOfSorted', () => {
  it('interpolates between ranks like spreadsheets do', () => {
    expect(percentileOfSorted([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentileOfSorted([1, 2, 3, 4], 90)).toBeCloseTo(3.7, 10);
    expect(percentileOfSorted([7], 90)).toBe(7);
  });
});

describe('measureRoof', () => {
  it('computes mean, median, 90th percentile and maximum over the roof pixels only', () => {
    const raster = rasterOf([
      [50, 50, 50, 50],
      [50, 1, 2, 50],
      [50, 3, 4, 50],
      [50, 50, 50, 50],
    ]);
    const result = measureRoof(raster, roofOverPixels('A', 1, 1, 3, 3), {
      minMeasuredShare: 0.5,
      minRoofPixels: 4,
      hotSpotExcessKelvin: 3,
      maxHotSpots: 5,
    });
    expect(result.status).toBe('measured');
    if (result.status !== 'measured') return;
    expect(result.statistics).toMatchObject({
      meanCelsius: 2.5,
      medianCelsius: 2.5,
      maxCelsius: 4,
      minCelsius: 1,
      measuredPixelCount: 4,
      measuredShare: 1,
      measuredAreaSquareMeters: 4,
    });
    expect(result.statistics.percentile90Celsius).toBeCloseTo(3.7, 5);
  });

  it('leaves holes of a roof polygon (a courtyard) out', () => {
    const raster = rasterOf([
      [1, 1, 1],
      [1, 99, 1],
      [1, 1, 1],
    ]);
    const outer: PlanarXY[] = [
      [1000, 1997],
      [1003, 1997],
      [1003, 2000],
      [1000, 2000],
    ];
    const courtyard: PlanarXY[] = [
      [1001, 1998],
      [1001, 1999],
      [1002, 1999],
      [1002, 1998],
    ];
    const result = measureRoof(raster, createRoofOutline('ring', [[outer, courtyard]]));
    expect(result.status === 'measured' && result.statistics).toMatchObject({
      measuredPixelCount: 8,
      maxCelsius: 1,
    });
  });

  it('finds the warmest connected areas with their positions, warmest first', () => {
    const raster = rasterOf([
      [0, 0, 0, 0],
      [0, 5, 0, 0],
      [0, 6, 0, 4],
      [0, 0, 0, 0],
    ]);
    const result = measureRoof(raster, roofOverPixels('B', 0, 0, 4, 4));
    expect(result.status).toBe('measured');
    if (result.status !== 'measured') return;
    // Median 0, so hot means at least 3 °C: {5, 6} touch, 4 stands alone.
    expect(result.hotSpots).toEqual([
      { easting: 1001.5, northing: 1998, areaSquareMeters: 2, maxCelsius: 6, meanCelsius: 5.5 },
      { easting: 1003.5, northing: 1997.5, areaSquareMeters: 1, maxCelsius: 4, meanCelsius: 4 },
    ]);
  });

  it('marks a roof beyond the raster, or mostly without data, as no data instead of inventing values', () => {
    const raster = rasterOf([
      [1, null, null, null],
      [1, null, null, null],
    ]);
    expect(measureRoof(raster, roofOverPixels('far', 10, 10, 14, 14))).toMatchObject({
      status: 'no-data',
      reason: 'outside-raster',
    });
    expect(measureRoof(raster, roofOverPixels('gappy', 0, 0, 4, 2))).toMatchObject({
      status: 'no-data',
      reason: 'too-few-measured-pixels',
    });
    // Half of the roof hangs over the raster's western edge: half measured is still enough.
    const edgeRaster = rasterOf([
      [2, 2, 2, 2],
      [2, 2, 2, 2],
    ]);
    expect(measureRoof(edgeRaster, roofOverPixels('edge', -2, 0, 2, 2))).toMatchObject({
      status: 'measured',
      statistics: { measuredPixelCount: 4, measuredShare: 0.5 },
    });
  });
});
