import { describe, expect, it } from 'vitest';
import { variantIdFromTitle } from './savedVariants';

describe('variantIdFromTitle', () => {
  it('makes a readable id and avoids taken ones', () => {
    expect(variantIdFromTitle('Workshop 1', new Set())).toBe('workshop-1');
    expect(variantIdFromTitle('Grüne Höfe – Straße', new Set())).toBe('gruene-hoefe-strasse');
    expect(variantIdFromTitle('Workshop 1', new Set(['workshop-1', 'workshop-1-2']))).toBe('workshop-1-3');
    expect(variantIdFromTitle('!!!', new Set())).toBe('variante');
  });
});
