import { describe, expect, it } from 'vitest';
import { applyMassingEdit } from './massingEdits';
import { createTestScenario } from './scenarioTestSupport';
import { addVariantAs, findVariant, nextFreeVariantId, replaceVariant } from './scenarioVariants';

describe('scenario variants', () => {
  const scenario = createTestScenario();
  const edited = applyMassingEdit(scenario.variants[0]!, {
    kind: 'setStoreys',
    massingId: 'row-b',
    storeys: 5,
  }).variant!;

  it('saves an edited variant under a new id, leaving the original', () => {
    const id = nextFreeVariantId(scenario);
    expect(id).toBe('workshop-1');
    const saved = addVariantAs(scenario, edited, { id, title: { de: 'Werkstatt 1', en: 'Workshop 1' } });
    expect(saved.issues).toEqual([]);
    expect(saved.scenario.variants.map((variant) => variant.id)).toEqual(['test-variant', 'workshop-1']);
    expect(findVariant(saved.scenario, 'workshop-1')?.massings[1]?.storeys).toBe(5);
    expect(findVariant(saved.scenario, 'test-variant')?.massings[1]?.storeys).toBe(2);
    expect(nextFreeVariantId(saved.scenario)).toBe('workshop-2');
  });

  it('refuses a taken or malformed id and returns the same scenario', () => {
    const taken = addVariantAs(scenario, edited, { id: 'test-variant', title: { de: 'X' } });
    expect(taken.scenario).toBe(scenario);
    expect(taken.issues[0]?.code).toBe('duplicate_variant_id');
    expect(addVariantAs(scenario, edited, { id: 'Bad Id', title: { de: 'X' } }).issues[0]?.code).toBe(
      'invalid_id',
    );
  });

  it('puts an edited variant back in place', () => {
    const replaced = replaceVariant(scenario, edited);
    expect(replaced.variants[0]).toBe(edited);
    expect(scenario.variants[0]).not.toBe(edited);
    expect(replaceVariant(scenario, { ...edited, id: 'unknown' })).toBe(scenario);
  });
});
