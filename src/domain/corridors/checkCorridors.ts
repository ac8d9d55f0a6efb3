import {
  checkBuildingClearance,
  type ClearanceSummary,
  type OverflownSummary,
} from './checkBuildingClearance';
import { checkCorridorOverlaps } from './checkCorridorOverlaps';
import { checkLegalCeiling } from './checkLegalCeiling';
import { checkRestrictionZones } from './checkRestrictionZones';
import { resolveCheckOptions, type CorridorCheckOptions } from './corridorCheckOptions';
import type { BuildingIndex } from './corridorBuildings';
import {
  corridorStatus,
  type CorridorFinding,
  type CorridorStatus,
  type FindingSeverity,
  type UnnumberedFinding,
} from './corridorFindings';
import type { PreparedRestrictionZone } from './corridorPlane';
import type { Corridor } from './corridorScene';
import { sampleCorridor, type SampledCorridor } from './sampledCorridor';

/** What corridors are checked against; build the index and prepare the zones once, then check on every edit. */
export interface CorridorCheckInput {
  /** Every corridor of the plan: each is checked against the others. */
  corridors: readonly Corridor[];
  /** From createBuildingIndex; without it there are no building findings and nobody is overflown. */
  buildings?: BuildingIndex;
  /** From prepareRestrictionZones (the document's zones plus any loaded airspace files). */
  zones?: readonly PreparedRestrictionZone[];
}

/** The result for one corridor. */
export interface CorridorReport {
  corridorId: string;
  status: CorridorStatus;
  /** Sorted along the centre line, conflicts before warnings before info at the same spot. */
  findings: CorridorFinding[];
  lengthMeters: number;
  /** Length ÷ cruise speed. */
  flightDurationSeconds: number;
  clearance: ClearanceSummary;
  overflown: OverflownSummary;
}

const SEVERITY_ORDER: Record<FindingSeverity, number> = { conflict: 0, warning: 1, info: 2 };

function numberFindings(corridorId: string, findings: UnnumberedFinding[]): CorridorFinding[] {
  const counts = new Map<string, number>();
  return findings
    .sort(
      (a, b) =>
        a.fromMeters - b.fromMeters ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.rule.localeCompare(b.rule),
    )
    .map((finding) => {
      const count = (counts.get(finding.rule) ?? 0) + 1;
      counts.set(finding.rule, count);
      return { ...finding, id: `${corridorId}:${finding.rule}:${count}` } as CorridorFinding;
    });
}

function reportFor(
  sampled: SampledCorridor,
  others: readonly SampledCorridor[],
  input: CorridorCheckInput,
  options: CorridorCheckOptions,
): CorridorReport {
  const findings: UnnumberedFinding[] = [];
  let clearance: ClearanceSummary = {};
  let overflown: OverflownSummary = {
    buildingCount: 0,
    residentialBuildingCount: 0,
    unknownUseBuildingCount: 0,
    estimatedResidents: 0,
    buildings: [],
  };
  if (input.buildings) {
    const result = checkBuildingClearance(sampled, input.buildings, options);
    findings.push(...result.findings);
    clearance = result.clearance;
    overflown = result.overflown;
  }
  if (input.zones) findings.push(...checkRestrictionZones(sampled, input.zones));
  findings.push(...checkCorridorOverlaps(sampled, others));
  findings.push(...checkLegalCeiling(sampled, options));
  const corridorId = sampled.corridor.id;
  const numbered = numberFindings(corridorId, findings);
  return {
    corridorId,
    status: corridorStatus(numbered),
    findings: numbered,
    lengthMeters: sampled.lengthMeters,
    flightDurationSeconds: sampled.lengthMeters / sampled.corridor.cruiseSpeedMetersPerSecond,
    clearance,
    overflown,
  };
}

/**
 * Checks every corridor against buildings, restriction zones, the other corridors and the legal ceiling; one
 * report per corridor, in input order. Pure: same input, same reports.
 */
export function checkCorridors(
  input: CorridorCheckInput,
  options: Partial<CorridorCheckOptions> = {},
): CorridorReport[] {
  const resolved = resolveCheckOptions(options);
  const sampled = input.corridors.map((corridor) =>
    sampleCorridor(corridor, resolved.groundHeightMeters, resolved.pieceLengthMeters),
  );
  return sampled.map((corridor) => reportFor(corridor, sampled, input, resolved));
}

/**
 * Checks one corridor (say, the one being edited) against the same input; `input.corridors` may or may not
 * contain it (a corridor with the same id is replaced by this one).
 */
export function checkCorridor(
  corridor: Corridor,
  input: CorridorCheckInput,
  options: Partial<CorridorCheckOptions> = {},
): CorridorReport {
  const resolved = resolveCheckOptions(options);
  const sampled = sampleCorridor(corridor, resolved.groundHeightMeters, resolved.pieceLengthMeters);
  const others = input.corridors
    .filter((other) => other.id !== corridor.id)
    .map((other) => sampleCorridor(other, resolved.groundHeightMeters, resolved.pieceLengthMeters));
  return reportFor(sampled, others, input, resolved);
}
