/**
 * Small plane-geometry tools the generator builds its city with. Polygons are open rings, counter-clockwise
 * (seen from above) unless a function says otherwise; "convex" functions rely on that.
 */
import type { PlanarPoint } from '../footprints/footprintPolygon';

/** A convex polygon whose edges carry data: edge i runs from points[i] to points[i + 1]. */
export interface LabeledPolygon<Label> {
  points: PlanarPoint[];
  labels: Label[];
}

export function add(a: PlanarPoint, b: PlanarPoint): PlanarPoint {
  return [a[0] + b[0], a[1] + b[1]];
}

export function subtract(a: PlanarPoint, b: PlanarPoint): PlanarPoint {
  return [a[0] - b[0], a[1] - b[1]];
}

export function scale(a: PlanarPoint, factor: number): PlanarPoint {
  return [a[0] * factor, a[1] * factor];
}

export function lerp(a: PlanarPoint, b: PlanarPoint, t: number): PlanarPoint {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

export function cross(a: PlanarPoint, b: PlanarPoint): number {
  return a[0] * b[1] - a[1] * b[0];
}

export function dot(a: PlanarPoint, b: PlanarPoint): number {
  return a[0] * b[0] + a[1] * b[1];
}

/** Euclidean distance; Math.sqrt rather than Math.hypot, which is several times slower in V8 and hot here. */
export function distance(a: PlanarPoint, b: PlanarPoint): number {
  const dx = a[0] - b[0];
  const dy = a[1] - b[1];
  return Math.sqrt(dx * dx + dy * dy);
}

/** The unit vector along a → b. */
export function direction(a: PlanarPoint, b: PlanarPoint): PlanarPoint {
  const length = distance(a, b);
  return [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
}

/** The unit normal to the left of a → b: inwards for an edge of a counter-clockwise polygon. */
export function leftNormal(a: PlanarPoint, b: PlanarPoint): PlanarPoint {
  const [dx, dy] = direction(a, b);
  return [-dy, dx];
}

/** Positive when the ring runs counter-clockwise. */
export function signedArea(points: readonly PlanarPoint[]): number {
  let twiceArea = 0;
  const [ox, oy] = points[0]!;
  for (let index = 1; index + 1 < points.length; index++) {
    twiceArea += cross(subtract(points[index]!, [ox, oy]), subtract(points[index + 1]!, [ox, oy]));
  }
  return twiceArea / 2;
}

export function centroid(points: readonly PlanarPoint[]): PlanarPoint {
  const sum = points.reduce<PlanarPoint>((total, point) => add(total, point), [0, 0]);
  return scale(sum, 1 / points.length);
}

/** Whether a counter-clockwise ring turns left (or goes straight) at every corner. */
export function isConvex(points: readonly PlanarPoint[]): boolean {
  if (points.length < 3) return false;
  return points.every((point, index) => {
    const next = points[(index + 1) % points.length]!;
    const afterNext = points[(index + 2) % points.length]!;
    return cross(subtract(next, point), subtract(afterNext, next)) >= -1e-9;
  });
}

/** Signed distance of a point from the line a → b; positive to the left. */
export function sideOfLine(a: PlanarPoint, b: PlanarPoint, point: PlanarPoint): number {
  return cross(direction(a, b), subtract(point, a));
}

/** Whether a point lies inside a convex counter-clockwise polygon, at least `margin` metres from every edge. */
export function isInsideConvex(points: readonly PlanarPoint[], point: PlanarPoint, margin = 0): boolean {
  return points.every(
    (start, index) => sideOfLine(start, points[(index + 1) % points.length]!, point) >= margin,
  );
}

/** Even-odd point-in-polygon for any simple ring, either orientation. */
export function isInsidePolygon(points: readonly PlanarPoint[], [x, y]: PlanarPoint): boolean {
  let inside = false;
  for (let index = 0, previous = points.length - 1; index < points.length; previous = index++) {
    const [xi, yi] = points[index]!;
    const [xj, yj] = points[previous]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Shortest distance from a point to the boundary of a ring. */
export function distanceToBoundary(points: readonly PlanarPoint[], point: PlanarPoint): number {
  let best = Number.POSITIVE_INFINITY;
  points.forEach((start, index) => {
    const end = points[(index + 1) % points.length]!;
    const edge = subtract(end, start);
    const t = Math.max(0, Math.min(1, dot(subtract(point, start), edge) / dot(edge, edge)));
    best = Math.min(best, distance(point, lerp(start, end, t)));
  });
  return best;
}

/**
 * Whether two convex polygons overlap by more than `tolerance` metres (separating axis theorem). Polygons that
 * only share an edge, as neighbouring terraced houses do, do not overlap.
 */
export function convexPolygonsOverlap(
  first: readonly PlanarPoint[],
  second: readonly PlanarPoint[],
  tolerance = 0.01,
): boolean {
  for (const polygon of [first, second]) {
    for (let index = 0; index < polygon.length; index++) {
      const axis = leftNormal(polygon[index]!, polygon[(index + 1) % polygon.length]!);
      const [minFirst, maxFirst] = projectOnAxis(first, axis);
      const [minSecond, maxSecond] = projectOnAxis(second, axis);
      if (Math.min(maxFirst, maxSecond) - Math.max(minFirst, minSecond) <= tolerance) return false;
    }
  }
  return true;
}

function projectOnAxis(points: readonly PlanarPoint[], axis: PlanarPoint): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const point of points) {
    const value = dot(point, axis);
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  return [min, max];
}

/** Where the lines p + s·e and q + t·f meet; undefined when they are (nearly) parallel. */
export function intersectLines(
  p: PlanarPoint,
  e: PlanarPoint,
  q: PlanarPoint,
  f: PlanarPoint,
): PlanarPoint | undefined {
  const denominator = cross(e, f);
  if (Math.abs(denominator) < 1e-9) return undefined;
  return add(p, scale(e, cross(subtract(q, p), f) / denominator));
}
