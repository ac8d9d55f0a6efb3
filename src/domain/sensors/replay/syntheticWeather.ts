/**
 * One synthetic late-summer week of Münster weather that the buoy and the senseBoxes share: a daily temperature
 * cycle between each day's minimum (just before sunrise) and maximum (mid-afternoon), a hot spell on Wednesday and
 * Thursday, slowly wandering air pressure, and humidity from a dew point that changes little over the day.
 */
import { daylightShare } from './daylight';
import { clamp, localClock, seriesRandom, type RecordedWeek } from './generatorTools';

export interface SyntheticWeather {
  /** Air temperature in °C at an instant. */
  airTemperature(time: number): number;
  /** Mean air temperature of the 24 hours before an instant, °C (what a lake's surface follows). */
  airTemperatureDayMean(time: number): number;
  /** Sea-level air pressure, hPa. */
  airPressure(time: number): number;
  /** Relative humidity, %. */
  relativeHumidity(time: number): number;
  /** 0 at night, up to 1 at solar noon. */
  daylight(time: number): number;
}

const MUENSTER = { latitude: 51.962, longitude: 7.626 };
const HOUR_MS = 3_600_000;

export function createSyntheticWeather(week: RecordedWeek, seed: number): SyntheticWeather {
  const random = seriesRandom(seed, 1);
  // Days −1 … 7, so the curve is defined a little before and after the week. Wednesday and Thursday are hot.
  const days = Array.from({ length: 9 }, (_, index) => {
    const weekday = index - 1;
    const hot = weekday === 2 || weekday === 3;
    return {
      minimum: random.between(12.5, 15.5) + (hot ? 3 : 0),
      maximum: random.between(22, 26) + (hot ? random.between(5.5, 7) : 0),
      dewPoint: random.between(10, 13.5) + (hot ? 2.5 : 0),
    };
  });
  const pressurePhase = random.between(0, 2 * Math.PI);
  const pressureWobble = random.between(0, 2 * Math.PI);

  const dayIndex = (time: number) =>
    clamp(Math.floor((time - week.start) / 86_400_000) + 1, 0, days.length - 1);

  const airTemperature = (time: number) => {
    const { hour } = localClock(time);
    const today = days[dayIndex(time)]!;
    const tomorrow = days[Math.min(days.length - 1, dayIndex(time) + 1)]!;
    const yesterday = days[Math.max(0, dayIndex(time) - 1)]!;
    if (hour < 5.5) {
      // Cooling through the night from yesterday's evening towards today's minimum.
      const share = (hour + 24 - 15.5) / 14;
      return yesterday.maximum + (today.minimum - yesterday.maximum) * (1 - Math.cos(Math.PI * share)) * 0.5;
    }
    if (hour < 15.5) {
      const share = (hour - 5.5) / 10;
      return today.minimum + (today.maximum - today.minimum) * (1 - Math.cos(Math.PI * share)) * 0.5;
    }
    const share = (hour - 15.5) / 14;
    return today.maximum + (tomorrow.minimum - today.maximum) * (1 - Math.cos(Math.PI * share)) * 0.5;
  };

  const airTemperatureDayMean = (time: number) => {
    let sum = 0;
    for (let hours = 0; hours < 24; hours += 1) sum += airTemperature(time - hours * HOUR_MS);
    return sum / 24;
  };

  const airPressure = (time: number) => {
    const elapsedDays = (time - week.start) / 86_400_000;
    return (
      1014 +
      7 * Math.sin((2 * Math.PI * elapsedDays) / 6 + pressurePhase) +
      1.5 * Math.sin((2 * Math.PI * elapsedDays) / 1.7 + pressureWobble)
    );
  };

  const relativeHumidity = (time: number) => {
    const temperature = airTemperature(time);
    const dewPoint = Math.min(temperature - 0.3, days[dayIndex(time)]!.dewPoint);
    const saturation = (celsius: number) => Math.exp((17.62 * celsius) / (243.12 + celsius));
    return clamp((100 * saturation(dewPoint)) / saturation(temperature), 20, 100);
  };

  return {
    airTemperature,
    airTemperatureDayMean,
    airPressure,
    relativeHumidity,
    daylight: (time) => daylightShare(time, MUENSTER.latitude, MUENSTER.longitude),
  };
}
