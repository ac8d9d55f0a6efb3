/**
 * A single-band thermal raster in EPSG:25832: surface temperature in °C per pixel, north up, square pixels.
 * NaN marks a pixel without a measurement (the GeoTIFF's no-data value, or outside the flight).
 */
export interface ThermalRaster {
  /** Easting of the raster's left edge (EPSG:25832 metres). */
  originEastingMeters: number;
  /** Northing of the raster's top edge (EPSG:25832 metres). */
  originNorthingMeters: number;
  /** Edge length of one pixel on the ground, metres. */
  pixelSizeMeters: number;
  width: number;
  height: number;
  /** Row by row from the top, `width × height` values in °C; NaN = no data. */
  celsius: Float32Array;
}

/** An axis-aligned rectangle on the EPSG:25832 plane, metres. */
export interface PlanarBounds {
  minEasting: number;
  minNorthing: number;
  maxEasting: number;
  maxNorthing: number;
}

/** A raster of the given size filled with no-data. */
export function createEmptyRaster(
  bounds: Pick<ThermalRaster, 'originEastingMeters' | 'originNorthingMeters' | 'pixelSizeMeters'>,
  width: number,
  height: number,
): ThermalRaster {
  return { ...bounds, width, height, celsius: new Float32Array(width * height).fill(Number.NaN) };
}

/** The ground the raster covers. */
export function boundsOfRaster(raster: ThermalRaster): PlanarBounds {
  return {
    minEasting: raster.originEastingMeters,
    maxEasting: raster.originEastingMeters + raster.width * raster.pixelSizeMeters,
    maxNorthing: raster.originNorthingMeters,
    minNorthing: raster.originNorthingMeters - raster.height * raster.pixelSizeMeters,
  };
}

/** The share (0–1) of `inner` that lies inside `outer`. */
export function overlapShare(outer: PlanarBounds, inner: PlanarBounds): number {
  const width = Math.min(outer.maxEasting, inner.maxEasting) - Math.max(outer.minEasting, inner.minEasting);
  const height =
    Math.min(outer.maxNorthing, inner.maxNorthing) - Math.max(outer.minNorthing, inner.minNorthing);
  if (width <= 0 || height <= 0) return 0;
  const area = (inner.maxEasting - inner.minEasting) * (inner.maxNorthing - inner.minNorthing);
  return area <= 0 ? 1 : (width * height) / area;
}
