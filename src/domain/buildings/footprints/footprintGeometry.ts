import type { FootprintProblem } from './checkFootprintPolygon';
import type { PlanarPoint } from './footprintPolygon';

/** Polygons as rings of points, in the source CRS; or why the geometry cannot be a footprint. */
export type PolygonsResult = { polygons: PlanarPoint[][][] } | { problem: FootprintProblem };

/**
 * Reads a GeoJSON geometry as footprint polygons: a Polygon gives one, a MultiPolygon all its parts (they belong
 * to one building). Anything else, or a malformed coordinate array, is a problem naming what was found.
 */
export function polygonsFromGeometry(geometry: unknown): PolygonsResult {
  if (geometry === null || geometry === undefined) {
    return { problem: error('missing-geometry', 'feature has no geometry') };
  }
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return { problem: error('unsupported-geometry', `${String(type)} is not a polygon`) };
  }
  const polygonArrays = type === 'Polygon' ? [coordinates] : coordinates;
  if (!Array.isArray(polygonArrays) || polygonArrays.length === 0) {
    return { problem: error('invalid-coordinates', `${type} has no coordinates`) };
  }
  const polygons: PlanarPoint[][][] = [];
  for (const rings of polygonArrays) {
    if (!Array.isArray(rings) || !rings.every(Array.isArray)) {
      return { problem: error('invalid-coordinates', `${type} coordinates are not arrays of rings`) };
    }
    const planarRings: PlanarPoint[][] = [];
    for (const ring of rings as unknown[][]) {
      const points = ring.map(toPlanarPoint);
      if (points.some((point) => point === undefined)) {
        return { problem: error('invalid-coordinates', `${type} has a position that is not [x, y]`) };
      }
      planarRings.push(points as PlanarPoint[]);
    }
    polygons.push(planarRings);
  }
  return { polygons };
}

/** [x, y] of a position (any z is dropped: LoD1 takes heights from attributes); undefined when malformed. */
function toPlanarPoint(position: unknown): PlanarPoint | undefined {
  if (!Array.isArray(position) || position.length < 2) return undefined;
  const [x, y] = position as unknown[];
  // NaN stays a number here: the ring check reports it as an invalid coordinate with the ring's name.
  return typeof x === 'number' && typeof y === 'number' ? [x, y] : undefined;
}

/** The first coordinate with finite x and y in a geometry, for guessing the CRS. */
export function firstFinitePosition(geometry: unknown): PlanarPoint | undefined {
  const coordinates = (geometry as { coordinates?: unknown } | null | undefined)?.coordinates;
  return findPosition(coordinates, 0);
}

function findPosition(value: unknown, depth: number): PlanarPoint | undefined {
  if (!Array.isArray(value) || depth > 4) return undefined;
  const [x, y] = value as unknown[];
  if (typeof x === 'number' && typeof y === 'number') {
    return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : undefined;
  }
  for (const item of value) {
    const found = findPosition(item, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function error(code: string, message: string): FootprintProblem {
  return { severity: 'error', code, message };
}
