import { describe, expect, it } from 'vitest';
import { formatGoalRatio, formatNumber, formatTable } from './benchTable';

describe('bench tables', () => {
  it('aligns numbers right and text left under a rule', () => {
    const table = formatTable(
      [{ heading: 'input' }, { heading: 'buildings/s', numeric: true }],
      [
        ['footprints', '4,940'],
        ['LoD2', '804'],
      ],
    );
    expect(table.split('\n')).toEqual([
      'input       buildings/s',
      '----------  -----------',
      'footprints        4,940',
      'LoD2                804',
    ]);
  });

  it('states a ratio against a goal in the goal’s direction, never as a failure', () => {
    expect(formatGoalRatio(4_000, 5_000, 'at-least')).toBe('miss 0.80');
    expect(formatGoalRatio(512, 1_024, 'at-most')).toBe('ok 0.50');
    expect(formatGoalRatio(undefined, 1, 'at-most')).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(1234.5, 1)).toBe('1,234.5');
  });
});
