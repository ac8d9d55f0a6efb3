import { findHotSpots, type HotSpot } from './hotSpots';
import { percentileOfSorted } from './percentile';
import { rasterizeRoof } from './rasterizeRoof';
import type { RoofOutline } from './roofOutline';
import type { ThermalRaster } from './thermalRaster';

/** Why a roof has no result: no raster over it, too few measured pixels on it, or too small for the pixel size. */
export type NoDataReason = 'outside-raster' | 'too-few-measured-pixels' | 'roof-smaller-than-pixels';

/** Tunable rules of the measurement; the defaults are explained in README.md. */
export interface RoofMeasurementSettings {
  /** A roof needs measured values on at least this share of its pixels (else "keine Daten"). */
  minMeasuredShare: number;
  /** …and at least this many roof pixels at all. */
  minRoofPixels: number;
  /** A hot spot is at least this much warmer than the roof's own median (kelvin). */
  hotSpotExcessKelvin: number;
  maxHotSpots: number;
}

export const DEFAULT_MEASUREMENT_SETTINGS: RoofMeasurementSettings = {
  minMeasuredShare: 0.5,
  minRoofPixels: 4,
  hotSpotExcessKelvin: 3,
  maxHotSpots: 5,
};

/** Zonal statistics of one roof, °C. */
export interface RoofStatistics {
  meanCelsius: number;
  medianCelsius: number;
  percentile90Celsius: number;
  maxCelsius: number;
  minCelsius: number;
  /** Roof pixels with a measurement, and their share of all roof pixels. */
  measuredPixelCount: number;
  measuredShare: number;
  /** Area of the measured roof pixels seen from above, m². */
  measuredAreaSquareMeters: number;
}

/** A roof with measured statistics; `sortedCelsius` stays for the classification and is never published. */
export interface MeasuredRoof {
  status: 'measured';
  roof: RoofOutline;
  statistics: RoofStatistics;
  sortedCelsius: Float32Array;
  hotSpots: HotSpot[];
}

/** A roof the raster does not tell enough about. */
export interface UnmeasuredRoof {
  status: 'no-data';
  roof: RoofOutline;
  reason: NoDataReason;
}

export type RoofMeasurement = MeasuredRoof | UnmeasuredRoof;

/** Zonal statistics and hot spots of one roof in one raster. */
export function measureRoof(
  raster: ThermalRaster,
  roof: RoofOutline,
  settings: RoofMeasurementSettings = DEFAULT_MEASUREMENT_SETTINGS,
): RoofMeasurement {
  const pixels = rasterizeRoof(raster, roof);
  if (pixels.roofPixelCount < settings.minRoofPixels)
    return { status: 'no-data', roof, reason: 'roof-smaller-than-pixels' };
  const values = new Float32Array(pixels.roofPixelCount);
  let count = 0;
  let sum = 0;
  for (let windowRow = 0; windowRow < pixels.height; windowRow++) {
    const rasterRow = pixels.row + windowRow;
    if (rasterRow < 0 || rasterRow >= raster.height) continue;
    for (let windowColumn = 0; windowColumn < pixels.width; windowColumn++) {
      const rasterColumn = pixels.column + windowColumn;
      if (rasterColumn < 0 || rasterColumn >= raster.width) continue;
      if (pixels.mask[windowRow * pixels.width + windowColumn] !== 1) continue;
      const value = raster.celsius[rasterRow * raster.width + rasterColumn]!;
      if (Number.isNaN(value)) continue;
      values[count++] = value;
      sum += value;
    }
  }
  const measuredShare = count / pixels.roofPixelCount;
  if (count === 0) return { status: 'no-data', roof, reason: 'outside-raster' };
  if (measuredShare < settings.minMeasuredShare || count < settings.minRoofPixels)
    return { status: 'no-data', roof, reason: 'too-few-measured-pixels' };
  const sortedCelsius = values.slice(0, count).sort();
  const medianCelsius = percentileOfSorted(sortedCelsius, 50);
  return {
    status: 'measured',
    roof,
    sortedCelsius,
    statistics: {
      meanCelsius: sum / count,
      medianCelsius,
      percentile90Celsius: percentileOfSorted(sortedCelsius, 90),
      maxCelsius: sortedCelsius[sortedCelsius.length - 1]!,
      minCelsius: sortedCelsius[0]!,
      measuredPixelCount: count,
      measuredShare,
      measuredAreaSquareMeters: count * raster.pixelSizeMeters ** 2,
    },
    hotSpots: findHotSpots(
      raster,
      pixels,
      medianCelsius + settings.hotSpotExcessKelvin,
      settings.maxHotSpots,
    ),
  };
}
