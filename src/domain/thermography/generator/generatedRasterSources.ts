import Flatbush from 'flatbush';
import type { ThermalRasterSource } from '../measureRoofsInRasters';
import type { RoofOutline } from '../roofOutline';
import type { PlanarBounds } from '../thermalRaster';
import { renderThermalWindow, type RasterWindow } from './renderThermalRaster';
import type { ThermalScene } from './thermalScene';

/** How a generated flight is cut into windows: cells of `tileSizeMeters`, each grown to hold its roofs whole. */
export interface GeneratedTiling {
  pixelSizeMeters: number;
  tileSizeMeters: number;
  /** Ground kept around the roofs of a tile (for the owner's image crop). */
  marginMeters: number;
}

export const DEFAULT_GENERATED_TILING: Omit<GeneratedTiling, 'pixelSizeMeters'> = {
  tileSizeMeters: 250,
  marginMeters: 4,
};

/** A spatial index of the scene's roofs by their bounds (positions = indices into `scene.roofs`). */
export function indexSceneRoofs(scene: ThermalScene): Flatbush {
  const index = new Flatbush(Math.max(1, scene.roofs.length));
  for (const { roof } of scene.roofs)
    index.add(
      roof.bounds.minEasting,
      roof.bounds.minNorthing,
      roof.bounds.maxEasting,
      roof.bounds.maxNorthing,
    );
  if (scene.roofs.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return index;
}

/**
 * The generated flight as raster sources: one window per tile cell that holds roof centres, covering those roofs
 * whole plus a margin, on one global pixel grid; each window is rendered only when loaded.
 */
export function generatedRasterSources(scene: ThermalScene, tiling: GeneratedTiling): ThermalRasterSource[] {
  const roofIndex = indexSceneRoofs(scene);
  const cells = new Map<string, { column: number; row: number; roofs: RoofOutline[] }>();
  for (const { roof } of scene.roofs) {
    const column = Math.floor(roof.centre[0] / tiling.tileSizeMeters);
    const row = Math.floor(roof.centre[1] / tiling.tileSizeMeters);
    const key = `${column}_${row}`;
    const cell = cells.get(key) ?? { column, row, roofs: [] };
    cell.roofs.push(roof);
    cells.set(key, cell);
  }
  return [...cells.values()]
    .sort((a, b) => b.row - a.row || a.column - b.column)
    .map(({ column, row, roofs }) => {
      const window = windowAround(roofs, tiling);
      return {
        name: `generated tile ${column * tiling.tileSizeMeters}_${row * tiling.tileSizeMeters}`,
        bounds: boundsOfWindow(window),
        load: () => Promise.resolve(renderThermalWindow(scene, roofIndex, window)),
      };
    });
}

/** A window on the global pixel grid covering the roofs' bounds plus the margin. */
export function windowAround(roofs: readonly RoofOutline[], tiling: GeneratedTiling): RasterWindow {
  const size = tiling.pixelSizeMeters;
  let minEasting = Infinity;
  let minNorthing = Infinity;
  let maxEasting = -Infinity;
  let maxNorthing = -Infinity;
  for (const { bounds } of roofs) {
    minEasting = Math.min(minEasting, bounds.minEasting);
    minNorthing = Math.min(minNorthing, bounds.minNorthing);
    maxEasting = Math.max(maxEasting, bounds.maxEasting);
    maxNorthing = Math.max(maxNorthing, bounds.maxNorthing);
  }
  return windowOfBounds(
    {
      minEasting: minEasting - tiling.marginMeters,
      minNorthing: minNorthing - tiling.marginMeters,
      maxEasting: maxEasting + tiling.marginMeters,
      maxNorthing: maxNorthing + tiling.marginMeters,
    },
    size,
  );
}

/** The smallest window on the global grid of `pixelSizeMeters` that covers the bounds. */
export function windowOfBounds(bounds: PlanarBounds, pixelSizeMeters: number): RasterWindow {
  const left = Math.floor(bounds.minEasting / pixelSizeMeters);
  const top = Math.ceil(bounds.maxNorthing / pixelSizeMeters);
  return {
    originEastingMeters: left * pixelSizeMeters,
    originNorthingMeters: top * pixelSizeMeters,
    pixelSizeMeters,
    width: Math.ceil(bounds.maxEasting / pixelSizeMeters) - left,
    height: top - Math.floor(bounds.minNorthing / pixelSizeMeters),
  };
}

function boundsOfWindow(window: RasterWindow): PlanarBounds {
  return {
    minEasting: window.originEastingMeters,
    maxEasting: window.originEastingMeters + window.width * window.pixelSizeMeters,
    maxNorthing: window.originNorthingMeters,
    minNorthing: window.originNorthingMeters - window.height * window.pixelSizeMeters,
  };
}
