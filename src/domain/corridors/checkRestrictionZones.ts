import { pointOnPiece, type PreparedRestrictionZone } from './corridorPlane';
import type { UnnumberedFinding } from './corridorFindings';
import { zoneLimitMsl } from './heightLimits';
import { boundsApart } from './planarGeometry';
import { findingPosition, StretchCollector, type SampledCorridor } from './sampledCorridor';

interface ZoneOverlap {
  bottom: number;
  top: number;
  /** Where the corridor first enters the zone. */
  x: number;
  y: number;
}

/**
 * Where a corridor's volume overlaps restriction zones in 3D: the corridor's footprint (centre line ± half the
 * width) must reach into the zone's outline and the height bands must overlap, each limit taken above sea level
 * with the ground at that spot (AGL limits move with it). Touching (a floor exactly at a zone's ceiling, a side
 * exactly on its edge) is no overlap. One finding per zone and stretch, with the zone's severity.
 */
export function checkRestrictionZones(
  corridor: SampledCorridor,
  zones: readonly PreparedRestrictionZone[],
): UnnumberedFinding[] {
  const findings: UnnumberedFinding[] = [];
  const { halfWidthMeters, pieces } = corridor;
  for (const prepared of zones) {
    if (boundsApart(corridor.bounds, prepared.bounds, halfWidthMeters)) continue;
    const { zone } = prepared;
    const collector = new StretchCollector<ZoneOverlap>((existing, next) => ({
      ...existing,
      bottom: Math.min(existing.bottom, next.bottom),
      top: Math.max(existing.top, next.top),
    }));
    pieces.forEach((piece, pieceIndex) => {
      if (
        piece.minX - halfWidthMeters > prepared.bounds[2] ||
        piece.maxX + halfWidthMeters < prepared.bounds[0] ||
        piece.minY - halfWidthMeters > prepared.bounds[3] ||
        piece.maxY + halfWidthMeters < prepared.bounds[1]
      )
        return;
      const nearest = prepared.distanceToSegment(piece.ax, piece.ay, piece.bx, piece.by);
      if (nearest.distance >= halfWidthMeters) return;
      const ground = corridor.pieceGround[pieceIndex]!;
      const bottom = Math.max(corridor.pieceFloor[pieceIndex]!, zoneLimitMsl(zone.lowerLimit, ground));
      const top = Math.min(corridor.pieceCeiling[pieceIndex]!, zoneLimitMsl(zone.upperLimit, ground));
      if (bottom >= top) return;
      const { x, y } = pointOnPiece(piece, nearest.t);
      collector.add(pieceIndex, { bottom, top, x, y });
    });
    for (const stretch of collector.finish()) {
      findings.push({
        rule: 'restriction-zone',
        corridorId: corridor.corridor.id,
        severity: zone.severity,
        position: findingPosition(stretch.data.x, stretch.data.y, stretch.data.bottom),
        fromMeters: pieces[stretch.firstPiece]!.fromMeters,
        toMeters: pieces[stretch.lastPiece]!.toMeters,
        zoneId: zone.id,
        zoneName: zone.name,
        zoneCategory: zone.category,
        legalBasis: zone.legalBasis,
        requirement: zone.requirement,
        overlapBottomMeters: stretch.data.bottom,
        overlapTopMeters: stretch.data.top,
      });
    }
  }
  return findings;
}
