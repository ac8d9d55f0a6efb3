/**
 * openSenseMap sensors are named by their owners; the senseBox wizard's German titles (`Temperatur`,
 * `rel. Luftfeuchte`, `Luftdruck`, `PM10`, `PM2.5`, `Beleuchtungsstärke`, `UV-Intensität`) and their common
 * variants map to our phenomena. Anything else (Wifi strength, battery voltage, noise, wind) is not modelled.
 */
import { phenomenonDefinition, type PhenomenonId } from '../../phenomena';

const RULES: readonly [pattern: RegExp, phenomenon: PhenomenonId][] = [
  [/^(wasser|water)[ -]?temp/, 'water_temperature'],
  [/^(luft|air)?[ -]?temp(eratur|erature)?\b/, 'air_temperature'],
  [/(luftfeuchte|luftfeuchtigkeit|humidity)/, 'relative_humidity'],
  [/(luftdruck|air pressure|^pressure|^druck|barometer)/, 'air_pressure'],
  [/(^|feinstaub |particulate matter )pm ?10\b/, 'pm10'],
  [/(^|feinstaub |particulate matter )pm ?2[.,]5\b/, 'pm2_5'],
  [/(beleuchtungsst|illuminance|helligkeit|^lux\b)/, 'illuminance'],
  [/^uv[ -]?(intensit|intensity)/, 'uv_intensity'],
  [/(^no2\b|stickstoffdioxid|nitrogen dioxide)/, 'no2'],
  [/(^o3\b|^ozon|^ozone)/, 'o3'],
];

/** The phenomenon a sensor title stands for, or undefined when we do not model it. */
export function openSenseMapPhenomenon(title: string): PhenomenonId | undefined {
  const normalised = title.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const [pattern, phenomenon] of RULES) if (pattern.test(normalised)) return phenomenon;
  return undefined;
}

/** True when the hub can convert this unit for the phenomenon (`°C`, `hPa`, `Pa`, `µg/m³`, `μW/cm²`, …). */
export function isAcceptedUnit(phenomenon: PhenomenonId, unit: string): boolean {
  return unit in phenomenonDefinition(phenomenon).acceptedUnits;
}

/** The senseBox wizard's title and unit of each phenomenon, for writing box descriptions. */
export const OPEN_SENSE_MAP_TITLES: Partial<
  Record<PhenomenonId, { title: string; unit: string; sensorType: string }>
> = {
  air_temperature: { title: 'Temperatur', unit: '°C', sensorType: 'HDC1080' },
  relative_humidity: { title: 'rel. Luftfeuchte', unit: '%', sensorType: 'HDC1080' },
  air_pressure: { title: 'Luftdruck', unit: 'hPa', sensorType: 'BMP280' },
  pm10: { title: 'PM10', unit: 'µg/m³', sensorType: 'SDS 011' },
  pm2_5: { title: 'PM2.5', unit: 'µg/m³', sensorType: 'SDS 011' },
  illuminance: { title: 'Beleuchtungsstärke', unit: 'lx', sensorType: 'TSL45315' },
  uv_intensity: { title: 'UV-Intensität', unit: 'μW/cm²', sensorType: 'VEML6070' },
};
