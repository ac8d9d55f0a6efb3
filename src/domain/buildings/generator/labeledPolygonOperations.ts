/**
 * Clipping and insetting of convex polygons whose edges carry labels (which street runs along them), so a block
 * still knows its streets after it was cut to the Promenade and pulled back from the kerbs.
 */
import type { PlanarPoint } from '../footprints/footprintPolygon';
import {
  add,
  direction,
  distance,
  dot,
  intersectLines,
  isConvex,
  leftNormal,
  lerp,
  scale,
  signedArea,
  subtract,
  type LabeledPolygon,
} from './planarGeometry';

/** Edges shorter than this are artefacts of clipping, not streets. */
const SHORTEST_EDGE_METERS = 0.05;

/**
 * Keeps the part of a convex polygon left of the directed line a → b (Sutherland–Hodgman for one half-plane).
 * Surviving edges keep their labels; the new edge along the line gets `lineLabel`.
 */
export function clipByHalfPlane<Label>(
  polygon: LabeledPolygon<Label>,
  a: PlanarPoint,
  b: PlanarPoint,
  lineLabel: Label,
): LabeledPolygon<Label> {
  const points: PlanarPoint[] = [];
  const labels: Label[] = [];
  const count = polygon.points.length;
  const [unitX, unitY] = direction(a, b);
  const side = (point: PlanarPoint) => unitX * (point[1] - a[1]) - unitY * (point[0] - a[0]);
  if (polygon.points.every((point) => side(point) >= 0)) return polygon;
  for (let index = 0; index < count; index++) {
    const start = polygon.points[index]!;
    const end = polygon.points[(index + 1) % count]!;
    const label = polygon.labels[index]!;
    const startSide = side(start);
    const endSide = side(end);
    if (startSide >= 0) {
      points.push(start);
      labels.push(label);
    }
    if (startSide >= 0 !== endSide >= 0) {
      points.push(lerp(start, end, startSide / (startSide - endSide)));
      // Leaving the half-plane, the boundary continues along the line; entering, along the old edge.
      labels.push(startSide >= 0 ? lineLabel : label);
    }
  }
  return withoutShortEdges({ points, labels });
}

/** Drops edges too short to matter, keeping the label of the edge that follows. */
function withoutShortEdges<Label>(polygon: LabeledPolygon<Label>): LabeledPolygon<Label> {
  const points: PlanarPoint[] = [];
  const labels: Label[] = [];
  const count = polygon.points.length;
  for (let index = 0; index < count; index++) {
    const next = polygon.points[(index + 1) % count]!;
    if (distance(polygon.points[index]!, next) >= SHORTEST_EDGE_METERS) {
      points.push(polygon.points[index]!);
      labels.push(polygon.labels[index]!);
    }
  }
  return { points, labels };
}

/**
 * Moves every edge of a convex counter-clockwise polygon inwards by its own distance (a street's half-width, or
 * a building depth). Undefined when an edge would vanish or flip: the polygon is too small for these distances.
 */
export function insetConvexPolygon<Label>(
  polygon: LabeledPolygon<Label>,
  distances: readonly number[],
): LabeledPolygon<Label> | undefined {
  const { points } = polygon;
  const count = points.length;
  if (count < 3) return undefined;
  const offsetLines = points.map((start, index) => {
    const end = points[(index + 1) % count]!;
    return {
      origin: add(start, scale(leftNormal(start, end), distances[index]!)),
      along: direction(start, end),
    };
  });
  const inset: PlanarPoint[] = [];
  for (let index = 0; index < count; index++) {
    const previous = offsetLines[(index + count - 1) % count]!;
    const current = offsetLines[index]!;
    const corner = intersectLines(previous.origin, previous.along, current.origin, current.along);
    if (corner === undefined) return undefined;
    inset.push(corner);
  }
  for (let index = 0; index < count; index++) {
    const edge = subtract(inset[(index + 1) % count]!, inset[index]!);
    if (dot(edge, offsetLines[index]!.along) <= SHORTEST_EDGE_METERS) return undefined;
  }
  if (!isConvex(inset) || signedArea(inset) <= 0) return undefined;
  return { points: inset, labels: polygon.labels.slice() };
}

/**
 * Insets like {@link insetConvexPolygon}; when a short edge vanishes, cuts off the corner that costs least area
 * and tries again. Cutting corners only shrinks a convex polygon, so the result stays inside the original.
 * Returns the (possibly cut) outline with its inset: they correspond edge by edge.
 */
export function insetConvexPolygonCuttingCorners<Label>(
  polygon: LabeledPolygon<Label>,
  distanceOfEdge: (label: Label) => number,
): { outline: LabeledPolygon<Label>; inset: LabeledPolygon<Label> } | undefined {
  let outline = polygon;
  while (outline.points.length >= 3) {
    const inset = insetConvexPolygon(outline, outline.labels.map(distanceOfEdge));
    if (inset !== undefined) return { outline, inset };
    outline = withoutCheapestCorner(outline);
  }
  return undefined;
}

/** Removes the vertex whose removal loses the least area; the merged edge keeps the longer edge's label. */
function withoutCheapestCorner<Label>(polygon: LabeledPolygon<Label>): LabeledPolygon<Label> {
  const { points, labels } = polygon;
  const count = points.length;
  let cheapest = 0;
  let cheapestArea = Number.POSITIVE_INFINITY;
  for (let index = 0; index < count; index++) {
    const previous = points[(index + count - 1) % count]!;
    const next = points[(index + 1) % count]!;
    const area = Math.abs(signedArea([previous, points[index]!, next]));
    if (area < cheapestArea) [cheapest, cheapestArea] = [index, area];
  }
  const before = (cheapest + count - 1) % count;
  const incomingLength = distance(points[before]!, points[cheapest]!);
  const outgoingLength = distance(points[cheapest]!, points[(cheapest + 1) % count]!);
  const mergedLabel = incomingLength >= outgoingLength ? labels[before]! : labels[cheapest]!;
  const keptPoints = points.filter((_, index) => index !== cheapest);
  const keptLabels = labels.filter((_, index) => index !== cheapest);
  keptLabels[cheapest === 0 ? keptLabels.length - 1 : before] = mergedLabel;
  return { points: keptPoints, labels: keptLabels };
}
