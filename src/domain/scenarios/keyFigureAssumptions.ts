/**
 * The numbers the key figures rest on, each with its source, so the UI can show where a figure comes from.
 * They are defaults: every key-figure function takes its own assumptions.
 */

/** Parameters of the key figures that are not in the scenario document. */
export interface KeyFigureAssumptions {
  /** Gross floor area (BGF) of housing per home, in square metres. */
  grossFloorAreaPerHomeSquareMeters: number;
  /** Persons living in one home, on average. */
  personsPerHome: number;
}

/**
 * 100 m² gross floor area per home: an average new home of about 75 m² living area divided by a living area of
 * about 0.75 per m² of gross floor area in multi-family houses (order of magnitude as in W. Kalusche, "Wie groß
 * ist die Wohnfläche von Mehrfamilienhäusern?", Deutsches Architektenblatt, from BKI planning figures of more
 * than 220 multi-family houses, which puts 80 % at the upper end). Germany's average home is larger, 92.2 m²
 * (Destatis, housing stock at the end of 2022), but includes single-family houses. Confidence: medium.
 */
export const GROSS_FLOOR_AREA_PER_HOME_SQUARE_METERS = 100;

export const GROSS_FLOOR_AREA_PER_HOME_SOURCE =
  'Assumption: about 75 m² living area per new home ÷ about 0.75 living area per m² gross floor area in ' +
  'multi-family houses (order of magnitude from W. Kalusche, Deutsches Architektenblatt, BKI figures of over ' +
  '220 multi-family houses); confidence medium';

/**
 * 1.8 persons per household in Münster (Stadt Münster, Statistikdienststelle: 168,800 households at the end of
 * 2017, 1.8 persons on average; the same value 2011–2017). KonvOY's own figures for the quarters are higher
 * (York: about 6,000 residents in about 1,800 homes, 3.3 per home), as new quarters draw families; pass
 * `personsPerHome` to compare. Confidence: high for the city average, low as a forecast for a new quarter.
 */
export const PERSONS_PER_HOME_MUENSTER = 1.8;

export const PERSONS_PER_HOME_SOURCE =
  'Stadt Münster, household statistics 2017: 1.8 persons per household (city average; KonvOY expects more ' +
  'in the new quarters: about 6,000 residents in about 1,800 homes in York)';

/** About 3,000 homes on the York (about 1,800) and Oxford (about 1,200) sites together. */
export const CITY_TARGET_HOMES = 3000;

export const CITY_TARGET_HOMES_SOURCE =
  'KonvOY GmbH / Stadt Münster: about 1,800 homes in the York quarter and about 1,200 in the Oxford quarter';

/** The defaults used when a caller passes no assumptions. */
export const DEFAULT_KEY_FIGURE_ASSUMPTIONS: Readonly<KeyFigureAssumptions> = Object.freeze({
  grossFloorAreaPerHomeSquareMeters: GROSS_FLOOR_AREA_PER_HOME_SQUARE_METERS,
  personsPerHome: PERSONS_PER_HOME_MUENSTER,
});
