import { describe, expect, it } from 'vitest';
import { Float64Column, hashOfText, Int32Column, StringColumn } from './compactColumns';

describe('compact columns', () => {
  it('give back every number and string across many blocks', () => {
    const numbers = new Float64Column();
    const integers = new Int32Column();
    const strings = new StringColumn();
    const texts = Array.from({ length: 30_000 }, (_, index) => `DENW36AL${String(index).padStart(8, '0')}`);
    texts.forEach((text, index) => {
      numbers.push(index + 0.25);
      integers.push(-index);
      strings.push(text);
    });
    expect(numbers.length).toBe(30_000);
    expect([numbers.get(0), numbers.get(8191), numbers.get(8192), numbers.get(29_999)]).toEqual([
      0.25, 8191.25, 8192.25, 29_999.25,
    ]);
    expect([integers.get(16_383), integers.get(16_384)]).toEqual([-16_383, -16_384]);
    expect(strings.length).toBe(30_000);
    expect(texts.every((text, index) => strings.get(index) === text)).toBe(true);
  });

  it('keeps any string exactly: umlauts, other scripts, emoji, lone surrogates, long and empty ones', () => {
    const strings = new StringColumn();
    const texts = [
      'Königsstraße 4a',
      'Мюнстер',
      '😀 Domplatz',
      'broken \ud800 surrogate',
      '',
      'x'.repeat(100_000),
      'ß',
    ];
    for (const text of texts) strings.push(text);
    texts.forEach((text, index) => {
      expect(strings.get(index)).toBe(text);
      expect(strings.equals(index, text)).toBe(true);
      expect(strings.hashAt(index)).toBe(hashOfText(text));
    });
    expect(strings.equals(0, 'Königsstraße 4b')).toBe(false);
    expect(strings.equals(1, 'Мюнстер!')).toBe(false);
  });
});
