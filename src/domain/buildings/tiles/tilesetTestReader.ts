import type { Features, StructuralMetadata } from '@gltf-transform/extensions';
import { readPropertyTableRows, type PropertyTableRow } from './buildingPropertyTable';
import type { Vector3 } from '../../geo/earthFrames';
import { createTileIO } from './tileIO';
import type { Tileset, TilesetTile } from './tilesetJson';
import type { TilesetFiles } from './writeBuildingTileset';

/**
 * Reads a written tileset back the way a viewer would, for the tests and the benchmark: every feature with
 * its property-table row and its vertices and triangles, positions and normals in ECEF.
 */

/** One building as found in a tile. */
export interface DecodedFeature {
  tilePath: string;
  featureId: number;
  row: PropertyTableRow;
  ecefPositions: Vector3[];
  ecefNormals: Vector3[];
  /** Triangles as indices into this feature's vertices, in the file's winding. */
  triangles: [number, number, number][];
}

/** Every tile of the tree, depth first. */
export function listTiles(tile: TilesetTile): TilesetTile[] {
  return [tile, ...(tile.children ?? []).flatMap(listTiles)];
}

/** Applies a column-major 4×4 matrix to a point (w = 1) or a direction (w = 0). */
function transform(matrix: ArrayLike<number>, [x, y, z]: Vector3, w: 0 | 1): Vector3 {
  return [0, 1, 2].map(
    (row) => matrix[row]! * x + matrix[4 + row]! * y + matrix[8 + row]! * z + matrix[12 + row]! * w,
  ) as Vector3;
}

function normalize(vector: Vector3): Vector3 {
  const length = Math.hypot(...vector);
  return [vector[0] / length, vector[1] / length, vector[2] / length];
}

/** glTF y-up (x, y, z) → tile z-up (x, −z, y), as 3D Tiles applies to glTF content. */
function yUpToZUp([x, y, z]: Vector3): Vector3 {
  return [x, -z, y];
}

/** Decodes all features of one GLB placed with its tile's transform. */
export async function decodeTile(
  path: string,
  bytes: Uint8Array,
  tileTransform: number[],
): Promise<DecodedFeature[]> {
  const io = await createTileIO();
  const document = await io.readBinary(bytes);
  const structuralMetadata = document.getRoot().getExtension<StructuralMetadata>('EXT_structural_metadata');
  const node = document
    .getRoot()
    .listNodes()
    .find((candidate) => candidate.getMesh())!;
  const primitive = node.getMesh()!.listPrimitives()[0]!;
  const featureIdDefinition = primitive.getExtension<Features>('EXT_mesh_features')!.listFeatureIDs()[0]!;
  const rows = readPropertyTableRows(structuralMetadata!, featureIdDefinition.getPropertyTable()!);
  const worldMatrix = node.getWorldMatrix();
  const positions = primitive.getAttribute('POSITION')!;
  const normals = primitive.getAttribute('NORMAL')!;
  const featureIds = primitive.getAttribute(`_FEATURE_ID_${featureIdDefinition.getAttribute()}`)!;
  const features: DecodedFeature[] = rows.map((row, featureId) => ({
    tilePath: path,
    featureId,
    row,
    ecefPositions: [],
    ecefNormals: [],
    triangles: [],
  }));
  const localIndex: number[] = [];
  for (let vertex = 0; vertex < positions.getCount(); vertex++) {
    const feature = features[featureIds.getScalar(vertex)]!;
    const local = transform(worldMatrix, positions.getElement(vertex, [0, 0, 0]) as Vector3, 1);
    const normal = normalize(transform(worldMatrix, normals.getElement(vertex, [0, 0, 0]) as Vector3, 0));
    localIndex.push(feature.ecefPositions.length);
    feature.ecefPositions.push(transform(tileTransform, yUpToZUp(local), 1));
    feature.ecefNormals.push(normalize(transform(tileTransform, yUpToZUp(normal), 0)));
  }
  const indices = primitive.getIndices()!.getArray()!;
  for (let corner = 0; corner < indices.length; corner += 3) {
    const [a, b, c] = [indices[corner]!, indices[corner + 1]!, indices[corner + 2]!];
    const feature = features[featureIds.getScalar(a)]!;
    feature.triangles.push([localIndex[a]!, localIndex[b]!, localIndex[c]!]);
  }
  return features;
}

/** Reads tileset.json and every GLB it names. */
export async function readTileset(
  files: TilesetFiles,
): Promise<{ tileset: Tileset; features: DecodedFeature[] }> {
  const byPath = new Map(files.map((file) => [file.path, file.bytes]));
  const tileset = JSON.parse(new TextDecoder().decode(byPath.get('tileset.json'))) as Tileset;
  const features: DecodedFeature[] = [];
  for (const tile of listTiles(tileset.root)) {
    if (!tile.content) continue;
    const bytes = byPath.get(tile.content.uri);
    if (!bytes) throw new Error(`tileset.json names ${tile.content.uri}, which was not written.`);
    features.push(...(await decodeTile(tile.content.uri, bytes, tile.transform!)));
  }
  return { tileset, features };
}
