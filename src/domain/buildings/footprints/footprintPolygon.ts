/**
 * Footprint polygons on the EPSG:25832 plane and the ring clean-up every reader and the extrusion share.
 */

/** x = easting, y = northing (EPSG:25832, metres). */
export type PlanarPoint = [x: number, y: number];

/** A footprint: its outer ring and its holes (courtyards), each ring open (no repeated closing point). */
export interface FootprintPolygon {
  outer: PlanarPoint[];
  holes: PlanarPoint[][];
}

/** Points closer than this are one point: a millimetre is far below any survey's accuracy. */
export const DUPLICATE_POINT_TOLERANCE_METERS = 0.001;

/** Drops the closing point and points repeating their predecessor; returns a new ring. */
export function removeClosingAndRepeatedPoints(ring: readonly PlanarPoint[]): PlanarPoint[] {
  const cleaned: PlanarPoint[] = [];
  for (const point of ring) {
    const previous = cleaned[cleaned.length - 1];
    if (previous === undefined || !samePoint(previous, point)) cleaned.push([point[0], point[1]]);
  }
  while (cleaned.length > 1 && samePoint(cleaned[0]!, cleaned[cleaned.length - 1]!)) cleaned.pop();
  return cleaned;
}

function samePoint(a: PlanarPoint, b: PlanarPoint): boolean {
  return (
    Math.abs(a[0] - b[0]) <= DUPLICATE_POINT_TOLERANCE_METERS &&
    Math.abs(a[1] - b[1]) <= DUPLICATE_POINT_TOLERANCE_METERS
  );
}

/** Shoelace area: positive when the ring runs counter-clockwise seen from above (east = x, north = y). */
export function signedRingArea(ring: readonly PlanarPoint[]): number {
  if (ring.length < 3) return 0;
  // Relative to the first point: UTM northings of ~5.7e6 squared would lose the centimetres.
  const [originX, originY] = ring[0]!;
  let twiceArea = 0;
  for (let index = 1; index < ring.length - 1; index++) {
    const [ax, ay] = ring[index]!;
    const [bx, by] = ring[index + 1]!;
    twiceArea += (ax - originX) * (by - originY) - (bx - originX) * (ay - originY);
  }
  return twiceArea / 2;
}

/** The ring in the requested direction (seen from above); reversed copy when it runs the other way. */
export function orientRing(ring: readonly PlanarPoint[], counterClockwise: boolean): PlanarPoint[] {
  const isCounterClockwise = signedRingArea(ring) > 0;
  return isCounterClockwise === counterClockwise ? ring.slice() : ring.slice().reverse();
}

/** Cleans every ring and orients them as CityGML and GeoJSON expect: outer counter-clockwise, holes clockwise. */
export function normalizeFootprintPolygon(polygon: FootprintPolygon): FootprintPolygon {
  return {
    outer: orientRing(removeClosingAndRepeatedPoints(polygon.outer), true),
    holes: polygon.holes.map((hole) => orientRing(removeClosingAndRepeatedPoints(hole), false)),
  };
}

/** Area of the footprint in square metres (outer ring minus holes). */
export function footprintArea(polygon: FootprintPolygon): number {
  const holesArea = polygon.holes.reduce((sum, hole) => sum + Math.abs(signedRingArea(hole)), 0);
  return Math.abs(signedRingArea(polygon.outer)) - holesArea;
}
