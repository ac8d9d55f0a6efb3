import { describe, expect, it } from 'vitest';
import { computeMassingFigures, computeVariantKeyFigures } from './keyFigures';
import { computeCombinedKeyFigures } from './keyFiguresCombined';
import {
  createTestScenario,
  createTestVariant,
  MASSING_WITH_COURTYARD,
  metricPolygon,
  MIXED_MASSING,
  rectangle,
} from './scenarioTestSupport';

// Coordinates are stored to 1e-8° (about a millimetre), so areas are compared to within half a square metre.
describe('computeMassingFigures', () => {
  it('subtracts the courtyard and counts every storey', () => {
    const figures = computeMassingFigures(MASSING_WITH_COURTYARD);
    // 40 × 20 m less the 20 × 10 m courtyard = 600 m²; 4 storeys = 2,400 m².
    expect(figures.footprintAreaSquareMeters).toBeCloseTo(600, 0);
    expect(figures.grossFloorAreaSquareMeters).toBeCloseTo(2400, 0);
    expect(figures.heightMeters).toBe(12);
    expect(figures.floorAreaByUseSquareMeters.housing).toBeCloseTo(1800, 0);
    expect(figures.floorAreaByUseSquareMeters.commerce).toBeCloseTo(600, 0);
    expect(figures.subsidisedHousingFloorAreaSquareMeters).toBeCloseTo(900, 0);
  });
});

