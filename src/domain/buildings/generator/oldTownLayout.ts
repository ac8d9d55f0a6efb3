/**
 * The old town inside the Promenade: a mildly irregular grid of short streets, one of them the Prinzipalmarkt
 * running north–south through the city centre, with every block cut to the inner edge of the Promenade.
 */
import type { PlanarPoint } from '../footprints/footprintPolygon';
import { LAYOUT_CENTRE, PROMENADE_HALF_WIDTH_METERS, pointAround, promenadeRadius } from './cityFrame';
import { clipByHalfPlane, insetConvexPolygonCuttingCorners } from './labeledPolygonOperations';
import { CATHEDRAL_WGS84, CITY_CENTRE, toPlanar } from './muensterPlaces';
import { add, dot, isConvex, scale, signedArea, subtract, type LabeledPolygon } from './planarGeometry';
import type { SeededRandom } from './seededRandom';
import { frontageOf, type Block, type BlockFrontage, type Street, type StreetRegistry } from './streetModel';

/** The grid turns a little from north, as old streets do; the Prinzipalmarkt runs along its second axis. */
const GRID_ROTATION_RADIANS = (8 * Math.PI) / 180;
const U_AXIS: PlanarPoint = [Math.cos(GRID_ROTATION_RADIANS), Math.sin(GRID_ROTATION_RADIANS)];
/** The old town's east–west axis; the cathedral's nave follows it. */
export const OLD_TOWN_EAST_AXIS = U_AXIS;
const V_AXIS: PlanarPoint = [-Math.sin(GRID_ROTATION_RADIANS), Math.cos(GRID_ROTATION_RADIANS)];
const GRID_EXTENT_METERS = 950;
const PROMENADE_SECTORS = 6;
const CLIP_POLYGON_CORNERS = 96;
/** Blocks smaller than this (m²) after insetting are squares or alleys, not building land. */
const SMALLEST_BLOCK_SQUARE_METERS = 500;
const CATHEDRAL = toPlanar(CATHEDRAL_WGS84.longitudeDegrees, CATHEDRAL_WGS84.latitudeDegrees);

/** Positions of grid lines along one axis, from `firstOffset` outwards both ways, irregularly spaced. */
function gridLines(random: SeededRandom, firstOffset: number, minimum: number, maximum: number): number[] {
  const lines = [firstOffset];
  while (lines[lines.length - 1]! < GRID_EXTENT_METERS) {
    lines.push(lines[lines.length - 1]! + random.between(minimum, maximum));
  }
  while (lines[0]! > -GRID_EXTENT_METERS) lines.unshift(lines[0]! - random.between(minimum, maximum));
  return lines;
}

function gridPoint(u: number, v: number): PlanarPoint {
  return add(CITY_CENTRE, add(scale(U_AXIS, u), scale(V_AXIS, v)));
}

/**
 * Splits a grid line into streets of two to four blocks each. The line through the city centre is named
 * Prinzipalmarkt where it passes the centre (it is a wide market street, so it keeps a wider gap).
 */
function streetsAlongLine(
  random: SeededRandom,
  registry: StreetRegistry,
  cellCount: number,
  origin: PlanarPoint,
  direction: PlanarPoint,
  centreCell: number | undefined,
): Street[] {
  const byCell: Street[] = [];
  while (byCell.length < cellCount) {
    const length = random.integer(2, 4);
    const containsCentre =
      centreCell !== undefined && centreCell >= byCell.length && centreCell < byCell.length + length;
    const street = registry.add({
      shape: { kind: 'straight', origin, direction },
      fixedName: containsCentre ? 'Prinzipalmarkt' : undefined,
      inOldTown: true,
      halfWidthMeters: containsCentre ? 9 : random.between(3.5, 5),
    });
    for (let cell = 0; cell < length && byCell.length < cellCount; cell++) byCell.push(street);
  }
  return byCell;
}

/** A grid corner by column and row. */
type GridCorner = [column: number, row: number];

/** A block's outline as grid corners, counter-clockwise, and whether the cathedral stands on it. */
interface CellOutline {
  corners: GridCorner[];
  isCathedral: boolean;
}

/** The four corners of one grid cell, counter-clockwise. */
function singleCell(column: number, row: number): GridCorner[] {
  return [
    [column, row],
    [column + 1, row],
    [column + 1, row + 1],
    [column, row + 1],
  ];
}

/** Two cells side by side (`right`) or one above the other (`up`), without the street between them. */
function pairedCells(column: number, row: number, towards: 'right' | 'up'): GridCorner[] {
  if (towards === 'right') {
    return [
      [column, row],
      [column + 1, row],
      [column + 2, row],
      [column + 2, row + 1],
      [column + 1, row + 1],
      [column, row + 1],
    ];
  }
  return [
    [column, row],
    [column + 1, row],
    [column + 1, row + 1],
    [column + 1, row + 2],
    [column, row + 2],
    [column, row + 1],
  ];
}

/**
 * The outlines of the blocks: single cells, and pairs of cells where a short street was left out (about one cell
 * in four), so the grid looks less like a chessboard. The cathedral's cell always joins a neighbour to make room
 * for the Domplatz; the Prinzipalmarkt is never left out.
 */
