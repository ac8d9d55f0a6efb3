import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../domain/scenes/sceneDocument';
import { viewCentrePoint } from '../../domain/workshops/viewCentrePoint';
import { MAX_COMMENT_LENGTH } from '../../domain/workshops/workshopProtocol';
import { useTwinStore } from '../../store/StoreContext';
import type { WorkshopSessionState } from '../../store/workshopSlice';
import { WorkshopCommentList } from './WorkshopCommentList';
import { WorkshopStatus } from './WorkshopStatus';
import { postWorkshopComment, voteInWorkshop } from './workshopRequests';

/**
 * A participant's controls: follow the facilitator or look around freely, vote where the step asks, pin a comment
 * on the model (a click, or the centre of the view for keyboard users) and send it. A draft survives a lost
 * connection; sending waits until the device is online again.
 */
export function ParticipantPanel({ workshop }: { workshop: WorkshopSessionState }) {
  const { t } = useTranslation();
  const language = useTwinStore((state) => state.view.language);
  const camera = useTwinStore((state) => state.view.camera);
  const stepIndex = useTwinStore((state) => state.view.storyboardStepIndex ?? 0);
  const storyboardId = workshop.snapshot?.storyboardId;
  const step = useTwinStore(
    (state) =>
      state.storyboards.find((entry) => entry.storyboard.id === storyboardId)?.storyboard.steps[stepIndex],
  );
  const draft = useTwinStore((state) => state.workshopDraft);
  const pinning = useTwinStore((state) => state.workshopPinning);
  const setFollowing = useTwinStore((state) => state.setWorkshopFollowing);
  const setPinning = useTwinStore((state) => state.setWorkshopPinning);
  const pinDraft = useTwinStore((state) => state.pinWorkshopDraft);
  const setDraftText = useTwinStore((state) => state.setWorkshopDraftText);
  const clearDraft = useTwinStore((state) => state.clearWorkshopDraft);
  const [problem, setProblem] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const online = workshop.connection === 'online';
  const ownVote = workshop.snapshot?.ownVotes[stepIndex];

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.position) return;
    setSending(true);
    setProblem(undefined);
    try {
      await postWorkshopComment(workshop.code, workshop.secret, {
        stepIndex,
        text: draft.text,
        position: draft.position,
      });
      clearDraft();
    } catch (error) {
      // The draft stays as typed; the participant sends again when the connection is back.
      setProblem(
        t('workshop.sendFailed', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setSending(false);
    }
  };
  const vote = (optionId: string) => {
    setProblem(undefined);
    voteInWorkshop(workshop.code, workshop.secret, stepIndex, optionId).catch((error: unknown) =>
      setProblem(
        t('workshop.sendFailed', { message: error instanceof Error ? error.message : String(error) }),
      ),
    );
  };

  return (
    <section
      className="workshop-panel"
      aria-labelledby="workshop-panel-title"
      data-workshop-role="participant"
    >
      <h2 id="workshop-panel-title">
        {t('workshop.participantTitle', { name: workshop.displayName ?? '' })}
      </h2>
      <WorkshopStatus workshop={workshop} />
      <label className="check-row">
        <input
          type="checkbox"
          checked={workshop.following}
          onChange={(event) => setFollowing(event.target.checked)}
        />
        {t('workshop.follow')}
      </label>
      {step?.question?.kind === 'vote' && (
        <fieldset className="workshop-vote">
          <legend>{localize(step.question.prompt, language)}</legend>
          <div className="story-buttons">
            {step.question.options.map((option) => (
              <button
                key={option.id}
                type="button"
                aria-pressed={ownVote === option.id}
                disabled={!online}
                onClick={() => vote(option.id)}
              >
                {localize(option.label, language)}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      <form className="workshop-comment-form" onSubmit={(event) => void send(event)}>
        {step?.question?.kind === 'comment' && <p>{localize(step.question.prompt, language)}</p>}
        <div className="story-buttons">
          <button type="button" aria-pressed={pinning} onClick={() => setPinning(!pinning)}>
            {t(pinning ? 'workshop.pinningOn' : 'workshop.pinOnModel')}
          </button>
          <button type="button" onClick={() => pinDraft(viewCentrePoint(camera))}>
            {t('workshop.pinAtCentre')}
          </button>
        </div>
        <p className="note" data-draft-pinned={draft.position !== undefined}>
          {draft.position ? t('workshop.pinned') : t('workshop.notPinned')}
        </p>
        <label htmlFor="workshop-comment-text">{t('workshop.commentLabel')}</label>
        <textarea
          id="workshop-comment-text"
          value={draft.text}
          maxLength={MAX_COMMENT_LENGTH}
          rows={3}
          onChange={(event) => setDraftText(event.target.value)}
        />
        {problem && (
          <p role="alert" className="workshop-problem">
            {problem}
          </p>
        )}
        <div className="story-buttons">
          <button type="submit" disabled={!online || sending || !draft.position || draft.text.trim() === ''}>
            {t('workshop.send')}
          </button>
        </div>
      </form>
      <h3>{t('workshop.commentsTitle', { count: workshop.snapshot?.comments.length ?? 0 })}</h3>
      <WorkshopCommentList comments={workshop.snapshot?.comments ?? []} />
    </section>
  );
}
