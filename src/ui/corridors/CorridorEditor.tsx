import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { corridorSceneForExport } from '../../domain/corridors/corridorEditing';
import type { Corridor } from '../../domain/corridors/corridorScene';
import type { CorridorHeight, HeightReference } from '../../domain/corridors/heightLimits';
import { useTwinStore, useTwinStoreApi } from '../../store/StoreContext';
import { NumberField } from './NumberField';

const REFERENCES: HeightReference[] = ['AGL', 'MSL'];

function HeightEditor({
  which,
  height,
  invalid,
  onChange,
}: {
  which: 'floor' | 'ceiling';
  height: CorridorHeight;
  invalid: boolean;
  onChange(height: CorridorHeight): void;
}) {
  const { t } = useTranslation();
  const referenceId = useId();
  return (
    <div className="corridor-height">
      <NumberField
        label={t(`corridors.edit.${which}`)}
        unit="m"
        value={height.heightMeters}
        step={5}
        invalid={invalid}
        onCommit={(heightMeters) => onChange({ ...height, heightMeters })}
      />
      <label htmlFor={referenceId}>{t('corridors.edit.reference')}</label>
      <select
        id={referenceId}
        value={height.reference}
        onChange={(event) => onChange({ ...height, reference: event.target.value as HeightReference })}
      >
        {REFERENCES.map((reference) => (
          <option key={reference} value={reference}>
            {t(`corridors.edit.references.${reference}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Downloads the corridors as edited as a scene document, to be put into `scenes/`. */
function downloadScene(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'drone-corridors-edited.json';
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Edits the selected corridor with the keyboard or the mouse: width, floor and ceiling with their references,
 * cruise speed, and each point of the centre line (select one to drag it on the model, or type its coordinates).
 */
export function CorridorEditor({ corridor }: { corridor: Corridor }) {
  const { t } = useTranslation();
  const store = useTwinStoreApi();
  const editCorridor = useTwinStore((state) => state.editCorridor);
  const issues = useTwinStore((state) => state.corridorEditIssues);
  const pointIndex = useTwinStore((state) => state.selectedCorridorPointIndex);
  const selectCorridorPoint = useTwinStore((state) => state.selectCorridorPoint);
  const edited = useTwinStore((state) => state.editedCorridorIds.length > 0);
  const edit = (change: Parameters<typeof editCorridor>[1]) => editCorridor(corridor.id, change);
  const invalid = (field: string) => issues.some((issue) => issue.path.includes(`.${field}`));
  const exportScene = () => {
    const state = store.getState();
    downloadScene(corridorSceneForExport(state.corridorScenes[0], state.corridors, state.restrictionZones));
  };
  return (
    <section className="corridor-editor" aria-labelledby="corridor-editor-title">
      <h3 id="corridor-editor-title">{t('corridors.edit.title')}</h3>
      <NumberField
        label={t('corridors.edit.width')}
        unit="m"
        value={corridor.widthMeters}
        step={5}
        min={1}
        invalid={invalid('widthMeters')}
        onCommit={(widthMeters) => edit({ kind: 'setWidth', widthMeters })}
      />
      <HeightEditor
        which="floor"
        height={corridor.floor}
        invalid={invalid('floor')}
        onChange={(height) => edit({ kind: 'setHeight', which: 'floor', height })}
      />
      <HeightEditor
        which="ceiling"
        height={corridor.ceiling}
        invalid={invalid('ceiling')}
        onChange={(height) => edit({ kind: 'setHeight', which: 'ceiling', height })}
      />
      <NumberField
        label={t('corridors.edit.speed')}
        unit="m/s"
        value={corridor.cruiseSpeedMetersPerSecond}
        step={1}
        min={1}
        invalid={invalid('cruiseSpeedMetersPerSecond')}
        onCommit={(cruiseSpeedMetersPerSecond) => edit({ kind: 'setSpeed', cruiseSpeedMetersPerSecond })}
      />
      {issues.length > 0 && (
        <ul className="corridor-edit-issues" role="alert">
          {issues.map((issue) => (
            <li key={`${issue.path}${issue.message}`}>
              {t('issues.item', { file: issue.file, path: issue.path, message: issue.message })}
            </li>
          ))}
        </ul>
      )}
      <fieldset>
        <legend>{t('corridors.edit.points')}</legend>
        <p className="note">{t('corridors.edit.pointsHint')}</p>
        <ol className="corridor-points">
          {corridor.centreLine.map((point, index) => (
            <li key={index}>
              <label className="check-row">
                <input
                  type="radio"
                  name="corridor-point"
                  checked={pointIndex === index}
                  onChange={() => selectCorridorPoint(index)}
                />
                {t('corridors.edit.point', { number: index + 1 })}
              </label>
              {pointIndex === index && (
                <div className="corridor-point-fields">
                  <NumberField
                    label={t('corridors.edit.longitude')}
                    unit="°"
                    value={point[0]}
                    step={0.0001}
                    invalid={invalid(`centreLine[${index}]`)}
                    onCommit={(longitude) => edit({ kind: 'movePoint', index, point: [longitude, point[1]] })}
                  />
                  <NumberField
                    label={t('corridors.edit.latitude')}
                    unit="°"
                    value={point[1]}
                    step={0.0001}
                    invalid={invalid(`centreLine[${index}]`)}
                    onCommit={(latitude) => edit({ kind: 'movePoint', index, point: [point[0], latitude] })}
                  />
                  <button type="button" onClick={() => edit({ kind: 'insertPoint', afterIndex: index })}>
                    {t('corridors.edit.insertPoint')}
                  </button>
                  <button
                    type="button"
                    disabled={corridor.centreLine.length <= 2}
                    onClick={() => {
                      edit({ kind: 'removePoint', index });
                      selectCorridorPoint(undefined);
                    }}
                  >
                    {t('corridors.edit.removePoint')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      </fieldset>
      {edited && (
        <button type="button" onClick={exportScene}>
          {t('corridors.edit.export')}
        </button>
      )}
    </section>
  );
}
