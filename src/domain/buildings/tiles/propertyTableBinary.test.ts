import { describe, expect, it } from 'vitest';
import {
  decodeNumericColumn,
  decodeStringColumn,
  encodeNumericColumn,
  encodeStringColumn,
} from './propertyTableBinary';

describe('property table columns', () => {
  it('round-trips UTF-8 strings, choosing the smallest offset type', () => {
    const values = ['Hörsterstraße', '', 'Münster', 'Gebäude für Wirtschaft oder Gewerbe'];
    const column = encodeStringColumn(values, 0);
    expect(column.stringOffsetType).toBe('UINT8');
    expect(
      decodeStringColumn(column.values, column.stringOffsets, column.stringOffsetType, values.length),
    ).toEqual(values);
    const long = encodeStringColumn(['x'.repeat(300)], 0);
    expect(long.stringOffsetType).toBe('UINT16');
    const huge = encodeStringColumn(['x'.repeat(70_000)], 0);
    expect(huge.stringOffsetType).toBe('UINT32');
  });

  it('writes exactly the bytes TextEncoder writes: two-, three- and four-byte characters, lone surrogates', () => {
    const values = ['Ä', 'ß€', '😀x', 'a\ud800b', '\udc00', 'end\ud83d', '\u07ff\u0800\uffff'];
    const column = encodeStringColumn(values, 0);
    const encoder = new TextEncoder();
    const expected = values.flatMap((value) => Array.from(encoder.encode(value)));
    expect(Array.from(column.values.subarray(0, expected.length))).toEqual(expected);
    const offsets = decodeNumericColumn(column.stringOffsets, column.stringOffsetType, values.length + 1);
    expect(offsets.at(-1)).toBe(expected.length);
  });

  it('pads string values with zeros so the offsets that follow start aligned', () => {
    const column = encodeStringColumn(['ab', 'c'.repeat(300)], 3);
    expect(column.stringOffsetType).toBe('UINT16');
    expect((3 + column.values.length) % 2).toBe(0);
    expect(column.values.at(-1)).toBe(0);
  });

  it('gives a column of empty strings one byte, as buffer views must not be empty', () => {
    const column = encodeStringColumn(['', ''], 0);
    expect(column.values.length).toBe(1);
    expect(decodeStringColumn(column.values, column.stringOffsets, column.stringOffsetType, 2)).toEqual([
      '',
      '',
    ]);
  });

  it('packs numbers little-endian in their component type', () => {
    expect(Array.from(encodeNumericColumn([1, 258], 'UINT16'))).toEqual([1, 0, 2, 1]);
    expect(decodeNumericColumn(encodeNumericColumn([12.5, -1], 'FLOAT32'), 'FLOAT32', 2)).toEqual([12.5, -1]);
    expect(decodeNumericColumn(encodeNumericColumn([2, 1], 'UINT8'), 'UINT8', 2)).toEqual([2, 1]);
  });
});
