/**
 * Key figures of several quarters together (one chosen variant each), e.g. York and Oxford, and whether they
 * reach the city's goal of about 3,000 homes.
 */
import { CITY_TARGET_HOMES, CITY_TARGET_HOMES_SOURCE } from './keyFigureAssumptions';
import type {
  CombinedKeyFigureId,
  CombinedKeyFigures,
  KeyFigure,
  KeyFigureUnit,
  VariantKeyFigureId,
  VariantKeyFigures,
} from './keyFigureTypes';

/** Sums figures over the parts; ratios are recomputed from the sums, not averaged. */
export function computeCombinedKeyFigures(
  parts: readonly VariantKeyFigures[],
  homesGoal: { target: number; source: string } = {
    target: CITY_TARGET_HOMES,
    source: CITY_TARGET_HOMES_SOURCE,
  },
): CombinedKeyFigures {
  const sum = (id: VariantKeyFigureId) =>
    parts.reduce((total, part) => total + (part.figures[id].value ?? 0), 0);
  const partsLabel = parts.map((part) => `${part.scenarioId}/${part.variantId}`).join(' + ') || 'no quarter';
  const summed = <Id extends CombinedKeyFigureId & VariantKeyFigureId>(id: Id): KeyFigure<Id> => ({
    id,
    value: sum(id),
    unit: parts[0]?.figures[id].unit ?? unitOf(id),
    explanation: {
      formula: `Σ quarters ${id}`,
      inputs: parts.map((part) => ({
        name: `${part.scenarioId}/${part.variantId}`,
        value: part.figures[id].value ?? 0,
        unit: part.figures[id].unit,
      })),
      note: partsLabel,
    },
  });
  const ratio = <Id extends CombinedKeyFigureId>(
    id: Id,
    unit: KeyFigureUnit,
    numerator: VariantKeyFigureId,
    denominator: VariantKeyFigureId,
  ): KeyFigure<Id> => {
    const top = sum(numerator);
    const bottom = sum(denominator);
    return {
      id,
      value: bottom > 0 ? top / bottom : null,
      unit,
      explanation: {
        formula: `Σ ${numerator} / Σ ${denominator}`,
        inputs: [
          { name: numerator, value: top, unit: unitOf(numerator) },
          { name: denominator, value: bottom, unit: unitOf(denominator) },
        ],
        note: partsLabel,
      },
    };
  };
  const homes = sum('homes');
  return {
    parts: parts.map(({ scenarioId, variantId }) => ({ scenarioId, variantId })),
    figures: {
      siteArea: summed('siteArea'),
      grossFloorArea: summed('grossFloorArea'),
      floorAreaRatio: ratio('floorAreaRatio', 'ratio', 'grossFloorArea', 'siteArea'),
      homes: summed('homes'),
      residents: summed('residents'),
      subsidisedHomes: summed('subsidisedHomes'),
      subsidisedHomesShare: ratio('subsidisedHomesShare', 'share', 'subsidisedHomes', 'homes'),
      greenArea: summed('greenArea'),
      greenShare: ratio('greenShare', 'share', 'greenArea', 'siteArea'),
      sealedArea: summed('sealedArea'),
      sealedShare: ratio('sealedShare', 'share', 'sealedArea', 'siteArea'),
      parkingSpacesPerHome: ratio('parkingSpacesPerHome', 'spacesPerHome', 'parkingSpaces', 'homes'),
      bikeSpacesPerHome: ratio('bikeSpacesPerHome', 'spacesPerHome', 'bikeSpaces', 'homes'),
    },
    homesGoal: {
      target: homesGoal.target,
      value: homes,
      gap: homes - homesGoal.target,
      reached: homes >= homesGoal.target,
      source: homesGoal.source,
    },
  };
}

function unitOf(id: VariantKeyFigureId): KeyFigureUnit {
  switch (id) {
    case 'homes':
    case 'subsidisedHomes':
      return 'homes';
    case 'residents':
      return 'persons';
    case 'parkingSpaces':
    case 'bikeSpaces':
      return 'spaces';
    default:
      return 'squareMeters';
  }
}
