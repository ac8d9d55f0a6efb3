import { useTranslation } from 'react-i18next';
import { groundPointInViewCentre } from '../../domain/corridors/corridorDisplay';
import { useTwinStore } from '../../store/StoreContext';

/**
 * Drawing a new corridor: click points on the model, or (keyboard) add the point in the centre of the view and correct
 * its coordinates in the editor afterwards; finish with two points or more.
 */
export function CorridorDraftControls() {
  const { t } = useTranslation();
  const draft = useTwinStore((state) => state.corridorDraft);
  const camera = useTwinStore((state) => state.view.camera);
  const startCorridorDraft = useTwinStore((state) => state.startCorridorDraft);
  const addCorridorDraftPoint = useTwinStore((state) => state.addCorridorDraftPoint);
  const finishCorridorDraft = useTwinStore((state) => state.finishCorridorDraft);
  const cancelCorridorDraft = useTwinStore((state) => state.cancelCorridorDraft);
  if (!draft) {
    return (
      <button type="button" onClick={startCorridorDraft}>
        {t('corridors.draw.start')}
      </button>
    );
  }
  return (
    <fieldset className="corridor-draft">
      <legend>{t('corridors.draw.title')}</legend>
      <p className="note">{t('corridors.draw.hint')}</p>
      <p role="status">{t('corridors.draw.points', { count: draft.length })}</p>
      <button type="button" onClick={() => addCorridorDraftPoint(groundPointInViewCentre(camera))}>
        {t('corridors.draw.addCameraPoint')}
      </button>
      <button type="button" disabled={draft.length < 2} onClick={finishCorridorDraft}>
        {t('corridors.draw.finish')}
      </button>
      <button type="button" onClick={cancelCorridorDraft}>
        {t('corridors.draw.cancel')}
      </button>
    </fieldset>
  );
}
