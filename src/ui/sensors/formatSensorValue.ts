import type { TFunction } from 'i18next';
import type { LatestValue } from '../../domain/sensors/latestValues';
import { PHENOMENA, SIGNAL_PHASE_STATES, type PhenomenonId } from '../../domain/sensors/phenomena';
import type { Language } from '../../domain/view/viewState';

/** A value with its unit in the UI language; a signal shows its colour, a closed car park its state. */
export function formatSensorValue(
  phenomenon: PhenomenonId,
  latest: LatestValue,
  language: Language,
  t: TFunction,
): string {
  const definition = PHENOMENA.get(phenomenon)!;
  if (phenomenon === 'signal_state' && latest.value !== null)
    return t(`sensors.states.${SIGNAL_PHASE_STATES[latest.value] ?? 'dark'}`);
  if (latest.value === null)
    return t(`sensors.states.${latest.state ?? 'no-data'}`, { defaultValue: latest.state });
  const number = latest.value.toLocaleString(language, { maximumFractionDigits: definition.decimals });
  const unit = definition.unit === 'spaces' || definition.unit === 'bicycles' ? '' : ` ${definition.unit}`;
  const state = latest.state
    ? ` (${t(`sensors.states.${latest.state}`, { defaultValue: latest.state })})`
    : '';
  return `${number}${unit}${state}`;
}

/** Date and time in Münster's time zone, whatever the device's zone. */
export function formatSensorTime(time: number, language: Language): string {
  return new Date(time).toLocaleString(language, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  });
}

export function phenomenonLabel(phenomenon: PhenomenonId, language: Language): string {
  return PHENOMENA.get(phenomenon)!.label[language];
}
