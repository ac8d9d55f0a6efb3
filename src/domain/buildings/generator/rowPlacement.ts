/**
 * Free-standing rectangular buildings (apartment slabs, halls, institutes, barracks) laid out in rows parallel to
 * a block's longest edge. Rows and the gaps inside them are disjoint by construction; each rectangle must lie
 * inside the block with a margin, so nothing reaches a street or a neighbouring block.
 */
import type { PlanarPoint } from '../footprints/footprintPolygon';
import { add, direction, distance, dot, isInsideConvex, leftNormal, scale, subtract } from './planarGeometry';
import type { SeededRandom } from './seededRandom';

/** Sizes and spacing of the rectangles, each a [minimum, maximum] range in metres. */
export interface RowPlacementOptions {
  lengthMeters: [number, number];
  depthMeters: [number, number];
  /** Distance of the first row from the longest edge. */
  frontSetbackMeters: [number, number];
  rowGapMeters: [number, number];
  gapAlongRowMeters: [number, number];
  /** Minimum distance of every corner from the block's outline. */
  marginMeters: number;
  maximumCount: number;
}

/** Counter-clockwise rectangles in rows; fewer than `maximumCount` when the block is full. */
export function placeRectanglesInRows(
  block: readonly PlanarPoint[],
  options: RowPlacementOptions,
  random: SeededRandom,
): PlanarPoint[][] {
  const [start, end] = longestEdge(block);
  const along = direction(start, end);
  const inward = leftNormal(start, end);
  const alongRange = projectionRange(block, start, along);
  const inwardRange = projectionRange(block, start, inward);
  const rectangles: PlanarPoint[][] = [];
  let rowOffset = random.between(...options.frontSetbackMeters);
  while (rowOffset < inwardRange[1] && rectangles.length < options.maximumCount) {
    const depth = random.between(...options.depthMeters);
    let position = alongRange[0] + options.marginMeters;
    while (position < alongRange[1] && rectangles.length < options.maximumCount) {
      const length = random.between(...options.lengthMeters);
      const placed = [1, 0.6]
        .map((factor) => rectangle(start, along, inward, position, length * factor, rowOffset, depth))
        .find((candidate) =>
          candidate.every((corner) => isInsideConvex(block, corner, options.marginMeters)),
        );
      if (placed === undefined) {
        position += 10;
        continue;
      }
      rectangles.push(placed);
      position += distance(placed[0]!, placed[1]!) + random.between(...options.gapAlongRowMeters);
    }
    rowOffset += depth + random.between(...options.rowGapMeters);
  }
  return rectangles;
}

/** A rectangle of the given size, centred on a point and turned to a direction; counter-clockwise. */
export function rectangleAround(
  centre: PlanarPoint,
  along: PlanarPoint,
  lengthMeters: number,
  depthMeters: number,
): PlanarPoint[] {
  const inward: PlanarPoint = [-along[1], along[0]];
  const origin = add(centre, add(scale(along, -lengthMeters / 2), scale(inward, -depthMeters / 2)));
  return rectangle(origin, along, inward, 0, lengthMeters, 0, depthMeters);
}

function rectangle(
  origin: PlanarPoint,
  along: PlanarPoint,
  inward: PlanarPoint,
  position: number,
  length: number,
  offset: number,
  depth: number,
): PlanarPoint[] {
  const point = (x: number, y: number) => add(origin, add(scale(along, x), scale(inward, y)));
  return [
    point(position, offset),
    point(position + length, offset),
    point(position + length, offset + depth),
    point(position, offset + depth),
  ];
}

function longestEdge(points: readonly PlanarPoint[]): [PlanarPoint, PlanarPoint] {
  let best: [PlanarPoint, PlanarPoint] = [points[0]!, points[1]!];
  points.forEach((point, index) => {
    const next = points[(index + 1) % points.length]!;
    if (distance(point, next) > distance(...best)) best = [point, next];
  });
  return best;
}

function projectionRange(
  points: readonly PlanarPoint[],
  origin: PlanarPoint,
  axis: PlanarPoint,
): [number, number] {
  const values = points.map((point) => dot(subtract(point, origin), axis));
  return [Math.min(...values), Math.max(...values)];
}
