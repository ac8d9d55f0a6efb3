import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canRedo, canUndo } from '../../domain/scenarios/editHistory';
import type { MassingEdit } from '../../domain/scenarios/massingEdits';
import type { ScenarioVariant } from '../../domain/scenarios/scenarioSchema';
import { localize } from '../../domain/scenes/sceneDocument';
import { activeEdit, openScenarioDocument, shownVariant } from '../../store/scenarioEditing';
import { useTwinStore, useTwinStoreApi } from '../../store/StoreContext';
import { EditFiguresBar } from './EditFiguresBar';
import { MassingControls } from './MassingControls';
import { SavedVariantActions } from './SavedVariantActions';
import { SaveVariantForm } from './SaveVariantForm';
import { useEditShortcuts } from './useEditShortcuts';
import { VariantFileActions } from './VariantFileActions';
import './scenarioEditor.css';

/**
 * "Bearbeiten" for the open variant during a workshop: choose a massing (on the model or from the list), change
 * it, add or delete massings, undo and redo, save the result as a new variant, and export or import GeoJSON.
 * The key figures above follow every edit at once (they are computed from the store).
 */
export function ScenarioEditor() {
  const { t } = useTranslation();
  const id = useId();
  const store = useTwinStoreApi();
  const language = useTwinStore((state) => state.view.language);
  const scenario = useTwinStore(openScenarioDocument);
  const edit = useTwinStore(activeEdit);
  const variant = useTwinStore(shownVariant);
  const startEditing = useTwinStore((state) => state.startEditing);
  const requestScenarioChange = useTwinStore((state) => state.requestScenarioChange);
  const savedVariantIds = useTwinStore((state) => state.savedVariantIds);
  const [lastSaved, setLastSaved] = useState<string | undefined>();
  useEditShortcuts(store, edit !== undefined);
  if (!scenario || !variant) return null;

  if (!edit) {
    return (
      <section className="scenario-editor" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>{t('scenarioEdit.title')}</h3>
        <button
          type="button"
          className="touch-button primary-button"
          onClick={() => {
            setLastSaved(undefined);
            startEditing();
          }}
        >
          {t('scenarioEdit.start')}
        </button>
        {lastSaved && (
          <p role="status" className="note">
            {t('scenarioEdit.saved', { title: lastSaved })}
          </p>
        )}
        <VariantFileActions scenario={scenario} variant={variant} />
        {savedVariantIds[scenario.id]?.includes(variant.id) && (
          <SavedVariantActions key={variant.id} scenarioId={scenario.id} variant={variant} />
        )}
      </section>
    );
  }

  const state = store.getState();
  const onEdit = (change: MassingEdit) => state.editMassing(change);
  const selected = variant.massings.find((massing) => massing.id === edit.selectedMassingId);
  // With unsaved edits the panel's dialog asks first (UnsavedEditsDialog).
  const finish = () => requestScenarioChange({ kind: 'stopEditing' });
  const onSaved = (saved: ScenarioVariant) => {
    setLastSaved(localize(saved.title, language));
    state.finishEditingAsSaved(scenario.id, saved);
  };
  return (
    <section className="scenario-editor editing" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('scenarioEdit.editing')}</h3>
      <EditFiguresBar scenario={scenario} variant={variant} />
      <div className="button-row" role="group" aria-label={t('scenarioEdit.history')}>
        <button
          type="button"
          className="touch-button"
          disabled={!canUndo(edit.history)}
          aria-keyshortcuts="Control+Z"
          onClick={state.undoEdit}
        >
          {t('scenarioEdit.undo')}
        </button>
        <button
          type="button"
          className="touch-button"
          disabled={!canRedo(edit.history)}
          aria-keyshortcuts="Control+Y Control+Shift+Z"
          onClick={state.redoEdit}
        >
          {t('scenarioEdit.redo')}
        </button>
        <button type="button" className="touch-button" onClick={state.addMassingInView}>
          {t('scenarioEdit.add')}
        </button>
        <button type="button" className="touch-button" onClick={finish}>
          {t('scenarioEdit.stop')}
        </button>
      </div>
      <div className="field edit-field">
        <label htmlFor={`${id}-massings`}>{t('scenarioEdit.massings')}</label>
        <select
          id={`${id}-massings`}
          size={Math.min(6, Math.max(2, variant.massings.length))}
          value={edit.selectedMassingId ?? ''}
          onChange={(event) => state.selectMassing(event.currentTarget.value || undefined)}
        >
          {variant.massings.map((massing) => (
            <option key={massing.id} value={massing.id}>
              {t('scenarioEdit.massingOption', {
                name: massing.name ? localize(massing.name, language) : massing.id,
                storeys: massing.storeys,
              })}
            </option>
          ))}
        </select>
        <span className="note">{t('scenarioEdit.selectHint')}</span>
      </div>
      {edit.issues.length > 0 && (
        <div role="alert" className="edit-problem">
          {edit.issues.map((issue) => (
            <p key={issue.path + issue.code}>
              {t('scenarioEdit.refused', { path: issue.path, message: issue.message })}
            </p>
          ))}
        </div>
      )}
      {selected && <MassingControls massing={selected} onEdit={onEdit} />}
      <SaveVariantForm
        scenarioId={scenario.id}
        baseVariantId={edit.baseVariantId}
        variant={variant}
        onSaved={onSaved}
      />
      <VariantFileActions scenario={scenario} variant={variant} />
    </section>
  );
}
