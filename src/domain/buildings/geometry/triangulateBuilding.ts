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
  newellNormal,
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
function signedVolume(surfaces: readonly Surface[], origin: Point3): number {
  let volume = 0;
  for (const surface of surfaces) {
    const normal = newellNormal(surface.exterior);
    const [px, py, pz] = surface.exterior[0]!;
    // Divergence theorem: V = 1/3 Σ (p · n) A, with |newell| = 2A.
    volume +=
      ((px - origin[0]) * normal[0] + (py - origin[1]) * normal[1] + (pz - origin[2]) * normal[2]) / 6;
  }
  return volume;
}

/**
 * Triangulates each surface in its own plane (earcut on the plane's 2D projection, holes included) and gives every
 * triangle the surface's outward normal, flat-shaded. Repairs orientation where the data says clearly which side is
 * out (a ground facing up, a roof facing down, a whole shell turned inside out) and reports degenerate or
 * self-intersecting polygons by the building's id, skipping only those polygons (warnings: the building stays).
 * An error means no surface was left and the building is skipped.
 */
export function triangulateBuilding(building: BuildingSource): TriangulationResult {
  const { attributes } = building;
  const issues: BuildingIssue[] = [];
  const report = (severity: BuildingIssue['severity'], code: string, message: string) =>
    issues.push({ severity, code, file: attributes.sourceFile, featureId: attributes.sourceId, message });

  const origin = building.surfaces[0]?.exterior[0];
  const shellIsInsideOut = origin !== undefined && signedVolume(building.surfaces, origin) < 0;
  if (shellIsInsideOut) report('warning', 'inside-out', 'all surfaces faced inward; turned them outward');

  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  const triangleKinds: number[] = [];

  building.surfaces.forEach((surface, surfaceIndex) => {
    const rings = [surface.exterior, ...surface.holes];
    const rawNormal = newellNormal(surface.exterior);
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
      return;
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
    const { coordinates, holeIndices } = projectRingsToPlane(rings, rawNormal);
    const ringStarts = [0, ...holeIndices, coordinates.length / 2];
    for (let ring = 0; ring < rings.length; ring++) {
      if (ringSelfIntersects(coordinates, ringStarts[ring]!, ringStarts[ring + 1]!)) {
        report(
          'warning',
          'self-intersecting-polygon',
          `${surface.kind} surface ${surfaceIndex} crosses itself; skipped`,
        );
        return;
      }
    }
    const triangles = earcut(coordinates, holeIndices, 2);
    if (triangles.length === 0) {
      report(
        'warning',
        'degenerate-polygon',
        `${surface.kind} surface ${surfaceIndex} could not be triangulated`,
      );
      return;
    }
    const points = rings.flat();
    const base = positions.length / 3;
    for (const [x, y, z] of points) {
      positions.push(x, y, z);
      normals.push(outward[0], outward[1], outward[2]);
    }
    for (let corner = 0; corner < triangles.length; corner += 3) {
      const a = triangles[corner]!;
      let b = triangles[corner + 1]!;
      let c = triangles[corner + 2]!;
      // earcut does not promise a winding: make each triangle counter-clockwise seen from outside.
      if (dotTriangleNormal(points[a]!, points[b]!, points[c]!, outward) < 0) [b, c] = [c, b];
      indices.push(base + a, base + b, base + c);
      triangleKinds.push(SURFACE_KIND_CODES[surface.kind]);
    }
  });

  if (indices.length === 0) {
    report('error', 'no-geometry', 'no surface could be triangulated; building skipped');
    return { mesh: undefined, issues };
  }
  return {
    mesh: {
      attributes,
      positions: Float64Array.from(positions),
      normals: Float32Array.from(normals),
      indices: Uint32Array.from(indices),
      triangleSurfaceKinds: Uint8Array.from(triangleKinds),
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

function dotTriangleNormal(a: Point3, b: Point3, c: Point3, normal: Vector3): number {
  const abx = b[0] - a[0];
  const aby = b[1] - a[1];
  const abz = b[2] - a[2];
  const acx = c[0] - a[0];
  const acy = c[1] - a[1];
  const acz = c[2] - a[2];
  return (
    (aby * acz - abz * acy) * normal[0] +
    (abz * acx - abx * acz) * normal[1] +
    (abx * acy - aby * acx) * normal[2]
  );
}
