import earcut from 'earcut';
import type {
  BuildingIssue,
  BuildingMesh,
  BuildingSource,
  Point3,
  Surface,
  SurfaceKind,
} from '../buildingModel';
import {
  cross,
  newellNormal,
  normalize,
  projectRingsToPlane,
  ringSelfIntersects,
  vectorLength,
  type Vector3,
} from './planarPolygon';

const SURFACE_KIND_CODES: Record<SurfaceKind, number> = { wall: 0, roof: 1, ground: 2, closure: 3 };
/** Polygons smaller than this (m²) are slivers from rounding; they add triangles and no visible surface. */
const MINIMUM_AREA_SQUARE_METERS = 0.01;

export interface TriangulationResult {
  /** Undefined when no surface of the building could be triangulated. */
  mesh: BuildingMesh | undefined;
  issues: BuildingIssue[];
}

/** Signed volume of the closed shell (positive when the surfaces face outward), relative to a reference point. */
function signedVolume(surfaces: readonly Surface[], normals: readonly Vector3[], origin: Point3): number {
  let volume = 0;
  for (let index = 0; index < surfaces.length; index++) {
    const normal = normals[index]!;
    const first = surfaces[index]!.exterior[0]!;
    // Divergence theorem: V = 1/3 Σ (p · n) A, with |newell| = 2A.
    volume +=
      ((first[0] - origin[0]) * normal[0] +
        (first[1] - origin[1]) * normal[1] +
        (first[2] - origin[2]) * normal[2]) /
      6;
  }
  return volume;
}

/**
 * Scratch arrays reused from building to building (the pipeline triangulates one building at a time per thread):
 * the mesh gets exact-length copies, so no per-vertex number[] grows and no per-point object is made.
 */
const scratch = {
  positions: new Float64Array(3 * 1024),
  normals: new Float32Array(3 * 1024),
  indices: new Uint32Array(3 * 1024),
  kinds: new Uint8Array(1024),
  /** The current surface's rings projected to its plane, flat x, y, for earcut. */
  planar: new Float64Array(2 * 256),
};

function grownFloat64(array: Float64Array<ArrayBuffer>, needed: number): Float64Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const grown = new Float64Array(Math.max(needed, 2 * array.length));
  grown.set(array);
  return grown;
}

function grownFloat32(array: Float32Array<ArrayBuffer>, needed: number): Float32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const grown = new Float32Array(Math.max(needed, 2 * array.length));
  grown.set(array);
  return grown;
}

function grownUint32(array: Uint32Array<ArrayBuffer>, needed: number): Uint32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const grown = new Uint32Array(Math.max(needed, 2 * array.length));
  grown.set(array);
  return grown;
}

function grownUint8(array: Uint8Array<ArrayBuffer>, needed: number): Uint8Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const grown = new Uint8Array(Math.max(needed, 2 * array.length));
  grown.set(array);
  return grown;
}

/**
 * projectRingsToPlane into scratch.planar (same arithmetic, so the same numbers); returns the hole starts
 * (in points) and leaves the planar coordinates of `pointCount` points in scratch.planar.
 */
function projectSurfaceToPlane(surface: Surface, normal: Vector3, pointCount: number): number[] {
  const length = vectorLength(normal);
  const n: Vector3 = [normal[0] / length, normal[1] / length, normal[2] / length];
  // Any vector not parallel to n gives a basis (u, v) of the plane; u × v = n keeps the ring's orientation.
  const helper: Vector3 = Math.abs(n[2]) < 0.9 ? [0, 0, 1] : [1, 0, 0];
  const u = normalize(cross(helper, n));
  const v = cross(n, u);
  const [ux, uy, uz] = u;
  const [vx, vy, vz] = v;
  const origin = surface.exterior[0]!;
  const ox = origin[0];
  const oy = origin[1];
  const oz = origin[2];
  const planar = (scratch.planar = grownFloat64(scratch.planar, 2 * pointCount));
  const holeIndices: number[] = [];
  let offset = 0;
  for (let ring = -1; ring < surface.holes.length; ring++) {
    const points = ring < 0 ? surface.exterior : surface.holes[ring]!;
    if (ring >= 0) holeIndices.push(offset / 2);
    for (let index = 0; index < points.length; index++) {
      const point = points[index]!;
      const dx = point[0] - ox;
      const dy = point[1] - oy;
      const dz = point[2] - oz;
      planar[offset++] = dx * ux + dy * uy + dz * uz;
      planar[offset++] = dx * vx + dy * vy + dz * vz;
    }
  }
  return holeIndices;
}

