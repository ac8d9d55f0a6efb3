import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CORRIDOR_TIME_ZONE, isOperatingAt } from '../../domain/corridors/operatingHours';
import { FLIGHT_SPEEDS, type FlightSpeed } from '../../store/corridorSlice';
import { useTwinStore } from '../../store/StoreContext';

/** Signs beside the words (widely available glyphs: the emoji ones are missing from many system fonts). */
const SIGNS = { play: '▶ ', pause: '‖ ' };

/** The simulated time in Münster, e.g. "Fr., 12:03". */
function formatClock(date: Date, language: string): string {
  return date.toLocaleString(language === 'en' ? 'en-GB' : 'de-DE', {
    timeZone: CORRIDOR_TIME_ZONE,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Play and pause the simulated flights (a drone on each corridor, on Cesium's clock) and choose their speed. */
export function FlightControls() {
  const { t, i18n } = useTranslation();
  const speedId = useId();
  const playing = useTwinStore((state) => state.flightPlaying);
  const speed = useTwinStore((state) => state.flightSpeed);
  const setFlightPlaying = useTwinStore((state) => state.setFlightPlaying);
  const setFlightSpeed = useTwinStore((state) => state.setFlightSpeed);
  const clockTime = useTwinStore((state) => state.flightClockTime);
  const corridors = useTwinStore((state) => state.corridors);
  const clockDate = clockTime === undefined ? undefined : new Date(clockTime);
  const operating = clockDate
    ? corridors.filter((corridor) => isOperatingAt(corridor.operatingHours, clockDate)).length
    : undefined;
  return (
    <fieldset className="flight-controls">
      <legend>{t('corridors.flight.title')}</legend>
      <button type="button" aria-pressed={playing} onClick={() => setFlightPlaying(!playing)}>
        <span aria-hidden="true">{playing ? SIGNS.pause : SIGNS.play}</span>
        {t(playing ? 'corridors.flight.pause' : 'corridors.flight.play')}
      </button>
      <label htmlFor={speedId}>{t('corridors.flight.speed')}</label>
      <select
        id={speedId}
        value={speed}
        onChange={(event) => setFlightSpeed(Number(event.target.value) as FlightSpeed)}
      >
        {FLIGHT_SPEEDS.map((option) => (
          <option key={option} value={option}>
            {t('corridors.flight.speedOption', { factor: option })}
          </option>
        ))}
      </select>
      {clockDate && (
        <p role="status" data-testid="flight-clock">
          {t('corridors.flight.clock', {
            time: formatClock(clockDate, i18n.language),
            operating,
            total: corridors.length,
          })}
        </p>
      )}
      <p className="note">{t('corridors.flight.note')}</p>
    </fieldset>
  );
}
