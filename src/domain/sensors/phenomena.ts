/**
 * What sensors measure: each phenomenon's canonical unit, the unit spellings we accept (with their conversion),
 * the range a working sensor can report, and the thresholds the map colours by, each with its source.
 */

export type PhenomenonId =
  | 'water_temperature'
  | 'dissolved_oxygen'
  | 'ph'
  | 'air_temperature'
  | 'relative_humidity'
  | 'air_pressure'
  | 'pm10'
  | 'pm2_5'
  | 'no2'
  | 'o3'
  | 'illuminance'
  | 'uv_intensity'
  | 'parking_free'
  | 'bike_count'
  | 'light_level'
  | 'signal_state';

/** A value band with a level; bands are checked in order and the first that matches wins. */
export interface ThresholdBand {
  level: 'warning' | 'alert';
  /** The band applies when the value is at or above `atLeast`, or below `below` (either or both). */
  atLeast?: number;
  below?: number;
  /** Why this band: the rule or publication it comes from. */
  source: string;
}

export interface PhenomenonDefinition {
  id: PhenomenonId;
  label: { de: string; en: string };
  /** The unit every stored and published observation of this phenomenon uses. */
  unit: string;
  /** Other spellings and units accepted on input, converted to `unit`. */
  acceptedUnits: Readonly<Record<string, (value: number) => number>>;
  /** Values outside this range are rejected as implausible (a broken sensor, not a measurement). */
  plausibleRange: { min: number; max: number };
  thresholds: readonly ThresholdBand[];
  /** Decimal places worth showing. */
  decimals: number;
}

const same = (value: number): number => value;

const EU_AIR_QUALITY_2008 =
  'Directive 2008/50/EC, Annex XI (limit values for the protection of human health)';
const EU_AIR_QUALITY_2024 = 'Directive (EU) 2024/2881, Annex I (limit values to be met by 2030)';
const WHO_2021 = 'WHO global air quality guidelines 2021 (24-hour guideline level)';

