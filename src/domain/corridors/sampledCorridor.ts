import Flatbush from 'flatbush';
import type { Corridor } from './corridorScene';
import { planeToLonLat, projectCorridor, type PlanarCorridor } from './corridorPlane';
import type { FindingPosition } from './corridorFindings';
import { corridorHeightMsl, type GroundHeightFunction } from './heightLimits';

/** A corridor on the plane with the ground and its floor and ceiling (MSL) at the middle of each piece. */
export interface SampledCorridor extends PlanarCorridor {
  /** Per piece: WGS84 longitude and latitude of its middle. */
  pieceLongitudes: Float64Array;
  pieceLatitudes: Float64Array;
  /** Per piece: ground, floor and ceiling above mean sea level at its middle, metres. */
  pieceGround: Float64Array;
  pieceFloor: Float64Array;
  pieceCeiling: Float64Array;
  /** Spatial index of the pieces, built on first use by {@link pieceTree}. */
  pieceTree?: Flatbush;
}

/** The pieces' spatial index (flatbush), built once per sampled corridor. */
export function pieceTree(corridor: SampledCorridor): Flatbush {
  if (!corridor.pieceTree) {
    const tree = new Flatbush(Math.max(1, corridor.pieces.length));
    for (const piece of corridor.pieces) tree.add(piece.minX, piece.minY, piece.maxX, piece.maxY);
    if (corridor.pieces.length === 0) tree.add(0, 0, 0, 0);
    tree.finish();
    corridor.pieceTree = tree;
  }
  return corridor.pieceTree;
}

export function sampleCorridor(
  corridor: Corridor,
  groundHeightMeters: GroundHeightFunction,
  pieceLengthMeters: number,
): SampledCorridor {
  const planar = projectCorridor(corridor, pieceLengthMeters);
  const count = planar.pieces.length;
  const sampled: SampledCorridor = {
    ...planar,
    pieceLongitudes: new Float64Array(count),
    pieceLatitudes: new Float64Array(count),
    pieceGround: new Float64Array(count),
    pieceFloor: new Float64Array(count),
    pieceCeiling: new Float64Array(count),
  };
  planar.pieces.forEach((piece, index) => {
    const [longitude, latitude] = planeToLonLat((piece.ax + piece.bx) / 2, (piece.ay + piece.by) / 2);
    const ground = groundHeightMeters(longitude, latitude);
    sampled.pieceLongitudes[index] = longitude;
    sampled.pieceLatitudes[index] = latitude;
    sampled.pieceGround[index] = ground;
    sampled.pieceFloor[index] = corridorHeightMsl(corridor.floor, ground);
    sampled.pieceCeiling[index] = corridorHeightMsl(corridor.ceiling, ground);
  });
  return sampled;
}

/** A position on the plane as a finding's position. */
export function findingPosition(x: number, y: number, heightMeters: number): FindingPosition {
  const [longitudeDegrees, latitudeDegrees] = planeToLonLat(x, y);
  return { longitudeDegrees, latitudeDegrees, heightMeters };
}

/** One stretch of consecutive pieces that share a finding, with what the finding needs to remember. */
export interface Stretch<T> {
  firstPiece: number;
  lastPiece: number;
  data: T;
}

/**
 * Gathers runs of consecutive pieces into stretches: `add` a piece that has the finding (merging its data into
 * an open stretch of the run), `gap` one that does not; `finish` returns every stretch.
 */
export class StretchCollector<T> {
  private readonly stretches: Stretch<T>[] = [];
  private open: Stretch<T> | undefined;

  constructor(private readonly merge: (existing: T, next: T) => T) {}

  add(pieceIndex: number, data: T): void {
    if (this.open && this.open.lastPiece === pieceIndex - 1) {
      this.open.lastPiece = pieceIndex;
      this.open.data = this.merge(this.open.data, data);
      return;
    }
    this.open = { firstPiece: pieceIndex, lastPiece: pieceIndex, data };
    this.stretches.push(this.open);
  }

  gap(): void {
    this.open = undefined;
  }

  finish(): Stretch<T>[] {
    this.open = undefined;
    return this.stretches;
  }
}
