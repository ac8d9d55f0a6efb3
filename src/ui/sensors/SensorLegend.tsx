import { useTranslation } from 'react-i18next';
import { PLACE_MARKER_IMAGE } from '../../domain/places/placeMarker';
import { LEVEL_COLORS } from '../../domain/sensors/sensorAppearance';
import type { SensorLevel } from '../../domain/sensors/sensorStatus';

const LEVELS: readonly SensorLevel[] = ['ok', 'warning', 'alert', 'stale', 'no-data'];

/** What the marks on the model mean: sensors are round dots coloured by level; places are blue pins. */
export function SensorLegend() {
  const { t } = useTranslation();
  return (
    <section className="sensor-legend" aria-labelledby="sensor-legend-title">
      <h3 id="sensor-legend-title">{t('sensors.legend.title')}</h3>
      <ul>
        {LEVELS.map((level) => (
          <li key={level}>
            <span className="legend-dot" style={{ background: LEVEL_COLORS[level] }} aria-hidden="true" />
            {t('sensors.legend.sensor', { level: t(`sensors.levels.${level}`) })}
          </li>
        ))}
        <li>
          <img className="legend-pin" src={PLACE_MARKER_IMAGE} alt="" width={12} height={17} />
          {t('sensors.legend.place')}
        </li>
      </ul>
    </section>
  );
}