const definitions: readonly PhenomenonDefinition[] = [
  {
    id: 'water_temperature',
    label: { de: 'Wassertemperatur', en: 'Water temperature' },
    unit: '°C',
    acceptedUnits: { '°C': same, degC: same, C: same, K: (kelvin) => kelvin - 273.15 },
    plausibleRange: { min: -2, max: 40 },
    thresholds: [
      {
        level: 'warning',
        atLeast: 25,
        source:
          'Stadt Münster, Aasee press releases: up to about 27 °C in July; warm water holds less oxygen (Aug 2018 fish die-off)',
      },
    ],
    decimals: 1,
  },
  {
    id: 'dissolved_oxygen',
    label: { de: 'Gelöster Sauerstoff', en: 'Dissolved oxygen' },
    unit: 'mg/L',
    acceptedUnits: { 'mg/L': same, 'mg/l': same, ppm: same },
    plausibleRange: { min: 0, max: 25 },
    thresholds: [
      {
        level: 'alert',
        below: 4,
        source: 'Below 4 mg/L fish suffocate; the Aasee die-off of August 2018 happened near 0 mg/L',
      },
      {
        level: 'warning',
        below: 7.1,
        source: 'Stadt Münster, Aasee press releases: above 7.1 mg/L the lake is "stable"',
      },
    ],
    decimals: 1,
  },
  {
    id: 'ph',
    label: { de: 'pH-Wert', en: 'pH' },
    unit: 'pH',
    acceptedUnits: { pH: same, ph: same, '': same },
    plausibleRange: { min: 0, max: 14 },
    thresholds: [
      { level: 'warning', below: 6, source: 'Directive 2006/44/EC (freshwater fish), Annex I: pH 6–9' },
      { level: 'warning', atLeast: 9, source: 'Directive 2006/44/EC (freshwater fish), Annex I: pH 6–9' },
    ],
    decimals: 2,
  },
  {
    id: 'air_temperature',
    label: { de: 'Lufttemperatur', en: 'Air temperature' },
    unit: '°C',
    acceptedUnits: { '°C': same, degC: same, C: same, K: (kelvin) => kelvin - 273.15 },
    plausibleRange: { min: -40, max: 50 },
    thresholds: [
      {
        level: 'warning',
        atLeast: 30,
        source: 'Deutscher Wetterdienst: a "heißer Tag" has a maximum of 30 °C or more',
      },
    ],
    decimals: 1,
  },
  {
    id: 'relative_humidity',
    label: { de: 'Relative Luftfeuchte', en: 'Relative humidity' },
    unit: '%',
    acceptedUnits: { '%': same },
    plausibleRange: { min: 0, max: 100 },
    thresholds: [],
    decimals: 0,
  },
  {
    id: 'air_pressure',
    label: { de: 'Luftdruck', en: 'Air pressure' },
    unit: 'hPa',
    acceptedUnits: { hPa: same, mbar: same, Pa: (pascal) => pascal / 100, kPa: (kilo) => kilo * 10 },
    plausibleRange: { min: 850, max: 1100 },
    thresholds: [],
    decimals: 0,
  },
  {
    id: 'pm10',
    label: { de: 'Feinstaub PM10', en: 'Particulate matter PM10' },
    unit: 'µg/m³',
    acceptedUnits: { 'µg/m³': same, 'µg/m3': same, 'ug/m3': same, 'ug/m³': same },
    plausibleRange: { min: 0, max: 2000 },
    thresholds: [
      { level: 'alert', atLeast: 50, source: `${EU_AIR_QUALITY_2008}: 50 µg/m³ as a daily mean` },
      { level: 'warning', atLeast: 45, source: `${WHO_2021}: 45 µg/m³` },
    ],
    decimals: 0,
  },
  {
    id: 'pm2_5',
    label: { de: 'Feinstaub PM2,5', en: 'Particulate matter PM2.5' },
    unit: 'µg/m³',
    acceptedUnits: { 'µg/m³': same, 'µg/m3': same, 'ug/m3': same, 'ug/m³': same },
    plausibleRange: { min: 0, max: 2000 },
    thresholds: [
      { level: 'alert', atLeast: 25, source: `${EU_AIR_QUALITY_2024}: 25 µg/m³ as a daily mean` },
      { level: 'warning', atLeast: 15, source: `${WHO_2021}: 15 µg/m³` },
    ],
    decimals: 0,
  },
  {
    id: 'no2',
    label: { de: 'Stickstoffdioxid', en: 'Nitrogen dioxide' },
    unit: 'µg/m³',
    acceptedUnits: { 'µg/m³': same, 'µg/m3': same, 'ug/m3': same, 'ug/m³': same },
    plausibleRange: { min: 0, max: 1000 },
    thresholds: [
      { level: 'alert', atLeast: 200, source: `${EU_AIR_QUALITY_2008}: 200 µg/m³ as a one-hour mean` },
      { level: 'warning', atLeast: 50, source: `${EU_AIR_QUALITY_2024}: 50 µg/m³ as a daily mean` },
    ],
    decimals: 0,
  },
  {
    id: 'o3',
    label: { de: 'Ozon', en: 'Ozone' },
    unit: 'µg/m³',
    acceptedUnits: { 'µg/m³': same, 'µg/m3': same, 'ug/m3': same, 'ug/m³': same },
    plausibleRange: { min: 0, max: 1000 },
    thresholds: [
      {
        level: 'alert',
        atLeast: 180,
        source: `${EU_AIR_QUALITY_2008}, Annex XII: information threshold 180 µg/m³ (one-hour mean)`,
      },
      {
        level: 'warning',
        atLeast: 120,
        source: `${EU_AIR_QUALITY_2008}, Annex VII: target 120 µg/m³ (8-hour mean)`,
      },
    ],
    decimals: 0,
  },
  {
    id: 'illuminance',
    label: { de: 'Beleuchtungsstärke', en: 'Illuminance' },
    unit: 'lx',
    acceptedUnits: { lx: same, lux: same },
    plausibleRange: { min: 0, max: 200_000 },
    thresholds: [],
    decimals: 0,
  },
  {
    id: 'uv_intensity',
    label: { de: 'UV-Intensität', en: 'UV intensity' },
    unit: 'µW/cm²',
    acceptedUnits: { 'µW/cm²': same, 'μW/cm²': same, 'uW/cm2': same, 'µW/cm2': same },
    plausibleRange: { min: 0, max: 20_000 },
    thresholds: [],
    decimals: 0,
  },
  {
    id: 'parking_free',
    label: { de: 'Freie Stellplätze', en: 'Free parking spaces' },
    unit: 'spaces',
    acceptedUnits: { spaces: same, count: same, '': same },
    plausibleRange: { min: 0, max: 10_000 },
    thresholds: [
      { level: 'alert', below: 1, source: 'Stadt Münster Parkleitsystem: "besetzt" when no space is left' },
      {
        level: 'warning',
        below: 20,
        source: 'Parkleitsystem signs count down the last spaces; 20 chosen here',
      },
    ],
    decimals: 0,
  },
  {
    id: 'bike_count',
    label: { de: 'Radfahrende', en: 'Cyclists' },
    unit: 'bicycles',
    acceptedUnits: { bicycles: same, count: same, '': same },
    plausibleRange: { min: 0, max: 5_000 },
    thresholds: [],
    decimals: 0,
  },
  {
    id: 'light_level',
    label: { de: 'Lichtstärke', en: 'Light level' },
    unit: '%',
    acceptedUnits: { '%': same },
    plausibleRange: { min: 0, max: 100 },
    thresholds: [],
    decimals: 0,
  },
  {
    id: 'signal_state',
    label: { de: 'Signalphase', en: 'Signal phase' },
    unit: 'state',
    acceptedUnits: { state: same, '': same },
    plausibleRange: { min: 0, max: 9 },
    thresholds: [],
    decimals: 0,
  },
];

export const PHENOMENA: ReadonlyMap<PhenomenonId, PhenomenonDefinition> = new Map(
  definitions.map((definition) => [definition.id, definition]),
);

export const PHENOMENON_IDS: readonly PhenomenonId[] = definitions.map((definition) => definition.id);

export function isPhenomenonId(text: string): text is PhenomenonId {
  return PHENOMENA.has(text as PhenomenonId);
}

export function phenomenonDefinition(id: PhenomenonId): PhenomenonDefinition {
  const definition = PHENOMENA.get(id);
  if (!definition) throw new Error(`unknown phenomenon ${id}`);
  return definition;
}

/**
 * SPaT `MovementPhaseState` (ETSI TS 103 301 / SAE J2735) codes, which `signal_state` observations carry as
 * their value; the `state` text is the colour a cyclist sees.
 */
export const SIGNAL_PHASE_STATES: Readonly<Record<number, 'dark' | 'red' | 'red-amber' | 'green' | 'amber'>> =
  {
    0: 'dark', // unavailable
    1: 'dark', // dark
    2: 'red', // stop-Then-Proceed (flashing red)
    3: 'red', // stop-And-Remain
    4: 'red-amber', // pre-Movement
    5: 'green', // permissive-Movement-Allowed
    6: 'green', // protected-Movement-Allowed
    7: 'amber', // permissive-clearance
    8: 'amber', // protected-clearance
    9: 'amber', // caution-Conflicting-Traffic (flashing amber)
  };
