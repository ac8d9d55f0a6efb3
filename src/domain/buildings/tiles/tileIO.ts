import { WebIO } from '@gltf-transform/core';
import {
  EXTMeshFeatures,
  EXTMeshoptCompression,
  EXTStructuralMetadata,
  KHRMeshQuantization,
} from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer/decoder';
import { MeshoptEncoder } from 'meshoptimizer/encoder';

/**
 * The glTF extensions of our tiles. gltf-transform v4 ships EXT_structural_metadata and EXT_mesh_features
 * (contributed by 3d-tiles-tools' authors); metadata must be read before the features that point into it, so
 * EXTStructuralMetadata is registered first.
 */
export const TILE_EXTENSIONS = [
  EXTStructuralMetadata,
  EXTMeshFeatures,
  KHRMeshQuantization,
  EXTMeshoptCompression,
];

/**
 * A glTF reader/writer that knows the tile extensions and the meshopt codec. WebIO, not NodeIO: it needs no
 * file system, so the domain stays free of I/O and runs in Node and browsers alike.
 */
export async function createTileIO(): Promise<WebIO> {
  await Promise.all([MeshoptEncoder.ready, MeshoptDecoder.ready]);
  return new WebIO()
    .registerExtensions(TILE_EXTENSIONS)
    .registerDependencies({ 'meshopt.encoder': MeshoptEncoder, 'meshopt.decoder': MeshoptDecoder });
}
