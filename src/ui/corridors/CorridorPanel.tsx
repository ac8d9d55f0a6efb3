import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { corridorCameraPose, displayGroundOf } from '../../domain/corridors/corridorDisplay';
import { localize } from '../../domain/scenes/sceneDocument';
import { useTwinStore } from '../../store/StoreContext';
import { CorridorDraftControls } from './CorridorDraftControls';
import { CorridorEditor } from './CorridorEditor';
import { CorridorFindingList } from './CorridorFindingList';
import { CorridorStatusBadge } from './CorridorStatusBadge';
import { FlightControls } from './FlightControls';
import { OverflownSummaryText } from './OverflownSummaryText';

/**
 * The Drohnen panel: every corridor with its status, the selected one's findings (each flies there), who it
 * flies over, its flight on the model, and its editor. Edits stay in this browser.
 */
export function CorridorPanel() {
  const { t } = useTranslation();
  const language = useTwinStore((state) => state.view.language);
  const corridors = useTwinStore((state) => state.corridors);
  const reports = useTwinStore((state) => state.corridorReports);
  const corridorId = useTwinStore((state) => state.view.corridorId);
  const checkMilliseconds = useTwinStore((state) => state.corridorCheckMilliseconds);
  const buildingsKnown = useTwinStore((state) => state.searchEntries !== undefined);
  const ground = useTwinStore((state) => displayGroundOf(state.config));
  const selectCorridor = useTwinStore((state) => state.selectCorridor);
  const requestCamera = useTwinStore((state) => state.requestCamera);
  const cancelCorridorDraft = useTwinStore((state) => state.cancelCorridorDraft);
  const layerVisible = useTwinStore((state) => state.view.visibleLayerIds.includes('corridors'));
  const setLayerVisible = useTwinStore((state) => state.setLayerVisible);
  // Closing the panel ends drawing, so clicks on the model select again.
  useEffect(() => cancelCorridorDraft, [cancelCorridorDraft]);

  const selected = corridors.find((corridor) => corridor.id === corridorId);
  const report = selected && reports[selected.id];
  const open = (id: string) => {
    selectCorridor(id);
    const corridor = corridors.find((entry) => entry.id === id);
    if (corridor) requestCamera(corridorCameraPose(corridor, ground));
  };

  return (
    <div className="panel-body corridor-panel" data-corridors-checked={Object.keys(reports).length > 0}>
      <p className="note">{t('corridors.browserOnly')}</p>
      <label className="check-row">
        <input
          type="checkbox"
          checked={layerVisible}
          onChange={(event) => setLayerVisible('corridors', event.target.checked)}
        />
        {t('corridors.showLayer')}
      </label>
      {corridors.length === 0 ? (
        <p className="note">{t('corridors.none')}</p>
      ) : (
        <fieldset>
          <legend>{t('corridors.list')}</legend>
          <ul className="corridor-list">
            {corridors.map((corridor) => {
              const status = reports[corridor.id]?.status;
              return (
                <li key={corridor.id} data-corridor-id={corridor.id}>
                  <label className="check-row">
                    <input
                      type="radio"
                      name="corridor"
                      checked={corridorId === corridor.id}
                      onChange={() => open(corridor.id)}
                    />
                    {localize(corridor.name, language)}
                  </label>
                  {status ? (
                    <CorridorStatusBadge status={status} />
                  ) : (
                    <span className="note">{t('corridors.checking')}</span>
                  )}
                </li>
              );
            })}
          </ul>
          {selected && (
            <button type="button" className="text-button" onClick={() => selectCorridor(undefined)}>
              {t('corridors.deselect')}
            </button>
          )}
        </fieldset>
      )}
      {!buildingsKnown && <p className="note">{t('corridors.buildingsPending')}</p>}
      {checkMilliseconds !== undefined && (
        <p className="note">{t('corridors.checkTime', { milliseconds: checkMilliseconds.toFixed(1) })}</p>
      )}
      {selected && report && (
        <section aria-labelledby="corridor-findings-title">
          <h3 id="corridor-findings-title">
            {t('corridors.findingsOf', { name: localize(selected.name, language) })}
          </h3>
          <p>
            {t('corridors.lengthAndDuration', {
              length: (report.lengthMeters / 1000).toFixed(2),
              minutes: (report.flightDurationSeconds / 60).toFixed(1),
            })}
          </p>
          <CorridorFindingList report={report} />
          <h3>{t('corridors.overflown')}</h3>
          <OverflownSummaryText overflown={report.overflown} />
        </section>
      )}
      <FlightControls />
      {selected && <CorridorEditor corridor={selected} />}
      <CorridorDraftControls />
    </div>
  );
}
