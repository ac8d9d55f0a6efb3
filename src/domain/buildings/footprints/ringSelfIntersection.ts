import { segmentsIntersectAt } from '../../geo/segmentIntersection';
import type { PlanarPoint } from './footprintPolygon';

/**
 * Whether an open ring (no closing point) crosses or touches itself: two non-adjacent edges meet, or an edge
 * doubles back over its neighbour (a spike). Edges are swept in order of their west end, so long rings cost
 * about n log n rather than n² (a ring of a few hundred points takes well under a millisecond).
 */
export function ringSelfIntersects(ring: readonly PlanarPoint[]): boolean {
  const count = ring.length;
  if (count < 3) return false;
  // Relative to the first point, so the orientation products keep their precision at UTM magnitudes.
  const [originX, originY] = ring[0]!;
  const xs = ring.map((point) => point[0] - originX);
  const ys = ring.map((point) => point[1] - originY);
  // Each edge's west and east x, computed once (no closures: tsx names each on creation, per call).
  const minXs = new Float64Array(count);
  const maxXs = new Float64Array(count);
  for (let edge = 0; edge < count; edge++) {
    const startX = xs[edge]!;
    const endX = xs[(edge + 1) % count]!;
    minXs[edge] = Math.min(startX, endX);
    maxXs[edge] = Math.max(startX, endX);
  }
  const edgeOrder = Array.from({ length: count }, (_, edge) => edge);
  edgeOrder.sort((a, b) => minXs[a]! - minXs[b]!);

  for (let position = 0; position < count; position++) {
    const first = edgeOrder[position]!;
    const firstMaxX = maxXs[first]!;
    for (let next = position + 1; next < count; next++) {
      const second = edgeOrder[next]!;
      if (minXs[second]! > firstMaxX) break;
      if (edgesMeet(xs, ys, first, second)) return true;
    }
  }
  return false;
}

function edgesMeet(xs: readonly number[], ys: readonly number[], first: number, second: number): boolean {
  const count = xs.length;
  const a = first;
  const b = (first + 1) % count;
  const c = second;
  const d = (second + 1) % count;
  if (b === c) return doublesBack(xs, ys, a, b, d);
  if (d === a) return doublesBack(xs, ys, c, a, b);
  return segmentsIntersectAt(xs[a]!, ys[a]!, xs[b]!, ys[b]!, xs[c]!, ys[c]!, xs[d]!, ys[d]!, true);
}

/** Edges p→q and q→r share q; they overlap only if r lies back along the line towards p. */
function doublesBack(xs: readonly number[], ys: readonly number[], p: number, q: number, r: number): boolean {
  const ux = xs[q]! - xs[p]!;
  const uy = ys[q]! - ys[p]!;
  const vx = xs[r]! - xs[q]!;
  const vy = ys[r]! - ys[q]!;
  const cross = ux * vy - uy * vx;
  const dot = ux * vx + uy * vy;
  const scale = Math.hypot(ux, uy) * Math.hypot(vx, vy);
  return dot < 0 && Math.abs(cross) <= 1e-12 * scale;
}
