import { describe, expect, it } from 'vitest';
import type { ScenarioDocument } from '../domain/scenarios/scenarioSchema';
import { storyboardFixture } from '../domain/storyboards/storyboardTestSupport';
import { readViewFromSearch, writeViewToSearch } from '../domain/view/urlState';
import { createTwinStore } from './createTwinStore';
import { STEP_FLIGHT_SECONDS } from './storyboardSlice';
import { testStartView } from './storeTestSupport';

const view = testStartView();

function quarter(id: string, variantIds: string[]): ScenarioDocument {
  return { id, variants: variantIds.map((variantId) => ({ id: variantId })) } as unknown as ScenarioDocument;
}

function storeWithStory() {
  const store = createTwinStore(view);
  store.getState().setScenarios([quarter('york', ['a', 'b'])]);
  store.getState().setStoryboards([{ file: 'scenes/test.json', storyboard: storyboardFixture() }]);
  return store;
}

describe('presenting a storyboard', () => {
  it('each step flies the camera there and applies its layers, quarter, variant and sun time', () => {
    const store = storeWithStory();
    const story = storyboardFixture();
    store.getState().showStoryboardStep('test-story', 0);
    expect(store.getState().view).toMatchObject({
      storyboardId: 'test-story',
      storyboardStepIndex: 0,
      visibleLayerIds: ['buildings', 'places'],
      scenarioId: undefined,
    });
    store.getState().nextStoryboardStep();
    expect(store.getState().view).toMatchObject({
      storyboardStepIndex: 1,
      visibleLayerIds: ['buildings'],
      scenarioId: 'york',
      variantId: 'a',
      sunTime: '2026-06-21T10:00Z',
    });
    expect(store.getState().cameraRequest).toMatchObject({
      kind: 'pose',
      pose: story.steps[1]!.camera,
      flightSeconds: STEP_FLIGHT_SECONDS,
    });
    expect(writeViewToSearch(store.getState().view)).toContain('story=test-story&step=2');
  });

  it('stays on the first and last step at the ends, and leaving keeps the view', () => {
    const store = storeWithStory();
    store.getState().showStoryboardStep('test-story', 0);
    store.getState().previousStoryboardStep();
    expect(store.getState().view.storyboardStepIndex).toBe(0);
    store.getState().showStoryboardStep('test-story', 2);
    store.getState().nextStoryboardStep();
    expect(store.getState().view.storyboardStepIndex).toBe(2);
    store.getState().setPresenting(true);
    store.getState().closeStoryboard();
    expect(store.getState().view).toMatchObject({ storyboardId: undefined, scenarioId: 'york' });
    expect(store.getState().presenting).toBe(false);
  });

  it('a step naming a missing quarter is reported once and still flies and shows its layers', () => {
    const store = createTwinStore(view);
    store.getState().setStoryboards([{ file: 'scenes/test.json', storyboard: storyboardFixture() }]);
    store.getState().showStoryboardStep('test-story', 1);
    store.getState().showStoryboardStep('test-story', 1);
    expect(store.getState().view).toMatchObject({
      storyboardStepIndex: 1,
      visibleLayerIds: ['buildings'],
      scenarioId: undefined,
    });
    expect(store.getState().cameraRequest).toMatchObject({ pose: storyboardFixture().steps[1]!.camera });
    expect(store.getState().storyboardStepIssues.map((issue) => issue.path)).toEqual([
      '$.steps[1].scenario.id',
    ]);
    expect(store.getState().issues.filter((issue) => issue.code === 'missing_scenario')).toHaveLength(1);
  });

  it('a deep link to a step is shown as soon as the storyboards arrive, the camera jumping there', () => {
    const linked = readViewFromSearch('?story=test-story&step=3', view);
    const store = createTwinStore(linked);
    store.getState().setScenarios([quarter('york', ['a', 'b'])]);
    store.getState().setStoryboards([{ file: 'scenes/test.json', storyboard: storyboardFixture() }]);
    expect(store.getState().view).toMatchObject({ storyboardStepIndex: 2, scenarioId: 'york' });
    expect(store.getState().cameraRequest).toMatchObject({ flightSeconds: 0 });
  });
});
