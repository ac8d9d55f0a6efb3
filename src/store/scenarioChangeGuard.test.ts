import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScene } from '../domain/scenes/sceneDocument';
import { createTwinStore } from './createTwinStore';
import { hasUnsavedEdits, shownVariant } from './scenarioEditing';
import { testStartView } from './storeTestSupport';

const york = (() => {
  const file = 'scenes/york.json';
  const { value } = parseScene(readFileSync(join(process.cwd(), file), 'utf8'), file);
  if (value?.kind !== 'scenario') throw new Error('scenes/york.json is not a valid scenario');
  return value;
})();

/** York open at its first variant, editing, with one storey added to its first massing (unsaved). */
function storeWithUnsavedEdit() {
  const store = createTwinStore(testStartView());
  store.getState().setScenarios([york]);
  store.getState().openScenario('york');
  store.getState().startEditing();
  const massing = shownVariant(store.getState())!.massings[0]!;
  store.getState().editMassing({ kind: 'setStoreys', massingId: massing.id, storeys: massing.storeys + 1 });
  expect(hasUnsavedEdits(store.getState())).toBe(true);
  return { store, massingId: massing.id, raisedStoreys: massing.storeys + 1 };
}

const storeysOf = (store: ReturnType<typeof storeWithUnsavedEdit>['store'], massingId: string) =>
  shownVariant(store.getState())!.massings.find((massing) => massing.id === massingId)!.storeys;

describe('unsaved edits are not dropped silently', () => {
  it('holds a variant switch as a question; cancel keeps the edits and the open variant', () => {
    const { store, massingId, raisedStoreys } = storeWithUnsavedEdit();
    const other = york.variants[1]!.id;
    expect(
      store.getState().requestScenarioChange({ kind: 'open', scenarioId: 'york', variantId: other }),
    ).toBe(false);
    expect(store.getState().pendingScenarioChange).toEqual({
      kind: 'open',
      scenarioId: 'york',
      variantId: other,
    });
    expect(store.getState().view.variantId).toBe(york.variants[0]!.id);

    store.getState().cancelScenarioChange();
    expect(store.getState().pendingScenarioChange).toBeUndefined();
    expect(store.getState().view.variantId).toBe(york.variants[0]!.id);
    expect(storeysOf(store, massingId)).toBe(raisedStoreys);
  });

  it('forgets the question when something else changes the variant meanwhile (a storyboard step)', () => {
    const { store } = storeWithUnsavedEdit();
    store.getState().requestScenarioChange({ kind: 'close' });
    store.getState().openScenario('york', york.variants[2]!.id);
    expect(store.getState().pendingScenarioChange).toBeUndefined();
    expect(store.getState().view.variantId).toBe(york.variants[2]!.id);
  });

  it('discarding makes the held change and drops the edits', () => {
    for (const change of [
      { kind: 'open', scenarioId: 'york', variantId: york.variants[1]!.id },
      { kind: 'close' },
      { kind: 'stopEditing' },
    ] as const) {
      const { store } = storeWithUnsavedEdit();
      store.getState().requestScenarioChange(change);
      store.getState().discardEditsAndContinue();
      const state = store.getState();
      expect(state.pendingScenarioChange, change.kind).toBeUndefined();
      expect(state.scenarioEdit, change.kind).toBeUndefined();
      expect(state.view.variantId, change.kind).toBe(
        change.kind === 'open'
          ? change.variantId
          : change.kind === 'close'
            ? undefined
            : york.variants[0]!.id,
      );
      // The document never held the edits.
      expect(state.scenarios[0]!.variants[0]!.massings).toBe(york.variants[0]!.massings);
    }
  });

  it('lets changes through at once without unsaved edits, or when they keep the edit', () => {
    const store = createTwinStore(testStartView());
    store.getState().setScenarios([york]);
    store.getState().openScenario('york');
    store.getState().startEditing();
    // Editing, but nothing changed yet: nothing to ask.
    expect(
      store
        .getState()
        .requestScenarioChange({ kind: 'open', scenarioId: 'york', variantId: york.variants[1]!.id }),
    ).toBe(true);
    expect(store.getState().view.variantId).toBe(york.variants[1]!.id);

    const { store: editing, massingId, raisedStoreys } = storeWithUnsavedEdit();
    // Choosing the variant being edited again keeps the edit.
    expect(
      editing
        .getState()
        .requestScenarioChange({ kind: 'open', scenarioId: 'york', variantId: york.variants[0]!.id }),
    ).toBe(true);
    expect(editing.getState().pendingScenarioChange).toBeUndefined();
    expect(storeysOf(editing, massingId)).toBe(raisedStoreys);
  });
});

describe('renaming and deleting saved variants in the store', () => {
  it('renames only saved variants and, deleting the open one, opens the first variant', () => {
    const store = createTwinStore(testStartView());
    store.getState().setScenarios([york]);
    const saved = { ...structuredClone(york.variants[0]!), id: 'workshop-1', title: { de: 'Workshop 1' } };
    store.getState().addSavedVariants('york', [saved]);
    store.getState().openScenario('york', 'workshop-1');

    store.getState().renameSavedVariant('york', { ...saved, title: { de: 'Runde 2', en: 'Runde 2' } });
    const variants = () => store.getState().scenarios[0]!.variants;
    expect(variants().find((variant) => variant.id === 'workshop-1')!.title.de).toBe('Runde 2');
    // A built-in variant is not renamed in the store either.
    store.getState().renameSavedVariant('york', { ...york.variants[0]!, title: { de: 'Anders' } });
    expect(variants()[0]!.title).toEqual(york.variants[0]!.title);

    store.getState().removeSavedVariant('york', york.variants[0]!.id);
    expect(variants()).toHaveLength(york.variants.length + 1);
    store.getState().removeSavedVariant('york', 'workshop-1');
    expect(variants().map((variant) => variant.id)).toEqual(york.variants.map((variant) => variant.id));
    expect(store.getState().savedVariantIds.york).toEqual([]);
    expect(store.getState().view.variantId).toBe(york.variants[0]!.id);
    expect(store.getState().chosenVariants.york).toBe(york.variants[0]!.id);
  });
});