/**
 * Triangulates each surface in its own plane (earcut on the plane's 2D projection, holes included) and gives every
 * triangle the surface's outward normal, flat-shaded. Repairs orientation where the data says clearly which side is
 * out (a ground facing up, a roof facing down, a whole shell turned inside out) and reports degenerate or
 * self-intersecting polygons by the building's id, skipping only those polygons (warnings: the building stays).
 * An error means no surface was left and the building is skipped.
 */
export function triangulateBuilding(building: BuildingSource): TriangulationResult {
  const { attributes, surfaces } = building;
  const issues: BuildingIssue[] = [];
  const report = (severity: BuildingIssue['severity'], code: string, message: string) =>
    issues.push({ severity, code, file: attributes.sourceFile, featureId: attributes.sourceId, message });

  const surfaceNormals = surfaces.map((surface) => newellNormal(surface.exterior));
  const origin = surfaces[0]?.exterior[0];
  const shellIsInsideOut = origin !== undefined && signedVolume(surfaces, surfaceNormals, origin) < 0;
  if (shellIsInsideOut) report('warning', 'inside-out', 'all surfaces faced inward; turned them outward');

  let vertexCount = 0;
  let indexCount = 0;

  for (let surfaceIndex = 0; surfaceIndex < surfaces.length; surfaceIndex++) {
    const surface = surfaces[surfaceIndex]!;
    const rawNormal = surfaceNormals[surfaceIndex]!;
    const doubleArea = vectorLength(rawNormal);
    if (surface.exterior.length < 3 || !(doubleArea / 2 >= MINIMUM_AREA_SQUARE_METERS)) {
      // A bow-tie's two lobes cancel to no area: say what it really is.
      const spanNormal = spanningNormal(surface.exterior);
      const crossesItself =
        spanNormal !== undefined &&
        ringSelfIntersects(
          projectRingsToPlane([surface.exterior], spanNormal).coordinates,
          0,
          surface.exterior.length,
        );
      if (crossesItself) {
        report(
          'warning',
          'self-intersecting-polygon',
          `${surface.kind} surface ${surfaceIndex} crosses itself; skipped`,
        );
      } else {
        report(
          'warning',
          'degenerate-polygon',
          `${surface.kind} surface ${surfaceIndex} has no area; skipped`,
        );
      }
      continue;
    }
    let outward: Vector3 = [rawNormal[0] / doubleArea, rawNormal[1] / doubleArea, rawNormal[2] / doubleArea];
    if (shellIsInsideOut) outward = [-outward[0], -outward[1], -outward[2]];
    if ((surface.kind === 'ground' && outward[2] > 0.5) || (surface.kind === 'roof' && outward[2] < -0.5)) {
      outward = [-outward[0], -outward[1], -outward[2]];
      report(
        'warning',
        'flipped-polygon',
        `${surface.kind} surface ${surfaceIndex} faced the wrong way; turned`,
      );
    }
    let pointCount = surface.exterior.length;
    for (const hole of surface.holes) pointCount += hole.length;
    const holeIndices = projectSurfaceToPlane(surface, rawNormal, pointCount);
    const planar = scratch.planar.subarray(0, 2 * pointCount);
    let crossesItself = false;
    for (let ring = 0; ring <= holeIndices.length && !crossesItself; ring++) {
      const ringStart = ring === 0 ? 0 : holeIndices[ring - 1]!;
      const ringEnd = ring < holeIndices.length ? holeIndices[ring]! : pointCount;
      crossesItself = ringSelfIntersects(planar, ringStart, ringEnd);
    }
    if (crossesItself) {
      report(
        'warning',
        'self-intersecting-polygon',
        `${surface.kind} surface ${surfaceIndex} crosses itself; skipped`,
      );
      continue;
    }
    const triangles = earcut(planar, holeIndices, 2);
    if (triangles.length === 0) {
      report(
        'warning',
        'degenerate-polygon',
        `${surface.kind} surface ${surfaceIndex} could not be triangulated`,
      );
      continue;
    }
    const base = vertexCount;
    const positions = (scratch.positions = grownFloat64(scratch.positions, 3 * (base + pointCount)));
    const normals = (scratch.normals = grownFloat32(scratch.normals, 3 * (base + pointCount)));
    const [nx, ny, nz] = outward;
    for (let ring = -1; ring < surface.holes.length; ring++) {
      const points = ring < 0 ? surface.exterior : surface.holes[ring]!;
      for (let index = 0; index < points.length; index++) {
        const point = points[index]!;
        const offset = 3 * vertexCount++;
        positions[offset] = point[0];
        positions[offset + 1] = point[1];
        positions[offset + 2] = point[2];
        normals[offset] = nx;
        normals[offset + 1] = ny;
        normals[offset + 2] = nz;
      }
    }
    const indices = (scratch.indices = grownUint32(scratch.indices, indexCount + triangles.length));
    const kinds = (scratch.kinds = grownUint8(scratch.kinds, (indexCount + triangles.length) / 3));
    const kind = SURFACE_KIND_CODES[surface.kind];
    for (let corner = 0; corner < triangles.length; corner += 3) {
      const a = base + triangles[corner]!;
      let b = base + triangles[corner + 1]!;
      let c = base + triangles[corner + 2]!;
      // earcut does not promise a winding: make each triangle counter-clockwise seen from outside.
      if (dotTriangleNormal(positions, a, b, c, outward) < 0) [b, c] = [c, b];
      kinds[indexCount / 3] = kind;
      indices[indexCount++] = a;
      indices[indexCount++] = b;
      indices[indexCount++] = c;
    }
  }

  if (indexCount === 0) {
    report('error', 'no-geometry', 'no surface could be triangulated; building skipped');
    return { mesh: undefined, issues };
  }
  return {
    mesh: {
      attributes,
      positions: scratch.positions.slice(0, 3 * vertexCount),
      normals: scratch.normals.slice(0, 3 * vertexCount),
      indices: scratch.indices.slice(0, indexCount),
      triangleSurfaceKinds: scratch.kinds.slice(0, indexCount / 3),
    },
    issues,
  };
}

