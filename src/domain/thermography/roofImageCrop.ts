import { rasterizeRoof } from './rasterizeRoof';
import type { RoofOutline } from './roofOutline';
import type { ThermalRaster } from './thermalRaster';

/** A coloured cut-out of the raster around one roof, with what is needed to drape it on the map again. */
export interface RoofImageCrop {
  width: number;
  height: number;
  /** RGBA, row by row from the top; pixels without data are transparent. */
  rgba: Uint8Array;
  /** Top-left corner of the image, EPSG:25832 metres, and its pixel size. */
  originEastingMeters: number;
  originNorthingMeters: number;
  pixelSizeMeters: number;
  /** The temperatures the colour scale runs between (°C): coldest is dark blue-black, warmest white-yellow. */
  scaleMinCelsius: number;
  scaleMaxCelsius: number;
}

/** Colour stops of the thermal scale ("iron"): black, blue, purple, red, orange, yellow, white. */
const IRON_STOPS: readonly (readonly [number, number, number])[] = [
  [0, 0, 20],
  [40, 0, 120],
  [140, 0, 150],
  [220, 40, 60],
  [250, 130, 0],
  [255, 210, 40],
  [255, 255, 230],
];

/** The colour of a share (0–1) of the thermal scale. */
export function thermalColour(share: number): [number, number, number] {
  const entry = Math.round(Math.min(1, Math.max(0, share)) * (PALETTE_SIZE - 1)) * 3;
  return [THERMAL_PALETTE[entry]!, THERMAL_PALETTE[entry + 1]!, THERMAL_PALETTE[entry + 2]!];
}

const PALETTE_SIZE = 256;
/** The scale sampled into 256 entries once, so colouring a pixel is a lookup. */
const THERMAL_PALETTE = Uint8Array.from(
  Array.from({ length: PALETTE_SIZE }, (_, index) => interpolateStops(index / (PALETTE_SIZE - 1))).flat(),
);

function interpolateStops(share: number): [number, number, number] {
  const clamped = Math.min(1, Math.max(0, share)) * (IRON_STOPS.length - 1);
  const lower = Math.min(IRON_STOPS.length - 2, Math.floor(clamped));
  const t = clamped - lower;
  const a = IRON_STOPS[lower]!;
  const b = IRON_STOPS[lower + 1]!;
  return [0, 1, 2].map((channel) => Math.round(a[channel]! + t * (b[channel]! - a[channel]!))) as [
    number,
    number,
    number,
  ];
}

/**
 * The roof and `marginMeters` around it, coloured on a fixed scale relative to the night's air temperature (so
 * every owner's image reads alike); the surroundings are dimmed so the roof stands out.
 */
export function renderRoofImageCrop(
  raster: ThermalRaster,
  roof: RoofOutline,
  airTemperatureCelsius: number,
  marginMeters = 3,
): RoofImageCrop {
  const scaleMinCelsius = airTemperatureCelsius - 10;
  const scaleMaxCelsius = airTemperatureCelsius + 8;
  const pixels = rasterizeRoof(raster, roof);
  const margin = Math.ceil(marginMeters / raster.pixelSizeMeters);
  const column = pixels.column - margin;
  const row = pixels.row - margin;
  const width = pixels.width + 2 * margin;
  const height = pixels.height + 2 * margin;
  const rgba = new Uint8Array(width * height * 4);
  for (let imageRow = 0; imageRow < height; imageRow++) {
    const rasterRow = row + imageRow;
    for (let imageColumn = 0; imageColumn < width; imageColumn++) {
      const rasterColumn = column + imageColumn;
      if (rasterRow < 0 || rasterRow >= raster.height || rasterColumn < 0 || rasterColumn >= raster.width)
        continue;
      const value = raster.celsius[rasterRow * raster.width + rasterColumn]!;
      if (Number.isNaN(value)) continue;
      const maskRow = imageRow - margin;
      const maskColumn = imageColumn - margin;
      const onRoof =
        maskRow >= 0 &&
        maskRow < pixels.height &&
        maskColumn >= 0 &&
        maskColumn < pixels.width &&
        pixels.mask[maskRow * pixels.width + maskColumn] === 1;
      const [red, green, blue] = thermalColour(
        (value - scaleMinCelsius) / (scaleMaxCelsius - scaleMinCelsius),
      );
      const dim = onRoof ? 1 : 0.45;
      const offset = (imageRow * width + imageColumn) * 4;
      rgba[offset] = Math.round(red * dim);
      rgba[offset + 1] = Math.round(green * dim);
      rgba[offset + 2] = Math.round(blue * dim);
      rgba[offset + 3] = 255;
    }
  }
  return {
    width,
    height,
    rgba,
    originEastingMeters: raster.originEastingMeters + column * raster.pixelSizeMeters,
    originNorthingMeters: raster.originNorthingMeters - row * raster.pixelSizeMeters,
    pixelSizeMeters: raster.pixelSizeMeters,
    scaleMinCelsius,
    scaleMaxCelsius,
  };
}
