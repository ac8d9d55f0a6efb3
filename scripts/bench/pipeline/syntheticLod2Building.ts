import type { Point3 } from '../../../src/domain/buildings/buildingModel';
import type {
  WrittenBoundarySurface,
  WrittenBuilding,
  WrittenPolygon,
} from '../../../src/domain/buildings/citygml/writeCityGml';
import type { GeneratedFootprintFeature } from '../../../src/domain/buildings/generator/generateMuensterCity';

/** ALKIS roof type codes (AX_Dachform) the synthetic buildings use. */
export const ROOF_TYPE = { flat: '1000', gable: '3100', hip: '3200' } as const;

/** Roof pitch of gable and hip roofs: tan(40°). */
const PITCH_SLOPE = Math.tan((40 * Math.PI) / 180);
/** A pitched roof needs walls at least this high below its eaves, or the building gets a flat roof. */
const MINIMUM_EAVE_METERS = 2.5;
/** A roof face bent by more than this (metres) is written as two triangles, as NRW does for non-planar faces. */
const PLANARITY_TOLERANCE_METERS = 0.001;

type Point2 = [number, number];

function midpoint(a: Point2, b: Point2): Point2 {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}

function lerp(a: Point2, b: Point2, t: number): Point2 {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

function distance(a: Point2, b: Point2): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

function at([x, y]: Point2, z: number): Point3 {
  return [x, y, z];
}

/** Whether the counter-clockwise ring turns left at every corner. */
function isConvex(ring: readonly Point2[]): boolean {
  for (let index = 0; index < ring.length; index++) {
    const [ax, ay] = ring[index]!;
    const [bx, by] = ring[(index + 1) % ring.length]!;
    const [cx, cy] = ring[(index + 2) % ring.length]!;
    if ((bx - ax) * (cy - by) - (by - ay) * (cx - bx) <= 0) return false;
  }
  return true;
}

/** Distance of the fourth point from the plane through the first three. */
function planarityError([a, b, c, d]: readonly Point3[]): number {
  const u = [b![0] - a![0], b![1] - a![1], b![2] - a![2]];
  const v = [c![0] - a![0], c![1] - a![1], c![2] - a![2]];
  const n = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
  const length = Math.hypot(n[0]!, n[1]!, n[2]!);
  return Math.abs((d![0] - a![0]) * n[0]! + (d![1] - a![1]) * n[1]! + (d![2] - a![2]) * n[2]!) / length;
}

/** A roof face: one polygon when planar, else split into triangles that are. */
function roofFace(ring: readonly Point3[]): WrittenPolygon[] {
  if (ring.length === 3 || planarityError(ring) <= PLANARITY_TOLERANCE_METERS) return [{ exterior: ring }];
  const [a, b, c, d] = ring as [Point3, Point3, Point3, Point3];
  return [{ exterior: [a, b, c] }, { exterior: [a, c, d] }];
}

/** A vertical wall under footprint edge a → b (outward for a counter-clockwise footprint), up to `top` points. */
function wall(a: Point2, b: Point2, groundZ: number, top: readonly Point3[]): WrittenBoundarySurface {
  return { kind: 'wall', polygons: [{ exterior: [at(a, groundZ), at(b, groundZ), ...top] }] };
}

function flatBuilding(ring: readonly Point2[], groundZ: number, topZ: number): WrittenBoundarySurface[] {
  const walls = ring.map((a, index) => {
    const b = ring[(index + 1) % ring.length]!;
    return wall(a, b, groundZ, [at(b, topZ), at(a, topZ)]);
  });
  return [
    { kind: 'ground', polygons: [{ exterior: ring.map((point) => at(point, groundZ)).reverse() }] },
    ...walls,
    { kind: 'roof', polygons: [{ exterior: ring.map((point) => at(point, topZ)) }] },
  ];
}

/**
 * A gable or hip roof on a convex four-cornered footprint: eaves along the longer pair of opposite edges, the
 * ridge between the midpoints of the other two; a hip roof pulls the ridge in by half the span at each end.
 */
function pitchedBuilding(
  ring: readonly Point2[],
  groundZ: number,
  eaveZ: number,
  ridgeZ: number,
  hip: boolean,
): WrittenBoundarySurface[] {
  const shift =
    distance(ring[0]!, ring[1]!) + distance(ring[2]!, ring[3]!) >=
    distance(ring[1]!, ring[2]!) + distance(ring[3]!, ring[0]!)
      ? 0
      : 1;
  const [a, b, c, d] = [0, 1, 2, 3].map((index) => ring[(index + shift) % 4]!) as [
    Point2,
    Point2,
    Point2,
    Point2,
  ];
  let ridgeAtBc = midpoint(b, c);
  let ridgeAtDa = midpoint(d, a);
  if (hip) {
    const ridgeLength = distance(ridgeAtDa, ridgeAtBc);
    const inset = Math.min(0.35, (distance(b, c) + distance(d, a)) / 4 / ridgeLength);
    [ridgeAtDa, ridgeAtBc] = [lerp(ridgeAtDa, ridgeAtBc, inset), lerp(ridgeAtBc, ridgeAtDa, inset)];
  }
  const eave = (point: Point2) => at(point, eaveZ);
  const ridge = (point: Point2) => at(point, ridgeZ);
  const gableTop = (from: Point2, to: Point2, ridgePoint: Point2) =>
    hip ? [eave(to), eave(from)] : [eave(to), ridge(ridgePoint), eave(from)];
  const roofPolygons = [
    ...roofFace([eave(a), eave(b), ridge(ridgeAtBc), ridge(ridgeAtDa)]),
    ...roofFace([eave(c), eave(d), ridge(ridgeAtDa), ridge(ridgeAtBc)]),
  ];
  const surfaces: WrittenBoundarySurface[] = [
    { kind: 'ground', polygons: [{ exterior: [d, c, b, a].map((point) => at(point, groundZ)) }] },
    wall(a, b, groundZ, [eave(b), eave(a)]),
    wall(b, c, groundZ, gableTop(b, c, ridgeAtBc)),
    wall(c, d, groundZ, [eave(d), eave(c)]),
    wall(d, a, groundZ, gableTop(d, a, ridgeAtDa)),
    { kind: 'roof', polygons: roofPolygons.slice(0, roofPolygons.length / 2) },
    { kind: 'roof', polygons: roofPolygons.slice(roofPolygons.length / 2) },
  ];
  if (hip) {
    surfaces.push(
      { kind: 'roof', polygons: [{ exterior: [eave(b), eave(c), ridge(ridgeAtBc)] }] },
      { kind: 'roof', polygons: [{ exterior: [eave(d), eave(a), ridge(ridgeAtDa)] }] },
    );
  }
  return surfaces;
}

/** Which roof a building gets: a fixed mix by position in the city (6 gable : 2 hip : 2 flat), seeded by the generator. */
function chosenRoof(index: number): keyof typeof ROOF_TYPE {
  const slot = index % 10;
  return slot < 6 ? 'gable' : slot < 8 ? 'hip' : 'flat';
}

/** The ring with a point every metre along each edge, as NRW samples its terrain intersections. */
function densified(ring: readonly Point2[]): Point2[] {
  return ring.flatMap((a, index) => {
    const b = ring[(index + 1) % ring.length]!;
    const steps = Math.max(1, Math.ceil(distance(a, b)));
    return Array.from({ length: steps }, (_, step) => lerp(a, b, step / steps));
  });
}

function nonEmpty(text: string): string | undefined {
  return text === '' ? undefined : text;
}

/**
 * The LoD2 building NRW would ship for a generated footprint: walls on every footprint edge, a gable or hip roof
 * whose ridge tops out at the generated height (flat where the footprint is not a convex quadrilateral or too low
 * for a pitched roof), ground surface, function, roof type, measured height and address.
 */
export function syntheticLod2Building(feature: GeneratedFootprintFeature, index: number): WrittenBuilding {
  const { properties } = feature;
  const ring = feature.geometry.coordinates[0]!.slice(0, -1) as Point2[];
  const groundZ = properties.groundHeight;
  const topZ = groundZ + properties.height;
  let roof = chosenRoof(index);
  let surfaces: WrittenBoundarySurface[] | undefined;
  if (roof !== 'flat' && ring.length === 4 && isConvex(ring)) {
    const span = Math.min(distance(ring[0]!, ring[1]!), distance(ring[1]!, ring[2]!));
    const eaveZ = topZ - (span / 2) * PITCH_SLOPE;
    if (eaveZ - groundZ >= MINIMUM_EAVE_METERS)
      surfaces = pitchedBuilding(ring, groundZ, eaveZ, topZ, roof === 'hip');
  }
  if (!surfaces) {
    roof = 'flat';
    surfaces = flatBuilding(ring, groundZ, topZ);
  }
  return {
    id: `DENWSY${properties.id}`,
    functionCode: properties.function,
    roofTypeCode: ROOF_TYPE[roof],
    measuredHeightMeters: properties.height,
    creationDate: '2026-01-31',
    address: {
      street: nonEmpty(properties.street),
      houseNumber: nonEmpty(properties.houseNumber),
      postalCode: nonEmpty(properties.postalCode),
      locality: nonEmpty(properties.locality),
    },
    terrainIntersection: densified(ring).map((point) => at(point, groundZ)),
    boundarySurfaces: surfaces,
  };
}
