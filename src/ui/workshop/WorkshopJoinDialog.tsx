import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DISPLAY_NAME_LENGTH } from '../../domain/workshops/workshopProtocol';
import { useTwinStore } from '../../store/StoreContext';
import { joinWorkshop, rememberSeat } from './workshopRequests';

/** The join screen of a link `?join=CODE`: a display name, no account. */
export function WorkshopJoinDialog({ code, onDismiss }: { code: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  const startWorkshop = useTwinStore((state) => state.startWorkshop);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const joined = await joinWorkshop(code, name);
      const seat = {
        role: 'participant' as const,
        secret: joined.participantToken,
        displayName: joined.displayName,
        participantId: joined.participantId,
      };
      rememberSeat(joined.code, seat);
      startWorkshop({ code: joined.code, ...seat });
    } catch (error) {
      setProblem(
        t('workshop.joinFailed', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="workshop-join" aria-labelledby="workshop-join-title">
      <h2 id="workshop-join-title">{t('workshop.joinTitle', { code })}</h2>
      <p>{t('workshop.joinExplanation')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor="workshop-display-name">{t('workshop.displayName')}</label>
        <input
          id="workshop-display-name"
          value={name}
          maxLength={MAX_DISPLAY_NAME_LENGTH}
          autoComplete="nickname"
          required
          onChange={(event) => setName(event.target.value)}
        />
        {problem && (
          <p role="alert" className="workshop-problem">
            {problem}
          </p>
        )}
        <div className="story-buttons">
          <button type="submit" disabled={busy || name.trim() === ''}>
            {t('workshop.join')}
          </button>
          <button type="button" onClick={onDismiss}>
            {t('workshop.notNow')}
          </button>
        </div>
      </form>
    </section>
  );
}
