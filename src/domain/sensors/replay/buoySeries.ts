/**
 * The Aasee buoy every 15 minutes. Water temperature follows the air's daily mean with a small afternoon
 * bump. Dissolved oxygen follows saturation at that temperature, pushed above it by algae in the afternoon sun
 * and below it by respiration before dawn; after the hot Wednesday a calm, warm night lets it fall to about
 * 3 mg/L on Thursday morning (below the 4 mg/L at which fish suffocate), recovering by midday, the pattern of the
 * August 2018 die-off in a milder form. pH rises with photosynthesis and sinks with respiration.
 */
import { bump, clamp, localClock, seriesRandom, stepsOf, type RecordedWeek } from './generatorTools';
import type { SyntheticWeather } from './syntheticWeather';

/** Readings by datahub variable name (a type alias, so it fits the writer's record of variables). */
export type BuoySeries = Record<
  'water_temperature' | 'dissolved_oxygen' | 'pH',
  { time: number; value: number }[]
>;

/** Oxygen saturation of fresh water at sea-level pressure, mg/L (APHA polynomial, 0–40 °C). */
export function oxygenSaturation(celsius: number): number {
  return 14.62 - 0.3898 * celsius + 0.006969 * celsius ** 2 - 0.00005897 * celsius ** 3;
}

/** Thursday (weekday 3) before dawn until late morning: how deep the low-oxygen episode is, 0…1. */
export function lowOxygenEpisode(time: number): number {
  const { weekday, hour } = localClock(time);
  if (weekday === 2 && hour >= 22) return bump(hour - 24, 5.5, 8);
  return weekday === 3 ? bump(hour, 5.5, 8) : 0;
}

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

export function generateBuoySeries(week: RecordedWeek, weather: SyntheticWeather, seed: number): BuoySeries {
  const random = seriesRandom(seed, 10);
  const series: BuoySeries = { water_temperature: [], dissolved_oxygen: [], pH: [] };
  for (const time of stepsOf(week, 15 * 60_000)) {
    const { hour } = localClock(time);
    const afternoon = bump(hour, 17, 9);
    const water =
      20.6 + 0.35 * (weather.airTemperatureDayMean(time) - 18) + 0.6 * afternoon + random.gaussian(0, 0.04);
    // Photosynthesis lags the sun by a few hours; respiration is strongest before dawn.
    const algae = weather.daylight(time - 2.5 * 3_600_000);
    const episode = lowOxygenEpisode(time);
    const saturationShare = 0.84 + 0.38 * algae - 0.5 * episode;
    const oxygen = clamp(oxygenSaturation(water) * saturationShare + random.gaussian(0, 0.08), 0.5, 20);
    const ph = 7.75 + 0.75 * algae - 0.35 * episode + random.gaussian(0, 0.02);
    series.water_temperature.push({ time, value: round(water, 2) });
    series.dissolved_oxygen.push({ time, value: round(oxygen, 2) });
    series.pH.push({ time, value: round(ph, 2) });
  }
  return series;
}
