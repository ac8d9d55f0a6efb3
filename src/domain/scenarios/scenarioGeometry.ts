/**
 * Geometry of scenario documents: GeoJSON-style coordinates in WGS84 degrees ([longitude, latitude]), so a
 * document can be pasted into a GIS tool and back. Metric figures are computed on the EPSG:25832 plane.
 */
import { z } from 'zod';
import { segmentsIntersect } from '../geo/segmentIntersection';

/** A position: [longitude, latitude] in WGS84 degrees, as GeoJSON writes it. */
export const positionSchema = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .describe('[longitude, latitude] in WGS84 degrees');

/** Whether two positions are the same point. */
function samePosition(a: readonly number[], b: readonly number[]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Whether a closed ring (last position repeats the first) crosses or touches itself. */
export function closedRingSelfIntersects(ring: readonly (readonly [number, number])[]): boolean {
  const edgeCount = ring.length - 1;
  if (edgeCount < 3) return false;
  // Relative to the first point, so orientation products keep their precision.
  const [originX, originY] = ring[0]!;
  const edge = (index: number): [number, number, number, number] => {
    const start = ring[index]!;
    const end = ring[index + 1]!;
    return [start[0] - originX, start[1] - originY, end[0] - originX, end[1] - originY];
  };
  for (let first = 0; first < edgeCount; first++) {
    for (let second = first + 1; second < edgeCount; second++) {
      const adjacent = second === first + 1 || (first === 0 && second === edgeCount - 1);
      // Neighbouring edges share a corner; they only count when they are collinear and fold back.
      if (adjacent) continue;
      if (segmentsIntersect(edge(first), edge(second), true)) return true;
    }
  }
  return false;
}

/** A closed ring of at least three distinct corners that does not cross itself. */
export const linearRingSchema = z
  .array(positionSchema)
  .min(4, 'a ring needs at least 4 positions (3 corners and the closing repeat of the first)')
  .superRefine((ring, context) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && !samePosition(first, last)) {
      context.addIssue({
        code: 'custom',
        message: 'the ring is not closed: its last position must repeat the first (as in GeoJSON)',
      });
      return;
    }
    if (closedRingSelfIntersects(ring)) {
      context.addIssue({ code: 'custom', message: 'the ring crosses or touches itself' });
    }
  })
  .describe('Closed ring of [longitude, latitude] positions; the last position repeats the first');

/** GeoJSON Polygon coordinates: the outer ring first, then any holes (courtyards). */
export const polygonSchema = z
  .array(linearRingSchema)
  .min(1, 'a polygon needs its outer ring')
  .describe('GeoJSON Polygon coordinates in WGS84: outer ring first, then holes');

/** GeoJSON LineString coordinates. */
export const lineStringSchema = z
  .array(positionSchema)
  .min(2, 'a line needs at least 2 positions')
  .describe('GeoJSON LineString coordinates in WGS84');

export type Position = z.output<typeof positionSchema>;
export type LinearRing = z.output<typeof linearRingSchema>;
export type PolygonCoordinates = z.output<typeof polygonSchema>;
export type LineStringCoordinates = z.output<typeof lineStringSchema>;
