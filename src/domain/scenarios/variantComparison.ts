/**
 * Two variants of one quarter side by side: every key figure of variant A and B and their difference (B − A), the
 * table planners read when they compare variants (issue #6).
 */
import { computeVariantKeyFigures } from './keyFigures';
import type { KeyFigureAssumptions } from './keyFigureAssumptions';
import { VARIANT_KEY_FIGURE_IDS, type KeyFigureUnit, type VariantKeyFigureId } from './keyFigureTypes';
import type { ScenarioDocument, ScenarioVariant } from './scenarioSchema';

/** One row of the table of differences; values are null where a figure is undefined (e.g. per home without homes). */
export interface VariantDifferenceRow {
  figureId: VariantKeyFigureId;
  unit: KeyFigureUnit;
  valueA: number | null;
  valueB: number | null;
  /** B − A; null when either value is undefined. */
  difference: number | null;
}

/** The key figures of two variants and their differences, in the order of `figureIds` (all figures by default). */
export function compareVariantKeyFigures(
  scenario: ScenarioDocument,
  variantA: ScenarioVariant,
  variantB: ScenarioVariant,
  figureIds: readonly VariantKeyFigureId[] = VARIANT_KEY_FIGURE_IDS,
  assumptions?: KeyFigureAssumptions,
): VariantDifferenceRow[] {
  const figuresA = computeVariantKeyFigures(scenario, variantA, assumptions).figures;
  const figuresB = computeVariantKeyFigures(scenario, variantB, assumptions).figures;
  return figureIds.map((figureId) => {
    const valueA = figuresA[figureId].value;
    const valueB = figuresB[figureId].value;
    return {
      figureId,
      unit: figuresA[figureId].unit,
      valueA,
      valueB,
      difference: valueA === null || valueB === null ? null : valueB - valueA,
    };
  });
}
