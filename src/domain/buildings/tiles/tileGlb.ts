import { Document, Format, GLB_BUFFER, Logger, type TypedArray, type WebIO } from '@gltf-transform/core';
import {
  EXTMeshFeatures,
  EXTMeshoptCompression,
  EXTStructuralMetadata,
  KHRMeshQuantization,
} from '@gltf-transform/extensions';
import { quantize, reorder } from '@gltf-transform/functions';
import { MeshoptEncoder } from 'meshoptimizer/encoder';
import { addBuildingPropertyTable } from './buildingPropertyTable';
import type { BuildingLabelFunctions } from './buildingProperties';
import { packGlb } from './glbContainer';
import type { PlacedBuilding } from './placeBuilding';
import {
  buildTileGeometry,
  srgbToLinearByte,
  WALL_COLOR_SRGB,
  type TileFrame,
  type TileGeometry,
} from './tileGeometry';

/**
 * How a tile's geometry is stored: `none` = float32; `quantize` = KHR_mesh_quantization (positions in as few
 * bits as the tolerance allows, at most 16; 8-bit normals); `meshopt` = the same positions, compressed with
 * EXT_meshopt_compression (normals octahedral, 8-bit).
 */
export type TileCompression = 'none' | 'quantize' | 'meshopt';

/** Options of one tile's GLB. */
export interface TileGlbOptions {
  compression: TileCompression;
  /** Colour roofs red-brown and walls light grey with vertex colours (COLOR_0). */
  colorRoofs: boolean;
  labels: BuildingLabelFunctions;
  /** Largest allowed distance between a written and an input vertex, metres. */
  positionToleranceMeters: number;
}

/** Written into every GLB's `asset.generator`. */
export const TILE_GENERATOR = 'Münster Twin building tiler (glTF-Transform)';

/**
 * Fewest bits (8–16) for quantized positions that keep each vertex within the tolerance, or undefined when
 * even 16 bits are too coarse (the tile then keeps float32 positions). gltf-transform's bit replication for
 * fewer than 16 bits errs up to 0.75 of a quantization step (measured), 16 bits half a step; per axis, hence
 * the √3.
 */
export function positionQuantizationBits(
  halfExtentMeters: number,
  toleranceMeters: number,
): number | undefined {
  const perAxisTolerance = toleranceMeters / Math.sqrt(3);
  for (let bits = 8; bits <= 16; bits++) {
    const stepMeters = halfExtentMeters / (2 ** (bits - 1) - 1);
    if ((bits === 16 ? 0.5 : 0.75) * stepMeters <= perAxisTolerance) return bits;
  }
  return undefined;
}

/** Half of the largest side of the positions' bounding box: the scale quantize() maps onto [-1, 1]. */
function largestHalfExtent(positions: Float32Array): number {
  let minX = Infinity;
  let minY = Infinity;
  let minZ = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let maxZ = -Infinity;
  for (let index = 0; index < positions.length; index += 3) {
    const x = positions[index]!;
    const y = positions[index + 1]!;
    const z = positions[index + 2]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    if (z < minZ) minZ = z;
    if (z > maxZ) maxZ = z;
  }
  return Math.max((maxX - minX) / 2, (maxY - minY) / 2, (maxZ - minZ) / 2);
}

