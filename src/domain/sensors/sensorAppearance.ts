import type { LatestValues } from './latestValues';
import { PHENOMENA, SIGNAL_PHASE_STATES, type PhenomenonId } from './phenomena';
import { primaryPhenomenon, drawnLevel } from './sensorLevels';
import type { SensorDescription } from './sensorModel';
import type { SensorLevel } from './sensorStatus';

/** Level colours: green, amber, red with enough contrast on the map; grey for silent sensors. */
export const LEVEL_COLORS: Readonly<Record<SensorLevel, string>> = {
  ok: '#1b7f3b',
  warning: '#e8a200',
  alert: '#c62828',
  stale: '#8a8a8a',
  'no-data': '#b0b0b0',
};

const SIGNAL_COLORS = {
  dark: '#303030',
  red: '#d32f2f',
  'red-amber': '#f57c00',
  green: '#2e9e44',
  amber: '#ffb300',
} as const;

/** How one sensor looks on the model right now. */
export interface SensorAppearance {
  show: boolean;
  level: SensorLevel;
  /** CSS colour of the marker. */
  color: string;
  /** A short text beside the marker (car parks show their free spaces), or empty. */
  label: string;
}

function streetLightColor(level: number): string {
  // From dark grey (off) to warm white (full), so the brightening is visible on the model.
  const share = Math.max(0, Math.min(1, level / 100));
  const channel = (off: number, on: number) => Math.round(off + (on - off) * share);
  return `rgb(${channel(60, 255)}, ${channel(60, 236)}, ${channel(60, 170)})`;
}

/**
 * The marker of a sensor: hidden when the phenomenon filter excludes it; grey when silent for twice its
 * interval; otherwise coloured by thresholds, except signals (their phase colour) and street lights (their
 * brightness), which show what a passer-by sees.
 */
export function sensorAppearance(
  sensor: SensorDescription,
  values: LatestValues,
  now: number,
  filter: PhenomenonId | undefined,
): SensorAppearance {
  const phenomenon = primaryPhenomenon(sensor, filter);
  if (phenomenon === undefined)
    return { show: false, level: 'no-data', color: LEVEL_COLORS['no-data'], label: '' };
  const level = drawnLevel(sensor, values, now, filter);
  const latest = values.get(sensor.id, phenomenon);
  if (level === 'stale' || level === 'no-data' || !latest)
    return { show: true, level, color: LEVEL_COLORS[level], label: '' };
  if (sensor.kind === 'traffic-signal' && latest.value !== null) {
    const phase = SIGNAL_PHASE_STATES[latest.value] ?? 'dark';
    return { show: true, level, color: SIGNAL_COLORS[phase], label: '' };
  }
  if (sensor.kind === 'street-light' && latest.value !== null)
    return { show: true, level, color: streetLightColor(latest.value), label: '' };
  let label = '';
  if (sensor.kind === 'car-park') label = latest.value === null ? (latest.state ?? '') : String(latest.value);
  else if (filter !== undefined && latest.value !== null)
    label = latest.value.toFixed(PHENOMENA.get(phenomenon)?.decimals ?? 0);
  return { show: true, level, color: LEVEL_COLORS[level], label };
}
