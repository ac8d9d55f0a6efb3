import { segmentsIntersectAt } from '../../geo/segmentIntersection';
import type { Point3 } from '../buildingModel';

/** A unit vector. */
export type Vector3 = [x: number, y: number, z: number];

/**
 * The normal of a polygon by Newell's method: robust for non-convex and slightly non-planar rings; its length is
 * twice the polygon's area. Points counter-clockwise seen from the side the normal points to.
 */
export function newellNormal(ring: readonly Point3[]): Vector3 {
  let nx = 0;
  let ny = 0;
  let nz = 0;
  // Relative to the first point, so UTM coordinates of ~5.7e6 do not cost precision.
  const [ox, oy, oz] = ring[0]!;
  for (let index = 0; index < ring.length; index++) {
    const current = ring[index]!;
    const next = ring[(index + 1) % ring.length]!;
    const cx = current[0] - ox;
    const cy = current[1] - oy;
    const cz = current[2] - oz;
    const px = next[0] - ox;
    const py = next[1] - oy;
    const pz = next[2] - oz;
    nx += (cy - py) * (cz + pz);
    ny += (cz - pz) * (cx + px);
    nz += (cx - px) * (cy + py);
  }
  return [nx, ny, nz];
}

export function vectorLength(vector: Vector3): number {
  return Math.hypot(vector[0], vector[1], vector[2]);
}

/** Projects 3D rings onto the plane with the given normal, as flat 2D coordinates for earcut. */
export function projectRingsToPlane(
  rings: readonly (readonly Point3[])[],
  normal: Vector3,
): { coordinates: number[]; holeIndices: number[] } {
  const length = vectorLength(normal);
  const n: Vector3 = [normal[0] / length, normal[1] / length, normal[2] / length];
  // Any vector not parallel to n gives a basis (u, v) of the plane; u × v = n keeps the ring's orientation.
  const helper: Vector3 = Math.abs(n[2]) < 0.9 ? [0, 0, 1] : [1, 0, 0];
  const u = normalize(cross(helper, n));
  const v = cross(n, u);
  const [ox, oy, oz] = rings[0]![0]!;
  const coordinates: number[] = [];
  const holeIndices: number[] = [];
  rings.forEach((ring, ringIndex) => {
    if (ringIndex > 0) holeIndices.push(coordinates.length / 2);
    for (const [x, y, z] of ring) {
      const dx = x - ox;
      const dy = y - oy;
      const dz = z - oz;
      coordinates.push(dx * u[0] + dy * u[1] + dz * u[2], dx * v[0] + dy * v[1] + dz * v[2]);
    }
  });
  return { coordinates, holeIndices };
}

export function cross(a: Vector3, b: Vector3): Vector3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function normalize(vector: Vector3): Vector3 {
  const length = vectorLength(vector);
  return [vector[0] / length, vector[1] / length, vector[2] / length];
}

/** Whether any two non-adjacent edges of a 2D ring (flat x,y pairs from `start` to `end`) cross. */
export function ringSelfIntersects(coordinates: ArrayLike<number>, start: number, end: number): boolean {
  const count = end - start;
  if (count < 4) return false;
  // Offsets and coordinates inline (no closures, no tuples): this runs for every surface of every building.
  for (let first = 0; first < count; first++) {
    const a = 2 * (start + first);
    const b = 2 * (start + ((first + 1) % count));
    const ax = coordinates[a]!;
    const ay = coordinates[a + 1]!;
    const bx = coordinates[b]!;
    const by = coordinates[b + 1]!;
    for (let second = first + 2; second < count; second++) {
      if (first === 0 && second === count - 1) continue; // the closing edge touches the first one
      const c = 2 * (start + second);
      const d = 2 * (start + ((second + 1) % count));
      // Only proper crossings count: LoD2 rings may legitimately touch where surfaces meet.
      if (
        segmentsIntersectAt(
          ax,
          ay,
          bx,
          by,
          coordinates[c]!,
          coordinates[c + 1]!,
          coordinates[d]!,
          coordinates[d + 1]!,
          false,
        )
      )
        return true;
    }
  }
  return false;
}
