/**
 * Key figures as data: each carries its value and a machine-readable explanation (a formula over named inputs,
 * each with value, unit and, where it is an assumption, its source), so the UI can show how it was computed.
 */
import type { Confidence } from './scenarioSchema';

export type KeyFigureUnit =
  | 'squareMeters'
  | 'ratio'
  | 'share'
  | 'homes'
  | 'persons'
  | 'spaces'
  | 'spacesPerHome'
  | 'squareMetersPerHome'
  | 'personsPerHome'
  | 'count';

/** The figures computed for each variant. */
export const VARIANT_KEY_FIGURE_IDS = [
  'siteArea',
  'footprintArea',
  'grossFloorArea',
  'housingFloorArea',
  'commerceFloorArea',
  'socialInfrastructureFloorArea',
  'mobilityFloorArea',
  'floorAreaRatio',
  'siteCoverageRatio',
  'homes',
  'residents',
  'subsidisedHomes',
  'subsidisedHomesShare',
  'greenArea',
  'greenShare',
  'greenRoofArea',
  'sealedArea',
  'sealedShare',
  'parkingSpaces',
  'bikeSpaces',
  'parkingSpacesPerHome',
  'bikeSpacesPerHome',
] as const;

export type VariantKeyFigureId = (typeof VARIANT_KEY_FIGURE_IDS)[number];

/** One named input of a figure's formula. */
export interface KeyFigureInput {
  /** The name used in the formula: another figure's id or an assumption's name. */
  name: string;
  value: number;
  unit: KeyFigureUnit;
  /** Where an assumed number comes from. */
  source?: string;
}

/** How a figure is computed: `formula` is an expression over the inputs' names, e.g. `grossFloorArea / siteArea`. */
export interface KeyFigureExplanation {
  formula: string;
  inputs: KeyFigureInput[];
  /** What the formula leaves out or rounds. */
  note?: string;
}

export interface KeyFigure<Id extends string = string> {
  id: Id;
  /** Null when the figure is undefined, e.g. spaces per home without homes. */
  value: number | null;
  unit: KeyFigureUnit;
  explanation: KeyFigureExplanation;
}

/** The distance between a figure and its target; `gap` = value − target (negative: missing). */
export interface TargetGap {
  figureId: 'homes' | 'subsidisedHomesShare' | 'greenShare';
  target: number;
  value: number | null;
  gap: number | null;
  /** Whether the value reaches the target (all targets are minimums). */
  reached: boolean;
  unit: KeyFigureUnit;
  source: string;
  confidence: Confidence;
}

/** Every figure of one variant, and its gaps to the quarter's targets. */
export interface VariantKeyFigures {
  scenarioId: string;
  variantId: string;
  figures: { [Id in VariantKeyFigureId]: KeyFigure<Id> };
  targetGaps: TargetGap[];
}

/** The figures summed over several quarters (York and Oxford), and the gap to the city's goal. */
export const COMBINED_KEY_FIGURE_IDS = [
  'siteArea',
  'grossFloorArea',
  'floorAreaRatio',
  'homes',
  'residents',
  'subsidisedHomes',
  'subsidisedHomesShare',
  'greenArea',
  'greenShare',
  'sealedArea',
  'sealedShare',
  'parkingSpacesPerHome',
  'bikeSpacesPerHome',
] as const;

export type CombinedKeyFigureId = (typeof COMBINED_KEY_FIGURE_IDS)[number];

export interface CombinedKeyFigures {
  /** Which variant of which quarter went into the sum. */
  parts: { scenarioId: string; variantId: string }[];
  figures: { [Id in CombinedKeyFigureId]: KeyFigure<Id> };
  /** The city's goal for both quarters together (about 3,000 homes). */
  homesGoal: {
    target: number;
    value: number;
    gap: number;
    reached: boolean;
    source: string;
  };
}
