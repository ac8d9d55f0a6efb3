import { utm32ToGeographic } from '../../geo/projection';

/**
 * EPSG:25832 → longitude/latitude for many vertices, fast: per cell of {@link CELL_SIZE_METERS} the exact
 * projection (proj4) is expanded to second order around the cell's centre, and each vertex is one polynomial.
 * proj4 per vertex (with its datum check and object per call) was most of the cost of placing a building.
 *
 * Accuracy (measured against proj4, localUtm32Projection.test.ts): the neglected third-order terms grow with the
 * cube of the distance from the cell's centre: under 0.01 mm within a cell, 0.2 mm at 2 km (a building is
 * placed with the cell of its footprint centroid, so its vertices may reach outside), 1.3 mm at 4 km. The
 * finite differences that give the coefficients add far less.
 */
const CELL_SIZE_METERS = 500;
/** Step of the central differences: long enough that rounding (~10⁻¹⁶ rad) does not matter, short enough to be local. */
const STEP_METERS = 100;
const DEGREES_TO_RADIANS = Math.PI / 180;

/** Longitude and latitude in radians, written by {@link LocalUtm32Projection.project}. */
export interface ProjectedPoint {
  longitudeRadians: number;
  latitudeRadians: number;
}

/**
 * The expansion of one cell: centre, then for longitude and latitude each
 * f, ∂f/∂x, ∂f/∂y, ½∂²f/∂x², ∂²f/∂x∂y, ½∂²f/∂y² at the centre.
 */
export type CellExpansion = Float64Array;

function exactRadians(eastingMeters: number, northingMeters: number): [number, number] {
  const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic({ eastingMeters, northingMeters });
  return [longitudeDegrees * DEGREES_TO_RADIANS, latitudeDegrees * DEGREES_TO_RADIANS];
}

/** Second-order expansion of the projection around (x0, y0), from the exact projection at 9 points. */
function expandAround(x0: number, y0: number): CellExpansion {
  const h = STEP_METERS;
  const sample = (i: number, j: number) => exactRadians(x0 + i * h, y0 + j * h);
  const c = sample(0, 0);
  const e = sample(1, 0);
  const w = sample(-1, 0);
  const n = sample(0, 1);
  const s = sample(0, -1);
  const ne = sample(1, 1);
  const nw = sample(-1, 1);
  const se = sample(1, -1);
  const sw = sample(-1, -1);
  const expansion = new Float64Array(14);
  expansion[0] = x0;
  expansion[1] = y0;
  for (let k = 0; k < 2; k++) {
    const offset = 2 + 6 * k;
    expansion[offset] = c[k]!;
    expansion[offset + 1] = (e[k]! - w[k]!) / (2 * h);
    expansion[offset + 2] = (n[k]! - s[k]!) / (2 * h);
    expansion[offset + 3] = (e[k]! - 2 * c[k]! + w[k]!) / (2 * h * h);
    expansion[offset + 4] = (ne[k]! - nw[k]! - se[k]! + sw[k]!) / (4 * h * h);
    expansion[offset + 5] = (n[k]! - 2 * c[k]! + s[k]!) / (2 * h * h);
  }
  return expansion;
}

/** Caches one expansion per cell; deterministic: a point's result depends only on the cell chosen for it. */
export class LocalUtm32Projection {
  private readonly cells = new Map<number, CellExpansion>();

  /** The expansion of the cell holding (x, y); pass it to {@link project} for every vertex near that point. */
  cellAt(eastingMeters: number, northingMeters: number): CellExpansion {
    const column = Math.floor(eastingMeters / CELL_SIZE_METERS);
    const row = Math.floor(northingMeters / CELL_SIZE_METERS);
    const key = column * 1e6 + row; // Unique for |row| < 500,000, i.e. any northing on earth.
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = expandAround((column + 0.5) * CELL_SIZE_METERS, (row + 0.5) * CELL_SIZE_METERS);
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Longitude/latitude (radians) of (x, y) from a cell's expansion, written into `out`. */
  project(cell: CellExpansion, eastingMeters: number, northingMeters: number, out: ProjectedPoint): void {
    const dx = eastingMeters - cell[0]!;
    const dy = northingMeters - cell[1]!;
    const xx = dx * dx;
    const xy = dx * dy;
    const yy = dy * dy;
    out.longitudeRadians =
      cell[2]! + cell[3]! * dx + cell[4]! * dy + cell[5]! * xx + cell[6]! * xy + cell[7]! * yy;
    out.latitudeRadians =
      cell[8]! + cell[9]! * dx + cell[10]! * dy + cell[11]! * xx + cell[12]! * xy + cell[13]! * yy;
  }
}
