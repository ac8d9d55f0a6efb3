import { DEFAULT_PIECE_LENGTH_METERS } from './corridorPlane';
import { constantGroundHeight, type GroundHeightFunction } from './heightLimits';

/** The settings of the corridor checks; every one has a default (DEFAULT_CORRIDOR_CHECK_OPTIONS). */
export interface CorridorCheckOptions {
  /**
   * Ground height above mean sea level at a WGS84 position, for AGL limits away from buildings and for the
   * 120 m rule. Default: flat at Münster's 60 m. Under a building its own base height is used instead.
   */
  groundHeightMeters: GroundHeightFunction;
  /** How far a building's top must stay below the floor of a corridor above it (default 10 m; a planning choice). */
  minimumVerticalClearanceMeters: number;
  /** How far a building rising into the corridor's height band must stay from its side (default 10 m; a planning choice). */
  minimumLateralClearanceMeters: number;
  /** Buildings this far beyond the corridor's side still count as overflown (default 0: only those under it). */
  overflightMarginMeters: number;
  /** The legal ceiling above ground (default 120 m, Regulation (EU) 2019/947 UAS.OPEN.010(2)). */
  legalCeilingAboveGroundMeters: number;
  /** Residential buildings closer than this along the line form one stretch (one finding); default 100 m. */
  residentialStretchGapMeters: number;
  /** Length of the pieces the centre line is cut into for zones, overlaps and the ground (default 25 m). */
  pieceLengthMeters: number;
}

export const DEFAULT_CORRIDOR_CHECK_OPTIONS: Readonly<CorridorCheckOptions> = {
  groundHeightMeters: constantGroundHeight(),
  minimumVerticalClearanceMeters: 10,
  minimumLateralClearanceMeters: 10,
  overflightMarginMeters: 0,
  legalCeilingAboveGroundMeters: 120,
  residentialStretchGapMeters: 100,
  pieceLengthMeters: DEFAULT_PIECE_LENGTH_METERS,
};

export function resolveCheckOptions(options: Partial<CorridorCheckOptions> = {}): CorridorCheckOptions {
  return { ...DEFAULT_CORRIDOR_CHECK_OPTIONS, ...options };
}
