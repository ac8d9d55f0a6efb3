import type { UnnumberedFinding } from './corridorFindings';
import { pointOnPiece } from './corridorPlane';
import { corridorHeightMsl } from './heightLimits';
import { overlappingOperatingHours } from './operatingHours';
import { boundsApart, segmentSegmentDistance } from './planarGeometry';
import { findingPosition, pieceTree, StretchCollector, type SampledCorridor } from './sampledCorridor';

interface CorridorOverlap {
  bottom: number;
  top: number;
  /** Where the centre lines come closest along the stretch (between their closest points), and how close. */
  x: number;
  y: number;
  distance: number;
}

/**
 * Where a corridor's volume overlaps other corridors' volumes: the centre lines come closer than the sum of the
 * half widths and the height bands overlap there (each corridor's AGL limits over the ground at this corridor's
 * piece). A conflict when the operating hours overlap too (the finding lists when), info when they never do.
 */
export function checkCorridorOverlaps(
  corridor: SampledCorridor,
  others: readonly SampledCorridor[],
): UnnumberedFinding[] {
  const findings: UnnumberedFinding[] = [];
  const self = corridor.corridor;
  for (const other of others) {
    if (other.corridor.id === self.id) continue;
    const reach = corridor.halfWidthMeters + other.halfWidthMeters;
    if (boundsApart(corridor.bounds, other.bounds, reach)) continue;
    const tree = pieceTree(other);
    const collector = new StretchCollector<CorridorOverlap>((existing, next) => ({
      ...(next.distance < existing.distance ? next : existing),
      bottom: Math.min(existing.bottom, next.bottom),
      top: Math.max(existing.top, next.top),
    }));
    corridor.pieces.forEach((piece, pieceIndex) => {
      const ground = corridor.pieceGround[pieceIndex]!;
      const floor = corridor.pieceFloor[pieceIndex]!;
      const ceiling = corridor.pieceCeiling[pieceIndex]!;
      const bottom = Math.max(floor, corridorHeightMsl(other.corridor.floor, ground));
      const top = Math.min(ceiling, corridorHeightMsl(other.corridor.ceiling, ground));
      if (bottom >= top) return;
      let closest: CorridorOverlap | undefined;
      const candidates = tree.search(
        piece.minX - reach,
        piece.minY - reach,
        piece.maxX + reach,
        piece.maxY + reach,
      );
      for (const candidate of candidates) {
        const otherPiece = other.pieces[candidate];
        if (!otherPiece) continue;
        const result = segmentSegmentDistance(
          piece.ax,
          piece.ay,
          piece.bx,
          piece.by,
          otherPiece.ax,
          otherPiece.ay,
          otherPiece.bx,
          otherPiece.by,
        );
        if (result.distance >= reach || (closest && result.distance >= closest.distance)) continue;
        // Between the two closest points: where the volumes meet.
        const onThis = pointOnPiece(piece, result.t);
        const onOther = pointOnPiece(otherPiece, result.u);
        closest = {
          bottom,
          top,
          x: (onThis.x + onOther.x) / 2,
          y: (onThis.y + onOther.y) / 2,
          distance: result.distance,
        };
      }
      if (closest) collector.add(pieceIndex, closest);
    });
    const stretches = collector.finish();
    if (stretches.length === 0) continue;
    const overlappingHours = overlappingOperatingHours(self.operatingHours, other.corridor.operatingHours);
    for (const stretch of stretches) {
      findings.push({
        rule: 'corridor-overlap',
        corridorId: self.id,
        severity: overlappingHours.length > 0 ? 'conflict' : 'info',
        position: findingPosition(stretch.data.x, stretch.data.y, stretch.data.bottom),
        fromMeters: corridor.pieces[stretch.firstPiece]!.fromMeters,
        toMeters: corridor.pieces[stretch.lastPiece]!.toMeters,
        otherCorridorId: other.corridor.id,
        overlappingHours,
        overlapBottomMeters: stretch.data.bottom,
        overlapTopMeters: stretch.data.top,
      });
    }
  }
  return findings;
}
