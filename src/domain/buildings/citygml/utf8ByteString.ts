/**
 * "Byte strings": UTF-8 bytes read as Latin-1, one character per byte (code 0–255). Node turns a Buffer into one
 * at memory-copy speed and V8 keeps it as a one-byte string, which the XML scanner searches and slices about
 * 1.5 times faster than the UTF-16 string a UTF-8 decoder makes as soon as a chunk holds one "ü" (measured on
 * the real NRW LoD2 tiles; their street names put a non-ASCII character in almost every chunk). The scanner
 * decodes only what it hands out, and only where it holds a byte ≥ 0x80.
 */

const utf8Decoder = new TextDecoder('utf-8');

/** The same text as a proper string: the UTF-8 bytes decoded (invalid sequences become U+FFFD, as TextDecoder does). */
export function decodeByteString(text: string): string {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
  return utf8Decoder.decode(bytes);
}

/** Whether the byte string holds any non-ASCII byte (so it needs decoding before use). */
export function hasHighByte(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) >= 0x80) return true;
  return false;
}

/** A Node Buffer (or anything else that slices itself as Latin-1); browsers' plain Uint8Arrays are not. */
interface Latin1Sliceable extends Uint8Array {
  latin1Slice(start: number, end: number): string;
}

/** The bytes as a byte string when the platform can make one cheaply (a Node Buffer), else undefined. */
export function fastByteString(bytes: Uint8Array): string | undefined {
  const sliceable = bytes as Partial<Latin1Sliceable>;
  return typeof sliceable.latin1Slice === 'function' ? sliceable.latin1Slice(0, bytes.length) : undefined;
}

/** The bytes as a byte string, the slow way (for the odd chunk that is no Buffer). */
export function byteStringOf(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192)
    parts.push(String.fromCharCode(...bytes.subarray(start, start + 8192)));
  return parts.join('');
}
