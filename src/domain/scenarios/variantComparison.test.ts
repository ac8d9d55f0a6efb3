import { describe, expect, it } from 'vitest';
import { applyMassingEdit } from './massingEdits';
import { createTestScenario } from './scenarioTestSupport';
import { compareVariantKeyFigures } from './variantComparison';
import { VARIANT_KEY_FIGURE_IDS } from './keyFigureTypes';

describe('compareVariantKeyFigures', () => {
  const scenario = createTestScenario();
  const variantA = scenario.variants[0]!;
  // Variant B: the courtyard block raised from 4 to 8 storeys.
  const variantB = {
    ...applyMassingEdit(variantA, { kind: 'setStoreys', massingId: 'block-a', storeys: 8 }).variant!,
    id: 'taller',
  };

  it('gives A, B and B − A for each figure, computed by hand for floor area and homes', () => {
    const rows = compareVariantKeyFigures(scenario, variantA, variantB, ['grossFloorArea', 'homes']);
    expect(rows.map((row) => row.figureId)).toEqual(['grossFloorArea', 'homes']);
    const [floorArea, homes] = rows;
    // A: 600 m² × 4 + 300 m² × 2 = 3,000 m²; B: 600 m² × 8 + 600 m² = 5,400 m².
    expect(floorArea!.valueA).toBeCloseTo(3000, 0);
    expect(floorArea!.valueB).toBeCloseTo(5400, 0);
    expect(floorArea!.difference).toBeCloseTo(2400, 0);
    expect(floorArea!.unit).toBe('squareMeters');
    // Housing floor area 1,800 + 300 = 2,100 m² → 21 homes; B: 3,600 + 300 = 3,900 m² → 39 homes (100 m² each).
    expect(homes!.valueA).toBeCloseTo(21, 0);
    expect(homes!.valueB).toBeCloseTo(39, 0);
    expect(homes!.difference).toBeCloseTo(18, 0);
  });

  it('lists every key figure by default, with a difference of 0 where the variants agree', () => {
    const rows = compareVariantKeyFigures(scenario, variantA, variantB);
    expect(rows.map((row) => row.figureId)).toEqual([...VARIANT_KEY_FIGURE_IDS]);
    expect(rows.find((row) => row.figureId === 'siteArea')!.difference).toBe(0);
  });

  it('leaves the difference undefined where a figure is undefined', () => {
    const empty = { ...variantA, id: 'empty', massings: [], mobilityHubs: [] };
    const row = compareVariantKeyFigures(scenario, variantA, empty, ['parkingSpacesPerHome'])[0]!;
    expect(row.valueB).toBeNull();
    expect(row.difference).toBeNull();
  });
});
