import type { BuildingAttributes, BuildingMesh } from '../buildingModel';

/**
 * One building as a compact binary record, for a spill store to write to a file and read back. Exact: positions
 * stay Float64 (the tiles must come out byte for byte as from memory), normals Float32 and indices Uint32 as
 * they are. Layout: a header of six little-endian Uint32 (position, normal, index and triangle counts, attribute
 * bytes, flags), then the arrays in the platform's byte order (the record is read back by the process that wrote
 * it), then the attributes as UTF-8 JSON. The header's 24 bytes keep the Float64 positions 8-byte aligned.
 */

const HEADER_BYTES = 24;
/** The JSON holds tagged numbers (NaN, ±Infinity, −0), which plain JSON would turn into null or 0. */
const FLAG_TAGGED_NUMBERS = 1;
const NUMBER_TAG = '$number';

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

/** A mesh ready to be written: its attributes serialised, and an upper bound of the record's size. */
export interface PreparedMeshRecord {
  mesh: BuildingMesh;
  attributesJson: string;
  flags: number;
  /** The record never takes more bytes than this (UTF-8 takes at most 3 bytes per UTF-16 unit). */
  maximumByteLength: number;
}

/** Whether JSON would change a number somewhere in the value (NaN, ±Infinity → null, −0 → 0). */
function holdsNumbersJsonChanges(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value) || Object.is(value, -0);
  if (typeof value !== 'object' || value === null) return false;
  // for…in rather than Object.values: no array per object, measurably cheaper on every building.
  for (const key in value) if (holdsNumbersJsonChanges((value as Record<string, unknown>)[key])) return true;
  return false;
}

function tagNumbers(_key: string, value: unknown): unknown {
  if (typeof value !== 'number' || (Number.isFinite(value) && !Object.is(value, -0))) return value;
  return { [NUMBER_TAG]: Object.is(value, -0) ? '-0' : String(value) };
}

function untagNumbers(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !(NUMBER_TAG in value)) return value;
  return Number((value as Record<string, string>)[NUMBER_TAG]);
}

function bytesOf(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** Serialises the attributes; split from writing so a store can check the size against its buffer first. */
export function prepareMeshRecord(mesh: BuildingMesh): PreparedMeshRecord {
  const tagged = holdsNumbersJsonChanges(mesh.attributes);
  const attributesJson = tagged
    ? JSON.stringify(mesh.attributes, tagNumbers)
    : JSON.stringify(mesh.attributes);
  const arrayBytes =
    mesh.positions.byteLength +
    mesh.normals.byteLength +
    mesh.indices.byteLength +
    mesh.triangleSurfaceKinds.byteLength;
  return {
    mesh,
    attributesJson,
    flags: tagged ? FLAG_TAGGED_NUMBERS : 0,
    maximumByteLength: HEADER_BYTES + arrayBytes + 3 * attributesJson.length,
  };
}

/**
 * Writes the record at `offset` of `target`, which must have `maximumByteLength` bytes free there; returns the
 * bytes written.
 */
export function writeMeshRecord(prepared: PreparedMeshRecord, target: Uint8Array, offset: number): number {
  if (target.byteLength - offset < prepared.maximumByteLength)
    throw new RangeError('No room for the record.');
  const { mesh } = prepared;
  let end = offset + HEADER_BYTES;
  for (const array of [mesh.positions, mesh.normals, mesh.indices, mesh.triangleSurfaceKinds]) {
    target.set(bytesOf(array), end);
    end += array.byteLength;
  }
  const { written } = textEncoder.encodeInto(prepared.attributesJson, target.subarray(end));
  const header = new DataView(target.buffer, target.byteOffset + offset, HEADER_BYTES);
  const fields = [
    mesh.positions.length,
    mesh.normals.length,
    mesh.indices.length,
    mesh.triangleSurfaceKinds.length,
    written,
    prepared.flags,
  ];
  fields.forEach((value, field) => header.setUint32(field * 4, value, true));
  return end + written - offset;
}

/** Encodes one mesh as a record of its exact size. */
export function encodeMeshRecord(mesh: BuildingMesh): Uint8Array {
  const prepared = prepareMeshRecord(mesh);
  const target = new Uint8Array(prepared.maximumByteLength);
  return target.slice(0, writeMeshRecord(prepared, target, 0));
}

/**
 * Decodes a record written by writeMeshRecord into a mesh equal to the one written. The arrays view the record's
 * memory when it is 8-byte aligned (a store reading each record into its own buffer saves four copies), so the
 * record must not be reused afterwards; a misaligned record is copied first.
 */
export function decodeMeshRecord(record: Uint8Array): BuildingMesh {
  const aligned = record.byteOffset % 8 === 0 ? record : record.slice();
  const { buffer, byteOffset } = aligned;
  const header = new DataView(buffer, byteOffset, HEADER_BYTES);
  let offset = byteOffset + HEADER_BYTES;
  const positions = new Float64Array(buffer, offset, headerField(header, 0));
  offset += positions.byteLength;
  const normals = new Float32Array(buffer, offset, headerField(header, 1));
  offset += normals.byteLength;
  const indices = new Uint32Array(buffer, offset, headerField(header, 2));
  offset += indices.byteLength;
  const triangleSurfaceKinds = new Uint8Array(buffer, offset, headerField(header, 3));
  offset += triangleSurfaceKinds.byteLength;
  const json = textDecoder.decode(new Uint8Array(buffer, offset, headerField(header, 4)));
  const attributes = (
    (headerField(header, 5) & FLAG_TAGGED_NUMBERS) !== 0 ? JSON.parse(json, untagNumbers) : JSON.parse(json)
  ) as BuildingAttributes;
  return { attributes, positions, normals, indices, triangleSurfaceKinds };
}

/** Field `index` of a record's header (a module function: tsx names closures on each creation, per record). */
function headerField(header: DataView, index: number): number {
  return header.getUint32(index * 4, true);
}
