import type { TFunction } from 'i18next';
import type { KeyFigureUnit } from '../../domain/scenarios/keyFigureTypes';
import type { Language } from '../../domain/view/viewState';
import { formatKeyFigure } from './formatKeyFigure';

/**
 * A difference between two variants' figures, signed (`+18`, `−1.200 m²`, `±0`); a difference of shares is
 * given in percentage points, not per cent.
 */
export function formatKeyFigureDifference(
  difference: number | null,
  unit: KeyFigureUnit,
  language: Language,
  t: TFunction,
): string {
  if (difference === null) return t('scenarios.undefinedValue');
  const magnitude = Math.abs(difference);
  const text =
    unit === 'share'
      ? t('scenarioCompare.percentagePoints', {
          value: (magnitude * 100).toLocaleString(language, { maximumFractionDigits: 1 }),
        })
      : formatKeyFigure(magnitude, unit, language, t);
  // Differences too small to show at the figure's precision count as none.
  if (!/[1-9]/.test(text)) return `±${text}`;
  return `${difference > 0 ? '+' : '−'}${text}`;
}
