/**
 * Hours of direct sun on a grid over open spaces. For each sun sample (azimuth, elevation, duration) a cell is in
 * shadow when the ray from its centre towards the sun passes through a prism below the prism's top. On the ground
 * that is exactly the union of each footprint edge swept away from the sun by the shadow length
 * (height ÷ tan(elevation)); the swept edges are parallelograms, filled row by row into the grid.
 */
import { computeSunPosition, MUENSTER_LOCATION, type GeographicLocation } from './sunPosition';
import { muensterDayBounds, type CalendarDay } from './muensterTime';
import { searchShadowCasters, type ShadowCasterIndex } from './shadowCasters';
import {
  isPointInPlanarPolygon,
  planarPolygonBounds,
  unprojectPoint,
  type PlanarBounds,
  type PlanarPoint,
  type PlanarPolygon,
} from './scenarioPlanarGeometry';
import type { Position } from './scenarioGeometry';

/** The sun during one time step. */
export interface SunSample {
  azimuthDegrees: number;
  elevationDegrees: number;
  /** How long this position stands for. */
  durationHours: number;
}

/**
 * Sun positions over a calendar day in Münster's clock time, one per step at the step's middle (night steps
 * included with negative elevation; they add no sun).
 */
export function sunSamplesForDay(
  day: CalendarDay,
  options: { timeStepMinutes?: number; location?: GeographicLocation } = {},
): SunSample[] {
  const stepMinutes = options.timeStepMinutes ?? 10;
  if (!(stepMinutes > 0)) throw new RangeError('timeStepMinutes must be positive');
  const { start, end } = muensterDayBounds(day);
  const samples: SunSample[] = [];
  const stepMilliseconds = stepMinutes * 60_000;
  for (let time = start.getTime(); time < end.getTime(); time += stepMilliseconds) {
    const stepEnd = Math.min(time + stepMilliseconds, end.getTime());
    const middle = new Date((time + stepEnd) / 2);
    const { azimuthDegrees, elevationDegrees } = computeSunPosition(
      middle,
      options.location ?? MUENSTER_LOCATION,
    );
    samples.push({ azimuthDegrees, elevationDegrees, durationHours: (stepEnd - time) / 3_600_000 });
  }
  return samples;
}

/** A regular grid on the EPSG:25832 plane; cell (column, row) has its centre at origin + (column + ½, row + ½) × size. */
export interface SunlightHoursGrid {
  /** South-west corner of cell (0, 0), EPSG:25832 metres. */
  originEastingMeters: number;
  originNorthingMeters: number;
  cellSizeMeters: number;
  columns: number;
  rows: number;
  /** Hours of direct sun per cell, row by row from the south; NaN outside the analysed areas or inside a building. */
  hours: Float32Array;
  analysedCellCount: number;
  /** Hours the sun is above the horizon on that day: what an unobstructed cell gets. */
  daylightHours: number;
}

export interface SunlightHoursInput {
  /** Where to compute, e.g. a variant's open spaces (EPSG:25832). */
  areas: readonly PlanarPolygon[];
  /** The prisms that cast shadows: one index, or several (the variant's massings and the surroundings). */
  casters: ShadowCasterIndex | readonly ShadowCasterIndex[];
  sunSamples: readonly SunSample[];
  /** Cell size; 2 m by default. */
  gridSpacingMeters?: number;
  /** Height of the sampled point above the ground (0: the ground; 1.5: eye level). */
  sampleHeightMeters?: number;
  /** Shadows are cut at this length (very low sun); 1,000 m by default. */
  maxShadowLengthMeters?: number;
}

const RADIANS = Math.PI / 180;