function createTileDocument(
  buildings: readonly PlacedBuilding[],
  geometry: TileGeometry,
  options: TileGlbOptions,
) {
  // Warnings only: prune's routine "removed accessor" notes would flood a city-sized run.
  const document = new Document().setLogger(new Logger(Logger.Verbosity.WARN));
  document.getRoot().getAsset().generator = TILE_GENERATOR;
  // Created first so its buffer views are written first and it is read before EXT_mesh_features.
  const metadata = document.createExtension(EXTStructuralMetadata);
  const meshFeatures = document.createExtension(EXTMeshFeatures);
  const buffer = document.createBuffer();
  const accessor = (type: 'SCALAR' | 'VEC3' | 'VEC4', array: TypedArray) =>
    document.createAccessor().setType(type).setArray(array).setBuffer(buffer);
  const baseColor = options.colorRoofs
    ? [1, 1, 1, 1]
    : [...WALL_COLOR_SRGB.map((c) => srgbToLinearByte(c) / 255), 1];
  const material = document
    .createMaterial('building')
    .setBaseColorFactor(baseColor as [number, number, number, number])
    .setMetallicFactor(0)
    .setRoughnessFactor(0.9)
    .setDoubleSided(false);
  const primitive = document
    .createPrimitive()
    .setAttribute('POSITION', accessor('VEC3', geometry.positions))
    .setAttribute('NORMAL', accessor('VEC3', geometry.normals))
    .setAttribute('_FEATURE_ID_0', accessor('SCALAR', geometry.featureIds))
    .setIndices(accessor('SCALAR', geometry.indices))
    .setMaterial(material);
  if (geometry.colors)
    primitive.setAttribute('COLOR_0', accessor('VEC4', geometry.colors).setNormalized(true));
  const table = addBuildingPropertyTable(
    document,
    metadata,
    buildings.map((building) => building.mesh.attributes),
    options.labels,
  );
  const featureId = meshFeatures
    .createFeatureID()
    .setFeatureCount(buildings.length)
    .setAttribute(0)
    .setPropertyTable(table);
  primitive.setExtension('EXT_mesh_features', meshFeatures.createFeatures().addFeatureID(featureId));
  const mesh = document.createMesh('buildings').addPrimitive(primitive);
  const scene = document.createScene().addChild(document.createNode('buildings').setMesh(mesh));
  document.getRoot().setDefaultScene(scene);
  return document;
}

/**
 * Quantizes and compresses. The quantize pattern names POSITION and NORMAL only: `_FEATURE_ID_0` must stay
 * exact integers (quantize() would otherwise normalise "generic" attributes), and COLOR_0 is already 8-bit.
 * reorder() only reorders and drops unused vertices; it never merges them, so buildings stay apart.
 */
async function compressTileDocument(document: Document, geometry: TileGeometry, options: TileGlbOptions) {
  if (options.compression === 'none') return;
  const positionBits = positionQuantizationBits(
    largestHalfExtent(geometry.positions),
    options.positionToleranceMeters,
  );
  const quantized = positionBits === undefined ? [] : ['POSITION'];
  if (options.compression === 'quantize') {
    quantized.push('NORMAL');
  } else {
    await MeshoptEncoder.ready;
    await document.transform(reorder({ encoder: MeshoptEncoder, target: 'size' }));
  }
  if (quantized.length > 0) {
    await document.transform(
      quantize({
        pattern: new RegExp(`^(${quantized.join('|')})$`),
        quantizePosition: positionBits ?? 16,
        quantizeNormal: 8,
      }),
    );
  }
  if (options.compression === 'meshopt') {
    // The FILTER method encodes normals octahedrally as 8-bit integers, which need KHR_mesh_quantization even
    // when positions stay float32; positions and ids are encoded losslessly.
    document.createExtension(KHRMeshQuantization).setRequired(true);
    document
      .createExtension(EXTMeshoptCompression)
      .setRequired(true)
      .setEncoderOptions({ method: EXTMeshoptCompression.EncoderMethod.FILTER });
  }
}

/** Writes the buildings of one tile (feature id = index in the list) as a GLB in the tile's local frame. */
export async function writeTileGlb(
  io: WebIO,
  buildings: readonly PlacedBuilding[],
  frame: TileFrame,
  options: TileGlbOptions,
): Promise<Uint8Array> {
  const geometry = buildTileGeometry(buildings, frame, { colorRoofs: options.colorRoofs });
  const document = createTileDocument(buildings, geometry, options);
  await compressTileDocument(document, geometry, options);
  const { json, resources } = await io.writeJSON(document, { format: Format.GLB });
  return packGlb(json, resources[GLB_BUFFER]);
}
