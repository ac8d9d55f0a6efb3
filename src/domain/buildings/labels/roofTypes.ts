/**
 * Labels for `bldg:roofType` codes. Source: the AdV CityGML profile's code list RoofTypeTypeAdV
 * (https://repository.gdi-de.org/schemas/adv/citygml/Codelisten/RoofTypeTypeAdV.xml), whose values are ALKIS'
 * AX_Dachform; English after the AdV's own translation (RoofTypeTypeAdV-trans.xml), "copula" read as dome.
 */

/** A label in both languages the twin speaks. */
export interface RoofTypeLabel {
  de: string;
  en: string;
}

/** Every roof type code of the AdV profile. */
export const ROOF_TYPE_LABELS: Readonly<Record<string, RoofTypeLabel>> = {
  '1000': { de: 'Flachdach', en: 'flat roof' },
  '2100': { de: 'Pultdach', en: 'pent roof' },
  '2200': { de: 'Versetztes Pultdach', en: 'offset pent roof' },
  '3100': { de: 'Satteldach', en: 'gabled roof' },
  '3200': { de: 'Walmdach', en: 'hipped roof' },
  '3300': { de: 'Krüppelwalmdach', en: 'half-hipped roof' },
  '3400': { de: 'Mansardendach', en: 'mansard roof' },
  '3500': { de: 'Zeltdach', en: 'tented roof' },
  '3600': { de: 'Kegeldach', en: 'cone roof' },
  '3700': { de: 'Kuppeldach', en: 'dome roof' },
  '3800': { de: 'Sheddach', en: 'sawtooth roof' },
  '3900': { de: 'Bogendach', en: 'arch roof' },
  '4000': { de: 'Turmdach', en: 'pyramidal broach roof' },
  '5000': { de: 'Mischform', en: 'combination of roof forms' },
  '9999': { de: 'Sonstiges', en: 'other' },
};

/** The label of a roof type code such as `3100`; undefined for a code outside the list. */
export function roofTypeLabel(code: string): RoofTypeLabel | undefined {
  return Object.hasOwn(ROOF_TYPE_LABELS, code) ? ROOF_TYPE_LABELS[code] : undefined;
}
