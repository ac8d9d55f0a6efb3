/**
 * Streets and blocks of the generated city. A street knows how to measure positions along itself, so house
 * numbers can rise along it; a block is a convex polygon whose edges know the street in front of them.
 */
import type { PlanarPoint } from '../footprints/footprintPolygon';
import { dot, subtract, type LabeledPolygon } from './planarGeometry';

/**
 * How a street runs: `radial` away from the layout centre, `ring` counter-clockwise around it, `straight` along
 * a fixed direction (the old town's grid).
 */
export type StreetShape =
  | { kind: 'radial'; centre: PlanarPoint }
  | { kind: 'ring'; centre: PlanarPoint; startAngleRadians: number }
  | { kind: 'straight'; origin: PlanarPoint; direction: PlanarPoint };

/** A named street; names are given out when the first house is numbered, so unused streets use up none. */
export interface Street {
  id: number;
  shape: StreetShape;
  /** Real names (arterial roads, Prinzipalmarkt) are fixed; the rest come from the namer. */
  fixedName?: string;
  inOldTown: boolean;
  /** Half the distance between the building lines on both sides, in metres. */
  halfWidthMeters: number;
}

/** What lies along one edge of a block: the street (if any) and whether the block is on its odd side. */
export interface BlockFrontage {
  streetId: number | undefined;
  /** German custom: odd numbers on the left, walking in the direction the numbers rise. */
  oddSide: boolean;
  /** How far buildings stay back from this edge of the street cell, in metres. */
  setbackMeters: number;
}

/** The broad character of a block's surroundings, deciding what is built on it. */
export type BlockZone = 'old-town' | 'city' | 'suburb';

/** A street cell pulled back to the building lines: the land one block of houses may use. */
export interface Block {
  index: number;
  zone: BlockZone;
  polygon: LabeledPolygon<BlockFrontage>;
  /** A block reserved for a landmark: the cathedral on the Domplatz. */
  landmark?: 'cathedral';
}

/** The direction in which house numbers rise along a street, at a point on it. */
export function numberingDirection(shape: StreetShape, point: PlanarPoint): PlanarPoint {
  if (shape.kind === 'straight') return shape.direction;
  const [dx, dy] = subtract(point, shape.centre);
  const length = Math.hypot(dx, dy);
  return shape.kind === 'radial' ? [dx / length, dy / length] : [-dy / length, dx / length];
}

/** The position of a point along a street: metres (radial, straight) or radians (ring) in numbering order. */
export function positionAlongStreet(shape: StreetShape, point: PlanarPoint): number {
  if (shape.kind === 'straight') return dot(subtract(point, shape.origin), shape.direction);
  const [dx, dy] = subtract(point, shape.centre);
  if (shape.kind === 'radial') return Math.hypot(dx, dy);
  const turn = Math.atan2(dy, dx) - shape.startAngleRadians;
  return ((turn % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
}

/**
 * The frontage of a counter-clockwise block edge a → b along a street: the block lies left of the edge, so it
 * is on the street's odd side when the edge runs the way the numbers rise.
 */
export function frontageOf(
  street: Street | undefined,
  a: PlanarPoint,
  b: PlanarPoint,
  setbackMeters?: number,
): BlockFrontage {
  if (street === undefined) return { streetId: undefined, oddSide: false, setbackMeters: setbackMeters ?? 0 };
  const middle: PlanarPoint = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  return {
    streetId: street.id,
    oddSide: dot(numberingDirection(street.shape, middle), subtract(b, a)) > 0,
    setbackMeters: setbackMeters ?? street.halfWidthMeters,
  };
}

/** Collects the streets of one layout; ids are positions in the list. */
export class StreetRegistry {
  readonly streets: Street[] = [];

  add(street: Omit<Street, 'id'>): Street {
    const created = { ...street, id: this.streets.length };
    this.streets.push(created);
    return created;
  }
}
