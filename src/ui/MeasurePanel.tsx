import { useTranslation } from 'react-i18next';
import { formatArea, formatLength } from '../domain/measure/formatMeasurement';
import { measure, MEASURE_MODES } from '../domain/measure/measurements';
import { useTwinStore } from '../store/StoreContext';

/** Distances, heights and areas on the model: choose what to measure, click points, read the result. */
export function MeasurePanel() {
  const { t, i18n } = useTranslation();
  const mode = useTwinStore((state) => state.measureMode);
  const points = useTwinStore((state) => state.measurePoints);
  const setMeasureMode = useTwinStore((state) => state.setMeasureMode);
  const clearMeasurePoints = useTwinStore((state) => state.clearMeasurePoints);
  if (!mode) return null;
  const result = measure(mode, points);
  const length = (meters: number | undefined) =>
    meters === undefined ? undefined : formatLength(meters, i18n.language);
  const rows: [string, string | undefined][] = [
    ['measure.heightDifference', length(result.heightDifferenceMeters)],
    ['measure.distance3d', length(result.distanceMeters)],
    ['measure.horizontal', length(result.horizontalDistanceMeters)],
    [
      'measure.areaHorizontal',
      result.areaSquareMeters === undefined ? undefined : formatArea(result.areaSquareMeters, i18n.language),
    ],
    ['measure.perimeter', length(result.perimeterMeters)],
  ];
  const shown = rows.filter((row): row is [string, string] => row[1] !== undefined);
  return (
    <div className="panel-body">
      <fieldset>
        <legend>{t('measure.mode')}</legend>
        {MEASURE_MODES.map((option) => (
          <label key={option} className="check-row">
            <input
              type="radio"
              name="measure-mode"
              checked={mode === option}
              onChange={() => setMeasureMode(option)}
            />
            {t(`measure.${option}`)}
          </label>
        ))}
      </fieldset>
      <p className="note">{t(`measure.hint.${mode}`)}</p>
      <h3>{t('measure.result')}</h3>
      <div role="status" data-testid="measure-result">
        <p className="note">{t('measure.points', { count: points.length })}</p>
        {shown.length === 0 ? (
          <p>{t('measure.none')}</p>
        ) : (
          <dl className="measure-result">
            {shown.map(([labelKey, value]) => (
              <div key={labelKey}>
                <dt>{t(labelKey)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      <button
        type="button"
        className="text-button"
        onClick={clearMeasurePoints}
        disabled={points.length === 0}
      >
        {t('measure.clear')}
      </button>
    </div>
  );
}
