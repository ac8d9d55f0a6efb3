import { useTranslation } from 'react-i18next';
import { PHENOMENON_IDS, type PhenomenonId } from '../../domain/sensors/phenomena';
import { currentBreaches } from '../../domain/sensors/sensorLevels';
import { cameraLookingAt } from '../../domain/view/cameraLookAt';
import { useSensorLive, useTwinStore } from '../../store/StoreContext';
import { formatSensorTime, formatSensorValue, phenomenonLabel } from './formatSensorValue';
import { SensorLegend } from './SensorLegend';
import { SensorTimeSlider } from './SensorTimeSlider';
import { useSensorTick } from './useSensorTick';

/** The sensors panel: the feed's health, a filter by phenomenon, the current breaches, the time slider. */
export function SensorPanel() {
  const { t } = useTranslation();
  const live = useSensorLive();
  useSensorTick();
  const language = useTwinStore((state) => state.view.language);
  const feed = useTwinStore((state) => state.sensorFeed);
  const catalogue = useTwinStore((state) => state.sensorCatalogue);
  const filter = useTwinStore((state) => state.view.sensorPhenomenon);
  const setFilter = useTwinStore((state) => state.setSensorPhenomenon);
  const selectSensor = useTwinStore((state) => state.selectSensor);
  const requestCamera = useTwinStore((state) => state.requestCamera);
  const measured = new Set(catalogue.flatMap((sensor) => sensor.phenomena.map((entry) => entry.phenomenon)));
  const breaches = currentBreaches(catalogue, live.values, live.now(), filter);
  return (
    <div className="panel-body sensor-panel">
      {/* Announced by SensorFeedStatus in the status bar, not here a second time. */}
      <p className={`feed-state feed-${feed.state}`}>
        {t(`sensors.feed.${feed.state}`, { count: catalogue.length })}
      </p>
      {feed.sources
        .filter((source) => source.state !== 'connected')
        .map((source) => (
          <p key={source.id} className="note">
            {t('sensors.sourceDown', { source: source.id, detail: source.detail ?? '' })}
          </p>
        ))}
      <label className="field">
        {t('sensors.filter')}
        <select
          value={filter ?? ''}
          onChange={(event) => setFilter((event.target.value || undefined) as PhenomenonId | undefined)}
        >
          <option value="">{t('sensors.allPhenomena')}</option>
          {PHENOMENON_IDS.filter((id) => measured.has(id)).map((id) => (
            <option key={id} value={id}>
              {phenomenonLabel(id, language)}
            </option>
          ))}
        </select>
      </label>
      <h3>{t('sensors.breaches')}</h3>
      {breaches.length === 0 ? (
        <p className="note">{t('sensors.noBreaches')}</p>
      ) : (
        <ul className="breach-list">
          {breaches.map((breach) => (
            <li key={`${breach.sensor.id}:${breach.phenomenon}`} className={`breach-${breach.level}`}>
              <button
                type="button"
                onClick={() => {
                  selectSensor(breach.sensor.id);
                  requestCamera(
                    cameraLookingAt(
                      {
                        ...breach.sensor.position,
                        heightMeters: breach.sensor.position.heightAboveGroundMeters,
                      },
                      { rangeMeters: 450 },
                    ),
                  );
                }}
              >
                <span className="breach-level">{t(`sensors.levels.${breach.level}`)}</span>{' '}
                {t('sensors.breachItem', {
                  name: breach.sensor.name,
                  phenomenon: phenomenonLabel(breach.phenomenon, language),
                  value: formatSensorValue(breach.phenomenon, breach, language, t),
                  time: formatSensorTime(breach.time, language),
                })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <SensorTimeSlider />
      <SensorLegend />
    </div>
  );
}
