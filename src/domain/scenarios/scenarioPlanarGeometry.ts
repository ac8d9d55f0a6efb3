/**
 * Scenario geometry on the EPSG:25832 plane (metres), where areas and lengths are measured, as ALKIS and the
 * NRW LoD2 data measure them. Results are cached per coordinate array: documents are treated as immutable
 * (every edit operation returns new arrays), so after an edit only the changed massing is projected again.
 */
import { geographicToUtm32, utm32ToGeographic } from '../geo/projection';
import type { LineStringCoordinates, PolygonCoordinates, Position } from './scenarioGeometry';

/** [easting, northing] in EPSG:25832 metres. */
export type PlanarPoint = readonly [eastingMeters: number, northingMeters: number];
/** A ring without the closing repeat of its first point. */
export type PlanarRing = readonly PlanarPoint[];
/** Outer ring first, then holes. */
export type PlanarPolygon = readonly PlanarRing[];
/** [minEasting, minNorthing, maxEasting, maxNorthing]. */
export type PlanarBounds = readonly [number, number, number, number];

const projectedPolygons = new WeakMap<PolygonCoordinates, PlanarPolygon>();
const polygonAreas = new WeakMap<PolygonCoordinates, number>();
const lineLengths = new WeakMap<LineStringCoordinates, number>();

/** WGS84 [longitude, latitude] → EPSG:25832. */
export function projectPosition(position: Position | readonly [number, number]): PlanarPoint {
  const { eastingMeters, northingMeters } = geographicToUtm32({
    longitudeDegrees: position[0],
    latitudeDegrees: position[1],
  });
  return [eastingMeters, northingMeters];
}

/** EPSG:25832 → WGS84 [longitude, latitude], rounded to 1e-8° (about a millimetre) so documents stay readable. */
export function unprojectPoint(point: PlanarPoint): Position {
  const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic({
    eastingMeters: point[0],
    northingMeters: point[1],
  });
  return [roundDegrees(longitudeDegrees), roundDegrees(latitudeDegrees)];
}

function roundDegrees(value: number): number {
  return Math.round(value * 1e8) / 1e8;
}

/** A GeoJSON polygon on the EPSG:25832 plane, rings without their closing point (cached). */
export function projectPolygon(polygon: PolygonCoordinates): PlanarPolygon {
  const cached = projectedPolygons.get(polygon);
  if (cached) return cached;
  const planar = polygon.map((ring) => ring.slice(0, -1).map(projectPosition));
  projectedPolygons.set(polygon, planar);
  return planar;
}

/** A planar polygon back to GeoJSON coordinates (rings closed again). */
export function unprojectPolygon(polygon: PlanarPolygon): PolygonCoordinates {
  return polygon.map((ring) => {
    const positions = ring.map(unprojectPoint);
    return [...positions, positions[0]!];
  });
}

/** Signed area of a ring (counter-clockwise positive), computed relative to its first point for precision. */
export function signedRingArea(ring: PlanarRing): number {
  const count = ring.length;
  if (count < 3) return 0;
  const [originX, originY] = ring[0]!;
  let twiceArea = 0;
  for (let index = 1; index < count - 1; index++) {
    const [ax, ay] = ring[index]!;
    const [bx, by] = ring[index + 1]!;
    twiceArea += (ax - originX) * (by - originY) - (bx - originX) * (ay - originY);
  }
  return twiceArea / 2;
}

/** Area of a planar polygon: its outer ring less its holes, in square metres. */
export function planarPolygonArea(polygon: PlanarPolygon): number {
  let area = 0;
  polygon.forEach((ring, index) => {
    const ringArea = Math.abs(signedRingArea(ring));
    area += index === 0 ? ringArea : -ringArea;
  });
  return Math.max(0, area);
}

/** Area of a GeoJSON polygon on the EPSG:25832 plane, holes subtracted, in square metres (cached). */
export function polygonAreaSquareMeters(polygon: PolygonCoordinates): number {
  const cached = polygonAreas.get(polygon);
  if (cached !== undefined) return cached;
  const area = planarPolygonArea(projectPolygon(polygon));
  polygonAreas.set(polygon, area);
  return area;
}

/** Length of a line on the EPSG:25832 plane, in metres (cached). */
export function lineLengthMeters(line: LineStringCoordinates): number {
  const cached = lineLengths.get(line);
  if (cached !== undefined) return cached;
  const points = line.map(projectPosition);
  let length = 0;
  for (let index = 1; index < points.length; index++) {
    const [ax, ay] = points[index - 1]!;
    const [bx, by] = points[index]!;
    length += Math.hypot(bx - ax, by - ay);
  }
  lineLengths.set(line, length);
  return length;
}

/** Area-weighted centre of a polygon (holes subtracted); the first corner for a degenerate polygon. */
export function planarPolygonCentroid(polygon: PlanarPolygon): PlanarPoint {
  const [originX, originY] = polygon[0]?.[0] ?? [0, 0];
  let weightedX = 0;
  let weightedY = 0;
  let totalArea = 0;
  polygon.forEach((ring, ringIndex) => {
    const sign = ringIndex === 0 ? 1 : -1;
    const orientation = Math.sign(signedRingArea(ring)) || 1;
    for (let index = 0; index < ring.length; index++) {
      const [ax, ay] = ring[index]!;
      const [bx, by] = ring[(index + 1) % ring.length]!;
      const x0 = ax - originX;
      const y0 = ay - originY;
      const x1 = bx - originX;
      const y1 = by - originY;
      const cross = (x0 * y1 - x1 * y0) * orientation * sign;
      weightedX += (x0 + x1) * cross;
      weightedY += (y0 + y1) * cross;
      totalArea += cross / 2;
    }
  });
  if (Math.abs(totalArea) < 1e-9) return [originX, originY];
  return [originX + weightedX / (6 * totalArea), originY + weightedY / (6 * totalArea)];
}

/** Whether a point lies inside a polygon (inside its outer ring and outside its holes; even–odd rule). */
export function isPointInPlanarPolygon(polygon: PlanarPolygon, x: number, y: number): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
      const [ax, ay] = ring[index]!;
      const [bx, by] = ring[previous]!;
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
    }
  }
  return inside;
}

/** Bounding box of a polygon's outer ring. */
export function planarPolygonBounds(polygon: PlanarPolygon): PlanarBounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of polygon[0] ?? []) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}
