/**
 * Buildings along a block's streets. The strip between the block outline and its inset is cut into parcels;
 * parcels of one strip share their side lines and the strips of two edges meet on the corner's diagonal, so
 * parcels never overlap, and every building stays inside its parcel.
 */
import type { PlanarPoint } from '../footprints/footprintPolygon';
import type { BuildingKind } from './buildingProfiles';
import { insetConvexPolygonCuttingCorners } from './labeledPolygonOperations';
import {
  add,
  direction,
  distance,
  isInsideConvex,
  leftNormal,
  lerp,
  scale,
  signedArea,
  type LabeledPolygon,
} from './planarGeometry';
import type { SeededRandom } from './seededRandom';
import type { BlockFrontage } from './streetModel';

/** A block without room for a courtyard becomes one building only up to this size (m²). */
const SINGLE_BUILDING_BLOCK_SQUARE_METERS = 2500;

/** A footprint (convex, counter-clockwise) with its kind and the street it faces. */
export interface PlacedBuilding {
  footprint: PlanarPoint[];
  kind: BuildingKind;
  frontage: BlockFrontage;
}

/** One parcel of a street strip: its front on the block edge and its back on the inset edge. */
interface Parcel {
  front: [PlanarPoint, PlanarPoint];
  back: [PlanarPoint, PlanarPoint];
  frontage: BlockFrontage;
  /** Position of the parcel along its edge, 0-based, and the edge's parcel count. */
  position: number;
  count: number;
}

/** Cuts the strip along every street edge into parcels of about the given widths; none when too small. */
function frontageParcels(
  block: LabeledPolygon<BlockFrontage>,
  depthMeters: number,
  widthMeters: [number, number],
  random: SeededRandom,
): Parcel[] {
  const cut = insetConvexPolygonCuttingCorners(block, () => depthMeters);
  if (cut === undefined) return [];
  const { outline, inset } = cut;
  const parcels: Parcel[] = [];
  const count = outline.points.length;
  for (let edge = 0; edge < count; edge++) {
    const frontage = outline.labels[edge]!;
    if (frontage.streetId === undefined) continue;
    const [a, b] = [outline.points[edge]!, outline.points[(edge + 1) % count]!];
    const [innerA, innerB] = [inset.points[edge]!, inset.points[(edge + 1) % count]!];
    const widths = parcelWidths(distance(a, b), widthMeters, random);
    let start = 0;
    widths.forEach((width, position) => {
      const [t0, t1] = [start, start + width];
      start = t1;
      parcels.push({
        front: [lerp(a, b, t0), lerp(a, b, t1)],
        back: [lerp(innerA, innerB, t0), lerp(innerA, innerB, t1)],
        frontage,
        position,
        count: widths.length,
      });
    });
  }
  return parcels;
}

/** Parcel widths as fractions of the edge, drawn from the range and scaled to fill it exactly. */
function parcelWidths(
  edgeLength: number,
  [minimum, maximum]: [number, number],
  random: SeededRandom,
): number[] {
  const count = Math.max(1, Math.round(edgeLength / ((minimum + maximum) / 2)));
  const raw = Array.from({ length: count }, () => random.between(minimum, maximum));
  const total = raw.reduce((sum, width) => sum + width, 0);
  return raw.map((width) => width / total);
}

/** The part of a parcel between two depth fractions (0 = street edge, 1 = back line). */
function parcelBand(parcel: Parcel, from: number, to: number): PlanarPoint[] {
  const [frontStart, frontEnd] = parcel.front;
  const [backStart, backEnd] = parcel.back;
  return [
    lerp(frontStart, backStart, from),
    lerp(frontEnd, backEnd, from),
    lerp(frontEnd, backEnd, to),
    lerp(frontStart, backStart, to),
  ];
}

/** How closed rows of houses fill a block: parcel size, how often one stays empty, what stands on it. */
export interface PerimeterOptions {
  depthMeters: number;
  widthMeters: [number, number];
  vacancy: number;
  kindOf: (frontage: BlockFrontage) => BuildingKind;
}

/**
 * A perimeter block: houses wall to wall along every street, courtyard inside. Each house fills its parcel's
 * width and most of its depth; where the block is too small for a courtyard it is one building.
 */
export function perimeterBlock(
  block: LabeledPolygon<BlockFrontage>,
  options: PerimeterOptions,
  random: SeededRandom,
): PlacedBuilding[] {
  for (const depthFactor of [1, 0.75, 0.55]) {
    const parcels = frontageParcels(block, options.depthMeters * depthFactor, options.widthMeters, random);
    if (parcels.length === 0) continue;
    return parcels
      .filter(() => !random.chance(options.vacancy))
      .map((parcel) => ({
        footprint: parcelBand(parcel, 0, random.between(0.75, 1)),
        kind: options.kindOf(parcel.frontage),
        frontage: parcel.frontage,
      }));
  }
  // Too small for a courtyard: one building covers it, if it is house-sized rather than a sliver of a square.
  const street = block.labels.find((frontage) => frontage.streetId !== undefined);
  if (street === undefined || signedArea(block.points) > SINGLE_BUILDING_BLOCK_SQUARE_METERS) return [];
  return [{ footprint: block.points.slice(), kind: options.kindOf(street), frontage: street }];
}

/** Terraced houses: rows of three to six narrow houses behind front gardens, a gap between rows. */
export function terracedBlock(block: LabeledPolygon<BlockFrontage>, random: SeededRandom): PlacedBuilding[] {
  const setback = random.between(3, 6);
  const depth = random.between(9, 12);
  const stripDepth = setback + depth + random.between(10, 16);
  const buildings: PlacedBuilding[] = [];
  let housesLeftInRow = random.integer(3, 6);
  for (const parcel of frontageParcels(block, stripDepth, [6, 7.5], random)) {
    if (housesLeftInRow === 0 || parcel.count < 3) {
      housesLeftInRow = random.integer(3, 6);
      continue;
    }
    housesLeftInRow--;
    buildings.push({
      footprint: parcelBand(parcel, setback / stripDepth, (setback + depth) / stripDepth),
      kind: 'terraced-house',
      frontage: parcel.frontage,
    });
  }
  return buildings;
}

/** Detached houses: one house per garden parcel, set back from the street and clear of the neighbours. */
export function detachedBlock(block: LabeledPolygon<BlockFrontage>, random: SeededRandom): PlacedBuilding[] {
  const buildings: PlacedBuilding[] = [];
  for (const parcel of frontageParcels(block, random.between(26, 34), [18, 28], random)) {
    if (random.chance(0.08)) continue;
    const outline = [parcel.front[0], parcel.front[1], parcel.back[1], parcel.back[0]];
    const along = direction(parcel.front[0], parcel.front[1]);
    const inward = leftNormal(parcel.front[0], parcel.front[1]);
    const middle = lerp(parcel.front[0], parcel.front[1], random.between(0.4, 0.6));
    const setback = random.between(3, 7);
    for (const shrink of [1, 0.8]) {
      const width = random.between(8.5, 13) * shrink;
      const depth = random.between(8, 12) * shrink;
      const corner = (acrossMeters: number, inMeters: number) =>
        add(middle, add(scale(along, acrossMeters), scale(inward, inMeters)));
      const footprint = [
        corner(-width / 2, setback),
        corner(width / 2, setback),
        corner(width / 2, setback + depth),
        corner(-width / 2, setback + depth),
      ];
      if (footprint.every((point) => isInsideConvex(outline, point, 1.5))) {
        buildings.push({ footprint, kind: 'detached-house', frontage: parcel.frontage });
        break;
      }
    }
  }
  return buildings;
}
