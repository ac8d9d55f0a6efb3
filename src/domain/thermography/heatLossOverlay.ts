import { z } from 'zod';
import { issuesFromZodError, type ValidationIssue } from '../validation/issues';
import { isInsidePolygon } from '../buildings/generator/planarGeometry';
import { HEAT_LOSS_LEGEND } from './aggregateHeatLossGrid';
import type { HeatLossClass } from './heatLossClass';

/**
 * The public heat-loss overlay as the browser reads it: the aggregated 100 m cells (`aggregateHeatLossGrid`) and
 * their legend. Only the fields listed here survive parsing (zod drops any other), so even a file that carried
 * more could not bring a per-building value into the app.
 */

/** The classes in order, lowest heat loss first. */
export const HEAT_LOSS_CLASSES: readonly HeatLossClass[] = [1, 2, 3, 4, 5];

const heatLossClassSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const percentSchema = z.number().int().min(0).max(100);
const positionSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

const heatLossCellFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    cell: z.string().min(1),
    buildings: z.number().int().positive(),
    classSharesPercent: z
      .tuple([percentSchema, percentSchema, percentSchema, percentSchema, percentSchema])
      .refine((shares) => shares.reduce((sum, share) => sum + share, 0) === 100, 'shares must add up to 100'),
    dominantClass: heatLossClassSchema,
  }),
  geometry: z.object({
    type: z.literal('Polygon'),
    coordinates: z.array(z.array(positionSchema).min(4)).min(1),
  }),
});

const heatLossOverlaySchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(heatLossCellFeatureSchema),
});

const heatLossLegendSchema = z.object({
  classes: z
    .array(
      z.object({
        class: heatLossClassSchema,
        colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
      }),
    )
    .length(5),
  cellSizeMeters: z.number().positive(),
  minBuildingsPerCell: z.number().int().positive(),
  // The pipeline writes null when it was not told the date.
  flightDate: z.string().min(1).nullish(),
  simulated: z.boolean().optional(),
  attribution: z.string().min(1).nullish(),
});

/** One public cell: how many classified buildings it holds and the share of them per class. */
export interface HeatLossCell {
  /** `<easting>_<northing>` of the cell's south-west corner in EPSG:25832 metres. */
  id: string;
  buildings: number;
  /** Whole percent per class 1–5, adding up to 100. */
  classSharesPercent: readonly [number, number, number, number, number];
  dominantClass: HeatLossClass;
  /** The cell's outline, longitude/latitude in degrees (first ring only: cells have no holes). */
  outlineDegrees: readonly (readonly [number, number])[];
}

/** How the overlay is drawn and explained: colour per class, cell size, the publication threshold, the flight. */
export interface HeatLossLegend {
  colours: Record<HeatLossClass, string>;
  cellSizeMeters: number;
  minBuildingsPerCell: number;
  /** ISO date and time of the flight, when the legend names it. */
  flightDate: string | undefined;
  /**
   * True for a simulated flight (the default city's), false for measured rasters; undefined in legends written
   * before the pipeline said so (then the app says it may be simulated, as it always did).
   */
  simulated: boolean | undefined;
  /** Where the thermal images come from, with the licence, when the legend names it (image export, sources). */
  attribution: string | undefined;
}

/** The legend the pipeline writes by default; used when the served legend is missing or broken. */
export const DEFAULT_HEAT_LOSS_LEGEND: HeatLossLegend = {
  colours: Object.fromEntries(HEAT_LOSS_LEGEND.map((entry) => [entry.class, entry.colour])) as Record<
    HeatLossClass,
    string
  >,
  cellSizeMeters: 100,
  minBuildingsPerCell: 5,
  flightDate: undefined,
  simulated: undefined,
  attribution: undefined,
};

/** Reads the overlay GeoJSON into cells; a broken document gives no cells and issues naming file and field. */
export function parseHeatLossOverlay(
  json: unknown,
  file: string,
): { cells: HeatLossCell[]; issues: ValidationIssue[] } {
  const result = heatLossOverlaySchema.safeParse(json);
  if (!result.success) return { cells: [], issues: issuesFromZodError(result.error, file) };
  const cells = result.data.features.map((feature) => ({
    id: feature.properties.cell,
    buildings: feature.properties.buildings,
    classSharesPercent: feature.properties.classSharesPercent,
    dominantClass: feature.properties.dominantClass,
    outlineDegrees: feature.geometry.coordinates[0]!,
  }));
  return { cells, issues: [] };
}

/** Reads the legend; a broken one falls back to the default colours, with issues naming file and field. */
export function parseHeatLossLegend(
  json: unknown,
  file: string,
): { legend: HeatLossLegend; issues: ValidationIssue[] } {
  const result = heatLossLegendSchema.safeParse(json);
  if (!result.success)
    return { legend: DEFAULT_HEAT_LOSS_LEGEND, issues: issuesFromZodError(result.error, file) };
  const colours = { ...DEFAULT_HEAT_LOSS_LEGEND.colours };
  for (const entry of result.data.classes) colours[entry.class] = entry.colour;
  return {
    legend: {
      colours,
      cellSizeMeters: result.data.cellSizeMeters,
      minBuildingsPerCell: result.data.minBuildingsPerCell,
      flightDate: result.data.flightDate ?? undefined,
      simulated: result.data.simulated,
      attribution: result.data.attribution ?? undefined,
    },
    issues: [],
  };
}