/** The normal of the largest triangle fan from the first point: a plane for rings whose Newell area cancels out. */
function spanningNormal(ring: readonly Point3[]): Vector3 | undefined {
  let best: Vector3 | undefined;
  let bestLength = 1e-9;
  const [ox, oy, oz] = ring[0]!;
  for (let first = 1; first < ring.length; first++) {
    for (let second = first + 1; second < ring.length; second++) {
      const a: Vector3 = [ring[first]![0] - ox, ring[first]![1] - oy, ring[first]![2] - oz];
      const b: Vector3 = [ring[second]![0] - ox, ring[second]![1] - oy, ring[second]![2] - oz];
      const normal: Vector3 = [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
      ];
      const length = vectorLength(normal);
      if (length > bestLength) [best, bestLength] = [normal, length];
    }
  }
  return best;
}

/** The dot product of triangle a, b, c's (unnormalised) normal with `normal`; a, b, c index flat x, y, z triples. */
function dotTriangleNormal(
  positions: Float64Array,
  a: number,
  b: number,
  c: number,
  normal: Vector3,
): number {
  const ax = positions[3 * a]!;
  const ay = positions[3 * a + 1]!;
  const az = positions[3 * a + 2]!;
  const abx = positions[3 * b]! - ax;
  const aby = positions[3 * b + 1]! - ay;
  const abz = positions[3 * b + 2]! - az;
  const acx = positions[3 * c]! - ax;
  const acy = positions[3 * c + 1]! - ay;
  const acz = positions[3 * c + 2]! - az;
  return (
    (aby * acz - abz * acy) * normal[0] +
    (abz * acx - abx * acz) * normal[1] +
    (abx * acy - aby * acx) * normal[2]
  );
}
