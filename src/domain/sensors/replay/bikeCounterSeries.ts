/**
 * The Kanalpromenade counters every 15 minutes. On weekdays commuters make two peaks, into town around 07:45 and
 * out of town around 17:00, over a daytime plateau; at weekends a broad afternoon hump of leisure rides; a
 * warm evening brings more riders. Each direction is drawn from a Poisson distribution; the station total is
 * their sum, as the city's counters report it.
 */
import { BIKE_STATION_PLANS, type BikeStationPlan } from './defaultSensorPlan';
import { bump, localClock, seriesRandom, stepsOf, type RecordedWeek } from './generatorTools';
import type { SyntheticWeather } from './syntheticWeather';

export interface BikeCounterSeries {
  plan: BikeStationPlan;
  /** One row per 15 minutes: interval start and counts [total, inbound, outbound]. */
  rows: { start: number; counts: [total: number, inbound: number, outbound: number] }[];
}

/** Expected cyclists per quarter hour as a share of the weekday total, and the share riding into town. */
export function bikeDemand(weekday: number, hour: number): { share: number; inboundShare: number } {
  if (weekday >= 5) {
    const share = 0.0008 + 0.018 * bump(hour, 14.5, 7.5) + 0.002 * bump(hour, 22, 3);
    return { share: weekday === 5 ? share * 1.05 : share * 0.95, inboundShare: hour < 14 ? 0.55 : 0.45 };
  }
  const share =
    0.0003 +
    0.018 * bump(hour, 13, 8.5) +
    0.012 * bump(hour, 7.75, 1.5) +
    0.012 * bump(hour, 17, 2.5) +
    0.005 * bump(hour, 21, 3);
  const inboundShare = 0.5 + 0.22 * bump(hour, 7.75, 2) - 0.18 * bump(hour, 17, 3);
  return { share, inboundShare };
}

export function generateBikeCounterSeries(
  week: RecordedWeek,
  weather: SyntheticWeather,
  seed: number,
): BikeCounterSeries[] {
  return BIKE_STATION_PLANS.map((plan, index) => {
    const random = seriesRandom(seed, 300 + index);
    const rows = stepsOf(week, 15 * 60_000).map((start) => {
      const { weekday, hour } = localClock(start);
      const { share, inboundShare } = bikeDemand(weekday, hour);
      const warmEvening = hour >= 18 ? 1 + Math.max(0, weather.airTemperature(start) - 22) * 0.04 : 1;
      const expected = plan.weekdayTotal * share * warmEvening;
      const inbound = random.poisson(expected * inboundShare);
      const outbound = random.poisson(expected * (1 - inboundShare));
      return { start, counts: [inbound + outbound, inbound, outbound] as [number, number, number] };
    });
    return { plan, rows };
  });
}
