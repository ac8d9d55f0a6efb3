/**
 * The city outside the Promenade: ring streets around the centre crossed by radial roads, both gently
 * irregular. Radials double in number when the blocks between them grow too wide; a new radial starts at a
 * ring street (a T-junction) on the straight edge of the blocks inside it, so blocks never overlap.
 */
import type { PlanarPoint } from '../footprints/footprintPolygon';
import {
  LAYOUT_CENTRE,
  LAYOUT_RADIUS_METERS,
  PROMENADE_HALF_WIDTH_METERS,
  angleOfBearing,
  pointAround,
  promenadeRadius,
} from './cityFrame';
import { insetConvexPolygonCuttingCorners } from './labeledPolygonOperations';
import { ARTERIAL_ROADS } from './muensterPlaces';
import { intersectLines, isConvex, signedArea, subtract, type LabeledPolygon } from './planarGeometry';
import type { SeededRandom } from './seededRandom';
import { splitWithLane } from './suburbanLanes';
import { frontageOf, type Block, type BlockFrontage, type Street, type StreetRegistry } from './streetModel';

const BASE_RADIAL_COUNT = 24;
/** Every third base radial ends a ring street: eight named streets per ring. */
const BASE_RADIALS_PER_RING_STREET = 3;
/** Radials double when the blocks between them would be wider than this along the ring. */
const WIDEST_BLOCK_METERS = 300;
/** Inner city (perimeter blocks) up to this distance from the layout centre; suburbs beyond. */
const CITY_ZONE_RADIUS_METERS = 1750;
/** The ring road: the ring street nearest this radius is a wide main road. */
const RING_ROAD_RADIUS_METERS = 1900;
const SMALLEST_BLOCK_SQUARE_METERS = 800;

interface Radial {
  baseAngle: number;
  /** Index of the ring street segment the ring edge to its counter-clockwise side belongs to. */
  ringSegment: number;
  arterial?: string;
  /** The street along this radial, per band (the same object over several bands). */
  streetOfBand: Map<number, Street>;
  /** The street of the outermost band seen so far: the next band may continue it. */
  latestStreet?: Street;
}

interface Ring {
  offsetMeters: number;
  wobble: { amplitude: number; harmonic: number; phase: number };
  halfWidthMeters: number;
  /** One street per stretch between every third base radial. */
  segments: Street[];
}

/** Lays out rings, radials and the blocks between them; blocks are numbered from `firstIndex`. */
export function layoutRingsAndRadials(
  random: SeededRandom,
  registry: StreetRegistry,
  firstIndex: number,
): Block[] {
  const swirl = { phase1: random.between(0, 2 * Math.PI), phase2: random.between(0, 2 * Math.PI) };
  // A gentle, smooth turn of all radials with distance: its rate stays far below 1, so radials never cross.
  const warpedAngle = (baseAngle: number, radius: number) =>
    baseAngle +
    (radius / 1000) *
      (0.025 * Math.sin(baseAngle + swirl.phase1) + 0.012 * Math.sin(2 * baseAngle + swirl.phase2));
  const rings = createRings(random);
  const ringRadius = (ring: Ring, angle: number) =>
    promenadeRadius(angle) +
    ring.offsetMeters +
    ring.wobble.amplitude * Math.sin(ring.wobble.harmonic * angle + ring.wobble.phase);
  const cornerOnRing = (radial: Radial, ringIndex: number): PlanarPoint => {
    const ring = rings[ringIndex]!;
    const angle = warpedAngle(radial.baseAngle, ringRadius(ring, radial.baseAngle));
    return pointAround(angle, ringRadius(ring, angle));
  };

  let radials = createBaseRadials(random);
  rings.forEach((ring, ringIndex) => {
    ring.segments = radials
      .filter((_, index) => index % BASE_RADIALS_PER_RING_STREET === 0)
      .map((segmentStart) => {
        const [x, y] = subtract(cornerOnRing(segmentStart, ringIndex), LAYOUT_CENTRE);
        return registry.add({
          shape: { kind: 'ring', centre: LAYOUT_CENTRE, startAngleRadians: Math.atan2(y, x) },
          inOldTown: false,
          halfWidthMeters: ring.halfWidthMeters,
        });
      });
  });

  const blocks: Block[] = [];
  for (let band = 0; band + 1 < rings.length; band++) {
    const innerRing = rings[band]!;
    const meanRadius = promenadeRadius(0) + innerRing.offsetMeters;
    const previousRadials = new Set(radials);
    if ((2 * Math.PI * meanRadius) / radials.length > WIDEST_BLOCK_METERS) radials = doubled(random, radials);
    const inner = radials.map((radial, position) => {
      if (band === 0 || previousRadials.has(radial)) return cornerOnRing(radial, band);
      // A new radial meets the old ring street on the chord between its neighbours' corners.
      const before = cornerOnRing(radials[position - 1]!, band);
      const after = cornerOnRing(radials[(position + 1) % radials.length]!, band);
      const angle = warpedAngle(radial.baseAngle, ringRadius(innerRing, radial.baseAngle));
      return intersectLines(
        LAYOUT_CENTRE,
        [Math.cos(angle), Math.sin(angle)],
        before,
        subtract(after, before),
      )!;
    });
    const outer = radials.map((radial) => cornerOnRing(radial, band + 1));
    const zone = meanRadius + 60 < CITY_ZONE_RADIUS_METERS ? 'city' : 'suburb';
    radials.forEach((radial, position) => {
      const next = (position + 1) % radials.length;
      const points = [inner[position]!, outer[position]!, outer[next]!, inner[next]!];
      if (!isConvex(points)) return;
      const streets = [
        streetOfRadial(random, registry, radial, band),
        rings[band + 1]!.segments[radial.ringSegment],
        streetOfRadial(random, registry, radials[next]!, band),
        innerRing.segments[radial.ringSegment],
      ];
      const polygon: LabeledPolygon<BlockFrontage> = {
        points,
        labels: points.map((start, corner) => frontageOf(streets[corner], start, points[(corner + 1) % 4]!)),
      };
      const block = insetConvexPolygonCuttingCorners(polygon, (frontage) => frontage.setbackMeters)?.inset;
      if (block === undefined) return;
      for (const part of zone === 'suburb' ? splitWithLane(block, registry, random) : [block]) {
        if (signedArea(part.points) < SMALLEST_BLOCK_SQUARE_METERS) continue;
        blocks.push({ index: firstIndex + blocks.length, zone, polygon: part });
      }
    });
  }
  return blocks;
}

