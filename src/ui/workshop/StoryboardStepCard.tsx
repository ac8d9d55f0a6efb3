import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../domain/scenes/sceneDocument';
import { useTwinStore } from '../../store/StoreContext';
import { leaveFullscreen } from './fullscreen';
import { presenterWindowUrl, type PresentedStep } from './presenterChannel';
import { StoryboardStepSummary } from './StoryboardStepSummary';
import { usePresenterChannel } from './usePresenterChannel';
import { usePresenterKeys } from './usePresenterKeys';
import './workshop.css';

/**
 * The step being shown: its title and text (the text alternative of what the 3D view shows, announced to screen
 * readers), where it stands in the storyboard, and large buttons to move on. In presenter mode the rest of the app's
 * controls hide and the keyboard or a clicker drives it.
 */
export function StoryboardStepCard() {
  const { t } = useTranslation();
  const language = useTwinStore((state) => state.view.language);
  const storyboardId = useTwinStore((state) => state.view.storyboardId);
  const stepIndex = useTwinStore((state) => state.view.storyboardStepIndex ?? 0);
  const entry = useTwinStore((state) =>
    state.storyboards.find((item) => item.storyboard.id === storyboardId),
  );
  const presenting = useTwinStore((state) => state.presenting);
  const stepIssues = useTwinStore((state) => state.storyboardStepIssues);
  const nextStep = useTwinStore((state) => state.nextStoryboardStep);
  const previousStep = useTwinStore((state) => state.previousStoryboardStep);
  const participant = useTwinStore((state) => state.workshop?.role === 'participant');
  const setFollowing = useTwinStore((state) => state.setWorkshopFollowing);
  // A participant turning steps themselves looks around freely (and can follow again from the workshop panel).
  const next = useCallback(() => {
    if (participant) setFollowing(false);
    nextStep();
  }, [participant, setFollowing, nextStep]);
  const previous = useCallback(() => {
    if (participant) setFollowing(false);
    previousStep();
  }, [participant, setFollowing, previousStep]);
  const setPresenting = useTwinStore((state) => state.setPresenting);
  const closeStoryboard = useTwinStore((state) => state.closeStoryboard);
  const leavePresenter = useCallback(() => {
    setPresenting(false);
    leaveFullscreen();
  }, [setPresenting]);
  usePresenterKeys(presenting && entry !== undefined, { next, previous, leave: leavePresenter });
  useEffect(() => {
    document.documentElement.dataset.presenting = String(presenting && entry !== undefined);
  }, [presenting, entry]);

  const presented = useMemo((): PresentedStep | undefined => {
    const steps = entry?.storyboard.steps ?? [];
    const shown = steps[stepIndex];
    if (!entry || !shown) return undefined;
    return {
      storyboardTitle: localize(entry.storyboard.title, language),
      stepNumber: stepIndex + 1,
      stepCount: steps.length,
      title: localize(shown.title, language),
      text: localize(shown.text, language),
      notes: shown.notes && localize(shown.notes, language),
      nextTitle: steps[stepIndex + 1] && localize(steps[stepIndex + 1]!.title, language),
    };
  }, [entry, stepIndex, language]);
  usePresenterChannel(presented, { next, previous });

  if (!storyboardId || !entry) return null;
  const { storyboard } = entry;
  const step = storyboard.steps[Math.min(stepIndex, storyboard.steps.length - 1)];
  if (!step) return null;
  const stepCount = storyboard.steps.length;
  const position = t('workshop.stepOf', { step: stepIndex + 1, count: stepCount });
  return (
    <section
      className={presenting ? 'story-card presenting' : 'story-card'}
      aria-labelledby="story-step-title"
      data-story-step={stepIndex + 1}
      data-story-id={storyboard.id}
    >
      <p className="story-title">
        {localize(storyboard.title, language)} <span className="story-position">{position}</span>
      </p>
      <div aria-live="polite" aria-atomic="true">
        <h2 id="story-step-title">{localize(step.title, language)}</h2>
        <p className="story-text">{localize(step.text, language)}</p>
      </div>
      <StoryboardStepSummary step={step} />
      {stepIssues.length > 0 && (
        <ul className="story-issues" aria-label={t('workshop.stepIssues')}>
          {stepIssues.map((issue) => (
            <li key={issue.path}>{issue.message}</li>
          ))}
        </ul>
      )}
      <div className="story-buttons">
        <button type="button" onClick={previous} disabled={stepIndex === 0}>
          {t('workshop.previous')}
        </button>
        <button type="button" onClick={next} disabled={stepIndex >= stepCount - 1}>
          {t('workshop.next')}
        </button>
        {presenting ? (
          <>
            <button
              type="button"
              onClick={() =>
                window.open(presenterWindowUrl(window.location), 'twin-presenter-notes', 'popup')
              }
            >
              {t('workshop.openPresenterView')}
            </button>
            <button type="button" onClick={leavePresenter}>
              {t('workshop.leavePresenter')}
            </button>
          </>
        ) : (
          <button type="button" onClick={closeStoryboard}>
            {t('workshop.closeStoryboard')}
          </button>
        )}
      </div>
      {presenting && <p className="story-keys">{t('workshop.keysHint')}</p>}
    </section>
  );
}