/** Computes the hours of direct sun for each grid cell whose centre lies in one of the areas. */
export function computeSunlightHours(input: SunlightHoursInput): SunlightHoursGrid {
  const spacing = input.gridSpacingMeters ?? 2;
  if (!(spacing > 0)) throw new RangeError('gridSpacingMeters must be positive');
  const sampleHeight = input.sampleHeightMeters ?? 0;
  const maxShadowLength = input.maxShadowLengthMeters ?? 1000;
  const indexes = Array.isArray(input.casters)
    ? (input.casters as readonly ShadowCasterIndex[])
    : [input.casters as ShadowCasterIndex];

  const grid = layOutGrid(input.areas, spacing);
  const { columns, rows } = grid;
  const gridBox: PlanarBounds = [
    grid.originEastingMeters,
    grid.originNorthingMeters,
    grid.originEastingMeters + columns * spacing,
    grid.originNorthingMeters + rows * spacing,
  ];
  const mask = markAnalysedCells(grid, input.areas);
  excludeCellsInsideBuildings(grid, mask, indexes, gridBox);
  const analysed: number[] = [];
  for (let cell = 0; cell < mask.length; cell++) if (mask[cell] === 1) analysed.push(cell);

  const hours = new Float64Array(columns * rows);
  const stamp = new Int32Array(columns * rows);
  const raster = createQuadRasterizer(grid, stamp);
  let daylightHours = 0;
  input.sunSamples.forEach((sample, sampleIndex) => {
    if (sample.elevationDegrees <= 0 || sample.durationHours <= 0) return;
    daylightHours += sample.durationHours;
    const stampValue = sampleIndex + 1;
    const towardsSunX = Math.sin(sample.azimuthDegrees * RADIANS);
    const towardsSunY = Math.cos(sample.azimuthDegrees * RADIANS);
    const tangent = Math.tan(sample.elevationDegrees * RADIANS);
    for (const casterIndex of indexes) {
      const reach = Math.min(maxShadowLength, (casterIndex.maxHeightMeters - sampleHeight) / tangent);
      if (!(reach > 0)) continue;
      // A caster can shade the grid only if it stands within `reach` of it, towards the sun.
      const searchBox: PlanarBounds = [
        gridBox[0] + Math.min(0, towardsSunX * reach),
        gridBox[1] + Math.min(0, towardsSunY * reach),
        gridBox[2] + Math.max(0, towardsSunX * reach),
        gridBox[3] + Math.max(0, towardsSunY * reach),
      ];
      for (const found of searchShadowCasters(casterIndex, searchBox)) {
        const caster = casterIndex.casters[found]!;
        const height = caster.heightMeters - sampleHeight;
        if (height <= 0) continue;
        const length = Math.min(maxShadowLength, height / tangent);
        const shiftX = -towardsSunX * length;
        const shiftY = -towardsSunY * length;
        for (const ring of caster.footprint) {
          for (let corner = 0; corner < ring.length; corner++) {
            const [ax, ay] = ring[corner]!;
            const [bx, by] = ring[(corner + 1) % ring.length]!;
            raster(ax, ay, bx, by, bx + shiftX, by + shiftY, ax + shiftX, ay + shiftY, stampValue);
          }
        }
      }
    }
    for (const cell of analysed) if (stamp[cell] !== stampValue) hours[cell]! += sample.durationHours;
  });

  const result = new Float32Array(columns * rows).fill(Number.NaN);
  for (const cell of analysed) result[cell] = hours[cell]!;
  return { ...grid, hours: result, analysedCellCount: analysed.length, daylightHours };
}

type GridFrame = Pick<
  SunlightHoursGrid,
  'originEastingMeters' | 'originNorthingMeters' | 'cellSizeMeters' | 'columns' | 'rows'
>;

/** A grid snapped to multiples of the spacing, so cells stay put when an area is edited. */
function layOutGrid(areas: readonly PlanarPolygon[], spacing: number): GridFrame {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const area of areas) {
    const [x0, y0, x1, y1] = planarPolygonBounds(area);
    minX = Math.min(minX, x0);
    minY = Math.min(minY, y0);
    maxX = Math.max(maxX, x1);
    maxY = Math.max(maxY, y1);
  }
  if (!Number.isFinite(minX)) {
    return { originEastingMeters: 0, originNorthingMeters: 0, cellSizeMeters: spacing, columns: 0, rows: 0 };
  }
  const originX = Math.floor(minX / spacing) * spacing;
  const originY = Math.floor(minY / spacing) * spacing;
  return {
    originEastingMeters: originX,
    originNorthingMeters: originY,
    cellSizeMeters: spacing,
    columns: Math.max(1, Math.ceil((maxX - originX) / spacing)),
    rows: Math.max(1, Math.ceil((maxY - originY) / spacing)),
  };
}

/** Calls `visit` for each cell whose centre lies in a box. */
function forEachCellInBox(
  grid: GridFrame,
  box: PlanarBounds,
  visit: (cell: number, x: number, y: number) => void,
) {
  const spacing = grid.cellSizeMeters;
  const firstColumn = Math.max(0, Math.ceil((box[0] - grid.originEastingMeters) / spacing - 0.5));
  const lastColumn = Math.min(
    grid.columns - 1,
    Math.floor((box[2] - grid.originEastingMeters) / spacing - 0.5),
  );
  const firstRow = Math.max(0, Math.ceil((box[1] - grid.originNorthingMeters) / spacing - 0.5));
  const lastRow = Math.min(grid.rows - 1, Math.floor((box[3] - grid.originNorthingMeters) / spacing - 0.5));
  for (let row = firstRow; row <= lastRow; row++) {
    const y = grid.originNorthingMeters + (row + 0.5) * spacing;
    for (let column = firstColumn; column <= lastColumn; column++) {
      visit(row * grid.columns + column, grid.originEastingMeters + (column + 0.5) * spacing, y);
    }
  }
}

/** 1 for cells whose centre lies in an area, else 0. */
function markAnalysedCells(grid: GridFrame, areas: readonly PlanarPolygon[]): Uint8Array {
  const mask = new Uint8Array(grid.columns * grid.rows);
  for (const area of areas) {
    forEachCellInBox(grid, planarPolygonBounds(area), (cell, x, y) => {
      if (isPointInPlanarPolygon(area, x, y)) mask[cell] = 1;
    });
  }
  return mask;
}

