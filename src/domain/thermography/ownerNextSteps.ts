import type { OwnerDocument } from './ownerDocument';

/** A concrete next step an owner can take; the app words each one in German and English. */
export type OwnerNextStep =
  /** Insulate the top floor ceiling (oberste Geschossdecke): cheap, and GEG § 47 requires it for many attics. */
  | 'insulate-top-floor-ceiling'
  /** Insulate the roof itself (between/above the rafters), e.g. when the attic is lived in. */
  | 'insulate-roof'
  /** A flat roof loses heat over its whole area: check its insulation when the roof is next redone. */
  | 'insulate-flat-roof'
  /** Let a professional check the attic's insulation for gaps (class 3: part of the roof is warm). */
  | 'check-attic-insulation'
  /** Warm spots at chimneys, skylights, hatches: check their joints and frames. */
  | 'check-hot-spots'
  /** Nothing urgent on the roof; walls and windows are not in this image. */
  | 'roof-looks-fine'
  /** No class could be given: a consultation can tell more than a missing image. */
  | 'no-data-consultation'
  /** Free or subsidised energy consultation (the city's advice service, Verbraucherzentrale NRW). */
  | 'energy-consultation'
  /** Subsidies for insulation (BAFA/KfW, individual renovation roadmap iSFP). */
  | 'subsidies';

/** Flat roof in the CityGML roof type code list. */
const FLAT_ROOF_CODE = '1000';

/**
 * The steps that fit an owner's result, most useful first: what the class suggests, what the hot spots and the
 * roof type add, then consultation and subsidies (always, since a class is a hint, not a verdict).
 */
export function ownerNextSteps(document: Pick<OwnerDocument, 'result' | 'building'>): OwnerNextStep[] {
  const { result } = document;
  if (result.status === 'no-data') return ['no-data-consultation', 'energy-consultation'];
  const steps: OwnerNextStep[] = [];
  const flatRoof = document.building?.roofTypeCode === FLAT_ROOF_CODE;
  if (result.heatLossClass >= 4) {
    if (flatRoof) steps.push('insulate-flat-roof');
    else steps.push('insulate-top-floor-ceiling', 'insulate-roof');
  } else if (result.heatLossClass === 3) {
    steps.push(flatRoof ? 'insulate-flat-roof' : 'check-attic-insulation');
  } else {
    steps.push('roof-looks-fine');
  }
  if (result.hotSpots.length > 0) steps.push('check-hot-spots');
  steps.push('energy-consultation');
  if (result.heatLossClass >= 3) steps.push('subsidies');
  return steps;
}
