/**
 * Distances on the EPSG:25832 plane (metres) between segments, points and polygon rings. A ring is a flat
 * Float64Array [x0, y0, x1, y1, …] without a closing point.
 */

/** How far a point is from a segment and where on it (t = 0 at a, 1 at b) the closest point lies. */
export interface SegmentPointDistance {
  distance: number;
  t: number;
}

export function pointSegmentDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): SegmentPointDistance {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  let t = lengthSquared === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSquared;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  return { distance: Math.hypot(px - ax - t * dx, py - ay - t * dy), t };
}

/** The shortest distance between segments a–b and c–d, with the parameters of the closest points on each. */
export interface SegmentSegmentDistance {
  distance: number;
  /** On a–b. */
  t: number;
  /** On c–d. */
  u: number;
}

export function segmentSegmentDistance(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): SegmentSegmentDistance {
  const rx = bx - ax;
  const ry = by - ay;
  const sx = dx - cx;
  const sy = dy - cy;
  const denominator = rx * sy - ry * sx;
  if (denominator !== 0) {
    const qx = cx - ax;
    const qy = cy - ay;
    const t = (qx * sy - qy * sx) / denominator;
    const u = (qx * ry - qy * rx) / denominator;
    if (t >= 0 && t <= 1 && u >= 0 && u <= 1) return { distance: 0, t, u };
  }
  // No crossing: the closest pair involves an end point of one segment.
  const fromC = pointSegmentDistance(cx, cy, ax, ay, bx, by);
  let best: SegmentSegmentDistance = { distance: fromC.distance, t: fromC.t, u: 0 };
  const fromD = pointSegmentDistance(dx, dy, ax, ay, bx, by);
  if (fromD.distance < best.distance) best = { distance: fromD.distance, t: fromD.t, u: 1 };
  const fromA = pointSegmentDistance(ax, ay, cx, cy, dx, dy);
  if (fromA.distance < best.distance) best = { distance: fromA.distance, t: 0, u: fromA.t };
  const fromB = pointSegmentDistance(bx, by, cx, cy, dx, dy);
  if (fromB.distance < best.distance) best = { distance: fromB.distance, t: 1, u: fromB.t };
  return best;
}

/** Whether a point lies inside a ring (even-odd rule; a point on the boundary may go either way). */
export function isPointInRing(px: number, py: number, ring: Float64Array): boolean {
  let inside = false;
  const count = ring.length / 2;
  for (let i = 0, j = count - 1; i < count; j = i++) {
    const xi = ring[2 * i]!;
    const yi = ring[2 * i + 1]!;
    const xj = ring[2 * j]!;
    const yj = ring[2 * j + 1]!;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The shortest distance between a segment and a polygon (0 when it crosses or lies inside), with where. */
export interface SegmentRingDistance {
  distance: number;
  /** On the segment. */
  t: number;
  /** The closest point of the polygon (on the segment itself when the distance is 0). */
  x: number;
  y: number;
}

export function segmentRingDistance(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  ring: Float64Array,
): SegmentRingDistance {
  if (isPointInRing(ax, ay, ring)) return { distance: 0, t: 0, x: ax, y: ay };
  const count = ring.length / 2;
  let best: SegmentRingDistance = { distance: Number.POSITIVE_INFINITY, t: 0, x: ax, y: ay };
  for (let i = 0; i < count; i++) {
    const j = i + 1 === count ? 0 : i + 1;
    const cx = ring[2 * i]!;
    const cy = ring[2 * i + 1]!;
    const dx = ring[2 * j]!;
    const dy = ring[2 * j + 1]!;
    const result = segmentSegmentDistance(ax, ay, bx, by, cx, cy, dx, dy);
    // Prefer the crossing nearest the segment's start: where the segment enters the polygon.
    if (result.distance < best.distance || (result.distance === 0 && result.t < best.t)) {
      best = {
        distance: result.distance,
        t: result.t,
        x: cx + (dx - cx) * result.u,
        y: cy + (dy - cy) * result.u,
      };
    }
  }
  return best;
}

/** Area of a ring, square metres (always positive). */
export function ringArea(ring: Float64Array): number {
  let twiceArea = 0;
  const count = ring.length / 2;
  for (let i = 0, j = count - 1; i < count; j = i++) {
    twiceArea += ring[2 * j]! * ring[2 * i + 1]! - ring[2 * i]! * ring[2 * j + 1]!;
  }
  return Math.abs(twiceArea) / 2;
}

/** Bounding box [minX, minY, maxX, maxY] of a ring. */
export function ringBounds(ring: Float64Array): [number, number, number, number] {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < ring.length; index += 2) {
    minX = Math.min(minX, ring[index]!);
    maxX = Math.max(maxX, ring[index]!);
    minY = Math.min(minY, ring[index + 1]!);
    maxY = Math.max(maxY, ring[index + 1]!);
  }
  return [minX, minY, maxX, maxY];
}

/** Whether two bounding boxes [minX, minY, maxX, maxY] are more than `margin` apart. */
export function boundsApart(
  a: readonly [number, number, number, number],
  b: readonly [number, number, number, number],
  margin: number,
): boolean {
  return a[0] - margin > b[2] || b[0] > a[2] + margin || a[1] - margin > b[3] || b[1] > a[3] + margin;
}

/** The convex hull of points given as a flat [x, y, …] array, counter-clockwise, as a ring (Andrew's monotone chain). */
export function convexHull(coordinates: ArrayLike<number>, stride = 2): Float64Array {
  const points: [number, number][] = [];
  for (let index = 0; index + 1 < coordinates.length; index += stride)
    points.push([coordinates[index]!, coordinates[index + 1]!]);
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (points.length < 3) return Float64Array.from(points.flat());
  const cross = (o: [number, number], a: [number, number], b: [number, number]) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [];
  for (const point of points) {
    while (lower.length >= 2 && cross(lower.at(-2)!, lower.at(-1)!, point) <= 0) lower.pop();
    lower.push(point);
  }
  const upper: [number, number][] = [];
  for (const point of points.toReversed()) {
    while (upper.length >= 2 && cross(upper.at(-2)!, upper.at(-1)!, point) <= 0) upper.pop();
    upper.push(point);
  }
  return Float64Array.from([...lower.slice(0, -1), ...upper.slice(0, -1)].flat());
}
