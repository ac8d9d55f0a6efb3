/**
 * What a block becomes (closed rows, villas, slabs, halls, a park…) and the buildings standing on it, each with
 * its profile and the street it faces. Every block draws from its own random sequence.
 */
import type { PlanarPoint } from '../footprints/footprintPolygon';
import { drawBuildingProfile, type BuildingKind, type BuildingProfile } from './buildingProfiles';
import { angleOf } from './cityFrame';
import {
  detachedBlock,
  perimeterBlock,
  terracedBlock,
  type PerimeterOptions,
  type PlacedBuilding,
} from './frontageBuildings';
import { isBuildableFootprint, isNearConversionSite } from './keepOutAreas';
import { CATHEDRAL_WGS84, toPlanar } from './muensterPlaces';
import { OLD_TOWN_EAST_AXIS } from './oldTownLayout';
import { centroid, distanceToBoundary, isInsideConvex } from './planarGeometry';
import { placeRectanglesInRows, rectangleAround, type RowPlacementOptions } from './rowPlacement';
import type { SeededRandom } from './seededRandom';
import type { Block, BlockFrontage, Street } from './streetModel';

/** The character of a block. */
export type BlockKind =
  | 'perimeter'
  | 'terraces'
  | 'detached'
  | 'slabs'
  | 'commercial'
  | 'offices'
  | 'institution'
  | 'barracks'
  | 'cathedral'
  | 'park';

/** A building ready for output: footprint, what it is, and the street of its address. */
export interface GeneratedBuilding extends PlacedBuilding {
  profile: BuildingProfile;
  blockIndex: number;
}

const CATHEDRAL = toPlanar(CATHEDRAL_WGS84.longitudeDegrees, CATHEDRAL_WGS84.latitudeDegrees);
/** Compass sector of the harbour and the commercial estates east of the centre (bearing 60°–130°). */
const EAST_ANGLES: [number, number] = [(-40 * Math.PI) / 180, (30 * Math.PI) / 180];

/** What the blocks are built in: the streets, and where the open land lies. */
export interface BlockContext {
  streets: readonly Street[];
  isOpenLand: (point: PlanarPoint) => boolean;
}

/** Decides a block's character from its zone, its distance and the open land around it. */
export function chooseBlockKind(
  block: Block,
  random: SeededRandom,
  isOpenLand: BlockContext['isOpenLand'],
): BlockKind {
  const middle = centroid(block.polygon.points);
  if (block.zone === 'old-town') {
    if (block.landmark === 'cathedral') return 'cathedral';
    return random.pickWeighted<BlockKind>([
      ['perimeter', 86],
      ['institution', 8],
      ['park', 6],
    ]);
  }
  if (isNearConversionSite(middle)) {
    // Former barracks: a few long blocks left standing, the rest cleared for the new quarter.
    return random.pickWeighted<BlockKind>([
      ['barracks', 40],
      ['park', 60],
    ]);
  }
  if (block.zone === 'city') {
    return random.pickWeighted<BlockKind>([
      ['perimeter', 62],
      ['institution', 10],
      ['slabs', 6],
      ['offices', 4],
      ['park', 18],
    ]);
  }
  if (isOpenLand(middle)) return 'park';
  const angle = angleOf(middle);
  const inEast = angle > EAST_ANGLES[0] + 2 * Math.PI || angle < EAST_ANGLES[1];
  return random.pickWeighted<BlockKind>([
    ['detached', 36],
    ['terraces', 10],
    ['slabs', 8],
    ['commercial', inEast ? 24 : 8],
    ['institution', 3],
    ['park', 6],
  ]);
}

const SLABS: RowPlacementOptions = {
  lengthMeters: [30, 60],
  depthMeters: [10, 12.5],
  frontSetbackMeters: [6, 10],
  rowGapMeters: [18, 30],
  gapAlongRowMeters: [12, 20],
  marginMeters: 5,
  maximumCount: 12,
};
const HALLS: RowPlacementOptions = {
  lengthMeters: [40, 100],
  depthMeters: [25, 55],
  frontSetbackMeters: [8, 15],
  rowGapMeters: [15, 25],
  gapAlongRowMeters: [12, 20],
  marginMeters: 4,
  maximumCount: 4,
};
const INSTITUTES: RowPlacementOptions = {
  ...SLABS,
  lengthMeters: [30, 70],
  depthMeters: [14, 24],
  maximumCount: 5,
};
const BARRACKS: RowPlacementOptions = {
  ...SLABS,
  lengthMeters: [45, 80],
  depthMeters: [12, 14],
  maximumCount: 4,
};

