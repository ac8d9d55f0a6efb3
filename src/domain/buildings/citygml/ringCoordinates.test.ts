import { describe, expect, it } from 'vitest';
import { appendCoordinates, ringFromCoordinates } from './ringCoordinates';

describe('appendCoordinates', () => {
  it('splits on any XML whitespace and keeps signs and exponents', () => {
    const target: number[] = [];
    expect(appendCoordinates('  1.5\n-2\t3e2 \r\n 0.25 ', target)).toBe(4);
    expect(target).toEqual([1.5, -2, 300, 0.25]);
  });

  it('turns junk into NaN instead of reading a prefix of it', () => {
    const target: number[] = [];
    appendCoordinates('12abc 4', target);
    expect(target[0]).toBeNaN();
    expect(target[1]).toBe(4);
  });

  it('appends nothing for blank text', () => {
    expect(appendCoordinates(' \n ', [])).toBe(0);
  });
});

describe('ringFromCoordinates', () => {
  it('drops the closing point', () => {
    expect(ringFromCoordinates([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0])).toEqual({
      points: [
        [0, 0, 0],
        [1, 0, 0],
        [1, 1, 0],
      ],
    });
  });

  it('keeps an unclosed ring as it is', () => {
    expect(ringFromCoordinates([0, 0, 0, 1, 0, 0, 1, 1, 0])).toEqual({
      points: [
        [0, 0, 0],
        [1, 0, 0],
        [1, 1, 0],
      ],
    });
  });

  it('refuses fewer than three distinct points, even with many repeated ones', () => {
    expect(ringFromCoordinates([0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0])).toEqual({
      problem: 'degenerate-ring',
    });
  });

  it('refuses non-finite coordinates', () => {
    expect(ringFromCoordinates([0, 0, 0, 1, Infinity, 0, 1, 1, 0, 0, 0, 0])).toEqual({
      problem: 'non-finite-coordinates',
    });
  });
});

describe('appendCoordinates against Number', () => {
  it('gives exactly what Number gives for every kind of token', () => {
    const tokens = [
      '400389.132',
      '5757090.206',
      '-71.271',
      '+3.5',
      '0.1',
      '.5',
      '5.',
      '-0',
      '0.000000000000001',
      '123456789012345',
      '1234567890.123456789',
      '9007199254740993',
      '1e-7',
      '2.5E3',
      '-',
      '.',
      '1.2.3',
      'Infinity',
    ];
    const target: number[] = [];
    appendCoordinates(tokens.join(' '), target);
    expect(target).toEqual(tokens.map(Number));
  });

  it('matches Number on many random UTM-sized decimals', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const tokens = Array.from({ length: 5000 }, (_, index) =>
      ((random() - 0.2) * 10 ** (index % 8)).toFixed(index % 7),
    );
    const target: number[] = [];
    appendCoordinates(tokens.join('\n'), target);
    expect(target).toEqual(tokens.map(Number));
  });
});
