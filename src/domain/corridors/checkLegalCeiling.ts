import type { CorridorCheckOptions } from './corridorCheckOptions';
import type { UnnumberedFinding } from './corridorFindings';
import { findingPosition, StretchCollector, type SampledCorridor } from './sampledCorridor';

interface Excess {
  /** The worst value along the stretch and where it is. */
  value: number;
  pieceIndex: number;
}

const keepLarger = (existing: Excess, next: Excess): Excess =>
  next.value > existing.value ? next : existing;

function pieceMiddle(corridor: SampledCorridor, pieceIndex: number): { x: number; y: number } {
  const piece = corridor.pieces[pieceIndex]!;
  return { x: (piece.ax + piece.bx) / 2, y: (piece.ay + piece.by) / 2 };
}

/**
 * The ceiling against the legal limit above ground (120 m), with the ground under the centre line: a conflict in
 * the open category, a warning in the others (their authorisation must cover the height). And stretches where
 * the corridor has no volume because a floor above ground meets a ceiling above sea level (or the reverse).
 */
export function checkLegalCeiling(
  corridor: SampledCorridor,
  options: CorridorCheckOptions,
): UnnumberedFinding[] {
  const limit = options.legalCeilingAboveGroundMeters;
  const tooHigh = new StretchCollector<Excess>(keepLarger);
  const empty = new StretchCollector<Excess>(keepLarger);
  corridor.pieces.forEach((_piece, pieceIndex) => {
    const ceiling = corridor.pieceCeiling[pieceIndex]!;
    const aboveGround = ceiling - corridor.pieceGround[pieceIndex]!;
    if (aboveGround > limit) tooHigh.add(pieceIndex, { value: aboveGround, pieceIndex });
    const shortfall = corridor.pieceFloor[pieceIndex]! - ceiling;
    if (shortfall >= 0) empty.add(pieceIndex, { value: shortfall, pieceIndex });
  });
  const { id, operationCategory } = corridor.corridor;
  const findings: UnnumberedFinding[] = [];
  for (const stretch of tooHigh.finish()) {
    const { x, y } = pieceMiddle(corridor, stretch.data.pieceIndex);
    findings.push({
      rule: 'legal-ceiling',
      corridorId: id,
      severity: operationCategory === 'open' ? 'conflict' : 'warning',
      position: findingPosition(x, y, corridor.pieceCeiling[stretch.data.pieceIndex]!),
      fromMeters: corridor.pieces[stretch.firstPiece]!.fromMeters,
      toMeters: corridor.pieces[stretch.lastPiece]!.toMeters,
      ceilingAboveGroundMeters: stretch.data.value,
      limitMeters: limit,
    });
  }
  for (const stretch of empty.finish()) {
    const index = stretch.data.pieceIndex;
    const { x, y } = pieceMiddle(corridor, index);
    findings.push({
      rule: 'empty-volume',
      corridorId: id,
      severity: 'conflict',
      position: findingPosition(x, y, corridor.pieceCeiling[index]!),
      fromMeters: corridor.pieces[stretch.firstPiece]!.fromMeters,
      toMeters: corridor.pieces[stretch.lastPiece]!.toMeters,
      floorMeters: corridor.pieceFloor[index]!,
      ceilingMeters: corridor.pieceCeiling[index]!,
    });
  }
  return findings;
}
