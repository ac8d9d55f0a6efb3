import {
  eastNorthUpAxes,
  eastNorthUpToEcefTransform,
  geodeticToEcef,
  type EastNorthUpAxes,
  type GeodeticPosition,
  type Vector3,
} from '../../geo/earthFrames';
import type { PlacedBuilding } from './placeBuilding';

/** The local frame of one tile: east-north-up at its centre, and the matrix that puts it on the globe. */
export interface TileFrame {
  originEcef: Vector3;
  axes: EastNorthUpAxes;
  /** ENU → ECEF, column-major: the tile's `transform` in tileset.json. */
  transform: number[];
}

/** All buildings of a tile merged into one primitive's vertex and index arrays, in glTF's axes. */
export interface TileGeometry {
  /**
   * (east, up, −north) metres from the tile's centre. glTF is y-up and 3D Tiles turns glTF content y-up →
   * z-up ((x, y, z) → (x, −z, y)) before the tile's transform, which gives back (east, north, up).
   */
  positions: Float32Array;
  /** Unit normals in the same axes as the positions. */
  normals: Float32Array;
  /** Index of the building in the tile (its row in the property table) per vertex. */
  featureIds: Uint16Array | Float32Array;
  /** Linear RGBA per vertex (roofs apart from walls), or undefined when roofs are not coloured. */
  colors: Uint8Array | undefined;
  indices: Uint16Array | Uint32Array;
}

/**
 * sRGB colours of walls (light grey) and roofs (red-brown), converted to glTF's linear vertex colours below.
 */
export const WALL_COLOR_SRGB: Vector3 = [0xdc, 0xd8, 0xd0];
export const ROOF_COLOR_SRGB: Vector3 = [0xa0, 0x52, 0x3c];
const ROOF_SURFACE_KIND = 1;

/** Converts an 8-bit sRGB channel to an 8-bit linear one (glTF vertex colours are linear). */
export function srgbToLinearByte(channel: number): number {
  const value = channel / 255;
  const linear = value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  return Math.round(linear * 255);
}

/** The frame of a tile centred on a geodetic position. */
export function createTileFrame(origin: GeodeticPosition): TileFrame {
  return {
    originEcef: geodeticToEcef(origin),
    axes: eastNorthUpAxes(origin),
    transform: eastNorthUpToEcefTransform(origin),
  };
}

/** Merges the buildings (feature id = position in the list) into local vertex arrays of one primitive. */
export function buildTileGeometry(
  buildings: readonly PlacedBuilding[],
  frame: TileFrame,
  options: { colorRoofs: boolean },
): TileGeometry {
  const vertexCount = buildings.reduce((sum, building) => sum + building.ecefPositions.length / 3, 0);
  const indexCount = buildings.reduce((sum, building) => sum + building.mesh.indices.length, 0);
  const positions = new Float32Array(vertexCount * 3);
  const normals = new Float32Array(vertexCount * 3);
  // Uint16 ids are exact and compact; a float (exact up to 2²⁴) only for absurdly full tiles.
  const featureIds = buildings.length <= 65536 ? new Uint16Array(vertexCount) : new Float32Array(vertexCount);
  const colors = options.colorRoofs ? new Uint8Array(vertexCount * 4) : undefined;
  // WebGL 2 always treats index 65535 as a primitive restart, so 16-bit indices stop one short of it.
  const indices = vertexCount < 65535 ? new Uint16Array(indexCount) : new Uint32Array(indexCount);
  const wallColor = [...WALL_COLOR_SRGB.map(srgbToLinearByte), 255];
  const roofColor = [...ROOF_COLOR_SRGB.map(srgbToLinearByte), 255];
  const [originX, originY, originZ] = frame.originEcef;
  // dot(v, axis) written out with the same operations in the same order (so the same floats), without a
  // Vector3 per vertex.
  const [eastX, eastY, eastZ] = frame.axes.east;
  const [northX, northY, northZ] = frame.axes.north;
  const [upX, upY, upZ] = frame.axes.up;
  let firstVertex = 0;
  let firstIndex = 0;
  for (let featureId = 0; featureId < buildings.length; featureId++) {
    const building = buildings[featureId]!;
    const { ecefPositions, ecefNormals } = building;
    const buildingVertexCount = ecefPositions.length / 3;
    for (let vertex = 0; vertex < buildingVertexCount; vertex++) {
      const source = vertex * 3;
      const target = (firstVertex + vertex) * 3;
      const x = ecefPositions[source]! - originX;
      const y = ecefPositions[source + 1]! - originY;
      const z = ecefPositions[source + 2]! - originZ;
      positions[target] = x * eastX + y * eastY + z * eastZ;
      positions[target + 1] = x * upX + y * upY + z * upZ;
      positions[target + 2] = -(x * northX + y * northY + z * northZ);
      const nx = ecefNormals[source]!;
      const ny = ecefNormals[source + 1]!;
      const nz = ecefNormals[source + 2]!;
      normals[target] = nx * eastX + ny * eastY + nz * eastZ;
      normals[target + 1] = nx * upX + ny * upY + nz * upZ;
      normals[target + 2] = -(nx * northX + ny * northY + nz * northZ);
      featureIds[firstVertex + vertex] = featureId;
    }
    const { indices: buildingIndices, triangleSurfaceKinds } = building.mesh;
    for (let index = 0; index < buildingIndices.length; index++) {
      const vertex = firstVertex + buildingIndices[index]!;
      indices[firstIndex + index] = vertex;
      if (colors === undefined) continue;
      // Surfaces share no vertices (flat shading), so each vertex takes the colour of its triangles' surface.
      const color = triangleSurfaceKinds[(index / 3) | 0] === ROOF_SURFACE_KIND ? roofColor : wallColor;
      const offset = vertex * 4;
      colors[offset] = color[0]!;
      colors[offset + 1] = color[1]!;
      colors[offset + 2] = color[2]!;
      colors[offset + 3] = color[3]!;
    }
    firstVertex += buildingVertexCount;
    firstIndex += buildingIndices.length;
  }
  return { positions, normals, featureIds, colors, indices };
}
