import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_VARIANT_TITLE_LENGTH } from '../../domain/scenarios/savedVariants';
import type { ScenarioVariant } from '../../domain/scenarios/scenarioSchema';
import { localize } from '../../domain/scenes/sceneDocument';
import { useTwinStore } from '../../store/StoreContext';
import { ModalDialog } from './ModalDialog';
import { deleteSavedVariantOnServer, renameSavedVariantOnServer } from './savedVariantRequests';

/**
 * Rename or delete the open variant when it was saved in a workshop (the variants of the scene file stay as they
 * are; the server refuses them too). Deleting asks first in a dialog.
 */
export function SavedVariantActions({
  scenarioId,
  variant,
}: {
  scenarioId: string;
  variant: ScenarioVariant;
}) {
  const { t } = useTranslation();
  const id = useId();
  const language = useTwinStore((state) => state.view.language);
  const renameSavedVariant = useTwinStore((state) => state.renameSavedVariant);
  const removeSavedVariant = useTwinStore((state) => state.removeSavedVariant);
  const title = localize(variant.title, language);
  const [name, setName] = useState(title);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || name.trim() === '' || name.trim() === title) return;
    setBusy(true);
    const outcome = await renameSavedVariantOnServer(scenarioId, variant.id, { title: name.trim() });
    setBusy(false);
    if ('saved' in outcome) {
      setProblem(undefined);
      renameSavedVariant(scenarioId, outcome.saved.variant);
    } else setProblem(t('savedVariant.renameRefused', { reason: outcome.refusal }));
  };
  const remove = async () => {
    setConfirming(false);
    setBusy(true);
    const refusal = await deleteSavedVariantOnServer(scenarioId, variant.id);
    setBusy(false);
    if (refusal === undefined) removeSavedVariant(scenarioId, variant.id);
    else setProblem(t('savedVariant.deleteRefused', { reason: refusal }));
  };

  return (
    <fieldset className="saved-variant-actions">
      <legend>{t('savedVariant.title', { title })}</legend>
      <form onSubmit={(event) => void rename(event)}>
        <div className="field edit-field">
          <label htmlFor={`${id}-name`}>{t('savedVariant.name')}</label>
          <input
            id={`${id}-name`}
            type="text"
            required
            maxLength={MAX_VARIANT_TITLE_LENGTH}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
        </div>
        <div className="button-row">
          <button
            type="submit"
            className="touch-button"
            disabled={busy || name.trim() === '' || name.trim() === title}
          >
            {t('savedVariant.rename')}
          </button>
          <button
            type="button"
            className="touch-button danger-button"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            {t('savedVariant.delete')}
          </button>
        </div>
      </form>
      {problem && (
        <p role="alert" className="edit-problem">
          {problem}
        </p>
      )}
      {confirming && (
        <ModalDialog
          labelledBy={`${id}-confirm`}
          describedBy={`${id}-confirm-text`}
          onCancel={() => setConfirming(false)}
        >
          <h2 id={`${id}-confirm`}>{t('savedVariant.confirmTitle', { title })}</h2>
          <p id={`${id}-confirm-text`}>{t('savedVariant.confirmText')}</p>
          <div className="button-row">
            <button type="button" className="touch-button danger-button" onClick={() => void remove()}>
              {t('savedVariant.confirmDelete')}
            </button>
            <button type="button" className="touch-button" onClick={() => setConfirming(false)}>
              {t('savedVariant.cancel')}
            </button>
          </div>
        </ModalDialog>
      )}
    </fieldset>
  );
}
