import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorridorScene } from '../domain/corridors/parseCorridorScene';
import { createTwinStore } from './createTwinStore';
import { testStartView } from './storeTestSupport';

const view = testStartView();
const { scene } = parseCorridorScene(
  readFileSync('scenes/drone-corridors.json', 'utf8'),
  'scenes/drone-corridors.json',
);

function storeWithCorridors() {
  const store = createTwinStore(view);
  store.getState().setCorridorDocuments([scene!], scene!.corridors, scene!.restrictionZones);
  return store;
}

describe('corridor slice', () => {
  it('selecting a finding selects its corridor and shows the corridors layer', () => {
    const store = storeWithCorridors();
    store.getState().selectFinding('lab-ukm-franziskus:corridor-overlap:1');
    expect(store.getState().selectedFindingId).toBe('lab-ukm-franziskus:corridor-overlap:1');
    expect(store.getState().view.corridorId).toBe('lab-ukm-franziskus');
    expect(store.getState().view.visibleLayerIds).toContain('corridors');
    // Another corridor: the finding is no longer the one shown.
    store.getState().selectCorridor('survey-york-quartier');
    expect(store.getState().selectedFindingId).toBeUndefined();
  });

  it('applies a valid edit and marks the corridor as edited', () => {
    const store = storeWithCorridors();
    store.getState().editCorridor('survey-york-quartier', { kind: 'setWidth', widthMeters: 60 });
    const edited = store.getState().corridors.find((corridor) => corridor.id === 'survey-york-quartier');
    expect(edited!.widthMeters).toBe(60);
    expect(store.getState().editedCorridorIds).toEqual(['survey-york-quartier']);
  });

  it('refuses an edit that puts the ceiling below the floor, keeps the corridor and says which field', () => {
    const store = storeWithCorridors();
    const before = store.getState().corridors;
    store.getState().editCorridor('survey-york-quartier', {
      kind: 'setHeight',
      which: 'ceiling',
      height: { reference: 'AGL', heightMeters: 10 },
    });
    expect(store.getState().corridors).toBe(before);
    expect(store.getState().corridorEditIssues.map((issue) => issue.path)).toEqual([
      '$.corridors["survey-york-quartier"].ceiling.heightMeters',
    ]);
  });

  it('draws a corridor from clicked points, selects it; one point is not enough', () => {
    const store = storeWithCorridors();
    store.getState().startCorridorDraft();
    store.getState().addCorridorDraftPoint([7.6, 51.95]);
    store.getState().addCorridorDraftPoint([7.6, 51.95]);
    expect(store.getState().corridorDraft).toHaveLength(1);
    store.getState().addCorridorDraftPoint([7.61, 51.955]);
    store.getState().finishCorridorDraft();
    const state = store.getState();
    expect(state.corridorDraft).toBeUndefined();
    expect(state.corridors.at(-1)!.id).toBe('drawn-1');
    expect(state.view.corridorId).toBe('drawn-1');
    expect(state.editedCorridorIds).toContain('drawn-1');
  });
});
