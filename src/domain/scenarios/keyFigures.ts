/**
 * Key figures of a variant (gross floor area, GFZ, GRZ, homes, residents, subsidised share, green and sealed
 * shares, parking and bike spaces per home) and their gaps to the quarter's targets. Pure and fast: areas are
 * cached per coordinate array, so recomputing after one edit only projects the edited massing again.
 */
import {
  DEFAULT_KEY_FIGURE_ASSUMPTIONS,
  GROSS_FLOOR_AREA_PER_HOME_SOURCE,
  PERSONS_PER_HOME_SOURCE,
  type KeyFigureAssumptions,
} from './keyFigureAssumptions';
import type {
  KeyFigure,
  KeyFigureInput,
  KeyFigureUnit,
  TargetGap,
  VariantKeyFigureId,
  VariantKeyFigures,
} from './keyFigureTypes';
import { lineLengthMeters, polygonAreaSquareMeters } from './scenarioPlanarGeometry';
import {
  MASSING_USE_KEYS,
  SOCIAL_INFRASTRUCTURE_USE_KEYS,
  type Massing,
  type MassingUseKey,
  type ScenarioDocument,
  type ScenarioVariant,
} from './scenarioSchema';

/** The figures of one massing, independent of assumptions (cached per massing object). */
export interface MassingFigures {
  massingId: string;
  footprintAreaSquareMeters: number;
  grossFloorAreaSquareMeters: number;
  heightMeters: number;
  floorAreaByUseSquareMeters: Record<MassingUseKey, number>;
  subsidisedHousingFloorAreaSquareMeters: number;
}

const massingFiguresCache = new WeakMap<Massing, MassingFigures>();

/**
 * Footprint area (EPSG:25832, holes subtracted), gross floor area (footprint × storeys, as for the GFZ: every
 * storey above ground counted in full), height (storeys × storey height, roofs not included) and floor area by use.
 */
export function computeMassingFigures(massing: Massing): MassingFigures {
  const cached = massingFiguresCache.get(massing);
  if (cached) return cached;
  const footprintAreaSquareMeters = polygonAreaSquareMeters(massing.footprint);
  const grossFloorAreaSquareMeters = footprintAreaSquareMeters * massing.storeys;
  const floorAreaByUseSquareMeters = Object.fromEntries(
    MASSING_USE_KEYS.map((key) => [key, grossFloorAreaSquareMeters * (massing.uses[key] ?? 0)]),
  ) as Record<MassingUseKey, number>;
  const figures: MassingFigures = {
    massingId: massing.id,
    footprintAreaSquareMeters,
    grossFloorAreaSquareMeters,
    heightMeters: massing.storeys * massing.storeyHeightMeters,
    floorAreaByUseSquareMeters,
    subsidisedHousingFloorAreaSquareMeters:
      floorAreaByUseSquareMeters.housing * (massing.subsidisedHousingShare ?? 0),
  };
  massingFiguresCache.set(massing, figures);
  return figures;
}

/** Homes in a housing floor area, unrounded. */
export function estimateHomes(
  housingFloorAreaSquareMeters: number,
  assumptions: KeyFigureAssumptions,
): number {
  return housingFloorAreaSquareMeters / assumptions.grossFloorAreaPerHomeSquareMeters;
}

function figure<Id extends VariantKeyFigureId>(
  id: Id,
  value: number | null,
  unit: KeyFigureUnit,
  formula: string,
  inputs: KeyFigureInput[],
  note?: string,
): KeyFigure<Id> {
  return { id, value, unit, explanation: note ? { formula, inputs, note } : { formula, inputs } };
}

