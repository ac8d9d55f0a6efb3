import { geographicToUtm32, utm32ToGeographic } from '../geo/projection';
import { circleRing } from './arcDensification';
import type { Corridor, LonLat, RestrictionZone } from './corridorScene';
import { ringBounds, segmentRingDistance, type SegmentRingDistance } from './planarGeometry';

/**
 * Corridors and zones on the EPSG:25832 plane, where the checks measure. Grid distances around Münster are
 * 0.03 % shorter than on the ground (UTM scale factor about 0.9997): 3 m on a 10 km corridor.
 */

/** Default length of the pieces a centre line is cut into: the resolution of stretches and of ground lookups. */
export const DEFAULT_PIECE_LENGTH_METERS = 25;

/** A piece of a centre line: from (ax, ay) to (bx, by), covering [fromMeters, toMeters] along the line. */
export interface CorridorPiece {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  fromMeters: number;
  toMeters: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A corridor's centre line on the plane, cut into pieces. */
export interface PlanarCorridor {
  corridor: Corridor;
  halfWidthMeters: number;
  /** Vertices of the centre line. */
  xs: Float64Array;
  ys: Float64Array;
  /** Distance along the line at each vertex. */
  distances: Float64Array;
  lengthMeters: number;
  pieces: CorridorPiece[];
  /** [minX, minY, maxX, maxY] of the centre line (without the width). */
  bounds: [number, number, number, number];
}

export function lonLatToPlane([longitudeDegrees, latitudeDegrees]: LonLat): [number, number] {
  const { eastingMeters, northingMeters } = geographicToUtm32({ longitudeDegrees, latitudeDegrees });
  return [eastingMeters, northingMeters];
}

export function planeToLonLat(x: number, y: number): LonLat {
  const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic({ eastingMeters: x, northingMeters: y });
  return [longitudeDegrees, latitudeDegrees];
}

/** Projects a corridor's centre line and cuts it into pieces no longer than `pieceLengthMeters`. */
export function projectCorridor(
  corridor: Corridor,
  pieceLengthMeters: number = DEFAULT_PIECE_LENGTH_METERS,
): PlanarCorridor {
  const count = corridor.centreLine.length;
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  const distances = new Float64Array(count);
  corridor.centreLine.forEach((point, index) => {
    const [x, y] = lonLatToPlane(point);
    xs[index] = x;
    ys[index] = y;
    if (index > 0)
      distances[index] = distances[index - 1]! + Math.hypot(x - xs[index - 1]!, y - ys[index - 1]!);
  });
  const pieces: CorridorPiece[] = [];
  for (let index = 1; index < count; index++) {
    const startX = xs[index - 1]!;
    const startY = ys[index - 1]!;
    const length = distances[index]! - distances[index - 1]!;
    const parts = Math.max(1, Math.ceil(length / pieceLengthMeters));
    for (let part = 0; part < parts; part++) {
      const from = part / parts;
      const to = (part + 1) / parts;
      const ax = startX + (xs[index]! - startX) * from;
      const ay = startY + (ys[index]! - startY) * from;
      const bx = startX + (xs[index]! - startX) * to;
      const by = startY + (ys[index]! - startY) * to;
      pieces.push({
        ax,
        ay,
        bx,
        by,
        fromMeters: distances[index - 1]! + length * from,
        toMeters: distances[index - 1]! + length * to,
        minX: Math.min(ax, bx),
        minY: Math.min(ay, by),
        maxX: Math.max(ax, bx),
        maxY: Math.max(ay, by),
      });
    }
  }
  const ring = new Float64Array(count * 2);
  for (let index = 0; index < count; index++) {
    ring[2 * index] = xs[index]!;
    ring[2 * index + 1] = ys[index]!;
  }
  return {
    corridor,
    halfWidthMeters: corridor.widthMeters / 2,
    xs,
    ys,
    distances,
    lengthMeters: distances[count - 1]!,
    pieces,
    bounds: ringBounds(ring),
  };
}

/** The point on a piece at parameter t, and its distance along the centre line. */
export function pointOnPiece(piece: CorridorPiece, t: number): { x: number; y: number; alongMeters: number } {
  return {
    x: piece.ax + (piece.bx - piece.ax) * t,
    y: piece.ay + (piece.by - piece.ay) * t,
    alongMeters: piece.fromMeters + (piece.toMeters - piece.fromMeters) * t,
  };
}

/** The point of the centre line at a distance along it (clamped to its ends), with the segment it lies on. */
export function pointAlongCorridor(
  planar: PlanarCorridor,
  alongMeters: number,
): { x: number; y: number; segmentIndex: number } {
  const { xs, ys, distances } = planar;
  const last = distances.length - 1;
  const target = Math.min(Math.max(alongMeters, 0), planar.lengthMeters);
  let segment = 1;
  while (segment < last && distances[segment]! < target) segment++;
  const start = distances[segment - 1]!;
  const length = distances[segment]! - start;
  const t = length === 0 ? 0 : (target - start) / length;
  return {
    x: xs[segment - 1]! + (xs[segment]! - xs[segment - 1]!) * t,
    y: ys[segment - 1]! + (ys[segment]! - ys[segment - 1]!) * t,
    segmentIndex: segment - 1,
  };
}

/** The ring of a zone's outline in WGS84 (a circle densified to within 1 m), for drawing and checking. */
export function restrictionZoneRing(zone: RestrictionZone): LonLat[] {
  if (zone.geometry.type === 'circle') return circleRing(zone.geometry.centre, zone.geometry.radiusMeters, 1);
  const ring = zone.geometry.coordinates;
  const first = ring[0]!;
  const last = ring.at(-1)!;
  return first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : ring;
}

/** A zone on the plane, ready to be measured against corridor pieces. */
export interface PreparedRestrictionZone {
  zone: RestrictionZone;
  ring: Float64Array;
  bounds: [number, number, number, number];
  distanceToSegment(ax: number, ay: number, bx: number, by: number): SegmentRingDistance;
}

/** Projects zones once, so checks rerun while a corridor is dragged do not redo it. */
export function prepareRestrictionZones(zones: readonly RestrictionZone[]): PreparedRestrictionZone[] {
  return zones.map((zone) => {
    const lonLats = restrictionZoneRing(zone);
    const ring = new Float64Array(lonLats.length * 2);
    lonLats.forEach((point, index) => {
      const [x, y] = lonLatToPlane(point);
      ring[2 * index] = x;
      ring[2 * index + 1] = y;
    });
    return {
      zone,
      ring,
      bounds: ringBounds(ring),
      distanceToSegment: (ax, ay, bx, by) => segmentRingDistance(ax, ay, bx, by, ring),
    };
  });
}
