import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { computeVariantKeyFigures } from '../../domain/scenarios/keyFigures';
import type { VariantKeyFigureId } from '../../domain/scenarios/keyFigureTypes';
import { localize } from '../../domain/scenes/sceneDocument';
import type { StoryboardStep } from '../../domain/storyboards/storyboardSchema';
import { useTwinStore } from '../../store/StoreContext';
import { formatKeyFigure } from '../scenarios/formatKeyFigure';
import { WorkshopCommentList } from './WorkshopCommentList';

const STEP_FIGURES: VariantKeyFigureId[] = ['homes', 'floorAreaRatio', 'siteCoverageRatio', 'greenShare'];

/**
 * The rest of the step's text alternative, beside its spoken text: the key figures of the planning quarter and
 * variant the step shows (computed by the same pure functions as the planning panel), and, in a workshop, the
 * comments pinned on the model as a list (numbered like the pins), once there are any: closed, it takes one line.
 */
export function StoryboardStepSummary({ step }: { step: StoryboardStep }) {
  const { t } = useTranslation();
  const language = useTwinStore((state) => state.view.language);
  const scenario = useTwinStore((state) => state.scenarios.find((entry) => entry.id === step.scenario?.id));
  const comments = useTwinStore((state) => state.workshop?.snapshot?.comments);
  const variant =
    scenario &&
    (scenario.variants.find((entry) => entry.id === step.scenario?.variantId) ?? scenario.variants[0]);
  const figures = useMemo(
    () => (scenario && variant ? computeVariantKeyFigures(scenario, variant) : undefined),
    [scenario, variant],
  );
  return (
    <>
      {scenario && variant && figures && (
        <dl
          className="story-figures"
          aria-label={t('workshop.stepFigures', {
            quarter: localize(scenario.title, language),
            variant: localize(variant.title, language),
          })}
          data-story-figures={`${scenario.id}/${variant.id}`}
        >
          {STEP_FIGURES.map((id) => (
            <div key={id}>
              <dt>{t(`scenarios.figures.${id}`)}</dt>
              <dd data-testid={`story-figure-${id}`}>
                {formatKeyFigure(figures.figures[id].value, figures.figures[id].unit, language, t)}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {comments && comments.length > 0 && (
        <details className="story-comments">
          <summary>{t('workshop.commentsTitle', { count: comments.length })}</summary>
          <WorkshopCommentList comments={comments} />
        </details>
      )}
    </>
  );
}
