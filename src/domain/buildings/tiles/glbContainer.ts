import type { GLTF } from '@gltf-transform/core';

const GLB_MAGIC = 0x46546c67; // "glTF"
const GLB_VERSION = 2;
const CHUNK_TYPE_JSON = 0x4e4f534a; // "JSON"
const CHUNK_TYPE_BIN = 0x004e4942; // "BIN\0"
const GLB_HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;

/**
 * Packs glTF JSON and its binary buffer into a GLB with 8-byte alignment, as EXT_structural_metadata asks:
 * the JSON chunk is padded with spaces so that the BIN chunk's data starts on an 8-byte boundary of the file,
 * and the BIN chunk is padded with zeros to a multiple of 8 (gltf-transform's own writer aligns to 4 only).
 * https://github.com/CesiumGS/glTF/tree/3d-tiles-next/extensions/2.0/Vendor/EXT_structural_metadata#binary-data-storage
 */
export function packGlb(json: GLTF.IGLTF, binary: Uint8Array | undefined): Uint8Array {
  const paddedBinary = binary && binary.byteLength > 0 ? padTo(binary, 8, 0x00) : undefined;
  // The buffer's declared length covers the padding, so the BIN chunk is never longer than the buffer.
  const firstBuffer = json.buffers?.[0];
  if (paddedBinary && firstBuffer) firstBuffer.byteLength = paddedBinary.byteLength;
  const jsonBytes = new TextEncoder().encode(JSON.stringify(json));
  // JSON data starts at byte 20; ending it on a multiple of 8 puts the BIN data (8 bytes later) on one too.
  const jsonStart = GLB_HEADER_BYTES + CHUNK_HEADER_BYTES;
  const jsonPadding = (8 - ((jsonStart + jsonBytes.byteLength) % 8)) % 8;
  const jsonChunk = new Uint8Array(jsonBytes.byteLength + jsonPadding).fill(0x20);
  jsonChunk.set(jsonBytes);
  const totalBytes =
    GLB_HEADER_BYTES +
    CHUNK_HEADER_BYTES +
    jsonChunk.byteLength +
    (paddedBinary ? CHUNK_HEADER_BYTES + paddedBinary.byteLength : 0);
  const glb = new Uint8Array(totalBytes);
  const view = new DataView(glb.buffer);
  view.setUint32(0, GLB_MAGIC, true);
  view.setUint32(4, GLB_VERSION, true);
  view.setUint32(8, totalBytes, true);
  view.setUint32(12, jsonChunk.byteLength, true);
  view.setUint32(16, CHUNK_TYPE_JSON, true);
  glb.set(jsonChunk, jsonStart);
  if (paddedBinary) {
    const binaryHeader = jsonStart + jsonChunk.byteLength;
    view.setUint32(binaryHeader, paddedBinary.byteLength, true);
    view.setUint32(binaryHeader + 4, CHUNK_TYPE_BIN, true);
    glb.set(paddedBinary, binaryHeader + CHUNK_HEADER_BYTES);
  }
  return glb;
}

function padTo(bytes: Uint8Array, multiple: number, fill: number): Uint8Array {
  const padding = (multiple - (bytes.byteLength % multiple)) % multiple;
  if (padding === 0) return bytes;
  const padded = new Uint8Array(bytes.byteLength + padding).fill(fill);
  padded.set(bytes);
  return padded;
}
