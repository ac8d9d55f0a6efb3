/**
 * Residential lanes through large suburban blocks: the ring-and-radial grid leaves blocks of 200 m and more,
 * which real suburbs open up with a lane through the middle, lined with houses on both sides.
 */
import { clipByHalfPlane, insetConvexPolygonCuttingCorners } from './labeledPolygonOperations';
import {
  add,
  direction,
  distance,
  dot,
  leftNormal,
  scale,
  subtract,
  type LabeledPolygon,
} from './planarGeometry';
import type { SeededRandom } from './seededRandom';
import { frontageOf, type BlockFrontage, type StreetRegistry } from './streetModel';

/** Blocks deeper than this (m, across their longest edge) get a lane. */
const DEEPEST_BLOCK_WITHOUT_LANE_METERS = 130;
const LANE_HALF_WIDTH_METERS = 4;

/**
 * Splits a block along a lane parallel to its longest edge, roughly through the middle. Returns the halves
 * (already pulled back from the lane), or the block unchanged when it is shallow enough.
 */
export function splitWithLane(
  block: LabeledPolygon<BlockFrontage>,
  registry: StreetRegistry,
  random: SeededRandom,
): LabeledPolygon<BlockFrontage>[] {
  const { points } = block;
  let start = points[0]!;
  let end = points[1]!;
  points.forEach((point, index) => {
    const next = points[(index + 1) % points.length]!;
    if (distance(point, next) > distance(start, end)) [start, end] = [point, next];
  });
  const inward = leftNormal(start, end);
  const depth = Math.max(...points.map((point) => dot(subtract(point, start), inward)));
  if (depth < DEEPEST_BLOCK_WITHOUT_LANE_METERS) return [block];

  const along = direction(start, end);
  const laneOrigin = add(start, scale(inward, depth * random.between(0.42, 0.58)));
  const laneEnd = add(laneOrigin, along);
  const lane = registry.add({
    shape: { kind: 'straight', origin: laneOrigin, direction: along },
    inOldTown: false,
    halfWidthMeters: LANE_HALF_WIDTH_METERS,
  });
  // Each half keeps the side of the lane away from the other; the lane edge is the only one pulled back.
  const halves = [
    clipByHalfPlane(block, laneEnd, laneOrigin, frontageOf(lane, laneEnd, laneOrigin)),
    clipByHalfPlane(block, laneOrigin, laneEnd, frontageOf(lane, laneOrigin, laneEnd)),
  ];
  return halves.flatMap((half) => {
    if (half.points.length < 3) return [];
    const inset = insetConvexPolygonCuttingCorners(half, (label) =>
      label.streetId === lane.id ? LANE_HALF_WIDTH_METERS : 0,
    )?.inset;
    return inset === undefined ? [] : [inset];
  });
}
