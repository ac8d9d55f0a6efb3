import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../domain/scenarios/muensterTime';
import { SUNLIGHT_HOURS_CLASSES } from '../../domain/scenarios/sunlightHoursImage';
import { currentSunlightMap } from '../../store/scenarioAnalysisSlice';
import { useTwinStore } from '../../store/StoreContext';

/** Compute the sunlight-hours map of the open variant for a day; progress, legend, summary and explanation. */
export function SunlightHoursMapControls({ day }: { day: CalendarDay }) {
  const { t } = useTranslation();
  const language = useTwinStore((state) => state.view.language);
  const sunlightMap = useTwinStore(currentSunlightMap);
  const requestSunlightMap = useTwinStore((state) => state.requestSunlightMap);
  const clearSunlightMap = useTwinStore((state) => state.clearSunlightMap);
  const number = (value: number, digits = 1) =>
    value.toLocaleString(language, { maximumFractionDigits: digits });
  const dayText = (shown: CalendarDay) =>
    new Date(Date.UTC(shown.year, shown.month - 1, shown.day, 12)).toLocaleDateString(language, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  const computing = sunlightMap.status === 'computing';
  return (
    <div className="sunlight-map" data-sunlight-map={sunlightMap.status}>
      <h4>{t('sunShadow.map.heading')}</h4>
      <p className="note">{t('sunShadow.map.explanation')}</p>
      <div className="tool-row">
        <button type="button" disabled={computing} onClick={() => requestSunlightMap(day)}>
          {t('sunShadow.map.compute', { day: dayText(day) })}
        </button>
        {sunlightMap.status === 'ready' && (
          <button type="button" className="text-button" onClick={clearSunlightMap}>
            {t('sunShadow.map.hide')}
          </button>
        )}
      </div>
      <div role="status">
        {computing && (
          <>
            <progress aria-label={t('sunShadow.map.computing', { day: dayText(sunlightMap.day) })} />{' '}
            {t('sunShadow.map.computing', { day: dayText(sunlightMap.day) })}
          </>
        )}
        {sunlightMap.status === 'ready' && (
          <p>
            {t('sunShadow.map.summary', {
              day: dayText(sunlightMap.day),
              mean: number(sunlightMap.map.meanHours),
              daylight: number(sunlightMap.map.daylightHours),
              share: number(sunlightMap.map.shareAtLeastTwoHours * 100, 0),
              buildings: sunlightMap.map.surroundingBuildingCount,
              seconds: number(sunlightMap.map.elapsedMilliseconds / 1000),
            })}
          </p>
        )}
      </div>
      {sunlightMap.status === 'failed' && (
        <p role="alert" className="error">
          {t(`sunShadow.map.failed.${sunlightMap.code}`, { message: sunlightMap.message })}
        </p>
      )}
      {sunlightMap.status === 'ready' && (
        <figure className="sunlight-legend" data-testid="sunlight-legend">
          <figcaption>{t('sunShadow.map.legend')}</figcaption>
          <ul>
            {SUNLIGHT_HOURS_CLASSES.map((entry) => (
              <li key={entry.fromHours}>
                <span className="swatch" style={{ backgroundColor: entry.color }} aria-hidden="true" />
                {entry.toHours === undefined
                  ? t('sunShadow.map.classOpen', { from: number(entry.fromHours) })
                  : t('sunShadow.map.class', { from: number(entry.fromHours), to: number(entry.toHours) })}
              </li>
            ))}
          </ul>
        </figure>
      )}
    </div>
  );
}
