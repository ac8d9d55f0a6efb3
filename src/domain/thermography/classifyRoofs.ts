import Flatbush from 'flatbush';
import {
  computeHeatLossClass,
  computeWarmThresholdCelsius,
  HEAT_LOSS_CLASS_LABELS,
  NO_DATA_LABEL,
  type ClassificationSettings,
  type HeatLossClass,
} from './heatLossClass';
import type { HotSpot } from './hotSpots';
import type { MeasuredRoof, NoDataReason, RoofMeasurement, RoofStatistics } from './measureRoof';
import { countAboveInSorted, medianOf } from './percentile';
import type { PlanarXY, RoofOutline } from './roofOutline';

/** Where a roof's reference temperature came from. */
export interface RoofReference {
  referenceCelsius: number;
  source: 'neighbourhood' | 'whole-flight';
  /** Roofs whose medians made the reference (the roof itself excluded). */
  roofCount: number;
}

/** The private result of one building: everything its owner sees, nothing anyone else may. */
export type RoofResult =
  | {
      status: 'classified';
      buildingId: string;
      centre: PlanarXY;
      statistics: RoofStatistics;
      reference: RoofReference;
      warmThresholdCelsius: number;
      /** Share (0–1) of the measured roof area warmer than the threshold. */
      warmAreaShare: number;
      heatLossClass: HeatLossClass;
      label: { de: string; en: string };
      hotSpots: HotSpot[];
    }
  | {
      status: 'no-data';
      buildingId: string;
      centre: PlanarXY;
      reason: NoDataReason;
      label: typeof NO_DATA_LABEL;
    };

/**
 * Classifies every measured roof against its neighbourhood and the night's air temperature; roofs without data
 * stay "keine Daten". Results come back sorted by building id.
 */
export function classifyRoofs(
  measurements: readonly RoofMeasurement[],
  settings: ClassificationSettings,
): RoofResult[] {
  const measured = measurements.filter(
    (measurement): measurement is MeasuredRoof => measurement.status === 'measured',
  );
  const references = computeReferences(measured, settings);
  const results: RoofResult[] = measurements.map((measurement) => {
    if (measurement.status === 'no-data') return noDataResult(measurement.roof, measurement.reason);
    const reference = references.get(measurement)!;
    const warmThresholdCelsius = computeWarmThresholdCelsius(reference.referenceCelsius, settings);
    const warmAreaShare =
      countAboveInSorted(measurement.sortedCelsius, warmThresholdCelsius) / measurement.sortedCelsius.length;
    const heatLossClass = computeHeatLossClass(warmAreaShare, settings.classLowerBounds);
    return {
      status: 'classified',
      buildingId: measurement.roof.buildingId,
      centre: measurement.roof.centre,
      statistics: measurement.statistics,
      reference,
      warmThresholdCelsius,
      warmAreaShare,
      heatLossClass,
      label: HEAT_LOSS_CLASS_LABELS[heatLossClass],
      hotSpots: measurement.hotSpots,
    };
  });
  return results.sort((a, b) => (a.buildingId < b.buildingId ? -1 : a.buildingId > b.buildingId ? 1 : 0));
}

/** "keine Daten" for a roof: never a class. */
export function noDataResult(roof: RoofOutline, reason: NoDataReason): RoofResult {
  return {
    status: 'no-data',
    buildingId: roof.buildingId,
    centre: roof.centre,
    reason,
    label: NO_DATA_LABEL,
  };
}

/** Each roof's reference: the median of its nearest neighbours' medians, or of all roofs when it has too few. */
function computeReferences(
  measured: readonly MeasuredRoof[],
  settings: ClassificationSettings,
): Map<MeasuredRoof, RoofReference> {
  const references = new Map<MeasuredRoof, RoofReference>();
  if (measured.length === 0) return references;
  const medians = measured.map((roof) => roof.statistics.medianCelsius);
  const wholeFlight = medianOf(medians);
  const index = new Flatbush(measured.length);
  for (const { roof } of measured) index.add(roof.centre[0], roof.centre[1], roof.centre[0], roof.centre[1]);
  index.finish();
  measured.forEach((roof, position) => {
    const [x, y] = roof.roof.centre;
    // One more than wanted, since the roof itself is its own nearest neighbour.
    const neighbours = index
      .neighbors(x, y, settings.maxNeighbours + 1, settings.neighbourhoodRadiusMeters)
      .filter((other) => other !== position)
      .slice(0, settings.maxNeighbours);
    references.set(
      roof,
      neighbours.length >= settings.minNeighbours
        ? {
            referenceCelsius: medianOf(neighbours.map((other) => medians[other]!)),
            source: 'neighbourhood',
            roofCount: neighbours.length,
          }
        : { referenceCelsius: wholeFlight, source: 'whole-flight', roofCount: measured.length },
    );
  });
  return references;
}
