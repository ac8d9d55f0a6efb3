import {
  normalizeFootprintPolygon,
  removeClosingAndRepeatedPoints,
  signedRingArea,
  type FootprintPolygon,
  type PlanarPoint,
} from './footprintPolygon';
import { ringSelfIntersects } from './ringSelfIntersection';

/** Rings smaller than this (m²) have no area worth a building: the triangulation drops the same slivers. */
export const MINIMUM_RING_AREA_SQUARE_METERS = 0.01;

/** What is wrong with a footprint: an error skips the building, a warning names a repair. */
export interface FootprintProblem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/** The cleaned, oriented polygon when it is usable, and every problem found on the way. */
export interface FootprintCheck {
  polygon: FootprintPolygon | undefined;
  problems: FootprintProblem[];
}

/**
 * Checks one polygon (rings as read, on the EPSG:25832 plane): at least three distinct points, an area, no
 * self-intersection. A broken outer ring rejects the polygon; a degenerate hole is dropped with a warning, a
 * self-intersecting one rejects the polygon (its courtyard walls would be nonsense). Holes are not checked against
 * the outer ring: that needs a polygon overlay and is left to the triangulation's own checks.
 */
export function checkFootprintPolygon(rings: readonly PlanarPoint[][]): FootprintCheck {
  const problems: FootprintProblem[] = [];
  const [outerRing, ...holeRings] = rings;
  const outer = outerRing === undefined ? undefined : checkRing(outerRing, 'outer ring', problems);
  if (outer === undefined) {
    if (outerRing === undefined) problems.push(error('too-few-points', 'polygon has no rings'));
    return { polygon: undefined, problems };
  }
  const holes: PlanarPoint[][] = [];
  for (const [holeIndex, holeRing] of holeRings.entries()) {
    const before = problems.length;
    const hole = checkRing(holeRing, `hole ${holeIndex + 1}`, problems);
    if (hole !== undefined) {
      holes.push(hole);
      continue;
    }
    const holeProblems = problems.splice(before);
    if (holeProblems.some((problem) => problem.code === 'self-intersecting-ring')) {
      problems.push(...holeProblems);
      return { polygon: undefined, problems };
    }
    // A hole without area changes nothing visible: drop it and say so.
    for (const problem of holeProblems) {
      problems.push({ ...problem, severity: 'warning', message: `${problem.message}; hole dropped` });
    }
  }
  return { polygon: normalizeFootprintPolygon({ outer, holes }), problems };
}

function checkRing(
  ring: readonly PlanarPoint[],
  name: string,
  problems: FootprintProblem[],
): PlanarPoint[] | undefined {
  if (ring.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y))) {
    problems.push(error('invalid-coordinates', `${name} has a coordinate that is not a finite number`));
    return undefined;
  }
  const cleaned = removeClosingAndRepeatedPoints(ring);
  if (cleaned.length < 3) {
    problems.push(error('too-few-points', `${name} has ${cleaned.length} distinct points, needs at least 3`));
    return undefined;
  }
  // A ring folded onto one line is better called "no area" than "crossing"; a symmetric bow-tie has no area
  // either, but it does cross itself.
  const area = Math.abs(signedRingArea(cleaned));
  if (area < MINIMUM_RING_AREA_SQUARE_METERS && isOnOneLine(cleaned)) {
    problems.push(error('zero-area', `${name} encloses ${area.toFixed(4)} m²`));
    return undefined;
  }
  if (ringSelfIntersects(cleaned)) {
    problems.push(error('self-intersecting-ring', `${name} crosses or touches itself`));
    return undefined;
  }
  if (area < MINIMUM_RING_AREA_SQUARE_METERS) {
    problems.push(error('zero-area', `${name} encloses ${area.toFixed(4)} m²`));
    return undefined;
  }
  return cleaned;
}

/** Whether every point lies within a millimetre of the line through the first point and the farthest one. */
function isOnOneLine(ring: readonly PlanarPoint[]): boolean {
  const [ox, oy] = ring[0]!;
  let far = ring[0]!;
  for (const point of ring) {
    if (Math.hypot(point[0] - ox, point[1] - oy) > Math.hypot(far[0] - ox, far[1] - oy)) far = point;
  }
  const length = Math.hypot(far[0] - ox, far[1] - oy);
  if (length === 0) return true;
  return ring.every(
    ([x, y]) => Math.abs((far[0] - ox) * (y - oy) - (far[1] - oy) * (x - ox)) / length < 0.001,
  );
}

function error(code: string, message: string): FootprintProblem {
  return { severity: 'error', code, message };
}
