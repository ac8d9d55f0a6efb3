import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSensorLive, useTwinStore } from '../../store/StoreContext';
import { formatSensorTime } from './formatSensorValue';

const DAY_MS = 86_400_000;
const STEP_MS = 5 * 60_000;

/** Replays the last 24 hours on the model: a slider over the day, and a button back to live values. */
export function SensorTimeSlider() {
  const { t } = useTranslation();
  const id = useId();
  const live = useSensorLive();
  const language = useTwinStore((state) => state.view.language);
  const replayTime = useTwinStore((state) => state.sensorReplayTime);
  const setReplayTime = useTwinStore((state) => state.setSensorReplayTime);
  // The day the slider spans is fixed when the user first touches it, so its scale does not drift.
  const [end, setEnd] = useState<number | undefined>(undefined);
  const spanEnd = end ?? Math.floor(live.now() / STEP_MS) * STEP_MS;
  const value = replayTime ?? spanEnd;
  return (
    <div className="time-slider">
      <h3 id={`${id}-heading`}>{t('sensors.timeSlider')}</h3>
      <input
        type="range"
        aria-labelledby={`${id}-heading`}
        aria-valuetext={formatSensorTime(value, language)}
        min={spanEnd - DAY_MS}
        max={spanEnd}
        step={STEP_MS}
        value={value}
        onChange={(event) => {
          if (end === undefined) setEnd(spanEnd);
          const time = Number(event.target.value);
          setReplayTime(time >= spanEnd ? undefined : time);
        }}
      />
      <p role="status" className="note">
        {replayTime === undefined
          ? t('sensors.showingLive')
          : t('sensors.showingMoment', { time: formatSensorTime(replayTime, language) })}
      </p>
      <button
        type="button"
        className="text-button"
        disabled={replayTime === undefined}
        onClick={() => {
          setEnd(undefined);
          setReplayTime(undefined);
        }}
      >
        {t('sensors.backToLive')}
      </button>
    </div>
  );
}
