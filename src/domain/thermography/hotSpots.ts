import type { RoofPixelMask } from './rasterizeRoof';
import type { ThermalRaster } from './thermalRaster';

/** A warm connected area on one roof: where it is, how large and how warm. */
export interface HotSpot {
  /** Centre of its pixels, EPSG:25832 metres. */
  easting: number;
  northing: number;
  areaSquareMeters: number;
  maxCelsius: number;
  meanCelsius: number;
}

/**
 * The warmest connected areas of a roof: roof pixels at or above `thresholdCelsius`, joined when they touch
 * (8-neighbourhood), the warmest first (then the larger, then west to east), at most `maxCount`.
 */
export function findHotSpots(
  raster: ThermalRaster,
  roof: RoofPixelMask,
  thresholdCelsius: number,
  maxCount: number,
): HotSpot[] {
  const { width, height } = roof;
  const isHot = new Uint8Array(width * height);
  for (let windowRow = 0; windowRow < height; windowRow++) {
    const rasterRow = roof.row + windowRow;
    if (rasterRow < 0 || rasterRow >= raster.height) continue;
    for (let windowColumn = 0; windowColumn < width; windowColumn++) {
      const rasterColumn = roof.column + windowColumn;
      if (rasterColumn < 0 || rasterColumn >= raster.width) continue;
      const index = windowRow * width + windowColumn;
      if (
        roof.mask[index] === 1 &&
        raster.celsius[rasterRow * raster.width + rasterColumn]! >= thresholdCelsius
      )
        isHot[index] = 1;
    }
  }
  const spots: HotSpot[] = [];
  const stack: number[] = [];
  const size = raster.pixelSizeMeters;
  for (let start = 0; start < isHot.length; start++) {
    if (isHot[start] !== 1) continue;
    isHot[start] = 2;
    stack.push(start);
    let count = 0;
    let sumColumn = 0;
    let sumRow = 0;
    let sumCelsius = 0;
    let maxCelsius = -Infinity;
    while (stack.length > 0) {
      const index = stack.pop()!;
      const windowColumn = index % width;
      const windowRow = (index - windowColumn) / width;
      const value = raster.celsius[(roof.row + windowRow) * raster.width + roof.column + windowColumn]!;
      count++;
      sumColumn += windowColumn;
      sumRow += windowRow;
      sumCelsius += value;
      maxCelsius = Math.max(maxCelsius, value);
      for (let dy = -1; dy <= 1; dy++) {
        const neighbourRow = windowRow + dy;
        if (neighbourRow < 0 || neighbourRow >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const neighbourColumn = windowColumn + dx;
          if (neighbourColumn < 0 || neighbourColumn >= width) continue;
          const neighbour = neighbourRow * width + neighbourColumn;
          if (isHot[neighbour] === 1) {
            isHot[neighbour] = 2;
            stack.push(neighbour);
          }
        }
      }
    }
    spots.push({
      easting: raster.originEastingMeters + (roof.column + sumColumn / count + 0.5) * size,
      northing: raster.originNorthingMeters - (roof.row + sumRow / count + 0.5) * size,
      areaSquareMeters: count * size * size,
      maxCelsius,
      meanCelsius: sumCelsius / count,
    });
  }
  return spots
    .sort(
      (a, b) =>
        b.maxCelsius - a.maxCelsius || b.areaSquareMeters - a.areaSquareMeters || a.easting - b.easting,
    )
    .slice(0, maxCount);
}
