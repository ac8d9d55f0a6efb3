import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openPresenterChannel, type PresentedStep } from './presenterChannel';
import { usePresenterKeys } from './usePresenterKeys';
import './workshop.css';

/**
 * The presenter view in a second window: the current step with its notes and the next step's title, and buttons
 * (or the keyboard and clicker) that turn the steps in the presenting window. It draws no 3D view.
 */
export function PresenterNotesWindow() {
  const { t } = useTranslation();
  const [step, setStep] = useState<PresentedStep | undefined>();
  const channel = useRef<BroadcastChannel | undefined>(undefined);
  useEffect(() => {
    const opened = openPresenterChannel((message) => {
      if (message.type === 'step') setStep(message.step);
    });
    channel.current = opened;
    opened?.postMessage({ type: 'hello' });
    return () => opened?.close();
  }, []);
  const send = (type: 'next' | 'previous') => channel.current?.postMessage({ type });
  usePresenterKeys(true, {
    next: () => send('next'),
    previous: () => send('previous'),
    leave: () => undefined,
  });
  return (
    <main className="presenter-notes" data-presenter-step={step?.stepNumber ?? 0}>
      <h1>{t('workshop.presenterView')}</h1>
      {step ? (
        <>
          <p className="story-title">
            {step.storyboardTitle} · {t('workshop.stepOf', { step: step.stepNumber, count: step.stepCount })}
          </p>
          <h2>{step.title}</h2>
          <p className="story-text">{step.text}</p>
          <h3>{t('workshop.notes')}</h3>
          <p className="presenter-notes-text">{step.notes ?? t('workshop.noNotes')}</p>
          <p>{step.nextTitle ? t('workshop.nextStep', { title: step.nextTitle }) : t('workshop.lastStep')}</p>
        </>
      ) : (
        <p>{t('workshop.waitingForPresentation')}</p>
      )}
      <div className="story-buttons">
        <button type="button" onClick={() => send('previous')}>
          {t('workshop.previous')}
        </button>
        <button type="button" onClick={() => send('next')}>
          {t('workshop.next')}
        </button>
      </div>
    </main>
  );
}