function cellOutlines(random: SeededRandom, us: number[], vs: number[], centreColumn: number): CellOutline[] {
  const [domU, domV] = gridCoordinates(CATHEDRAL);
  const domColumn = us.findIndex((u, column) => u <= domU && domU < (us[column + 1] ?? -Infinity));
  const domRow = vs.findIndex((v, row) => v <= domV && domV < (vs[row + 1] ?? -Infinity));
  const consumed = new Set<string>();
  const outlines: CellOutline[] = [];
  for (let column = 0; column + 1 < us.length; column++) {
    for (let row = 0; row + 1 < vs.length; row++) {
      if (consumed.has(`${column},${row}`)) continue;
      const isCathedral = column === domColumn && row === domRow;
      const canJoinRight =
        column + 2 < us.length && column + 1 !== centreColumn && !consumed.has(`${column + 1},${row}`);
      const draw = random.next();
      let corners = singleCell(column, row);
      if (canJoinRight && (isCathedral || draw < 0.13)) {
        consumed.add(`${column + 1},${row}`);
        corners = pairedCells(column, row, 'right');
      } else if (
        row + 2 < vs.length &&
        !consumed.has(`${column},${row + 1}`) &&
        (isCathedral || draw < 0.26)
      ) {
        consumed.add(`${column},${row + 1}`);
        corners = pairedCells(column, row, 'up');
      }
      outlines.push({ corners, isCathedral });
    }
  }
  return outlines;
}

/** The two single cells of a pair; the cathedral, if any, stays on the first. */
function splitPair({ corners, isCathedral }: CellOutline): CellOutline[] {
  const [column, row] = corners[0]!;
  const joinedRight = corners[2]![1] === row;
  return [
    { corners: singleCell(column, row), isCathedral },
    { corners: joinedRight ? singleCell(column + 1, row) : singleCell(column, row + 1), isCathedral: false },
  ];
}

/** A point's position in the grid's (u, v) frame around the Prinzipalmarkt. */
function gridCoordinates(point: PlanarPoint): [number, number] {
  const offset = subtract(point, CITY_CENTRE);
  return [dot(offset, U_AXIS), dot(offset, V_AXIS)];
}

/** Lays out the old town's streets and blocks; returns blocks numbered from `firstIndex`. */
export function layoutOldTown(random: SeededRandom, registry: StreetRegistry, firstIndex: number): Block[] {
  const us = gridLines(random, 0, 75, 110);
  // The Prinzipalmarkt point lies mid-block along the street, not on a crossing.
  const vs = gridLines(random, -random.between(25, 40), 65, 100);
  const centreColumn = us.indexOf(0);
  const corners = us.map((u, column) =>
    vs.map((v) =>
      gridPoint(u + (column === centreColumn ? 0 : random.between(-9, 9)), v + random.between(-9, 9)),
    ),
  );
  const centreRow = vs.findIndex((v, row) => v < 0 && (vs[row + 1] ?? 0) > 0);
  const alongV = us.map((u, column) =>
    streetsAlongLine(
      random,
      registry,
      vs.length - 1,
      gridPoint(u, 0),
      V_AXIS,
      column === centreColumn ? centreRow : undefined,
    ),
  );
  const alongU = vs.map((v) =>
    streetsAlongLine(random, registry, us.length - 1, gridPoint(0, v), U_AXIS, undefined),
  );
  const promenadeStreets = Array.from({ length: PROMENADE_SECTORS }, (_, sector) =>
    registry.add({
      shape: {
        kind: 'ring',
        centre: LAYOUT_CENTRE,
        startAngleRadians: (sector * 2 * Math.PI) / PROMENADE_SECTORS,
      },
      inOldTown: true,
      halfWidthMeters: 6,
    }),
  );
  const clipCorners = Array.from({ length: CLIP_POLYGON_CORNERS }, (_, corner) => {
    const angle = (corner * 2 * Math.PI) / CLIP_POLYGON_CORNERS;
    return pointAround(angle, promenadeRadius(angle) - PROMENADE_HALF_WIDTH_METERS);
  });

  const pointOf = ([column, row]: GridCorner) => corners[column]![row]!;
  // Jittered corners can make a pair of cells concave where they meet: then they stay two blocks.
  const cells = cellOutlines(random, us, vs, centreColumn).flatMap((cell) =>
    isConvex(cell.corners.map(pointOf)) ? [cell] : splitPair(cell),
  );
  const blocks: Block[] = [];
  for (const { corners: outline, isCathedral } of cells) {
    const points = outline.map(pointOf);
    const labels = outline.map(([column, row], corner) => {
      const [nextColumn, nextRow] = outline[(corner + 1) % outline.length]!;
      const street =
        column === nextColumn
          ? alongV[column]![Math.min(row, nextRow)]!
          : alongU[row]![Math.min(column, nextColumn)]!;
      return frontageOf(street, points[corner]!, points[(corner + 1) % points.length]!);
    });
    let polygon: LabeledPolygon<BlockFrontage> = { points, labels };
    clipCorners.forEach((start, corner) => {
      if (polygon.points.length < 3) return;
      const end = clipCorners[(corner + 1) % CLIP_POLYGON_CORNERS]!;
      const sector = Math.floor((corner / CLIP_POLYGON_CORNERS) * PROMENADE_SECTORS);
      polygon = clipByHalfPlane(polygon, start, end, frontageOf(promenadeStreets[sector], start, end));
    });
    if (polygon.points.length < 3) continue;
    const block = insetConvexPolygonCuttingCorners(polygon, (frontage) => frontage.setbackMeters)?.inset;
    if (block === undefined || signedArea(block.points) < SMALLEST_BLOCK_SQUARE_METERS) continue;
    const landmark = isCathedral ? 'cathedral' : undefined;
    blocks.push({ index: firstIndex + blocks.length, zone: 'old-town', polygon: block, landmark });
  }
  return blocks;
}
