import type { NumericComponentType } from './buildingProperties';

/**
 * Columns of a property table in the binary table format of the 3D Metadata specification
 * (https://github.com/CesiumGS/3d-tiles/tree/main/specification/Metadata): numbers packed little-endian,
 * strings as UTF-8 bytes plus count + 1 offsets.
 */

/** Offset types we write; the smallest that can address the column's bytes is chosen. */
export type StringOffsetType = 'UINT8' | 'UINT16' | 'UINT32';

/** A string column: its UTF-8 bytes and offsets, each to become one buffer view. */
export interface StringColumn {
  values: Uint8Array;
  stringOffsets: Uint8Array;
  stringOffsetType: StringOffsetType;
}

const TYPED_ARRAYS = {
  FLOAT32: Float32Array,
  UINT16: Uint16Array,
  UINT8: Uint8Array,
  UINT32: Uint32Array,
} as const;

/** Bytes per component. */
export function componentByteSize(componentType: NumericComponentType | StringOffsetType): number {
  return TYPED_ARRAYS[componentType].BYTES_PER_ELEMENT;
}

// Typed arrays use the platform's byte order; every platform Node and browsers run on is little-endian.
function toBytes(values: ArrayLike<number>, componentType: NumericComponentType | StringOffsetType) {
  return new Uint8Array(TYPED_ARRAYS[componentType].from(values).buffer);
}

/** Packs numbers as the component type says. */
export function encodeNumericColumn(
  values: readonly number[],
  componentType: NumericComponentType,
): Uint8Array {
  return toBytes(values, componentType);
}

/** Reads back numbers written by `encodeNumericColumn` (or string offsets). */
export function decodeNumericColumn(
  bytes: Uint8Array,
  componentType: NumericComponentType | StringOffsetType,
  count: number,
): number[] {
  const copy = bytes.slice(0, count * componentByteSize(componentType));
  return Array.from(new TYPED_ARRAYS[componentType](copy.buffer, 0, count));
}

/**
 * Bytes of `value` as UTF-8, the way TextEncoder counts them (a lone surrogate becomes U+FFFD, 3 bytes). Done in
 * JavaScript: the column's strings are short, and one TextEncoder call per string cost more than the tile's
 * whole geometry (measured: 5 % of a footprint city's CPU time).
 */
export function utf8ByteLength(value: string): number {
  let bytes = value.length;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(value.charCodeAt(index + 1))) {
      bytes += 2; // 4 bytes for the two code units
      index++;
    } else bytes += 2;
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Writes `value` as UTF-8 (as TextEncoder would) into `bytes` from `offset`; returns the offset after it. */
export function writeUtf8(value: string, bytes: Uint8Array, offset: number): number {
  let at = offset;
  for (let index = 0; index < value.length; index++) {
    let code = value.charCodeAt(index);
    if (code < 0x80) {
      bytes[at++] = code;
      continue;
    }
    if (code < 0x800) {
      bytes[at++] = 0xc0 | (code >> 6);
      bytes[at++] = 0x80 | (code & 0x3f);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = value.charCodeAt(index + 1);
      if (code <= 0xdbff && isLowSurrogate(next)) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        index++;
        bytes[at++] = 0xf0 | (code >> 18);
        bytes[at++] = 0x80 | ((code >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((code >> 6) & 0x3f);
        bytes[at++] = 0x80 | (code & 0x3f);
        continue;
      }
      code = 0xfffd; // a lone surrogate
    }
    bytes[at++] = 0xe0 | (code >> 12);
    bytes[at++] = 0x80 | ((code >> 6) & 0x3f);
    bytes[at++] = 0x80 | (code & 0x3f);
  }
  return at;
}

/**
 * Encodes strings as UTF-8 with offsets. The spec wants each buffer view aligned to its component size, and
 * the offsets view follows the values view directly; so the values get trailing zero bytes (which no offset
 * points into) until the offsets start aligned, given the column starts `bytesBefore` bytes into an aligned
 * run.
 */
export function encodeStringColumn(values: readonly string[], bytesBefore: number): StringColumn {
  const offsets = new Array<number>(values.length + 1);
  offsets[0] = 0;
  for (let index = 0; index < values.length; index++)
    offsets[index + 1] = offsets[index]! + utf8ByteLength(values[index]!);
  const totalBytes = offsets[values.length]!;
  const stringOffsetType: StringOffsetType =
    totalBytes <= 0xff ? 'UINT8' : totalBytes <= 0xffff ? 'UINT16' : 'UINT32';
  const offsetSize = componentByteSize(stringOffsetType);
  const padding = (offsetSize - ((bytesBefore + totalBytes) % offsetSize)) % offsetSize;
  // A buffer view must not be empty: a column of empty strings still gets one byte.
  const bytes = new Uint8Array(Math.max(totalBytes + padding, 1));
  for (let index = 0; index < values.length; index++) writeUtf8(values[index]!, bytes, offsets[index]!);
  return { values: bytes, stringOffsets: toBytes(offsets, stringOffsetType), stringOffsetType };
}

/** Reads back strings written by `encodeStringColumn`. */
export function decodeStringColumn(
  values: Uint8Array,
  stringOffsets: Uint8Array,
  stringOffsetType: StringOffsetType,
  count: number,
): string[] {
  const decoder = new TextDecoder();
  const offsets = decodeNumericColumn(stringOffsets, stringOffsetType, count + 1);
  return Array.from({ length: count }, (_, row) =>
    decoder.decode(values.subarray(offsets[row], offsets[row + 1])),
  );
}
