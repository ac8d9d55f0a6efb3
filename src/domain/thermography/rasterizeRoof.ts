import type { RoofOutline } from './roofOutline';
import type { ThermalRaster } from './thermalRaster';

/**
 * The pixels of a roof: a window of the raster's pixel grid (it may reach beyond the raster) and a mask of the
 * pixels whose centres lie inside the roof polygons (even-odd within a polygon, so holes stay out; union of polygons).
 */
export interface RoofPixelMask {
  /** Column and row of the window's top-left pixel in the raster's grid (may be negative). */
  column: number;
  row: number;
  width: number;
  height: number;
  /** 1 where the pixel centre is on the roof; row by row. */
  mask: Uint8Array;
  /** Pixels on the roof, inside the raster or not. */
  roofPixelCount: number;
}

/** Rasterises a roof onto the raster's grid by scanlines through the pixel centres. */
export function rasterizeRoof(raster: ThermalRaster, roof: RoofOutline): RoofPixelMask {
  const size = raster.pixelSizeMeters;
  const column = Math.floor((roof.bounds.minEasting - raster.originEastingMeters) / size);
  const row = Math.floor((raster.originNorthingMeters - roof.bounds.maxNorthing) / size);
  const width = Math.max(0, Math.ceil((roof.bounds.maxEasting - raster.originEastingMeters) / size) - column);
  const height = Math.max(0, Math.ceil((raster.originNorthingMeters - roof.bounds.minNorthing) / size) - row);
  const mask = new Uint8Array(width * height);
  const crossings: number[] = [];
  let roofPixelCount = 0;
  for (const polygon of roof.polygons) {
    for (let windowRow = 0; windowRow < height; windowRow++) {
      const northing = raster.originNorthingMeters - (row + windowRow + 0.5) * size;
      crossings.length = 0;
      for (const ring of polygon) {
        for (let index = 0; index < ring.length; index++) {
          const [x1, y1] = ring[index]!;
          const [x2, y2] = ring[(index + 1) % ring.length]!;
          // Half-open rule: a vertex exactly on the scanline counts for one of its two edges only.
          if (y1 <= northing !== y2 <= northing)
            crossings.push(x1 + ((northing - y1) / (y2 - y1)) * (x2 - x1));
        }
      }
      crossings.sort((a, b) => a - b);
      for (let pair = 0; pair + 1 < crossings.length; pair += 2) {
        // Pixel centres x with crossings[pair] <= x < crossings[pair + 1].
        const first = Math.ceil((crossings[pair]! - raster.originEastingMeters) / size - 0.5) - column;
        const last = Math.ceil((crossings[pair + 1]! - raster.originEastingMeters) / size - 0.5) - column;
        const offset = windowRow * width;
        for (let windowColumn = Math.max(0, first); windowColumn < Math.min(width, last); windowColumn++) {
          if (mask[offset + windowColumn] === 0) {
            mask[offset + windowColumn] = 1;
            roofPixelCount++;
          }
        }
      }
    }
  }
  return { column, row, width, height, mask, roofPixelCount };
}
