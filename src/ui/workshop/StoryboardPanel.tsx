import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../domain/scenes/sceneDocument';
import { useTwinStore } from '../../store/StoreContext';
import { enterFullscreen } from './fullscreen';
import { openWorkshop, rememberSeat } from './workshopRequests';

/** The Workshop panel: every storyboard, to look through or to present full screen. */
export function StoryboardPanel() {
  const { t } = useTranslation();
  const language = useTwinStore((state) => state.view.language);
  const storyboards = useTwinStore((state) => state.storyboards);
  const showStep = useTwinStore((state) => state.showStoryboardStep);
  const setPresenting = useTwinStore((state) => state.setPresenting);
  const closePanel = useTwinStore((state) => state.closePanel);
  const startWorkshop = useTwinStore((state) => state.startWorkshop);
  const [problem, setProblem] = useState<string | undefined>();
  const open = (storyboardId: string, present: boolean) => {
    showStep(storyboardId, 0);
    if (present) {
      setPresenting(true);
      closePanel();
      enterFullscreen();
    }
  };
  const openSession = async (storyboardId: string) => {
    setProblem(undefined);
    try {
      const opened = await openWorkshop(storyboardId);
      const seat = { role: 'facilitator' as const, secret: opened.facilitatorKey };
      rememberSeat(opened.code, seat);
      startWorkshop({ code: opened.code, ...seat, displayName: undefined, participantId: undefined });
      open(storyboardId, true);
    } catch (error) {
      setProblem(
        t('workshop.openFailed', { message: error instanceof Error ? error.message : String(error) }),
      );
    }
  };
  if (storyboards.length === 0) return <p className="note panel-body">{t('workshop.noStoryboards')}</p>;
  return (
    <div className="panel-body">
      <ul className="storyboard-list">
        {storyboards.map(({ storyboard }) => {
          const title = localize(storyboard.title, language);
          return (
            <li key={storyboard.id} data-storyboard-id={storyboard.id}>
              <h3>{title}</h3>
              {storyboard.description && <p>{localize(storyboard.description, language)}</p>}
              <p className="note">{t('workshop.stepCount', { count: storyboard.steps.length })}</p>
              <div className="story-buttons">
                <button
                  type="button"
                  onClick={() => open(storyboard.id, true)}
                  aria-label={t('workshop.presentNamed', { title })}
                >
                  {t('workshop.present')}
                </button>
                <button
                  type="button"
                  onClick={() => void openSession(storyboard.id)}
                  aria-label={t('workshop.openSessionNamed', { title })}
                >
                  {t('workshop.openSession')}
                </button>
                <button
                  type="button"
                  onClick={() => open(storyboard.id, false)}
                  aria-label={t('workshop.browseNamed', { title })}
                >
                  {t('workshop.browse')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {problem && (
        <p role="alert" className="workshop-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
