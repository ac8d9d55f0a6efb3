import { utm32ToGeographic } from '../geo/projection';
import type { RoofResult } from './classifyRoofs';
import { HEAT_LOSS_CLASS_LABELS, type HeatLossClass } from './heatLossClass';

/** The public map's rules: square cells on the EPSG:25832 plane, shown only where they hold enough buildings. */
export interface HeatLossGridSettings {
  cellSizeMeters: number;
  /** Cells with fewer classified buildings are left out, so no single building's class can be read off. */
  minBuildingsPerCell: number;
  /**
   * Cells where fewer buildings lie outside the most common class are left out too. With all buildings in one
   * class the map would tell each owner's class; with all but one, that one owner (who knows their own class)
   * could read off every neighbour's. At least 2 outside means any owner still sees a mix among the others.
   */
  minBuildingsOutsideLargestClass: number;
}

export const DEFAULT_GRID_SETTINGS: HeatLossGridSettings = {
  cellSizeMeters: 100,
  minBuildingsPerCell: 5,
  minBuildingsOutsideLargestClass: 2,
};

const CLASSES: HeatLossClass[] = [1, 2, 3, 4, 5];

/** What a public cell tells: how many buildings, and the share of them (whole percent) in each class. */
export interface HeatLossCellProperties {
  /** `<easting of the south-west corner>_<northing>` in EPSG:25832 metres. */
  cell: string;
  buildings: number;
  /** Whole percent per class 1–5 (they add up to 100). */
  classSharesPercent: [number, number, number, number, number];
  /** The class most buildings of the cell have (the higher one on a tie), for colouring. */
  dominantClass: HeatLossClass;
}

/** The public overlay: a GeoJSON FeatureCollection in WGS84 (RFC 7946), one square per cell. */
export interface HeatLossGrid {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: HeatLossCellProperties;
    geometry: { type: 'Polygon'; coordinates: [number, number][][] };
  }[];
}

/**
 * Aggregates classified roofs into grid cells; only counts per cell leave this function, never a building's
 * id, position or value. Cells are sorted west to east, then south to north, so the file diffs well.
 */
export function aggregateHeatLossGrid(
  results: readonly RoofResult[],
  settings: HeatLossGridSettings = DEFAULT_GRID_SETTINGS,
): HeatLossGrid {
  const size = settings.cellSizeMeters;
  const cells = new Map<string, { column: number; row: number; counts: number[] }>();
  for (const result of results) {
    if (result.status !== 'classified') continue;
    const column = Math.floor(result.centre[0] / size);
    const row = Math.floor(result.centre[1] / size);
    const key = `${column}_${row}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { column, row, counts: [0, 0, 0, 0, 0] };
      cells.set(key, cell);
    }
    cell.counts[result.heatLossClass - 1]!++;
  }
  const features = [...cells.values()]
    .map((cell) => ({ ...cell, total: cell.counts.reduce((sum, count) => sum + count, 0) }))
    .filter(
      (cell) =>
        cell.total >= settings.minBuildingsPerCell &&
        cell.total - Math.max(...cell.counts) >= settings.minBuildingsOutsideLargestClass,
    )
    .sort((a, b) => a.column - b.column || a.row - b.row)
    .map((cell) => {
      const west = cell.column * size;
      const south = cell.row * size;
      return {
        type: 'Feature' as const,
        properties: {
          cell: `${west}_${south}`,
          buildings: cell.total,
          classSharesPercent: wholePercents(cell.counts, cell.total),
          dominantClass: dominantClassOf(cell.counts),
        },
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              corner(west, south),
              corner(west + size, south),
              corner(west + size, south + size),
              corner(west, south + size),
              corner(west, south),
            ],
          ],
        },
      };
    });
  return { type: 'FeatureCollection', features };
}

/** The legend of the overlay: class, colour and names; the same colours as the homeowner's image. */
export const HEAT_LOSS_LEGEND = CLASSES.map((heatLossClass) => ({
  class: heatLossClass,
  colour: ['#2c7bb6', '#abd9e9', '#ffffbf', '#fdae61', '#d7191c'][heatLossClass - 1]!,
  label: HEAT_LOSS_CLASS_LABELS[heatLossClass],
}));

function corner(easting: number, northing: number): [number, number] {
  const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic({
    eastingMeters: easting,
    northingMeters: northing,
  });
  return [Math.round(longitudeDegrees * 1e7) / 1e7, Math.round(latitudeDegrees * 1e7) / 1e7];
}

/** Whole percents that add up to 100 (largest remainders get the leftover points). */
function wholePercents(counts: readonly number[], total: number): [number, number, number, number, number] {
  const exact = counts.map((count) => (count / total) * 100);
  const floors = exact.map(Math.floor);
  let missing = 100 - floors.reduce((sum, value) => sum + value, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    floors[index]!++;
    missing--;
  }
  return floors as [number, number, number, number, number];
}

function dominantClassOf(counts: readonly number[]): HeatLossClass {
  let best = 0;
  counts.forEach((count, index) => {
    if (count >= counts[best]!) best = index;
  });
  return (best + 1) as HeatLossClass;
}
