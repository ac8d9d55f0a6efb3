import type { Utm32Point } from '../../geo/projection';
import type { BuildingMesh } from '../buildingModel';
import type { BuildingLabelFunctions } from './buildingProperties';
import { regionCenter, unionRegions, type GeographicRegion } from './geographicRegion';
import { LocalUtm32Projection } from './localUtm32Projection';
import { loadGeoidModel, placeBuilding, type HeightMode } from './placeBuilding';
import { createTileFrame } from './tileGeometry';
import { writeTileGlb, type TileCompression } from './tileGlb';
import { createTileIO } from './tileIO';

/** How every tile of a tileset is written; plain data, so that a worker thread can be given it. */
export interface TileContentSettings {
  heightMode: HeightMode;
  compression: TileCompression;
  colorRoofs: boolean;
  positionToleranceMeters: number;
}

/** The buildings of one quadtree leaf, in feature-id order, with the footprint centroid of each. */
export interface TileBuildings {
  meshes: BuildingMesh[];
  centroids: Utm32Point[];
}

/** One leaf's GLB and what tileset.json says about it. */
export interface TileContent {
  bytes: Uint8Array;
  region: GeographicRegion;
  /** ENU → ECEF of the tile, column-major. */
  transform: number[];
}

/**
 * Writes leaves' GLBs. Several may be asked for before the first is done, up to `concurrency`; each result
 * depends only on its buildings and the settings, so a pool of threads gives the same bytes as this thread.
 */
export interface TileContentWriter {
  readonly concurrency: number;
  write(buildings: TileBuildings): Promise<TileContent>;
}

/** Places the buildings, frames the tile at the centre of their region and writes its GLB. */
export async function createTileContentWriter(
  settings: TileContentSettings,
  labels: BuildingLabelFunctions,
): Promise<TileContentWriter> {
  if (settings.heightMode === 'true') await loadGeoidModel();
  const io = await createTileIO();
  // One for all tiles: each 500 m cell's expansion is computed once.
  const projection = new LocalUtm32Projection();
  return {
    concurrency: 1,
    async write({ meshes, centroids }) {
      const placed = meshes.map((mesh, index) =>
        placeBuilding(mesh, settings.heightMode, centroids[index], projection),
      );
      const region = unionRegions(placed.map((building) => building.region));
      const frame = createTileFrame(regionCenter(region));
      const bytes = await writeTileGlb(io, placed, frame, {
        compression: settings.compression,
        colorRoofs: settings.colorRoofs,
        labels,
        positionToleranceMeters: settings.positionToleranceMeters,
      });
      return { bytes, region, transform: frame.transform };
    },
  };
}
