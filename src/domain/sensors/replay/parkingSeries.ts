/**
 * The car parks every 5 minutes, one CSV per day as the city's feed is kept. Shoppers fill the central garages
 * from mid-morning to early evening, on Saturday afternoons until they report `bes` (full); commuters fill the
 * garages by the clinics, the city offices and the station on weekdays; the Halle Münsterland fills for a Friday
 * evening event and a Saturday fair; the cinema's in the evening. Some close at night (`ges`), as their real
 * counterparts do, and the coach park reports no data (`kei`), as it does in the real feed.
 */
import { formatBerlinMinute } from '../formats/berlinTime';
import type { ParkingCell, ParkingCsvContent } from '../formats/parking/writeParkingCsv';
import { CAR_PARK_PLANS, type CarParkPlan } from './defaultSensorPlan';
import {
  bump,
  clamp,
  createDrift,
  localClock,
  seriesRandom,
  smoothStep,
  stepsOf,
  type RecordedWeek,
} from './generatorTools';

/** Rises between the first two hours, falls between the last two. */
const plateau = (hour: number, riseFrom: number, riseTo: number, fallFrom: number, fallTo: number) =>
  smoothStep(hour, riseFrom, riseTo) * (1 - smoothStep(hour, fallFrom, fallTo));

/** The share of spaces taken that a car park of a profile aims at, by weekday (0 = Monday) and hour. */
export function targetOccupancy(profile: CarParkPlan['profile'], weekday: number, hour: number): number {
  const saturday = weekday === 5;
  const sunday = weekday === 6;
  switch (profile) {
    case 'shopping':
    case 'central-shopping': {
      const central = profile === 'central-shopping';
      if (sunday) return 0.08 + 0.22 * bump(hour, 15, 5);
      if (saturday) return 0.1 + (central ? 0.98 : 0.82) * plateau(hour, 9, 12, 17.5, 20.5);
      return 0.12 + (central ? 0.62 : 0.55) * plateau(hour, 9, 12, 18, 20.5) + 0.08 * bump(hour, 13, 1.5);
    }
    case 'commuter':
      if (sunday) return 0.1 + 0.1 * bump(hour, 14, 5);
      if (saturday) return 0.1 + 0.3 * plateau(hour, 9, 11, 15, 18);
      return 0.08 + 0.8 * plateau(hour, 6.5, 9, 15.5, 18.5);
    case 'event':
      if (weekday === 4) return 0.05 + 0.94 * plateau(hour, 17, 19, 22.5, 24);
      if (saturday) return 0.05 + 0.6 * plateau(hour, 9, 11, 16, 18.5);
      return 0.05 + 0.08 * plateau(hour, 8, 10, 16, 18);
    case 'cinema':
      return (
        0.06 +
        (weekday >= 4 ? 0.85 : 0.6) * bump(hour, 20.5, 3.5) +
        (weekday >= 5 ? 0.3 * bump(hour, 15, 3) : 0)
      );
    case 'square':
      if (sunday) return 0.08 + 0.25 * bump(hour, 15, 5);
      if (saturday) return 0.1 + 0.65 * plateau(hour, 8, 10.5, 15, 18);
      return 0.1 + 0.76 * plateau(hour, 7.5, 10, 17, 19.5);
    case 'no-data':
      return 0;
  }
}

function isClosed(plan: CarParkPlan, weekday: number, hour: number): boolean {
  if (!plan.closed) return false;
  if (plan.closed.sunday && weekday === 6) return true;
  const { from, to } = plan.closed;
  return from < to ? hour >= from && hour < to : hour >= from || hour < to;
}

/** One ParkingCsvContent per local day of the week, in order. */
export function generateParkingDays(
  week: RecordedWeek,
  seed: number,
): { day: string; content: ParkingCsvContent }[] {
  const parks = CAR_PARK_PLANS.map((plan, index) => {
    const random = seriesRandom(seed, 200 + index);
    return {
      plan,
      drift: createDrift(random, 0.04, 0.95),
      dayFactors: Array.from({ length: 8 }, () => random.between(0.9, 1.05)),
    };
  });
  const days = new Map<string, ParkingCsvContent['rows'][number][]>();
  for (const time of stepsOf(week, 5 * 60_000)) {
    const { weekday, hour } = localClock(time);
    const cells: ParkingCell[] = parks.map(({ plan, drift, dayFactors }) => {
      const noise = drift();
      if (plan.profile === 'no-data') return 'kei';
      if (isClosed(plan, weekday, hour)) return 'ges';
      const occupancy = clamp(
        targetOccupancy(plan.profile, weekday, hour) * dayFactors[weekday]! + noise,
        0,
        1.1,
      );
      if (occupancy >= 0.995) return 'bes';
      return Math.round(plan.capacity * (1 - occupancy));
    });
    const day = formatBerlinMinute(time).slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), { time, cells }]);
  }
  const carParks = CAR_PARK_PLANS.map((plan) => ({ name: plan.name, capacity: plan.capacity }));
  return [...days].map(([day, rows]) => ({ day, content: { carParks, rows } }));
}