/** Ring streets from the Promenade outwards, about 105–170 m apart, until past the layout's edge. */
function createRings(random: SeededRandom): Ring[] {
  const rings: Ring[] = [];
  let offset = PROMENADE_HALF_WIDTH_METERS;
  while (promenadeRadius(0) * 0.93 + offset <= LAYOUT_RADIUS_METERS + 200) {
    const radius = promenadeRadius(0) + offset;
    const isRingRoad = rings.length > 0 && Math.abs(radius - RING_ROAD_RADIUS_METERS) < 70;
    rings.push({
      offsetMeters: offset,
      // The first ring follows the Promenade exactly; the others wander a little.
      wobble: {
        amplitude: rings.length === 0 ? 0 : random.between(0, 12),
        harmonic: random.integer(2, 3),
        phase: random.between(0, 2 * Math.PI),
      },
      halfWidthMeters: isRingRoad ? 12 : random.between(4.5, 6.5),
      segments: [],
    });
    offset += radius < CITY_ZONE_RADIUS_METERS ? random.between(105, 135) : random.between(125, 170);
  }
  return rings;
}

/** Twenty-four radials roughly every 15°, with the arterial roads placed on their real bearings. */
function createBaseRadials(random: SeededRandom): Radial[] {
  const step = (2 * Math.PI) / BASE_RADIAL_COUNT;
  const angles = Array.from(
    { length: BASE_RADIAL_COUNT },
    (_, index) => index * step + random.between(-0.25, 0.25) * step,
  );
  const arterials = new Map<number, string>();
  for (const road of ARTERIAL_ROADS) {
    const angle = (angleOfBearing(road.bearingDegrees) + 2 * Math.PI) % (2 * Math.PI);
    const nearest = Math.round(angle / step) % BASE_RADIAL_COUNT;
    angles[nearest] = nearest === 0 && angle > Math.PI ? angle - 2 * Math.PI : angle;
    arterials.set(nearest, road.name);
  }
  return angles.map((baseAngle, index) => ({
    baseAngle,
    ringSegment: Math.floor(index / BASE_RADIALS_PER_RING_STREET),
    arterial: arterials.get(index),
    streetOfBand: new Map<number, Street>(),
  }));
}

/** Inserts a new radial between every two neighbours, a little off the middle. */
function doubled(random: SeededRandom, radials: Radial[]): Radial[] {
  return radials.flatMap((radial, position) => {
    const next = radials[(position + 1) % radials.length]!;
    const gap = (next.baseAngle - radial.baseAngle + 2 * Math.PI) % (2 * Math.PI);
    const inserted: Radial = {
      baseAngle: radial.baseAngle + gap * random.between(0.4, 0.6),
      ringSegment: radial.ringSegment,
      streetOfBand: new Map(),
    };
    return [radial, inserted];
  });
}

/** The street along a radial in a band: arterials keep one name; other radials change name every few rings. */
function streetOfRadial(
  random: SeededRandom,
  registry: StreetRegistry,
  radial: Radial,
  band: number,
): Street {
  const known = radial.streetOfBand.get(band);
  if (known !== undefined) return known;
  const previous = radial.latestStreet;
  const continues = previous !== undefined && (radial.arterial !== undefined || random.chance(0.8));
  const street = continues
    ? previous
    : registry.add({
        shape: { kind: 'radial', centre: LAYOUT_CENTRE },
        fixedName: radial.arterial,
        inOldTown: false,
        halfWidthMeters: radial.arterial === undefined ? random.between(5, 7) : 11,
      });
  radial.streetOfBand.set(band, street);
  radial.latestStreet = street;
  return street;
}
