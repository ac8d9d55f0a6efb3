/** Heat-loss classes 1–5 and the rules that assign them; README.md explains the reasoning. */

export type HeatLossClass = 1 | 2 | 3 | 4 | 5;

/** The classes' names as the 2021 Münster letters used them, and in English. */
export const HEAT_LOSS_CLASS_LABELS: Record<HeatLossClass, { de: string; en: string }> = {
  1: { de: 'sehr gering', en: 'very low' },
  2: { de: 'gering', en: 'low' },
  3: { de: 'mittel', en: 'medium' },
  4: { de: 'hoch', en: 'high' },
  5: { de: 'sehr hoch', en: 'very high' },
};

export const NO_DATA_LABEL = { de: 'keine Daten', en: 'no data' } as const;

/** The rules of the classification, all in kelvin or as shares; the defaults are explained in README.md. */
export interface ClassificationSettings {
  /** Air temperature of the flight night, °C (the weather station's value at flight time). */
  airTemperatureCelsius: number;
  /** Roofs whose centres are this close form a roof's neighbourhood. */
  neighbourhoodRadiusMeters: number;
  /** Fewer neighbours than this: the median of all roofs of the flight is the reference instead. */
  minNeighbours: number;
  /** At most this many nearest neighbours make the reference (dense blocks would otherwise bring hundreds). */
  maxNeighbours: number;
  /** A roof pixel counts as warm when it is this much warmer than the neighbourhood's typical roof… */
  warmExcessKelvin: number;
  /** …but the bar never drops below air temperature minus this (colder surfaces are radiating to the sky)… */
  radiativeCoolingKelvin: number;
  /** …nor rises above air temperature minus this (warmer surfaces on a clear night are heated from inside). */
  heatedSurfaceKelvin: number;
  /** Warm-area shares at which classes 2, 3, 4 and 5 begin. */
  classLowerBounds: readonly [number, number, number, number];
}

export const DEFAULT_CLASSIFICATION_SETTINGS: Omit<ClassificationSettings, 'airTemperatureCelsius'> = {
  neighbourhoodRadiusMeters: 150,
  minNeighbours: 5,
  maxNeighbours: 50,
  warmExcessKelvin: 1.5,
  radiativeCoolingKelvin: 4.5,
  heatedSurfaceKelvin: 1,
  classLowerBounds: [0.05, 0.15, 0.35, 0.6],
};

/**
 * The temperature above which a roof pixel counts as warm: the neighbourhood reference plus the excess, held
 * between (air − radiative cooling) and (air − heated surface).
 */
export function computeWarmThresholdCelsius(
  referenceCelsius: number,
  settings: Pick<
    ClassificationSettings,
    'airTemperatureCelsius' | 'warmExcessKelvin' | 'radiativeCoolingKelvin' | 'heatedSurfaceKelvin'
  >,
): number {
  const air = settings.airTemperatureCelsius;
  const relative = referenceCelsius + settings.warmExcessKelvin;
  return Math.min(
    Math.max(relative, air - settings.radiativeCoolingKelvin),
    air - settings.heatedSurfaceKelvin,
  );
}

/** The class for a share (0–1) of warm roof area: 1 below the first bound, 5 from the last one on. */
export function computeHeatLossClass(
  warmAreaShare: number,
  classLowerBounds: ClassificationSettings['classLowerBounds'] = DEFAULT_CLASSIFICATION_SETTINGS.classLowerBounds,
): HeatLossClass {
  let heatLossClass = 1;
  for (const bound of classLowerBounds) if (warmAreaShare >= bound) heatLossClass++;
  return heatLossClass as HeatLossClass;
}
