import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateAtMuensterTime } from '../../domain/scenarios/muensterTime';
import {
  formatSunTime,
  muensterClockTimeOf,
  muensterMinuteOfDay,
  parseSunTime,
  SUN_TIME_PRESETS,
  sunTimePresetInstant,
  withMuensterDay,
  withMuensterMinuteOfDay,
} from '../../domain/scenarios/sunTime';
import { useTwinStore } from '../../store/StoreContext';
import { SunlightHoursMapControls } from './SunlightHoursMapControls';

const MINUTES_PER_DAY = 24 * 60;
const SLIDER_STEP_MINUTES = 15;
const PRESET_MONTH_KEYS: Record<number, string> = { 3: 'march', 6: 'june', 12: 'december' };

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** Today at noon in Münster: the slider's moment before a time is chosen. */
function defaultInstant(): Date {
  const today = muensterClockTimeOf(new Date());
  return dateAtMuensterTime({ ...today, hour: 12, minute: 0 });
}

/** Date and time of the sun in Münster's clock time (CET/CEST), presets, and the sunlight-hours map. */
export function SunShadowPanel() {
  const { t } = useTranslation();
  const sunTime = useTwinStore((state) => state.view.sunTime);
  const setSunTime = useTwinStore((state) => state.setSunTime);
  const instant = parseSunTime(sunTime) ?? defaultInstant();
  const clock = muensterClockTimeOf(instant);
  // While the slider is dragged, only the label follows; the view (and the link) change when it is let go.
  const [draftMinute, setDraftMinute] = useState<number | undefined>(undefined);
  const minute = draftMinute ?? muensterMinuteOfDay(instant);
  const clockText = t('sunShadow.clock', {
    time: `${twoDigits(Math.floor(minute / 60))}:${twoDigits(minute % 60)}`,
    zone: t(clock.summerTime ? 'sunShadow.summerTime' : 'sunShadow.winterTime'),
  });
  const commitMinute = () => {
    if (draftMinute === undefined) return;
    setDraftMinute(undefined);
    if (sunTime === undefined || draftMinute !== muensterMinuteOfDay(instant))
      setSunTime(withMuensterMinuteOfDay(instant, draftMinute));
  };
  const dateValue = `${clock.year}-${twoDigits(clock.month)}-${twoDigits(clock.day)}`;
  return (
    <section className="scenario-tool" aria-labelledby="sun-shadow-heading">
      <h3 id="sun-shadow-heading">{t('sunShadow.heading')}</h3>
      <div role="group" aria-label={t('sunShadow.presets')} className="sun-presets">
        {SUN_TIME_PRESETS.map((preset) => {
          const presetInstant = sunTimePresetInstant(preset, clock.year);
          return (
            <button
              key={preset.id}
              type="button"
              aria-pressed={sunTime === formatSunTime(presetInstant)}
              onClick={() => setSunTime(presetInstant)}
            >
              {t('sunShadow.preset', {
                date: t(`sunShadow.days.${PRESET_MONTH_KEYS[preset.month]}`),
                hour: preset.hour,
              })}
            </button>
          );
        })}
      </div>
      <div className="tool-row">
        <label htmlFor="sun-date">{t('sunShadow.date')}</label>
        <input
          id="sun-date"
          type="date"
          value={dateValue}
          onChange={(event) => {
            const [year, month, day] = event.target.value.split('-').map(Number);
            if (year && month && day) setSunTime(withMuensterDay(instant, { year, month, day }));
          }}
        />
      </div>
      <div className="tool-row">
        <label htmlFor="sun-time">{t('sunShadow.time')}</label>
        <input
          id="sun-time"
          type="range"
          min={0}
          max={MINUTES_PER_DAY - SLIDER_STEP_MINUTES}
          step={SLIDER_STEP_MINUTES}
          value={minute}
          aria-valuetext={clockText}
          onChange={(event) => setDraftMinute(Number(event.target.value))}
          onPointerUp={commitMinute}
          onKeyUp={commitMinute}
          onBlur={commitMinute}
        />
        <output htmlFor="sun-time" data-testid="sun-clock">
          {clockText}
        </output>
      </div>
      {sunTime !== undefined && (
        <button type="button" className="text-button" onClick={() => setSunTime(undefined)}>
          {t('sunShadow.reset')}
        </button>
      )}
      <SunlightHoursMapControls day={{ year: clock.year, month: clock.month, day: clock.day }} />
    </section>
  );
}