/** The buildings of one block that may stand where they are (off the lake, clear of the places). */
export function buildBlock(block: Block, context: BlockContext, random: SeededRandom): GeneratedBuilding[] {
  const kind = chooseBlockKind(block, random, context.isOpenLand);
  return placeBuildings(block, kind, context.streets, random)
    .filter((building) => isBuildableFootprint(building.footprint))
    .map((building) => ({
      ...building,
      profile: drawBuildingProfile(building.kind, random),
      blockIndex: block.index,
    }));
}

function placeBuildings(
  block: Block,
  kind: BlockKind,
  streets: readonly Street[],
  random: SeededRandom,
): PlacedBuilding[] {
  const { polygon } = block;
  const free = (options: RowPlacementOptions, buildingKind: BuildingKind) =>
    placeRectanglesInRows(polygon.points, options, random).map((footprint) => ({
      footprint,
      kind: buildingKind,
      frontage: nearestFrontage(polygon.points, polygon.labels, footprint),
    }));
  switch (kind) {
    case 'perimeter': {
      const onMarket = (frontage: BlockFrontage) =>
        streets[frontage.streetId ?? -1]?.fixedName === 'Prinzipalmarkt';
      const options: PerimeterOptions =
        block.zone === 'old-town'
          ? {
              depthMeters: random.between(12, 17),
              widthMeters: [7, 12],
              vacancy: 0.02,
              kindOf: (frontage) => (onMarket(frontage) ? 'market-house' : 'old-town-house'),
            }
          : {
              depthMeters: random.between(12, 15),
              widthMeters: [14, 24],
              vacancy: 0.08,
              kindOf: () => 'city-house',
            };
      return perimeterBlock(polygon, options, random);
    }
    case 'terraces':
      return terracedBlock(polygon, random);
    case 'detached':
      return detachedBlock(polygon, random);
    case 'slabs':
      return free(SLABS, 'apartment-slab');
    case 'commercial':
      return free(HALLS, 'commercial-hall');
    case 'offices':
      return free(INSTITUTES, 'office');
    case 'institution':
      return free(INSTITUTES, 'institution');
    case 'barracks':
      return free(BARRACKS, 'barracks');
    case 'cathedral':
      return cathedral(polygon.points, polygon.labels);
    case 'park':
      return [];
  }
}

/** The cathedral: a long nave turned east like the old-town grid, as large as the Domplatz allows. */
function cathedral(points: readonly PlanarPoint[], labels: readonly BlockFrontage[]): PlacedBuilding[] {
  for (const size of [1, 0.85, 0.7, 0.55]) {
    for (const centre of [CATHEDRAL, centroid(points)]) {
      const footprint = rectangleAround(centre, OLD_TOWN_EAST_AXIS, 90 * size, 28 * size);
      if (footprint.every((corner) => isInsideConvex(points, corner, 3))) {
        return [{ footprint, kind: 'cathedral', frontage: nearestFrontage(points, labels, footprint) }];
      }
    }
  }
  return [];
}

/** The street frontage of the block edge nearest to a footprint's centre. */
function nearestFrontage(
  points: readonly PlanarPoint[],
  labels: readonly BlockFrontage[],
  footprint: readonly PlanarPoint[],
): BlockFrontage {
  const middle = centroid(footprint);
  let best = labels[0]!;
  let bestDistance = Number.POSITIVE_INFINITY;
  labels.forEach((frontage, edge) => {
    if (frontage.streetId === undefined) return;
    const edgeDistance = distanceToBoundary([points[edge]!, points[(edge + 1) % points.length]!], middle);
    if (edgeDistance < bestDistance) [best, bestDistance] = [frontage, edgeDistance];
  });
  return best;
}
