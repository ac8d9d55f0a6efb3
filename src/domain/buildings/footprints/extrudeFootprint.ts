import type { Point3, Surface } from '../buildingModel';
import { normalizeFootprintPolygon, type FootprintPolygon, type PlanarPoint } from './footprintPolygon';

/** Where the block stands and how tall it is (DHHN2016 metres). */
export interface ExtrusionHeights {
  /** Height of the ground under the building; 0 when the source has none, which puts it on the ellipsoid. */
  baseHeightMeters?: number;
  /** From the base to the flat roof; must be positive. */
  heightMeters: number;
}

/**
 * Extrudes a footprint into an LoD1 block: one ground surface facing down, one flat roof facing up and one wall
 * quad per ring edge, all counter-clockwise seen from outside (CityGML's rule, which the triangulation relies on).
 * Rings are cleaned and oriented first, so any input winding gives outward walls, including into courtyards.
 */
export function extrudeFootprint(polygon: FootprintPolygon, heights: ExtrusionHeights): Surface[] {
  const { outer, holes } = normalizeFootprintPolygon(polygon);
  const baseZ = heights.baseHeightMeters ?? 0;
  const roofZ = baseZ + heights.heightMeters;
  const ground: Surface = {
    kind: 'ground',
    // Seen from below, the clockwise-from-above outer ring runs counter-clockwise: the normal points down.
    exterior: lift(reversed(outer), baseZ),
    holes: holes.map((hole) => lift(reversed(hole), baseZ)),
  };
  const roof: Surface = {
    kind: 'roof',
    exterior: lift(outer, roofZ),
    holes: holes.map((hole) => lift(hole, roofZ)),
  };
  const walls = [outer, ...holes].flatMap((ring) => wallsAlongRing(ring, baseZ, roofZ));
  return [ground, roof, ...walls];
}

// Module functions rather than closures in a function called per building: tsx (esbuild keepNames) names every
// such closure on creation, which costs about a microsecond each time.
function lift(ring: readonly PlanarPoint[], z: number): Point3[] {
  return ring.map(([x, y]) => [x, y, z]);
}

function reversed(ring: readonly PlanarPoint[]): PlanarPoint[] {
  return ring.slice().reverse();
}

/**
 * With the outer ring counter-clockwise and holes clockwise, the building always lies to the left of an edge,
 * so bottom-start, bottom-end, top-end, top-start is counter-clockwise seen from the right: from outside.
 */
function wallsAlongRing(ring: readonly PlanarPoint[], baseZ: number, roofZ: number): Surface[] {
  return ring.map(([startX, startY], index) => {
    const [endX, endY] = ring[(index + 1) % ring.length]!;
    return {
      kind: 'wall',
      exterior: [
        [startX, startY, baseZ],
        [endX, endY, baseZ],
        [endX, endY, roofZ],
        [startX, startY, roofZ],
      ],
      holes: [],
    };
  });
}
