import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SensorHistory } from '../../domain/sensors/hubProtocol';
import type { PhenomenonId } from '../../domain/sensors/phenomena';
import { primaryPhenomenon } from '../../domain/sensors/sensorLevels';
import { isStale, sensorLevel } from '../../domain/sensors/sensorStatus';
import { useSensorLive, useTwinStore } from '../../store/StoreContext';
import { formatSensorTime, formatSensorValue, phenomenonLabel } from './formatSensorValue';
import { SensorChart } from './SensorChart';
import { useSensorTick } from './useSensorTick';

const RANGES = { day: 86_400_000, week: 7 * 86_400_000 } as const;
type RangeId = keyof typeof RANGES;

type HistoryState =
  { state: 'loading' } | { state: 'loaded'; history: SensorHistory } | { state: 'failed'; message: string };

/** The selected sensor: live values, where they come from, and a chart of the last day or week. */
export function SensorDetails() {
  const { t } = useTranslation();
  const live = useSensorLive();
  const sensorId = useTwinStore((state) => state.view.selectedSensorId);
  const sensor = useTwinStore((state) => state.sensorCatalogue.find((entry) => entry.id === sensorId));
  const language = useTwinStore((state) => state.view.language);
  const filter = useTwinStore((state) => state.view.sensorPhenomenon);
  const selectSensor = useTwinStore((state) => state.selectSensor);
  const replayTime = useTwinStore((state) => state.sensorReplayTime);
  const tick = useSensorTick(sensorId);
  const [range, setRange] = useState<RangeId>('day');
  const [chosen, setChosen] = useState<PhenomenonId | undefined>(undefined);
  const [history, setHistory] = useState<HistoryState>({ state: 'loading' });
  const phenomenon =
    chosen && sensor?.phenomena.some((entry) => entry.phenomenon === chosen)
      ? chosen
      : sensor && primaryPhenomenon(sensor, filter);
  // New data every few minutes at most: reload the chart on a new range, phenomenon or every minute of ticks.
  const reloadKey = Math.floor(tick / 12);
  useEffect(() => {
    if (!sensor || !phenomenon) return;
    let current = true;
    const to = live.now();
    live
      .loadHistory(sensor.id, phenomenon, to - RANGES[range], to)
      .then((loaded) => current && setHistory({ state: 'loaded', history: loaded }))
      .catch(
        (error: unknown) =>
          current &&
          setHistory({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
    };
  }, [live, sensor, phenomenon, range, reloadKey]);
  if (!sensorId) return null;
  const now = live.now();
  const lastTime = sensor && live.values.lastTime(sensor.id);
  const numbers =
    history.state === 'loaded'
      ? history.history.points.map(([, value]) => value).filter((value): value is number => value !== null)
      : [];
  return (
    <section className="building-info sensor-details" aria-labelledby="sensor-details-title">
      <header>
        <h2 id="sensor-details-title">{sensor?.name ?? sensorId}</h2>
        <button type="button" onClick={() => selectSensor(undefined)} aria-label={t('sensors.details.close')}>
          ×
        </button>
      </header>
      {!sensor ? (
        <p role="status" className="panel-body">
          {t('sensors.details.unknown')}
        </p>
      ) : (
        <div className="panel-body">
          <p className="note">{t(`sensors.kinds.${sensor.kind}`)}</p>
          {sensor && isStale(sensor, lastTime, now) && (
            <p className="stale-note" role="status">
              {lastTime === undefined
                ? t('sensors.details.neverReported')
                : t('sensors.details.stale', { time: formatSensorTime(lastTime, language) })}
            </p>
          )}
          <dl data-testid="sensor-values">
            {sensor.phenomena.map(({ phenomenon: id }) => {
              const latest = live.values.get(sensor.id, id);
              const level = sensorLevel(sensor, id, latest, now);
              return (
                <div key={id}>
                  <dt>{phenomenonLabel(id, language)}</dt>
                  <dd>
                    {latest ? formatSensorValue(id, latest, language, t) : t('sensors.levels.no-data')}{' '}
                    {latest && level !== 'ok' && (
                      <span className={`level-badge level-${level}`}>{t(`sensors.levels.${level}`)}</span>
                    )}
                    {latest && <span className="value-time">{formatSensorTime(latest.time, language)}</span>}
                  </dd>
                </div>
              );
            })}
          </dl>
          {sensor.phenomena.length > 1 && (
            <label className="field">
              {t('sensors.details.chartOf')}
              <select value={phenomenon} onChange={(event) => setChosen(event.target.value as PhenomenonId)}>
                {sensor.phenomena.map(({ phenomenon: id }) => (
                  <option key={id} value={id}>
                    {phenomenonLabel(id, language)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div role="radiogroup" aria-label={t('sensors.details.range')} className="range-switch">
            {(Object.keys(RANGES) as RangeId[]).map((id) => (
              <label key={id} className="check-row">
                <input
                  type="radio"
                  name="sensor-range"
                  checked={range === id}
                  onChange={() => setRange(id)}
                />
                {t(`sensors.details.ranges.${id}`)}
              </label>
            ))}
          </div>
          {history.state === 'loading' && <p role="status">{t('sensors.details.loadingChart')}</p>}
          {history.state === 'failed' && (
            <p role="alert">{t('sensors.details.chartFailed', { message: history.message })}</p>
          )}
          {history.state === 'loaded' && phenomenon && (
            <figure className="chart-figure" data-testid="sensor-chart">
              <SensorChart history={history.history} label={phenomenonLabel(phenomenon, language)} />
              <figcaption>
                {numbers.length === 0
                  ? t('sensors.details.noHistory')
                  : t('sensors.details.chartSummary', {
                      phenomenon: phenomenonLabel(phenomenon, language),
                      count: numbers.length,
                      min: formatSensorValue(
                        phenomenon,
                        { value: Math.min(...numbers), time: 0 },
                        language,
                        t,
                      ),
                      max: formatSensorValue(
                        phenomenon,
                        { value: Math.max(...numbers), time: 0 },
                        language,
                        t,
                      ),
                    })}
              </figcaption>
            </figure>
          )}
          {replayTime !== undefined && (
            <p className="note">
              {t('sensors.showingMoment', { time: formatSensorTime(replayTime, language) })}
            </p>
          )}
          <dl className="source-list">
            <div>
              <dt>{t('sensors.details.source')}</dt>
              <dd>{sensor.attribution}</dd>
            </div>
            <div>
              <dt>{t('sensors.details.licence')}</dt>
              <dd>{sensor.licence}</dd>
            </div>
            <div>
              <dt>{t('sensors.details.feed')}</dt>
              <dd>{sensor.source}</dd>
            </div>
          </dl>
        </div>
      )}
    </section>
  );
}
