/**
 * A dozen senseBoxes every 5 minutes (each at its own second, as real boxes drift). Temperature is the shared
 * weather plus each spot's heat island (stronger at night); humidity follows from the day's dew point at that
 * temperature; pressure is station pressure at Münster's ~60 m. Particulate matter is a regional background,
 * plus road traffic with weekday rush hours (less on Saturday, least on Sunday), raised at night when the air
 * near the ground is still; one regional episode from Friday night into Saturday morning pushes PM10 past
 * 50 µg/m³ and PM2.5 past 25 µg/m³ almost everywhere, and barbecues on warm evenings give short local peaks.
 */
import type { PhenomenonId } from '../phenomena';
import type { OpenSenseMapMeasurement } from '../formats/openSenseMap/writeOpenSenseMap';
import { SENSE_BOX_PHENOMENA, SENSE_BOX_PLANS, type SenseBoxPlan } from './defaultSensorPlan';
import {
  bump,
  clamp,
  createDrift,
  localClock,
  seriesRandom,
  stepsOf,
  type RecordedWeek,
} from './generatorTools';
import type { SyntheticWeather } from './syntheticWeather';

export type SenseBoxSeries = Record<PhenomenonId, OpenSenseMapMeasurement[]>;

const MUENSTER_ALTITUDE_METERS = 60;

/** Traffic on the roads near a box, 0…~1.3: rush hours on weekdays, a broad hump at weekends. */
function trafficIntensity(time: number): number {
  const { weekday, hour } = localClock(time);
  const daytime = hour >= 6 && hour < 21 ? 0.35 : 0.08;
  if (weekday >= 5) return (weekday === 5 ? 0.65 : 0.4) * (daytime + 0.6 * bump(hour, 14, 6));
  return daytime + bump(hour, 8, 2.5) + 0.9 * bump(hour, 17.5, 3);
}

/** The regional particulate episode: Friday 17:00 to Saturday 11:00, peaking Saturday 02:00 (0…1). */
export function particulateEpisode(time: number): number {
  const { weekday, hour } = localClock(time);
  if (weekday === 4) return bump(hour - 24, 2, 9);
  return weekday === 5 ? bump(hour, 2, 9) : 0;
}

/** Still air near the ground at night keeps particles in: 1 by day, up to 1.35 before dawn. */
const inversion = (hour: number) => 1 + 0.35 * Math.max(bump(hour, 3, 5), bump(hour - 24, 3, 5));

export function generateSenseBoxSeries(
  week: RecordedWeek,
  weather: SyntheticWeather,
  seed: number,
): SenseBoxSeries[] {
  return SENSE_BOX_PLANS.map((plan, index) => generateOneBox(plan, index, week, weather, seed));
}

function generateOneBox(
  plan: SenseBoxPlan,
  index: number,
  week: RecordedWeek,
  weather: SyntheticWeather,
  seed: number,
): SenseBoxSeries {
  const random = seriesRandom(seed, 100 + index);
  const offsetMs = random.integer(0, 299) * 1000;
  const temperatureDrift = createDrift(random, 0.35);
  const particleDrift = createDrift(random, 0.18, 0.985);
  const barbecues = new Map<number, { centreHour: number; strength: number }>();
  for (const weekday of [2, 3, 5])
    if (random.chance(0.35))
      barbecues.set(weekday, { centreHour: random.between(18.5, 21.5), strength: random.between(25, 45) });

  const series = Object.fromEntries(
    SENSE_BOX_PHENOMENA.map((phenomenon) => [phenomenon, []]),
  ) as unknown as SenseBoxSeries;
  const push = (phenomenon: PhenomenonId, time: number, value: number) =>
    series[phenomenon].push({ createdAt: time, value: value.toFixed(2) });

  for (const time of stepsOf(week, 5 * 60_000, offsetMs)) {
    const { weekday, hour } = localClock(time);
    const night = weather.daylight(time) === 0 ? 1 : 0.5;
    const regional = weather.airTemperature(time);
    const temperature =
      regional + plan.heatIslandKelvin * night + temperatureDrift() + random.gaussian(0, 0.05);
    const saturation = (celsius: number) => Math.exp((17.62 * celsius) / (243.12 + celsius));
    const humidity = clamp(
      (weather.relativeHumidity(time) * saturation(regional)) / saturation(temperature) +
        random.gaussian(0, 0.6),
      15,
      100,
    );
    const pressure =
      weather.airPressure(time) -
      (MUENSTER_ALTITUDE_METERS + plan.heightMeters) / 8.3 +
      random.gaussian(0, 0.05);

    const episode = particulateEpisode(time);
    const background =
      9 + 3 * Math.sin((2 * Math.PI * (time - week.start)) / (3.1 * 86_400_000)) + 38 * episode;
    const local = 14 * plan.trafficExposure * trafficIntensity(time);
    const barbecue = barbecues.get(weekday);
    const smoke = barbecue ? barbecue.strength * bump(hour, barbecue.centreHour, 0.4) : 0;
    const pm10 = Math.max(
      1,
      (background + local) * inversion(hour) * Math.exp(particleDrift()) + smoke + random.gaussian(0, 0.8),
    );
    const ratio = 0.55 + 0.2 * episode + 0.2 * (smoke > 1 ? 1 : 0);
    const pm25 = Math.max(0.5, pm10 * ratio + random.gaussian(0, 0.4));

    push('air_temperature', time, temperature);
    push('relative_humidity', time, humidity);
    push('air_pressure', time, pressure);
    push('pm10', time, pm10);
    push('pm2_5', time, pm25);
  }
  return series;
}