/** The average class of a cell's buildings (1.0–5.0), weighted by the shares. */
export function meanHeatLossClass(cell: Pick<HeatLossCell, 'classSharesPercent'>): number {
  return (
    HEAT_LOSS_CLASSES.reduce(
      (sum, heatLossClass) => sum + heatLossClass * cell.classSharesPercent[heatLossClass - 1]!,
      0,
    ) / 100
  );
}

/**
 * The class whose colour a cell is drawn in: its rounded average class. The most common class would paint most of
 * the city "very low" (in a typical street most roofs are fine and a few leak a lot); the average shows the mix.
 */
export function displayedHeatLossClass(cell: Pick<HeatLossCell, 'classSharesPercent'>): HeatLossClass {
  const mean = meanHeatLossClass(cell);
  return Math.min(5, Math.max(1, Math.floor(mean + 0.5))) as HeatLossClass;
}

/** `#rrggbb` → red, green, blue and alpha in 0–1, as the viewer's colour types take them. */
export function heatLossColourComponents(
  colour: string,
  alpha: number,
): { red: number; green: number; blue: number; alpha: number } {
  const value = Number.parseInt(colour.slice(1), 16);
  return {
    red: ((value >> 16) & 255) / 255,
    green: ((value >> 8) & 255) / 255,
    blue: (value & 255) / 255,
    alpha,
  };
}

/** What a cell's aggregate says, ready to be put into words: count, average class, shares per class. */
export interface HeatLossCellSummary {
  buildings: number;
  /** The average class, rounded to one decimal (e.g. 2.4). */
  meanClass: number;
  /** The class whose colour the cell is drawn in. */
  displayedClass: HeatLossClass;
  /** One row per class, class 1 first. */
  shares: { heatLossClass: HeatLossClass; percent: number }[];
}

export function summarizeHeatLossCell(
  cell: Pick<HeatLossCell, 'buildings' | 'classSharesPercent'>,
): HeatLossCellSummary {
  return {
    buildings: cell.buildings,
    meanClass: Math.round(meanHeatLossClass(cell) * 10) / 10,
    displayedClass: displayedHeatLossClass(cell),
    shares: HEAT_LOSS_CLASSES.map((heatLossClass) => ({
      heatLossClass,
      percent: cell.classSharesPercent[heatLossClass - 1]!,
    })),
  };
}

/** The cell whose outline holds a point (longitude/latitude in degrees), if any: what a click on the map picks. */
export function heatLossCellAt(
  cells: readonly HeatLossCell[],
  longitudeDegrees: number,
  latitudeDegrees: number,
): HeatLossCell | undefined {
  return cells.find((cell) =>
    isInsidePolygon(cell.outlineDegrees as [number, number][], [longitudeDegrees, latitudeDegrees]),
  );
}

/** Where the overlay image lies (degrees) and how many pixels it has. */
export interface HeatLossImageFrame {
  west: number;
  south: number;
  east: number;
  north: number;
  width: number;
  height: number;
}

/**
 * The frame of the overlay drawn as one image: the cells' extent in longitude/latitude, at about
 * `metersPerPixel` (2 m draws a 100 m cell's edges crisply), at most `maxPixels` on a side (WebGL's texture limit
 * on small devices is 4,096).
 */
export function heatLossImageFrame(
  cells: readonly HeatLossCell[],
  metersPerPixel = 2,
  maxPixels = 4096,
): HeatLossImageFrame | undefined {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const cell of cells)
    for (const [longitude, latitude] of cell.outlineDegrees) {
      west = Math.min(west, longitude);
      east = Math.max(east, longitude);
      south = Math.min(south, latitude);
      north = Math.max(north, latitude);
    }
  if (!(east > west && north > south)) return undefined;
  const metersPerDegreeLatitude = 111_320;
  const metersPerDegreeLongitude =
    metersPerDegreeLatitude * Math.cos((((south + north) / 2) * Math.PI) / 180);
  const widthMeters = (east - west) * metersPerDegreeLongitude;
  const heightMeters = (north - south) * metersPerDegreeLatitude;
  const scale = Math.min(
    1,
    maxPixels / (widthMeters / metersPerPixel),
    maxPixels / (heightMeters / metersPerPixel),
  );
  return {
    west,
    south,
    east,
    north,
    width: Math.max(1, Math.round((widthMeters / metersPerPixel) * scale)),
    height: Math.max(1, Math.round((heightMeters / metersPerPixel) * scale)),
  };
}

/** A point in degrees → pixel position in the frame's image (x from the west, y from the north). */
export function heatLossImagePixel(
  frame: HeatLossImageFrame,
  longitudeDegrees: number,
  latitudeDegrees: number,
): [number, number] {
  return [
    ((longitudeDegrees - frame.west) / (frame.east - frame.west)) * frame.width,
    ((frame.north - latitudeDegrees) / (frame.north - frame.south)) * frame.height,
  ];
}
