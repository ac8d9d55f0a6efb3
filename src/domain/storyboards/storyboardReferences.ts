import type { ValidationIssue } from '../validation/issues';
import type { StoryboardDocument, StoryboardStep } from './storyboardSchema';

/** What a storyboard may refer to in this installation: the planning quarters loaded and the layers the app has. */
export interface StoryboardCatalogue {
  scenarios: readonly { id: string; variantIds: readonly string[] }[];
  layerIds: readonly string[];
}

/** A step as it can be played here: only references that exist, plus what had to be left out and why. */
export interface PlayableStep {
  step: StoryboardStep;
  layerIds: string[];
  scenario: { id: string; variantId: string | undefined } | undefined;
  issues: ValidationIssue[];
}

/**
 * Resolves one step against the catalogue. A missing layer, quarter or variant is left out and reported with the
 * document and the step (file, JSON path, step number and title); everything else of the step still plays.
 */
export function resolveStoryboardStep(
  storyboard: StoryboardDocument,
  stepIndex: number,
  catalogue: StoryboardCatalogue,
  file: string,
): PlayableStep | undefined {
  const step = storyboard.steps[stepIndex];
  if (!step) return undefined;
  const issues: ValidationIssue[] = [];
  const where = `step ${stepIndex + 1} "${step.title.de}" (${step.id})`;
  const report = (code: string, path: string, message: string) =>
    issues.push({ code, file, path: `$.steps[${stepIndex}]${path}`, message: `${where}: ${message}` });

  const layerIds = step.layers.filter((layerId, layerIndex) => {
    if (catalogue.layerIds.includes(layerId)) return true;
    report('missing_layer', `.layers[${layerIndex}]`, `no layer "${layerId}" in this app; shown without it`);
    return false;
  });

  let scenario: PlayableStep['scenario'];
  if (step.scenario) {
    const known = catalogue.scenarios.find((candidate) => candidate.id === step.scenario?.id);
    if (!known) {
      report(
        'missing_scenario',
        '.scenario.id',
        `no planning quarter "${step.scenario.id}"; shown without it`,
      );
    } else {
      let variantId = step.scenario.variantId;
      if (variantId !== undefined && !known.variantIds.includes(variantId)) {
        report(
          'missing_variant',
          '.scenario.variantId',
          `the quarter "${known.id}" has no variant "${variantId}"; its first variant is shown`,
        );
        variantId = undefined;
      }
      scenario = { id: known.id, variantId };
    }
  }

  if (step.question?.kind === 'vote') {
    const variantIds = scenario
      ? catalogue.scenarios.find((candidate) => candidate.id === scenario.id)?.variantIds
      : [];
    step.question.options.forEach((option, optionIndex) => {
      if (option.variantId !== undefined && !(variantIds ?? []).includes(option.variantId)) {
        report(
          'missing_variant',
          `.question.options[${optionIndex}].variantId`,
          `vote option "${option.id}" names variant "${option.variantId}", which the step's quarter does not have`,
        );
      }
    });
  }
  return { step, layerIds, scenario, issues };
}

/** Every reference problem of a storyboard, step by step (for the loader and for CI). */
export function checkStoryboardReferences(
  storyboard: StoryboardDocument,
  catalogue: StoryboardCatalogue,
  file: string,
): ValidationIssue[] {
  return storyboard.steps.flatMap(
    (_step, index) => resolveStoryboardStep(storyboard, index, catalogue, file)?.issues ?? [],
  );
}
