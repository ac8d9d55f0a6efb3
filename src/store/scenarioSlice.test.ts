import { describe, expect, it } from 'vitest';
import type { ScenarioDocument } from '../domain/scenarios/scenarioSchema';
import { createTwinStore } from './createTwinStore';
import { testStartView } from './storeTestSupport';

const view = testStartView();

function quarter(id: string, variantIds: string[]): ScenarioDocument {
  return { id, variants: variantIds.map((variantId) => ({ id: variantId })) } as unknown as ScenarioDocument;
}

describe('planning quarters in the store', () => {
  it('opens a quarter with its first variant, remembers the chosen one, and closes it', () => {
    const store = createTwinStore(view);
    store.getState().setScenarios([quarter('york', ['a', 'b']), quarter('oxford', ['x'])]);
    store.getState().openScenario('york');
    expect(store.getState().view).toMatchObject({ scenarioId: 'york', variantId: 'a' });
    store.getState().openScenario('york', 'b');
    store.getState().openScenario('oxford');
    expect(store.getState().view).toMatchObject({ scenarioId: 'oxford', variantId: 'x' });
    store.getState().openScenario('york');
    expect(store.getState().view.variantId).toBe('b');
    store.getState().openScenario('york', 'no-such-variant');
    expect(store.getState().view.variantId).toBe('b');
    store.getState().openScenario(undefined);
    expect(store.getState().view).toMatchObject({ scenarioId: undefined, variantId: undefined });
  });
});
