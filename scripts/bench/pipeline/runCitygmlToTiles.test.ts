import { describe, expect, it } from 'vitest';
import { readBatchLength } from './runCitygmlToTiles';

/** A b3dm header (28 bytes) followed by a feature table JSON, padded to 8 bytes as the format asks. */
function b3dmWithFeatureTable(json: object): Buffer {
  let text = JSON.stringify(json);
  while ((28 + text.length) % 8 !== 0) text += ' ';
  const header = Buffer.alloc(28);
  header.write('b3dm', 0, 'ascii');
  header.writeUInt32LE(1, 4);
  header.writeUInt32LE(28 + text.length, 8);
  header.writeUInt32LE(text.length, 12);
  return Buffer.concat([header, Buffer.from(text)]);
}

describe('readBatchLength', () => {
  it('reads the number of features from a b3dm feature table', () => {
    expect(readBatchLength(b3dmWithFeatureTable({ BATCH_LENGTH: 1054 }))).toBe(1054);
    expect(readBatchLength(b3dmWithFeatureTable({}))).toBe(0);
  });
});
