import type { CorridorCheckOptions } from './corridorCheckOptions';
import type { BuildingIndex } from './corridorBuildings';
import type { FindingPosition, UnnumberedFinding } from './corridorFindings';
import { corridorHeightMsl } from './heightLimits';
import { segmentRingDistance } from './planarGeometry';
import { findingPosition, type SampledCorridor } from './sampledCorridor';

/** The building closest to the corridor in one direction. */
export interface ClearanceExtreme {
  buildingId: string;
  clearanceMeters: number;
  alongMeters: number;
  position: FindingPosition;
}

/**
 * Lowest clearances along a corridor: vertical = corridor floor minus building top, over the buildings standing
 * under the corridor; lateral = distance from the corridor's side, over the buildings beside it that rise
 * higher than the floor minus the minimum vertical clearance (the others pass below). Undefined when no such
 * building is near.
 */
export interface ClearanceSummary {
  lowestVertical?: ClearanceExtreme;
  lowestLateral?: ClearanceExtreme;
}

/** A building under the corridor (or within the overflight margin of its side). */
export interface OverflownBuilding {
  buildingId: string;
  alongMeters: number;
  estimatedResidents: number;
}

/** Who is overflown: buildings within the corridor's width (plus the overflight margin) and their residents. */
export interface OverflownSummary {
  buildingCount: number;
  residentialBuildingCount: number;
  /**
   * Overflown buildings whose use is unknown (no function code, e.g. from a version 1 search index): they count
   * no residents, so the estimate is a lower bound, or unknown when it is every building.
   */
  unknownUseBuildingCount: number;
  /** Sum of the estimates, rounded to whole people. */
  estimatedResidents: number;
  /** Sorted along the centre line. */
  buildings: OverflownBuilding[];
}

/**
 * How far the residents estimate can be trusted: `unknown` when no overflown building has a known use (a version 1
 * search index has no function codes), `partial` when some lack one (they count nobody), else `complete`.
 */
export function residentsEstimateCoverage(
  overflown: Pick<OverflownSummary, 'buildingCount' | 'unknownUseBuildingCount'>,
): 'complete' | 'partial' | 'unknown' {
  if (overflown.unknownUseBuildingCount === 0) return 'complete';
  return overflown.unknownUseBuildingCount < overflown.buildingCount ? 'partial' : 'unknown';
}

interface NearestApproach {
  distance: number;
  alongMeters: number;
  /** The footprint's closest point on the plane. */
  x: number;
  y: number;
}

/** For every building near the centre line: its distance from the line and where it comes closest. */
function nearestApproaches(
  corridor: SampledCorridor,
  index: BuildingIndex,
  searchRadius: number,
): Map<number, NearestApproach> {
  const nearest = new Map<number, NearestApproach>();
  const tree = index.tree;
  if (!tree) return nearest;
  for (const piece of corridor.pieces) {
    const candidates = tree.search(
      piece.minX - searchRadius,
      piece.minY - searchRadius,
      piece.maxX + searchRadius,
      piece.maxY + searchRadius,
    );
    for (const buildingIndex of candidates) {
      const result = segmentRingDistance(piece.ax, piece.ay, piece.bx, piece.by, index.rings[buildingIndex]!);
      if (result.distance > searchRadius) continue;
      const known = nearest.get(buildingIndex);
      if (known && known.distance <= result.distance) continue;
      nearest.set(buildingIndex, {
        distance: result.distance,
        alongMeters: piece.fromMeters + (piece.toMeters - piece.fromMeters) * result.t,
        x: result.x,
        y: result.y,
      });
    }
  }
  return nearest;
}

/**
 * Buildings against one corridor: intrusions (a building under the corridor rising above its floor: conflict),
 * clearance violations (closer than the minimums to the corridor's volume: warning), stretches over residential
 * buildings (§ 21h Abs. 3 Nr. 7 LuftVO: warning), the lowest clearances and who is overflown.
 */
