import type { BuildingAddress, BuildingSource } from '../buildings/buildingModel';
import type { PlanarBounds } from './thermalRaster';

/** A point on the EPSG:25832 plane: easting, northing (metres). */
export type PlanarXY = readonly [easting: number, northing: number];

/** One polygon as seen from above: the outer ring first, then its holes; rings not closed. */
export type PlanarPolygon = readonly (readonly PlanarXY[])[];

/** What the thermography pipeline knows of one building: its roof seen from above, and what identifies it. */
export interface RoofOutline {
  /** The building id of the buildings pipeline (gml:id or footprint id), the key of every result. */
  buildingId: string;
  /** Roof surfaces projected onto the ground plane (LoD2), or the footprint (LoD1: a flat roof over it). */
  polygons: PlanarPolygon[];
  bounds: PlanarBounds;
  /** Area-weighted centre of the polygons, used for the grid cell and the neighbourhood. */
  centre: PlanarXY;
  addresses: BuildingAddress[];
  roofTypeCode?: string;
  functionCode?: string;
  /** Highest point of the building above its ground (m), for the owner's 3D view; absent when unknown. */
  heightMeters?: number;
}

/**
 * The roof outline of a building from the buildings pipeline: its roof surfaces projected to the plane (a LoD1
 * extrusion's roof is its footprint). Undefined when the building has no roof surface with an area.
 */
export function roofOutlineOfBuilding(building: BuildingSource): RoofOutline | undefined {
  const polygons: PlanarPolygon[] = building.surfaces
    .filter((surface) => surface.kind === 'roof')
    .map((surface) =>
      [surface.exterior, ...surface.holes].map((ring) => ring.map(([x, y]) => [x, y] as const)),
    )
    .filter((polygon) => Math.abs(signedArea(polygon[0]!)) > 1e-6);
  if (polygons.length === 0) return undefined;
  const { attributes } = building;
  let topMeters = -Infinity;
  for (const surface of building.surfaces)
    for (const point of surface.exterior) topMeters = Math.max(topMeters, point[2]);
  return {
    buildingId: attributes.sourceId,
    polygons,
    bounds: boundsOfPolygons(polygons),
    centre: centreOfPolygons(polygons),
    addresses: attributes.addresses,
    roofTypeCode: attributes.roofTypeCode,
    functionCode: attributes.functionCode,
    heightMeters: Number.isFinite(topMeters) ? topMeters - attributes.groundHeightMeters : undefined,
  };
}

/** A roof outline from plain polygons (tests, generators). */
export function createRoofOutline(
  buildingId: string,
  polygons: PlanarPolygon[],
  extra: Partial<Pick<RoofOutline, 'addresses' | 'roofTypeCode' | 'functionCode' | 'heightMeters'>> = {},
): RoofOutline {
  return {
    buildingId,
    polygons,
    bounds: boundsOfPolygons(polygons),
    centre: centreOfPolygons(polygons),
    addresses: extra.addresses ?? [],
    roofTypeCode: extra.roofTypeCode,
    functionCode: extra.functionCode,
    heightMeters: extra.heightMeters,
  };
}

/** Shoelace area of a ring, positive when counter-clockwise. */
export function signedArea(ring: readonly PlanarXY[]): number {
  let twice = 0;
  for (let index = 0; index < ring.length; index++) {
    const [x1, y1] = ring[index]!;
    const [x2, y2] = ring[(index + 1) % ring.length]!;
    twice += x1 * y2 - x2 * y1;
  }
  return twice / 2;
}

function boundsOfPolygons(polygons: readonly PlanarPolygon[]): PlanarBounds {
  const bounds = {
    minEasting: Infinity,
    minNorthing: Infinity,
    maxEasting: -Infinity,
    maxNorthing: -Infinity,
  };
  for (const polygon of polygons)
    for (const [x, y] of polygon[0]!) {
      bounds.minEasting = Math.min(bounds.minEasting, x);
      bounds.maxEasting = Math.max(bounds.maxEasting, x);
      bounds.minNorthing = Math.min(bounds.minNorthing, y);
      bounds.maxNorthing = Math.max(bounds.maxNorthing, y);
    }
  return bounds;
}

/** Centre of the outer rings weighted by their areas (a plain vertex mean for degenerate input). */
function centreOfPolygons(polygons: readonly PlanarPolygon[]): PlanarXY {
  let area = 0;
  let sumX = 0;
  let sumY = 0;
  let count = 0;
  let meanX = 0;
  let meanY = 0;
  for (const polygon of polygons) {
    const ring = polygon[0]!;
    // Relative to the first vertex, so eastings of 400 000 m do not eat the precision.
    const [x0, y0] = ring[0]!;
    for (let index = 0; index < ring.length; index++) {
      const [ax, ay] = ring[index]!;
      const [bx, by] = ring[(index + 1) % ring.length]!;
      const cross = (ax - x0) * (by - y0) - (bx - x0) * (ay - y0);
      area += cross;
      sumX += (ax - x0 + bx - x0 + 0) * cross + 3 * x0 * cross;
      sumY += (ay - y0 + by - y0 + 0) * cross + 3 * y0 * cross;
      meanX += ax;
      meanY += ay;
      count++;
    }
  }
  if (Math.abs(area) < 1e-9) return [meanX / count, meanY / count];
  return [sumX / (3 * area), sumY / (3 * area)];
}
