import { describe, expect, it } from 'vitest';
import { CompactStringSet, Float64Column, hashOfText, Int32Column, StringColumn } from './compactColumns';

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

  it('orders strings where they are stored as `<` orders them: prefixes first, wide and narrow mixed', () => {
    const strings = new StringColumn();
    const texts = [
      'DENW10',
      'DENW1',
      'DENW2',
      'DENW1a',
      '',
      'Ärger',
      'Zoo',
      'Ω',
      'ÿ',
      'DENW1\ud800',
      '😀',
      'DENW1',
    ];
    for (const text of texts) strings.push(text);
    const sign = (value: number) => Math.sign(value);
    texts.forEach((a, indexA) =>
      texts.forEach((b, indexB) =>
        expect(sign(strings.compare(indexA, indexB))).toBe(a < b ? -1 : a > b ? 1 : 0),
      ),
    );
  });

  it('a CompactStringSet holds what a Set<string> holds, across growing its table', () => {
    const set = new CompactStringSet();
    const reference = new Set<string>();
    for (let index = 0; index < 5_000; index++) {
      const text = index % 3 === 0 ? `DENW${index % 700}` : `Ölweg ${index}\ud800`;
      expect(set.has(text)).toBe(reference.has(text));
      set.add(text);
      reference.add(text);
    }
    for (const text of reference) expect(set.has(text)).toBe(true);
    expect(set.has('DENW700')).toBe(false);
    expect(set.has('')).toBe(false);
  });
});