export function checkBuildingClearance(
  corridor: SampledCorridor,
  index: BuildingIndex,
  options: CorridorCheckOptions,
): { findings: UnnumberedFinding[]; clearance: ClearanceSummary; overflown: OverflownSummary } {
  const { halfWidthMeters } = corridor;
  const minimumVertical = options.minimumVerticalClearanceMeters;
  const minimumLateral = options.minimumLateralClearanceMeters;
  const searchRadius = halfWidthMeters + Math.max(minimumLateral, options.overflightMarginMeters);
  const findings: UnnumberedFinding[] = [];
  const clearance: ClearanceSummary = {};
  const overflown: OverflownBuilding[] = [];
  const residentialPositions = new Map<string, FindingPosition>();
  let unknownUseBuildingCount = 0;
  const corridorId = corridor.corridor.id;

  const sorted = [...nearestApproaches(corridor, index, searchRadius)].sort(
    ([a, first], [b, second]) => first.alongMeters - second.alongMeters || a - b,
  );
  for (const [buildingIndex, approach] of sorted) {
    const building = index.buildings[buildingIndex]!;
    const floor = corridorHeightMsl(corridor.corridor.floor, building.baseHeightMeters);
    const vertical = floor - building.topHeightMeters;
    const lateral = approach.distance - halfWidthMeters;
    // Projected back to WGS84 only where a finding or an extreme needs it: most buildings need none.
    let position: FindingPosition | undefined;
    const positionOf = () => (position ??= findingPosition(approach.x, approach.y, building.topHeightMeters));
    const extreme = () => ({
      buildingId: building.id,
      alongMeters: approach.alongMeters,
      position: positionOf(),
    });
    if (lateral <= 0 && (!clearance.lowestVertical || vertical < clearance.lowestVertical.clearanceMeters))
      clearance.lowestVertical = { ...extreme(), clearanceMeters: vertical };
    if (
      lateral > 0 &&
      vertical < minimumVertical &&
      (!clearance.lowestLateral || lateral < clearance.lowestLateral.clearanceMeters)
    )
      clearance.lowestLateral = { ...extreme(), clearanceMeters: lateral };

    const intrudes = lateral < 0 && vertical < 0;
    if (intrudes || (lateral < minimumLateral && vertical < minimumVertical)) {
      findings.push({
        rule: intrudes ? 'building-intrusion' : 'building-clearance',
        corridorId,
        severity: intrudes ? 'conflict' : 'warning',
        position: positionOf(),
        fromMeters: approach.alongMeters,
        toMeters: approach.alongMeters,
        buildingId: building.id,
        verticalClearanceMeters: vertical,
        lateralClearanceMeters: lateral,
        requiredVerticalClearanceMeters: minimumVertical,
        requiredLateralClearanceMeters: minimumLateral,
      });
    }
    if (lateral <= options.overflightMarginMeters) {
      const estimatedResidents = index.residents[buildingIndex]!;
      overflown.push({ buildingId: building.id, alongMeters: approach.alongMeters, estimatedResidents });
      if (estimatedResidents > 0) residentialPositions.set(building.id, positionOf());
      if (index.useKnown[buildingIndex] === 0) unknownUseBuildingCount++;
    }
  }
  findings.push(...residentialStretches(corridorId, overflown, residentialPositions, options));
  const residents = overflown.reduce((sum, building) => sum + building.estimatedResidents, 0);
  return {
    findings,
    clearance,
    overflown: {
      buildingCount: overflown.length,
      residentialBuildingCount: residentialPositions.size,
      unknownUseBuildingCount,
      estimatedResidents: Math.round(residents),
      buildings: overflown,
    },
  };
}

/** Residential buildings under the corridor, gathered into stretches (gaps up to residentialStretchGapMeters). */
function residentialStretches(
  corridorId: string,
  overflown: readonly OverflownBuilding[],
  positions: ReadonlyMap<string, FindingPosition>,
  options: CorridorCheckOptions,
): UnnumberedFinding[] {
  const groups: OverflownBuilding[][] = [];
  for (const building of overflown) {
    if (building.estimatedResidents <= 0) continue;
    const group = groups.at(-1);
    const last = group?.at(-1);
    if (group && last && building.alongMeters - last.alongMeters <= options.residentialStretchGapMeters)
      group.push(building);
    else groups.push([building]);
  }
  return groups.map((group) => {
    const middle = group[Math.floor(group.length / 2)]!;
    return {
      rule: 'residential-overflight',
      corridorId,
      severity: 'warning',
      position: positions.get(middle.buildingId)!,
      fromMeters: group[0]!.alongMeters,
      toMeters: group.at(-1)!.alongMeters,
      buildingIds: group.map((building) => building.buildingId),
      estimatedResidents: Math.round(group.reduce((sum, building) => sum + building.estimatedResidents, 0)),
    };
  });
}
