import { describe, expect, it } from 'vitest';
import { parseScene } from '../scenes/sceneDocument';
import { storyboardFixture } from './storyboardTestSupport';

function issuesOf(document: unknown) {
  return parseScene(JSON.stringify(document), 'scenes/story.json').issues.map((issue) => issue.path);
}

describe('storyboard documents', () => {
  it('are scene documents of kind storyboard', () => {
    const { value, issues } = parseScene(JSON.stringify(storyboardFixture()), 'scenes/story.json');
    expect(issues).toEqual([]);
    expect(value?.kind).toBe('storyboard');
  });

  it('name the field of a bad step: camera, sun time, too long a text, a vote with one option', () => {
    const storyboard = storyboardFixture();
    storyboard.steps[0]!.camera.latitudeDegrees = 123;
    storyboard.steps[1]!.sunTime = 'midsummer noon';
    storyboard.steps[1]!.text = { de: 'x'.repeat(601) };
    const question = storyboard.steps[2]!.question;
    if (question?.kind === 'vote') question.options = question.options.slice(0, 1);
    expect(issuesOf(storyboard).sort()).toEqual([
      '$.steps[0].camera.latitudeDegrees',
      '$.steps[1].sunTime',
      '$.steps[1].text.de',
      '$.steps[2].question.options',
    ]);
  });

  it('refuse duplicate step and option ids, no steps, and unknown fields', () => {
    const storyboard = storyboardFixture();
    storyboard.steps[1]!.id = 'first';
    const question = storyboard.steps[2]!.question;
    if (question?.kind === 'vote') question.options[1]!.id = 'a';
    expect(issuesOf(storyboard).sort()).toEqual(['$.steps[1].id', '$.steps[2].question.options[1].id']);
    expect(issuesOf({ ...storyboardFixture(), steps: [] })).toEqual(['$.steps']);
    expect(issuesOf({ ...storyboardFixture(), colour: 'red' })).toEqual(['$']);
  });
});
