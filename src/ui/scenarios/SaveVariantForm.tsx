import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_VARIANT_TITLE_LENGTH } from '../../domain/scenarios/savedVariants';
import type { ScenarioVariant } from '../../domain/scenarios/scenarioSchema';
import { saveVariantOnServer } from './savedVariantRequests';

/** Saves the edited variant on the server as a new variant under the name the workshop gives it. */
export function SaveVariantForm({
  scenarioId,
  baseVariantId,
  variant,
  onSaved,
}: {
  scenarioId: string;
  baseVariantId: string;
  variant: ScenarioVariant;
  onSaved(saved: ScenarioVariant): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [state, setState] = useState<{ saving: boolean; problem?: string }>({ saving: false });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.saving || title.trim() === '') return;
    setState({ saving: true });
    const outcome = await saveVariantOnServer(scenarioId, {
      title: title.trim(),
      basedOnVariantId: baseVariantId,
      variant,
    });
    if ('saved' in outcome) {
      setState({ saving: false });
      onSaved(outcome.saved.variant);
    } else setState({ saving: false, problem: outcome.refusal });
  };
  return (
    <form className="save-variant" onSubmit={(event) => void submit(event)}>
      <div className="field edit-field">
        <label htmlFor={`${id}-title`}>{t('scenarioEdit.newVariantName')}</label>
        <input
          id={`${id}-title`}
          type="text"
          required
          maxLength={MAX_VARIANT_TITLE_LENGTH}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
      </div>
      <button
        type="submit"
        className="touch-button primary-button"
        disabled={state.saving || title.trim() === ''}
      >
        {t(state.saving ? 'scenarioEdit.saving' : 'scenarioEdit.saveAsNew')}
      </button>
      {state.problem && (
        <p role="alert" className="edit-problem">
          {t('scenarioEdit.saveRefused', { reason: state.problem })}
        </p>
      )}
    </form>
  );
}
