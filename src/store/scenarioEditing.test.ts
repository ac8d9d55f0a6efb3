import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeVariantKeyFigures } from '../domain/scenarios/keyFigures';
import { measureMassingExtent } from '../domain/scenarios/massingMeasures';
import { polygonAreaSquareMeters } from '../domain/scenarios/scenarioPlanarGeometry';
import type { ScenarioDocument } from '../domain/scenarios/scenarioSchema';
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

function storeWithYorkOpen() {
  const view = testStartView();
  const store = createTwinStore(view);
  store.getState().setScenarios([york]);
  store.getState().openScenario('york');
  return store;
}

const homesOf = (scenario: ScenarioDocument, store: ReturnType<typeof storeWithYorkOpen>) =>
  computeVariantKeyFigures(scenario, shownVariant(store.getState())!).figures.homes.value!;

describe('editing the open variant', () => {
  it('raises storeys so the homes grow, and undo and redo step back and forth', () => {
    const store = storeWithYorkOpen();
    const before = homesOf(york, store);
    store.getState().startEditing();
    const massing = shownVariant(store.getState())!.massings.find((entry) => (entry.uses.housing ?? 0) > 0)!;
    store.getState().selectMassing(massing.id);
    expect(
      store
        .getState()
        .editMassing({ kind: 'setStoreys', massingId: massing.id, storeys: massing.storeys + 3 }),
    ).toEqual([]);
    const raised = homesOf(york, store);
    expect(raised).toBeGreaterThan(before);
    expect(hasUnsavedEdits(store.getState())).toBe(true);

    store.getState().undoEdit();
    expect(homesOf(york, store)).toBe(before);
    expect(store.getState().scenarioEdit?.selectedMassingId).toBe(massing.id);
    store.getState().redoEdit();
    expect(homesOf(york, store)).toBe(raised);
    // The document itself is never changed by edits.
    expect(store.getState().scenarios[0]!.variants[0]!.massings).toBe(york.variants[0]!.massings);
  });

  it('refuses an invalid edit with the JSON path and keeps the variant', () => {
    const store = storeWithYorkOpen();
    store.getState().startEditing();
    const variant = shownVariant(store.getState())!;
    const issues = store
      .getState()
      .editMassing({ kind: 'setStoreys', massingId: variant.massings[2]!.id, storeys: 0 });
    expect(issues[0]?.path).toBe('$.massings[2].storeys');
    expect(store.getState().scenarioEdit?.issues).toEqual(issues);
    expect(shownVariant(store.getState())).toBe(variant);
  });

  it('adds a box inside the site and selects it; deleting it clears the selection', () => {
    const store = storeWithYorkOpen();
    store.getState().startEditing();
    const count = shownVariant(store.getState())!.massings.length;
    expect(store.getState().addMassingInView()).toEqual([]);
    const added = shownVariant(store.getState())!.massings.at(-1)!;
    expect(shownVariant(store.getState())!.massings).toHaveLength(count + 1);
    expect(store.getState().scenarioEdit?.selectedMassingId).toBe(added.id);
    expect(polygonAreaSquareMeters(added.footprint)).toBeCloseTo(360, 0);
    store.getState().editMassing({ kind: 'deleteMassing', massingId: added.id });
    expect(shownVariant(store.getState())!.massings).toHaveLength(count);
    expect(store.getState().scenarioEdit?.selectedMassingId).toBeUndefined();
  });

  it('records a drag on the model as one undo step', () => {
    const store = storeWithYorkOpen();
    store.getState().startEditing();
    const original = shownVariant(store.getState())!;
    const id = original.massings[0]!.id;
    store.getState().beginMassingDrag(id);
    store.getState().dragMassing(5, 0);
    store.getState().dragMassing(10, -4);
    store.getState().endMassingDrag();
    const moved = shownVariant(store.getState())!;
    expect(moved.massings[0]!.footprint).not.toEqual(original.massings[0]!.footprint);
    expect(measureMassingExtent(moved.massings[0]!).lengthMeters).toBeCloseTo(
      measureMassingExtent(original.massings[0]!).lengthMeters,
      3,
    );
    store.getState().undoEdit();
    expect(shownVariant(store.getState())).toBe(original);
  });

  it('switching the variant ends the edit; a saved variant is merged, marked and opened', () => {
    const store = storeWithYorkOpen();
    store.getState().startEditing();
    const edited = { ...shownVariant(store.getState())!, id: 'workshop-1', title: { de: 'Workshop 1' } };
    store.getState().openScenario('york', york.variants[1]!.id);
    expect(store.getState().scenarioEdit).toBeUndefined();

    store.getState().startEditing();
    store.getState().finishEditingAsSaved('york', edited);
    expect(store.getState().view.variantId).toBe('workshop-1');
    expect(store.getState().savedVariantIds.york).toEqual(['workshop-1']);
    expect(store.getState().scenarioEdit).toBeUndefined();
    store.getState().addSavedVariants('york', [edited]);
    expect(
      store.getState().scenarios[0]!.variants.filter((variant) => variant.id === 'workshop-1'),
    ).toHaveLength(1);
  });

  it('an imported variant replaces the edited one as one undoable step', () => {
    const store = storeWithYorkOpen();
    const open = shownVariant(store.getState())!;
    store.getState().replaceEditedVariant(york.variants[1]!);
    expect(shownVariant(store.getState())).toBe(york.variants[1]);
    store.getState().undoEdit();
    expect(shownVariant(store.getState())).toBe(open);
  });
});
