import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScene } from '../scenes/sceneDocument';
import { OVERLAY_LAYER_IDS } from '../view/viewState';
import {
  checkStoryboardReferences,
  resolveStoryboardStep,
  type StoryboardCatalogue,
} from './storyboardReferences';
import type { StoryboardDocument } from './storyboardSchema';
import { storyboardFixture } from './storyboardTestSupport';

const scenesDirectory = resolve(import.meta.dirname, '../../../scenes');

/** The quarters and layers of this repository, as the app would load them. */
function repositoryCatalogue(): StoryboardCatalogue {
  const scenarios = readdirSync(scenesDirectory)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => {
      const { value } = parseScene(readFileSync(join(scenesDirectory, name), 'utf8'), name);
      return value?.kind === 'scenario'
        ? [{ id: value.id, variantIds: value.variants.map((variant) => variant.id) }]
        : [];
    });
  return { scenarios, layerIds: OVERLAY_LAYER_IDS };
}

function storyboardsInScenes(): [string, StoryboardDocument][] {
  return readdirSync(scenesDirectory)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => {
      const { value } = parseScene(readFileSync(join(scenesDirectory, name), 'utf8'), name);
      return value?.kind === 'storyboard' ? [[name, value] as [string, StoryboardDocument]] : [];
    });
}

describe('storyboards in scenes/', () => {
  it('include the four workshop examples', () => {
    expect(
      storyboardsInScenes()
        .map(([, storyboard]) => storyboard.id)
        .sort(),
    ).toEqual(['aasee-summer', 'drone-hospital-transport', 'heat-loss-street', 'york-three-variants']);
  });

  it.each(storyboardsInScenes())(
    'scenes/%s refers only to quarters, variants and layers that exist',
    (name, storyboard) => {
      expect(checkStoryboardReferences(storyboard, repositoryCatalogue(), `scenes/${name}`)).toEqual([]);
    },
  );
});

describe('resolveStoryboardStep', () => {
  const catalogue: StoryboardCatalogue = {
    scenarios: [{ id: 'york', variantIds: ['a', 'b'] }],
    layerIds: ['buildings', 'places'],
  };

  it('reports a missing quarter with document and step, and still plays the rest of the step', () => {
    const storyboard = storyboardFixture();
    storyboard.steps[1]!.scenario = { id: 'yorck', variantId: 'a' };
    storyboard.steps[1]!.layers = ['buildings', 'heat-loss'];
    const played = resolveStoryboardStep(storyboard, 1, catalogue, 'scenes/test.json');
    expect(played?.scenario).toBeUndefined();
    expect(played?.layerIds).toEqual(['buildings']);
    expect(played?.step.camera).toEqual(storyboard.steps[1]!.camera);
    expect(played?.issues.map((issue) => [issue.file, issue.path, issue.code])).toEqual([
      ['scenes/test.json', '$.steps[1].layers[1]', 'missing_layer'],
      ['scenes/test.json', '$.steps[1].scenario.id', 'missing_scenario'],
    ]);
    expect(played?.issues[1]?.message).toContain('step 2 "Zweiter Schritt" (second)');
    expect(played?.issues[1]?.message).toContain('"yorck"');
  });

  it('falls back to the first variant when the variant is missing, and flags vote options naming it', () => {
    const storyboard = storyboardFixture();
    storyboard.steps[2]!.scenario = { id: 'york', variantId: 'z' };
    const question = storyboard.steps[2]!.question;
    if (question?.kind === 'vote') question.options[1]!.variantId = 'z';
    const played = resolveStoryboardStep(storyboard, 2, catalogue, 'f.json');
    expect(played?.scenario).toEqual({ id: 'york', variantId: undefined });
    expect(played?.issues.map((issue) => issue.path)).toEqual([
      '$.steps[2].scenario.variantId',
      '$.steps[2].question.options[1].variantId',
    ]);
  });

  it('plays a step without problems unchanged, and other steps are unaffected by a broken one', () => {
    const storyboard = storyboardFixture();
    storyboard.steps[0]!.scenario = { id: 'nowhere' };
    const issues = checkStoryboardReferences(storyboard, catalogue, 'f.json');
    expect(issues.map((issue) => issue.path)).toEqual(['$.steps[0].scenario.id']);
    const third = resolveStoryboardStep(storyboard, 2, catalogue, 'f.json');
    expect(third?.issues).toEqual([]);
    expect(third?.scenario).toEqual({ id: 'york', variantId: 'a' });
    expect(resolveStoryboardStep(storyboard, 3, catalogue, 'f.json')).toBeUndefined();
  });
});
