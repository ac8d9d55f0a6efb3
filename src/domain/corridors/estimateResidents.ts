/**
 * A rough count of the people living in a building, from its ALKIS function, storeys and footprint:
 *
 *   residents = footprint area × storeys × LIVING_TO_GROSS_FLOOR_AREA × residential share
 *               ÷ LIVING_AREA_PER_RESIDENT_SQUARE_METERS
 *
 * Good for comparing routes (hundreds versus thousands of people under a corridor), not for one house.
 */

/**
 * Living area per resident in Germany, square metres: 47.4 m² at the end of 2022 (Statistisches Bundesamt,
 * Fortschreibung des Wohngebäude- und Wohnungsbestandes, press release of July 2023, GENESIS table 31231).
 */
export const LIVING_AREA_PER_RESIDENT_SQUARE_METERS = 47.4;

/**
 * Share of a residential building's gross floor area (footprint × storeys) that is living area. An assumption
 * (walls, stairs, shafts and cellars take the rest; 0.7–0.8 is the usual rule of thumb), not a statistic.
 */
export const LIVING_TO_GROSS_FLOOR_AREA = 0.75;

/** Storey height used when a building has no storey count, including its share of the roof (an assumption). */
export const STOREY_HEIGHT_METERS = 3.5;

/** Share of the floor area that is homes in a mixed building (living above shops, farms with a farmhouse). */
export const MIXED_USE_RESIDENTIAL_SHARE = 0.5;

/**
 * Homes and homes for groups (Wohnheim, Kinderheim, Seniorenheim, Schwestern- and Studentenwohnheim), farm and
 * forester's houses: AX_Gebaeude.gebaeudefunktion values (see buildings/labels/alkisBuildingFunctions).
 */
const RESIDENTIAL_CODES = new Set(['1000', '1010', '1020', '1021', '1022', '1023', '1024', '1210', '1223']);

/** Buildings with homes and something else: 11xx mixed use, farm buildings with living quarters. */
const MIXED_CODES = new Set([
  '1100',
  '1110',
  '1120',
  '1121',
  '1122',
  '1123',
  '1130',
  '1131',
  '1220',
  '1221',
  '1222',
]);

/**
 * Share of a building's floor area that is homes: 1 for residential functions, 0.5 for mixed use with homes,
 * 0 otherwise, including holiday homes and a missing code (no one registered lives there, or we cannot tell).
 */
export function residentialShare(functionCode: string | undefined): number {
  if (!functionCode) return 0;
  const match = /^31001_(\d{4})$/.exec(functionCode);
  if (!match) return 0;
  if (RESIDENTIAL_CODES.has(match[1]!)) return 1;
  if (MIXED_CODES.has(match[1]!)) return MIXED_USE_RESIDENTIAL_SHARE;
  return 0;
}

/** What the estimate needs to know about a building. */
export interface ResidentsInput {
  functionCode?: string;
  storeys?: number;
  footprintAreaSquareMeters: number;
  /** From ground to the highest point, used for the storeys when there is no count. */
  heightMeters: number;
}

/** Storeys above ground: the count when known, else height ÷ 3.5 m, rounded, at least 1. */
export function estimateStoreys(building: Pick<ResidentsInput, 'storeys' | 'heightMeters'>): number {
  if (building.storeys !== undefined && building.storeys > 0) return building.storeys;
  return Math.max(1, Math.round(building.heightMeters / STOREY_HEIGHT_METERS));
}

/** Estimated residents of a building (fractional; sum over buildings and round the total for display). */
export function estimateResidents(building: ResidentsInput): number {
  const share = residentialShare(building.functionCode);
  if (share === 0) return 0;
  const livingArea =
    building.footprintAreaSquareMeters * estimateStoreys(building) * LIVING_TO_GROSS_FLOOR_AREA * share;
  return livingArea / LIVING_AREA_PER_RESIDENT_SQUARE_METERS;
}