/** Cells under a building are not open space: marked 2 (reported as NaN). */
function excludeCellsInsideBuildings(
  grid: GridFrame,
  mask: Uint8Array,
  indexes: readonly ShadowCasterIndex[],
  gridBox: PlanarBounds,
): void {
  for (const casterIndex of indexes) {
    for (const found of searchShadowCasters(casterIndex, gridBox)) {
      const footprint = casterIndex.casters[found]!.footprint;
      forEachCellInBox(grid, casterIndex.bounds[found]!, (cell, x, y) => {
        if (mask[cell] === 1 && isPointInPlanarPolygon(footprint, x, y)) mask[cell] = 2;
      });
    }
  }
}

/** Fills convex quadrilaterals (a, b, c, d in order) into the stamp array, one grid row at a time. */
function createQuadRasterizer(grid: GridFrame, stamp: Int32Array) {
  const spacing = grid.cellSizeMeters;
  const originX = grid.originEastingMeters;
  const originY = grid.originNorthingMeters;
  const xs = new Float64Array(4);
  const ys = new Float64Array(4);
  return (
    ax: number,
    ay: number,
    bx: number,
    by: number,
    cx: number,
    cy: number,
    dx: number,
    dy: number,
    value: number,
  ): void => {
    xs[0] = ax - originX;
    xs[1] = bx - originX;
    xs[2] = cx - originX;
    xs[3] = dx - originX;
    ys[0] = ay - originY;
    ys[1] = by - originY;
    ys[2] = cy - originY;
    ys[3] = dy - originY;
    const minY = Math.min(ys[0], ys[1], ys[2], ys[3]);
    const maxY = Math.max(ys[0], ys[1], ys[2], ys[3]);
    const firstRow = Math.max(0, Math.ceil(minY / spacing - 0.5));
    const lastRow = Math.min(grid.rows - 1, Math.floor(maxY / spacing - 0.5));
    for (let row = firstRow; row <= lastRow; row++) {
      const y = (row + 0.5) * spacing;
      let left = Infinity;
      let right = -Infinity;
      for (let edge = 0; edge < 4; edge++) {
        const x0 = xs[edge]!;
        const y0 = ys[edge]!;
        const x1 = xs[(edge + 1) % 4]!;
        const y1 = ys[(edge + 1) % 4]!;
        if ((y0 <= y && y <= y1) || (y1 <= y && y <= y0)) {
          if (y0 === y1) {
            left = Math.min(left, x0, x1);
            right = Math.max(right, x0, x1);
          } else {
            const x = x0 + ((y - y0) * (x1 - x0)) / (y1 - y0);
            left = Math.min(left, x);
            right = Math.max(right, x);
          }
        }
      }
      if (left > right) continue;
      const firstColumn = Math.max(0, Math.ceil(left / spacing - 0.5));
      const lastColumn = Math.min(grid.columns - 1, Math.floor(right / spacing - 0.5));
      const rowStart = row * grid.columns;
      for (let column = firstColumn; column <= lastColumn; column++) stamp[rowStart + column] = value;
    }
  };
}

/** Centre of a cell on the EPSG:25832 plane. */
export function sunlightHoursCellCentre(grid: SunlightHoursGrid, column: number, row: number): PlanarPoint {
  return [
    grid.originEastingMeters + (column + 0.5) * grid.cellSizeMeters,
    grid.originNorthingMeters + (row + 0.5) * grid.cellSizeMeters,
  ];
}

/** Centre of a cell in WGS84, for drawing the heat map. */
export function sunlightHoursCellPosition(grid: SunlightHoursGrid, column: number, row: number): Position {
  return unprojectPoint(sunlightHoursCellCentre(grid, column, row));
}

/** Hours of sun at a cell, NaN outside the analysed area. */
export function sunlightHoursAt(grid: SunlightHoursGrid, column: number, row: number): number {
  if (column < 0 || row < 0 || column >= grid.columns || row >= grid.rows) return Number.NaN;
  return grid.hours[row * grid.columns + column]!;
}

/** Minimum, mean and maximum over the analysed cells, and the share of cells with at least `thresholdHours`. */
export function summarizeSunlightHours(
  grid: SunlightHoursGrid,
  thresholdHours = 4,
): { minimumHours: number; meanHours: number; maximumHours: number; shareAtLeastThreshold: number } {
  let minimum = Infinity;
  let maximum = -Infinity;
  let sum = 0;
  let count = 0;
  let atLeast = 0;
  for (const value of grid.hours) {
    if (Number.isNaN(value)) continue;
    minimum = Math.min(minimum, value);
    maximum = Math.max(maximum, value);
    sum += value;
    count++;
    if (value >= thresholdHours - 1e-6) atLeast++;
  }
  if (count === 0) return { minimumHours: 0, meanHours: 0, maximumHours: 0, shareAtLeastThreshold: 0 };
  return {
    minimumHours: minimum,
    meanHours: sum / count,
    maximumHours: maximum,
    shareAtLeastThreshold: atLeast / count,
  };
}
