/**
 * The sunlight-hours grid as a picture for the map: classes of hours with a colour-blind-safe, perceptually
 * ordered scale (viridis, dark to light, so more sun reads as lighter), and an RGBA raster in a WGS84 rectangle.
 * The grid lies on the EPSG:25832 plane, whose axes are turned about 1° against meridians at Münster: each pixel is
 * mapped back to its grid cell (bilinear between the projected corners, exact to millimetres over a quarter).
 */
import { projectPosition, unprojectPoint } from './scenarioPlanarGeometry';
import type { SunlightHoursGrid } from './sunlightHours';

/** A class of the legend: `fromHours` inclusive, `toHours` exclusive (undefined: open upwards). */
export interface SunlightHoursClass {
  fromHours: number;
  toHours: number | undefined;
  /** `#rrggbb`. */
  color: string;
}

/** Seven classes; a class boundary at 2 hours, the sun BRE 209 asks for on half of a garden on 21 March. */
export const SUNLIGHT_HOURS_CLASSES: readonly SunlightHoursClass[] = [
  { fromHours: 0, toHours: 1, color: '#440154' },
  { fromHours: 1, toHours: 2, color: '#443983' },
  { fromHours: 2, toHours: 4, color: '#31688e' },
  { fromHours: 4, toHours: 6, color: '#21918c' },
  { fromHours: 6, toHours: 8, color: '#35b779' },
  { fromHours: 8, toHours: 10, color: '#90d743' },
  { fromHours: 10, toHours: undefined, color: '#fde725' },
];

/** Index of the class an hour value falls in (values below 0 count as 0). */
export function sunlightHoursClassIndex(
  hours: number,
  classes: readonly SunlightHoursClass[] = SUNLIGHT_HOURS_CLASSES,
): number {
  for (let index = classes.length - 1; index > 0; index--)
    if (hours >= classes[index]!.fromHours) return index;
  return 0;
}

/** A raster in a WGS84 rectangle, rows from north to south, transparent outside the analysed cells. */
export interface SunlightHoursImage {
  westDegrees: number;
  southDegrees: number;
  eastDegrees: number;
  northDegrees: number;
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

const MAXIMUM_IMAGE_SIDE = 4096;

function parseColor(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Draws the grid into an RGBA raster of about one pixel per cell; `alpha` 0–255 for the analysed cells. */
export function rasterizeSunlightHours(
  grid: SunlightHoursGrid,
  options: { classes?: readonly SunlightHoursClass[]; alpha?: number } = {},
): SunlightHoursImage {
  const classes = options.classes ?? SUNLIGHT_HOURS_CLASSES;
  const alpha = options.alpha ?? 220;
  const palette = classes.map((entry) => parseColor(entry.color));
  const size = grid.cellSizeMeters;
  const east = grid.originEastingMeters + grid.columns * size;
  const north = grid.originNorthingMeters + grid.rows * size;
  const corners = [
    unprojectPoint([grid.originEastingMeters, grid.originNorthingMeters]),
    unprojectPoint([east, grid.originNorthingMeters]),
    unprojectPoint([east, north]),
    unprojectPoint([grid.originEastingMeters, north]),
  ];
  const westDegrees = Math.min(...corners.map((corner) => corner[0]));
  const eastDegrees = Math.max(...corners.map((corner) => corner[0]));
  const southDegrees = Math.min(...corners.map((corner) => corner[1]));
  const northDegrees = Math.max(...corners.map((corner) => corner[1]));
  // The rectangle's corners on the plane: pixel centres are interpolated between them.
  const [nwX, nwY] = projectPosition([westDegrees, northDegrees]);
  const [neX, neY] = projectPosition([eastDegrees, northDegrees]);
  const [swX, swY] = projectPosition([westDegrees, southDegrees]);
  const [seX, seY] = projectPosition([eastDegrees, southDegrees]);
  const widthMeters = Math.hypot(neX - nwX, neY - nwY);
  const heightMeters = Math.hypot(nwX - swX, nwY - swY);
  const width = Math.max(1, Math.min(MAXIMUM_IMAGE_SIDE, Math.ceil(widthMeters / size)));
  const height = Math.max(1, Math.min(MAXIMUM_IMAGE_SIDE, Math.ceil(heightMeters / size)));
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let pixelRow = 0; pixelRow < height; pixelRow++) {
    const v = (pixelRow + 0.5) / height; // 0 at the north edge, 1 at the south edge
    const leftX = nwX + (swX - nwX) * v;
    const leftY = nwY + (swY - nwY) * v;
    const rightX = neX + (seX - neX) * v;
    const rightY = neY + (seY - neY) * v;
    for (let pixelColumn = 0; pixelColumn < width; pixelColumn++) {
      const u = (pixelColumn + 0.5) / width;
      const x = leftX + (rightX - leftX) * u;
      const y = leftY + (rightY - leftY) * u;
      const column = Math.floor((x - grid.originEastingMeters) / size);
      const row = Math.floor((y - grid.originNorthingMeters) / size);
      if (column < 0 || row < 0 || column >= grid.columns || row >= grid.rows) continue;
      const hours = grid.hours[row * grid.columns + column]!;
      if (Number.isNaN(hours)) continue;
      const [red, green, blue] = palette[sunlightHoursClassIndex(hours, classes)]!;
      const offset = (pixelRow * width + pixelColumn) * 4;
      rgba[offset] = red;
      rgba[offset + 1] = green;
      rgba[offset + 2] = blue;
      rgba[offset + 3] = alpha;
    }
  }
  return { westDegrees, southDegrees, eastDegrees, northDegrees, width, height, rgba };
}