describe('computeVariantKeyFigures', () => {
  const scenario = createTestScenario();
  const result = computeVariantKeyFigures(scenario, scenario.variants[0]!);
  const value = (id: keyof typeof result.figures) => result.figures[id].value;

  it('computes areas, GFZ and GRZ against the whole site', () => {
    expect(value('siteArea')).toBeCloseTo(20_000, 0);
    expect(value('footprintArea')).toBeCloseTo(900, 0); // 600 + 300
    expect(value('grossFloorArea')).toBeCloseTo(3000, 0); // 2,400 + 600
    expect(value('floorAreaRatio')).toBeCloseTo(0.15, 4); // 3,000 / 20,000
    expect(value('siteCoverageRatio')).toBeCloseTo(0.045, 4); // 900 / 20,000
  });

  it('splits mixed uses by floor-area share', () => {
    expect(value('housingFloorArea')).toBeCloseTo(2100, 0); // 1,800 + 300
    expect(value('commerceFloorArea')).toBeCloseTo(600, 0);
    expect(value('socialInfrastructureFloorArea')).toBeCloseTo(300, 0); // day-care 150 + school 150
    expect(value('mobilityFloorArea')).toBe(0);
  });

  it('turns housing floor area into homes, residents and subsidised homes', () => {
    expect(value('homes')).toBe(21); // 2,100 m² / 100 m² per home
    expect(value('residents')).toBe(38); // 21 × 1.8 = 37.8
    expect(value('subsidisedHomes')).toBe(9); // 900 m² / 100
    expect(value('subsidisedHomesShare')).toBeCloseTo(900 / 2100, 4);
  });

  it('counts green, paved, sealed and water surfaces where they belong', () => {
    expect(value('greenArea')).toBeCloseTo(1900, 0); // park with a hole
    expect(value('greenShare')).toBeCloseTo(0.095, 4);
    expect(value('greenRoofArea')).toBeCloseTo(300, 0);
    // Footprints 900 + road 600 + paved square 400 + street 100 m × 5 m; the pond counts to neither.
    expect(value('sealedArea')).toBeCloseTo(2400, 0);
    expect(value('sealedShare')).toBeCloseTo(0.12, 4);
  });

  it('gives parking and bike spaces per home', () => {
    expect(value('parkingSpacesPerHome')).toBe(2);
    expect(value('bikeSpacesPerHome')).toBe(4);
  });

  it('explains each figure by a formula over named inputs', () => {
    const homes = result.figures.homes.explanation;
    expect(homes.formula).toBe('round(housingFloorArea / grossFloorAreaPerHome)');
    expect(homes.inputs.map((input) => input.name)).toEqual(['housingFloorArea', 'grossFloorAreaPerHome']);
    expect(homes.inputs[1]).toMatchObject({ value: 100, source: expect.stringContaining('living area') });
    expect(result.figures.floorAreaRatio.explanation.formula).toBe('grossFloorArea / siteArea');
    expect(result.figures.residents.explanation.inputs[1]?.source).toContain('Münster');
  });

  it('shows the gap to each target', () => {
    expect(result.targetGaps).toEqual([
      expect.objectContaining({ figureId: 'homes', target: 30, value: 21, gap: -9, reached: false }),
      expect.objectContaining({ figureId: 'subsidisedHomesShare', target: 0.3, reached: true }),
      expect.objectContaining({ figureId: 'greenShare', target: 0.2, reached: false }),
    ]);
    expect(result.targetGaps[2]?.gap).toBeCloseTo(-0.105, 4);
  });

  it('takes other assumptions when given', () => {
    const larger = computeVariantKeyFigures(scenario, scenario.variants[0]!, {
      grossFloorAreaPerHomeSquareMeters: 70,
      personsPerHome: 2,
    });
    expect(larger.figures.homes.value).toBe(30); // 2,100 / 70
    expect(larger.figures.residents.value).toBe(60);
    expect(larger.targetGaps[0]).toMatchObject({ gap: 0, reached: true });
  });

  it('reports per-home figures as undefined without homes', () => {
    const empty = computeVariantKeyFigures(scenario, createTestVariant({ massings: [] }));
    expect(empty.figures.homes.value).toBe(0);
    expect(empty.figures.parkingSpacesPerHome.value).toBeNull();
    expect(empty.figures.subsidisedHomesShare.value).toBeNull();
    expect(empty.targetGaps[1]).toMatchObject({ value: null, gap: null, reached: false });
  });

  it('follows an edit: doubling the storeys of the courtyard block adds its homes', () => {
    const taller = { ...MASSING_WITH_COURTYARD, storeys: 8 };
    const edited = computeVariantKeyFigures(
      scenario,
      createTestVariant({ massings: [taller, MIXED_MASSING] }),
    );
    expect(edited.figures.homes.value).toBe(39); // (3,600 + 300) / 100
  });

  it('measures a site with a hole without the hole', () => {
    const holed = createTestScenario({
      site: {
        ...scenario.site,
        boundary: metricPolygon(rectangle(0, 0, 200, 100), rectangle(150, 0.5, 199, 40)),
      },
    });
    expect(computeVariantKeyFigures(holed, holed.variants[0]!).figures.siteArea.value).toBeCloseTo(
      20_000 - 49 * 39.5,
      0,
    );
  });
});

describe('computeCombinedKeyFigures', () => {
  it('sums both quarters and measures them against the city goal of 3,000 homes', () => {
    const scenario = createTestScenario();
    const york = computeVariantKeyFigures(scenario, scenario.variants[0]!, {
      grossFloorAreaPerHomeSquareMeters: 1.2,
      personsPerHome: 1.8,
    });
    const oxford = { ...york, scenarioId: 'oxford' };
    const combined = computeCombinedKeyFigures([york, oxford]);
    // 2,100 / 1.2 = 1,750 homes per quarter.
    expect(combined.figures.homes.value).toBe(3500);
    expect(combined.homesGoal).toMatchObject({ target: 3000, value: 3500, gap: 500, reached: true });
    expect(combined.figures.siteArea.value).toBeCloseTo(40_000, 0);
    expect(combined.figures.greenShare.value).toBeCloseTo(0.095, 4);
    expect(combined.figures.homes.explanation.inputs.map((input) => input.name)).toEqual([
      'test-quarter/test-variant',
      'oxford/test-variant',
    ]);
  });
});
