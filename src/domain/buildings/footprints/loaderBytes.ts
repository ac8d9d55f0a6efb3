/** An ArrayBuffer holding exactly these bytes: loaders.gl parsers read whole buffers, not views into them. */
export function toExactArrayBuffer(bytes: Uint8Array | ArrayBuffer): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  const spansWholeBuffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  if (spansWholeBuffer && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  // Not bytes.slice(): on a Node Buffer that is a view into a shared pool, not a copy.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}
