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
 * Encodes strings as UTF-8 with offsets. The spec wants each buffer view aligned to its component size, and
 * the offsets view follows the values view directly; so the values get trailing zero bytes (which no offset
 * points into) until the offsets start aligned, given the column starts `bytesBefore` bytes into an aligned
 * run.
 */
export function encodeStringColumn(values: readonly string[], bytesBefore: number): StringColumn {
  const encoder = new TextEncoder();
  const encoded = values.map((value) => encoder.encode(value));
  const totalBytes = encoded.reduce((sum, bytes) => sum + bytes.length, 0);
  const stringOffsetType: StringOffsetType =
    totalBytes <= 0xff ? 'UINT8' : totalBytes <= 0xffff ? 'UINT16' : 'UINT32';
  const offsetSize = componentByteSize(stringOffsetType);
  const padding = (offsetSize - ((bytesBefore + totalBytes) % offsetSize)) % offsetSize;
  // A buffer view must not be empty: a column of empty strings still gets one byte.
  const bytes = new Uint8Array(Math.max(totalBytes + padding, 1));
  const offsets = [0];
  for (const value of encoded) {
    bytes.set(value, offsets.at(-1)!);
    offsets.push(offsets.at(-1)! + value.length);
  }
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
