import type { TFunction } from 'i18next';
import type { KeyFigureUnit } from '../../domain/scenarios/keyFigureTypes';
import type { Language } from '../../domain/view/viewState';

/** A key figure's value with its unit in the UI language: shares as per cent, areas in m² or ha. */
export function formatKeyFigure(
  value: number | null,
  unit: KeyFigureUnit,
  language: Language,
  t: TFunction,
): string {
  if (value === null) return t('scenarios.undefinedValue');
  const number = (digits: number) => value.toLocaleString(language, { maximumFractionDigits: digits });
  switch (unit) {
    case 'share':
      return `${(value * 100).toLocaleString(language, { maximumFractionDigits: 0 })} %`;
    case 'ratio':
      return number(2);
    case 'squareMeters':
      return value >= 100_000
        ? `${(value / 10_000).toLocaleString(language, { maximumFractionDigits: 1 })} ha`
        : `${number(0)} m²`;
    case 'spacesPerHome':
    case 'personsPerHome':
      return number(2);
    case 'squareMetersPerHome':
      return `${number(0)} m²`;
    default:
      return number(0);
  }
}
