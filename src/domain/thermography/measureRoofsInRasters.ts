import {
  DEFAULT_MEASUREMENT_SETTINGS,
  measureRoof,
  type RoofMeasurement,
  type RoofMeasurementSettings,
} from './measureRoof';
import type { RoofOutline } from './roofOutline';
import { overlapShare, type PlanarBounds, type ThermalRaster } from './thermalRaster';

/** One raster of a flight (a GeoTIFF tile, or a generated window): its extent first, its pixels when needed. */
export interface ThermalRasterSource {
  name: string;
  bounds: PlanarBounds;
  load(): Promise<ThermalRaster>;
}

export interface MeasureRoofsOptions {
  settings?: RoofMeasurementSettings;
  /** Called once per measured roof while its raster is loaded (for the owner's image crop). */
  onMeasured?(measurement: RoofMeasurement, raster: ThermalRaster): void;
  /** Called after each raster with the number of roofs done so far. */
  onProgress?(roofsDone: number, roofsTotal: number): void;
}

/**
 * Measures every roof in the raster that covers most of its extent (the first such raster on a tie), one raster
 * in memory at a time. Roofs no raster touches are "keine Daten" (`outside-raster`). Measurements come back in the
 * order of `roofs`.
 */
export async function measureRoofsInRasters(
  roofs: readonly RoofOutline[],
  sources: readonly ThermalRasterSource[],
  options: MeasureRoofsOptions = {},
): Promise<RoofMeasurement[]> {
  const settings = options.settings ?? DEFAULT_MEASUREMENT_SETTINGS;
  const roofsBySource = sources.map((): number[] => []);
  const measurements: (RoofMeasurement | undefined)[] = new Array(roofs.length);
  roofs.forEach((roof, roofIndex) => {
    let best = -1;
    let bestShare = 0;
    sources.forEach((source, sourceIndex) => {
      const share = overlapShare(source.bounds, roof.bounds);
      if (share > bestShare) {
        best = sourceIndex;
        bestShare = share;
      }
    });
    if (best < 0) measurements[roofIndex] = { status: 'no-data', roof, reason: 'outside-raster' };
    else roofsBySource[best]!.push(roofIndex);
  });
  let done = measurements.filter(Boolean).length;
  for (const [sourceIndex, source] of sources.entries()) {
    const roofIndices = roofsBySource[sourceIndex]!;
    if (roofIndices.length === 0) continue;
    const raster = await source.load();
    for (const roofIndex of roofIndices) {
      const measurement = measureRoof(raster, roofs[roofIndex]!, settings);
      measurements[roofIndex] = measurement;
      options.onMeasured?.(measurement, raster);
    }
    done += roofIndices.length;
    options.onProgress?.(done, roofs.length);
  }
  return measurements as RoofMeasurement[];
}
