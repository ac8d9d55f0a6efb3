import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatKeyFigureDifference } from './formatKeyFigureDifference';

// The German strings the function asks for; other keys are not expected.
const t = ((key: string, options?: { value?: string }) => {
  if (key === 'scenarioCompare.percentagePoints') return `${options?.value} Prozentpunkte`;
  if (key === 'scenarios.undefinedValue') return '–';
  throw new Error(`unexpected key ${key}`);
}) as unknown as TFunction;

describe('formatKeyFigureDifference', () => {
  it('signs differences and keeps the figure’s unit', () => {
    expect(formatKeyFigureDifference(18, 'homes', 'de', t)).toBe('+18');
    expect(formatKeyFigureDifference(-2400, 'squareMeters', 'de', t)).toBe('−2.400 m²');
  });

  it('gives differences of shares in percentage points', () => {
    expect(formatKeyFigureDifference(0.034, 'share', 'de', t)).toBe('+3,4 Prozentpunkte');
  });

  it('shows a difference too small for the precision as none, and an undefined one as a dash', () => {
    expect(formatKeyFigureDifference(0.001, 'ratio', 'de', t)).toBe('±0');
    expect(formatKeyFigureDifference(null, 'spacesPerHome', 'de', t)).toBe('–');
  });
});