/** A quotient that is undefined (null) when the divisor is zero. */
function divide(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

function input(name: string, value: number, unit: KeyFigureUnit, source?: string): KeyFigureInput {
  return source === undefined ? { name, value, unit } : { name, value, unit, source };
}

/** Sums over a variant's elements, the raw material of the figures. */
interface VariantTotals {
  siteArea: number;
  massingCount: number;
  footprintArea: number;
  grossFloorArea: number;
  floorAreaByUse: Record<MassingUseKey, number>;
  subsidisedHousingFloorArea: number;
  greenRoofArea: number;
  greenOpenSpaceArea: number;
  pavedOpenSpaceArea: number;
  sealedAreasArea: number;
  streetArea: number;
  parkingSpaces: number;
  bikeSpaces: number;
}

function sumVariant(scenario: ScenarioDocument, variant: ScenarioVariant): VariantTotals {
  const floorAreaByUse = Object.fromEntries(MASSING_USE_KEYS.map((key) => [key, 0])) as Record<
    MassingUseKey,
    number
  >;
  let footprintArea = 0;
  let grossFloorArea = 0;
  let subsidisedHousingFloorArea = 0;
  let greenRoofArea = 0;
  for (const massing of variant.massings) {
    const figures = computeMassingFigures(massing);
    footprintArea += figures.footprintAreaSquareMeters;
    grossFloorArea += figures.grossFloorAreaSquareMeters;
    subsidisedHousingFloorArea += figures.subsidisedHousingFloorAreaSquareMeters;
    if (massing.greenRoof) greenRoofArea += figures.footprintAreaSquareMeters;
    for (const key of MASSING_USE_KEYS) floorAreaByUse[key] += figures.floorAreaByUseSquareMeters[key];
  }
  let greenOpenSpaceArea = 0;
  let pavedOpenSpaceArea = 0;
  for (const openSpace of variant.openSpaces) {
    const area = polygonAreaSquareMeters(openSpace.area);
    if (openSpace.surface === 'green') greenOpenSpaceArea += area;
    else if (openSpace.surface === 'paved') pavedOpenSpaceArea += area;
  }
  let sealedAreasArea = 0;
  for (const sealedArea of variant.sealedAreas) sealedAreasArea += polygonAreaSquareMeters(sealedArea.area);
  let streetArea = 0;
  for (const street of variant.streets) streetArea += lineLengthMeters(street.line) * street.widthMeters;
  let parkingSpaces = 0;
  let bikeSpaces = 0;
  for (const hub of variant.mobilityHubs) {
    parkingSpaces += hub.parkingSpaces;
    bikeSpaces += hub.bikeSpaces;
  }
  return {
    siteArea: polygonAreaSquareMeters(scenario.site.boundary),
    massingCount: variant.massings.length,
    footprintArea,
    grossFloorArea,
    floorAreaByUse,
    subsidisedHousingFloorArea,
    greenRoofArea,
    greenOpenSpaceArea,
    pavedOpenSpaceArea,
    sealedAreasArea,
    streetArea,
    parkingSpaces,
    bikeSpaces,
  };
}

/**
 * Every key figure of one variant of a quarter, each with its explanation, and the gaps to the quarter's targets.
 * Areas are measured on the EPSG:25832 plane; GFZ and GRZ refer to the whole site (gross, streets included).
 */
export function computeVariantKeyFigures(
  scenario: ScenarioDocument,
  variant: ScenarioVariant,
  assumptions: KeyFigureAssumptions = DEFAULT_KEY_FIGURE_ASSUMPTIONS,
): VariantKeyFigures {
  const totals = sumVariant(scenario, variant);
  const perHome = assumptions.grossFloorAreaPerHomeSquareMeters;
  const homesExact = estimateHomes(totals.floorAreaByUse.housing, assumptions);
  const homes = Math.round(homesExact);
  const subsidisedHomesExact = estimateHomes(totals.subsidisedHousingFloorArea, assumptions);
  const socialFloorArea = SOCIAL_INFRASTRUCTURE_USE_KEYS.reduce(
    (sum, key) => sum + totals.floorAreaByUse[key],
    0,
  );
  const sealedArea =
    totals.footprintArea + totals.sealedAreasArea + totals.pavedOpenSpaceArea + totals.streetArea;
  const siteArea = input('siteArea', totals.siteArea, 'squareMeters');
  const homesInput = input('homes', homes, 'homes');
  const perHomeInput = input(
    'grossFloorAreaPerHome',
    perHome,
    'squareMetersPerHome',
    GROSS_FLOOR_AREA_PER_HOME_SOURCE,
  );
  const useFigure = <Id extends VariantKeyFigureId>(id: Id, value: number, keys: string) =>
    figure(id, value, 'squareMeters', `Σ massings (grossFloorArea × share of ${keys})`, [
      input('grossFloorArea', totals.grossFloorArea, 'squareMeters'),
    ]);

  const figures: VariantKeyFigures['figures'] = {
    siteArea: figure(
      'siteArea',
      totals.siteArea,
      'squareMeters',
      'area of the site boundary',
      [],
      'Measured on the EPSG:25832 plane; holes subtracted',
    ),
    footprintArea: figure(
      'footprintArea',
      totals.footprintArea,
      'squareMeters',
      'Σ massings footprint area',
      [input('massingCount', totals.massingCount, 'count')],
      'Courtyards (holes) subtracted',
    ),
    grossFloorArea: figure(
      'grossFloorArea',
      totals.grossFloorArea,
      'squareMeters',
      'Σ massings (footprint area × storeys)',
      [
        input('footprintArea', totals.footprintArea, 'squareMeters'),
        input('massingCount', totals.massingCount, 'count'),
      ],
      'Every storey above ground counted with the full footprint',
    ),
    housingFloorArea: useFigure('housingFloorArea', totals.floorAreaByUse.housing, 'housing'),
    commerceFloorArea: useFigure('commerceFloorArea', totals.floorAreaByUse.commerce, 'commerce'),
    socialInfrastructureFloorArea: useFigure(
      'socialInfrastructureFloorArea',
      socialFloorArea,
      'dayCare + school + community',
    ),
    mobilityFloorArea: useFigure('mobilityFloorArea', totals.floorAreaByUse.mobility, 'mobility'),
    floorAreaRatio: figure(
      'floorAreaRatio',
      divide(totals.grossFloorArea, totals.siteArea),
      'ratio',
      'grossFloorArea / siteArea',
      [input('grossFloorArea', totals.grossFloorArea, 'squareMeters'), siteArea],
      'GFZ over the whole site, streets and parks included',
    ),
    siteCoverageRatio: figure(
      'siteCoverageRatio',
      divide(totals.footprintArea, totals.siteArea),
      'ratio',
      'footprintArea / siteArea',
      [input('footprintArea', totals.footprintArea, 'squareMeters'), siteArea],
      'GRZ over the whole site',
    ),
    homes: figure('homes', homes, 'homes', 'round(housingFloorArea / grossFloorAreaPerHome)', [
      input('housingFloorArea', totals.floorAreaByUse.housing, 'squareMeters'),
      perHomeInput,
    ]),
    residents: figure(
      'residents',
      Math.round(homes * assumptions.personsPerHome),
      'persons',
      'round(homes × personsPerHome)',
      [
        homesInput,
        input('personsPerHome', assumptions.personsPerHome, 'personsPerHome', PERSONS_PER_HOME_SOURCE),
      ],
    ),
    subsidisedHomes: figure(
      'subsidisedHomes',
      Math.round(subsidisedHomesExact),
      'homes',
      'round(Σ massings (housing floor area × subsidisedHousingShare) / grossFloorAreaPerHome)',
      [input('subsidisedHousingFloorArea', totals.subsidisedHousingFloorArea, 'squareMeters'), perHomeInput],
    ),
    subsidisedHomesShare: figure(
      'subsidisedHomesShare',
      divide(totals.subsidisedHousingFloorArea, totals.floorAreaByUse.housing),
      'share',
      'subsidisedHousingFloorArea / housingFloorArea',
      [
        input('subsidisedHousingFloorArea', totals.subsidisedHousingFloorArea, 'squareMeters'),
        input('housingFloorArea', totals.floorAreaByUse.housing, 'squareMeters'),
      ],
    ),
    greenArea: figure(
      'greenArea',
      totals.greenOpenSpaceArea,
      'squareMeters',
      'Σ open spaces with a green surface',
      [],
    ),
    greenShare: figure(
      'greenShare',
      divide(totals.greenOpenSpaceArea, totals.siteArea),
      'share',
      'greenArea / siteArea',
      [input('greenArea', totals.greenOpenSpaceArea, 'squareMeters'), siteArea],
      'Green roofs are not counted (see greenRoofArea)',
    ),
    greenRoofArea: figure(
      'greenRoofArea',
      totals.greenRoofArea,
      'squareMeters',
      'Σ footprint area of massings with a green roof',
      [],
    ),
    sealedArea: figure(
      'sealedArea',
      sealedArea,
      'squareMeters',
      'footprintArea + sealedAreas + pavedOpenSpaces + Σ streets (length × width)',
      [
        input('footprintArea', totals.footprintArea, 'squareMeters'),
        input('sealedAreas', totals.sealedAreasArea, 'squareMeters'),
        input('pavedOpenSpaces', totals.pavedOpenSpaceArea, 'squareMeters'),
        input('streets', totals.streetArea, 'squareMeters'),
      ],
      'Overlapping elements are counted twice; streets as length × width',
    ),
    sealedShare: figure(
      'sealedShare',
      divide(sealedArea, totals.siteArea),
      'share',
      'sealedArea / siteArea',
      [input('sealedArea', sealedArea, 'squareMeters'), siteArea],
    ),
    parkingSpaces: figure(
      'parkingSpaces',
      totals.parkingSpaces,
      'spaces',
      'Σ mobility hubs parking spaces',
      [],
    ),
    bikeSpaces: figure('bikeSpaces', totals.bikeSpaces, 'spaces', 'Σ mobility hubs bike spaces', []),
    parkingSpacesPerHome: figure(
      'parkingSpacesPerHome',
      divide(totals.parkingSpaces, homes),
      'spacesPerHome',
      'parkingSpaces / homes',
      [input('parkingSpaces', totals.parkingSpaces, 'spaces'), homesInput],
    ),
    bikeSpacesPerHome: figure(
      'bikeSpacesPerHome',
      divide(totals.bikeSpaces, homes),
      'spacesPerHome',
      'bikeSpaces / homes',
      [input('bikeSpaces', totals.bikeSpaces, 'spaces'), homesInput],
    ),
  };
  return {
    scenarioId: scenario.id,
    variantId: variant.id,
    figures,
    targetGaps: computeTargetGaps(scenario, figures),
  };
}

/** Gaps of homes, subsidised share and green share to the quarter's targets (all targets are minimums). */
function computeTargetGaps(scenario: ScenarioDocument, figures: VariantKeyFigures['figures']): TargetGap[] {
  return (['homes', 'subsidisedHomesShare', 'greenShare'] as const).map((figureId) => {
    const target = scenario.targets[figureId];
    const { value, unit } = figures[figureId];
    const gap = value === null ? null : value - target.value;
    return {
      figureId,
      target: target.value,
      value,
      gap,
      // Shares are compared to a thousandth so a rounding residue does not turn a reached target red.
      reached: gap !== null && gap >= (unit === 'homes' ? 0 : -1e-3),
      unit,
      source: target.source,
      confidence: target.confidence,
    };
  });
}
