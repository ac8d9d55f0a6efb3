import { describe, expect, it } from 'vitest';
import { formatArea, formatHeadline, formatLength } from './formatMeasurement';

describe('measurement formats', () => {
  it('writes lengths and areas as German and English readers expect', () => {
    expect(formatLength(12.345, 'de')).toBe('12,3 m');
    expect(formatLength(1250, 'en')).toBe('1.25 km');
    expect(formatArea(850.4, 'de')).toBe('850 m²');
    expect(formatArea(23_456, 'de')).toBe('2,35 ha');
  });

  it('headlines what the mode measures, once it can', () => {
    expect(formatHeadline('height', { heightDifferenceMeters: 25.5 }, 'de')).toBe('Δh 25,5 m');
    expect(formatHeadline('area', {}, 'de')).toBeUndefined();
  });
});
