import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioVariant } from '../../domain/scenarios/scenarioSchema';
import { activeEdit, shownVariant } from '../../store/scenarioEditing';
import { useTwinStore, useTwinStoreApi } from '../../store/StoreContext';
import { ModalDialog } from './ModalDialog';
import { SaveVariantForm } from './SaveVariantForm';

/**
 * Asks before a change of variant or quarter (or stopping editing) drops unsaved workshop edits: save them as a new
 * variant and go on, discard them and go on, or cancel and keep editing. Shown while the store holds such a change
 * (`pendingScenarioChange`); `onContinued` is told when it went through, e.g. to fly to another quarter.
 */
export function UnsavedEditsDialog({ onContinued }: { onContinued(scenarioId: string | undefined): void }) {
  const { t } = useTranslation();
  const id = useId();
  const store = useTwinStoreApi();
  const pending = useTwinStore((state) => state.pendingScenarioChange);
  const edit = useTwinStore(activeEdit);
  const variant = useTwinStore(shownVariant);
  const cancel = useTwinStore((state) => state.cancelScenarioChange);
  if (!pending || !edit || !variant) return null;

  const goOn = () => {
    store.getState().discardEditsAndContinue();
    onContinued(store.getState().view.scenarioId);
  };
  const onSaved = (saved: ScenarioVariant) => {
    store.getState().finishEditingAsSaved(edit.scenarioId, saved);
    goOn();
  };
  return (
    <ModalDialog labelledBy={`${id}-title`} describedBy={`${id}-text`} onCancel={cancel}>
      <h2 id={`${id}-title`}>{t('scenarioEdit.unsaved.title')}</h2>
      <p id={`${id}-text`}>{t(`scenarioEdit.unsaved.${pending.kind}`)}</p>
      <SaveVariantForm
        scenarioId={edit.scenarioId}
        baseVariantId={edit.baseVariantId}
        variant={variant}
        onSaved={onSaved}
      />
      <div className="button-row">
        <button type="button" className="touch-button danger-button" onClick={goOn}>
          {t('scenarioEdit.unsaved.discard')}
        </button>
        <button type="button" className="touch-button" onClick={cancel}>
          {t('scenarioEdit.unsaved.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
