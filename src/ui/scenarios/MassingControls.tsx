import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { measureMassingExtent } from '../../domain/scenarios/massingMeasures';
import type { MassingEdit } from '../../domain/scenarios/massingEdits';
import { roofTypeSchema, type Massing, type RoofType } from '../../domain/scenarios/scenarioSchema';
import { EditNumberField } from './EditNumberField';
import { MassingUsesForm } from './MassingUsesForm';

const NUDGES = [
  { direction: 'north', east: 0, north: 1, arrow: '↑' },
  { direction: 'west', east: -1, north: 0, arrow: '←' },
  { direction: 'east', east: 1, north: 0, arrow: '→' },
  { direction: 'south', east: 0, north: -1, arrow: '↓' },
] as const;

/** Every change a workshop makes to the selected massing, each one edit (one undo step). */
export function MassingControls({ massing, onEdit }: { massing: Massing; onEdit(edit: MassingEdit): void }) {
  const { t } = useTranslation();
  const [stepMeters, setStepMeters] = useState(5);
  const extent = measureMassingExtent(massing);
  const massingId = massing.id;
  return (
    <div className="massing-controls">
      <fieldset>
        <legend>{t('scenarioEdit.move')}</legend>
        <EditNumberField
          label={t('scenarioEdit.stepMeters')}
          value={stepMeters}
          min={0.1}
          max={500}
          step={1}
          onCommit={setStepMeters}
        />
        <div className="nudge-pad">
          {NUDGES.map((nudge) => (
            <button
              key={nudge.direction}
              type="button"
              className={`touch-button nudge-${nudge.direction}`}
              aria-label={t(`scenarioEdit.nudge.${nudge.direction}`, { meters: stepMeters })}
              onClick={() =>
                onEdit({
                  kind: 'moveMassing',
                  massingId,
                  eastMeters: nudge.east * stepMeters,
                  northMeters: nudge.north * stepMeters,
                })
              }
            >
              {nudge.arrow}
            </button>
          ))}
        </div>
        <p className="note">{t('scenarioEdit.moveHint')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('scenarioEdit.shape')}</legend>
        <EditNumberField
          label={t('scenarioEdit.rotation')}
          value={extent.rotationDegrees}
          min={-360}
          max={360}
          step={1}
          onCommit={(degrees) =>
            onEdit({ kind: 'rotateMassing', massingId, clockwiseDegrees: degrees - extent.rotationDegrees })
          }
        />
        <div className="button-row">
          {[-15, 15].map((degrees) => (
            <button
              key={degrees}
              type="button"
              className="touch-button"
              onClick={() => onEdit({ kind: 'rotateMassing', massingId, clockwiseDegrees: degrees })}
            >
              {t('scenarioEdit.rotateBy', { degrees: degrees > 0 ? `+${degrees}` : degrees })}
            </button>
          ))}
        </div>
        <EditNumberField
          label={t('scenarioEdit.length')}
          value={extent.lengthMeters}
          min={1}
          max={1000}
          step={1}
          onCommit={(meters) =>
            onEdit({
              kind: 'resizeMassing',
              massingId,
              lengthFactor: meters / extent.lengthMeters,
              widthFactor: 1,
            })
          }
        />
        <EditNumberField
          label={t('scenarioEdit.width')}
          value={extent.widthMeters}
          min={1}
          max={1000}
          step={1}
          onCommit={(meters) =>
            onEdit({
              kind: 'resizeMassing',
              massingId,
              lengthFactor: 1,
              widthFactor: meters / extent.widthMeters,
            })
          }
        />
      </fieldset>
      <fieldset>
        <legend>{t('scenarioEdit.height')}</legend>
        <EditNumberField
          label={t('scenarioEdit.storeys')}
          value={massing.storeys}
          min={1}
          max={60}
          step={1}
          onCommit={(storeys) => onEdit({ kind: 'setStoreys', massingId, storeys })}
        />
        <div className="button-row">
          <button
            type="button"
            className="touch-button"
            disabled={massing.storeys <= 1}
            onClick={() => onEdit({ kind: 'setStoreys', massingId, storeys: massing.storeys - 1 })}
          >
            {t('scenarioEdit.storeyLess')}
          </button>
          <button
            type="button"
            className="touch-button"
            disabled={massing.storeys >= 60}
            onClick={() => onEdit({ kind: 'setStoreys', massingId, storeys: massing.storeys + 1 })}
          >
            {t('scenarioEdit.storeyMore')}
          </button>
        </div>
        <EditNumberField
          label={t('scenarioEdit.storeyHeight')}
          value={massing.storeyHeightMeters}
          min={2}
          max={10}
          step={0.1}
          onCommit={(storeyHeightMeters) =>
            onEdit({ kind: 'updateMassing', massingId, changes: { storeyHeightMeters } })
          }
        />
        <div className="field edit-field">
          <label htmlFor={`roof-${massingId}`}>{t('scenarioEdit.roofType')}</label>
          <select
            id={`roof-${massingId}`}
            value={massing.roofType}
            onChange={(event) =>
              onEdit({
                kind: 'updateMassing',
                massingId,
                changes: { roofType: event.currentTarget.value as RoofType },
              })
            }
          >
            {roofTypeSchema.options.map((roof) => (
              <option key={roof} value={roof}>
                {t(`scenarioEdit.roof.${roof}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="check-row">
          <input
            type="checkbox"
            checked={massing.greenRoof}
            onChange={(event) =>
              onEdit({
                kind: 'updateMassing',
                massingId,
                changes: { greenRoof: event.currentTarget.checked },
              })
            }
          />
          {t('scenarioEdit.greenRoof')}
        </label>
      </fieldset>
      <MassingUsesForm
        key={`${massingId}:${JSON.stringify(massing.uses)}:${massing.subsidisedHousingShare ?? 0}`}
        massing={massing}
        onEdit={onEdit}
      />
      <button
        type="button"
        className="touch-button danger-button"
        onClick={() => onEdit({ kind: 'deleteMassing', massingId })}
      >
        {t('scenarioEdit.delete')}
      </button>
    </div>
  );
}
