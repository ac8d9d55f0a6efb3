/**
 * Writes tiny Shapefiles (.shp polygons + .dbf attributes) byte by byte for tests, after the ESRI Shapefile
 * Technical Description (1998) and the dBASE III table layout: no fixture file of unknown licence needed.
 */

/** One record: rings in Shapefile order (outer clockwise, holes counter-clockwise), closed; null = null shape. */
export type ShapefileTestRecord = [x: number, y: number][][] | null;

/** A DBF column: `C` text or `N` number, with its width in characters. */
export interface DbfTestField {
  name: string;
  type: 'C' | 'N';
  length: number;
  decimals?: number;
}

const SHAPE_TYPE_NULL = 0;
const SHAPE_TYPE_POLYGON = 5;
const FILE_CODE = 9994;
const VERSION = 1000;
const HEADER_BYTES = 100;

/** The .shp bytes for polygon records (each record may hold several rings). */
export function writeShpPolygons(records: readonly ShapefileTestRecord[]): Uint8Array {
  const contents = records.map(encodePolygonRecord);
  const totalBytes = HEADER_BYTES + contents.reduce((sum, content) => sum + 8 + content.byteLength, 0);
  const bytes = new Uint8Array(totalBytes);
  const view = new DataView(bytes.buffer);
  const allPoints = records.flatMap((record) => (record ?? []).flat());
  writeMainHeader(view, totalBytes, allPoints);
  let offset = HEADER_BYTES;
  contents.forEach((content, index) => {
    view.setInt32(offset, index + 1, false);
    view.setInt32(offset + 4, content.byteLength / 2, false);
    bytes.set(content, offset + 8);
    offset += 8 + content.byteLength;
  });
  return bytes;
}

function writeMainHeader(view: DataView, totalBytes: number, points: readonly [number, number][]): void {
  view.setInt32(0, FILE_CODE, false);
  view.setInt32(24, totalBytes / 2, false);
  view.setInt32(28, VERSION, true);
  view.setInt32(32, SHAPE_TYPE_POLYGON, true);
  const box = boundingBox(points);
  box.forEach((value, index) => view.setFloat64(36 + index * 8, value, true));
}

function boundingBox(points: readonly [number, number][]): [number, number, number, number] {
  if (points.length === 0) return [0, 0, 0, 0];
  const xs = points.map((point) => point[0]);
  const ys = points.map((point) => point[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function encodePolygonRecord(record: ShapefileTestRecord): Uint8Array {
  if (record === null) {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setInt32(0, SHAPE_TYPE_NULL, true);
    return bytes;
  }
  const points = record.flat();
  const bytes = new Uint8Array(44 + 4 * record.length + 16 * points.length);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, SHAPE_TYPE_POLYGON, true);
  boundingBox(points).forEach((value, index) => view.setFloat64(4 + index * 8, value, true));
  view.setInt32(36, record.length, true);
  view.setInt32(40, points.length, true);
  let partStart = 0;
  record.forEach((ring, ringIndex) => {
    view.setInt32(44 + ringIndex * 4, partStart, true);
    partStart += ring.length;
  });
  const pointsOffset = 44 + 4 * record.length;
  points.forEach(([x, y], index) => {
    view.setFloat64(pointsOffset + index * 16, x, true);
    view.setFloat64(pointsOffset + index * 16 + 8, y, true);
  });
  return bytes;
}

/** The .dbf bytes; text is written as Latin-1 (the format's usual code page when no .cpg says otherwise). */
export function writeDbf(
  fields: readonly DbfTestField[],
  rows: readonly Record<string, string | number | undefined>[],
): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((sum, field) => sum + field.length, 0);
  const bytes = new Uint8Array(headerLength + rows.length * recordLength + 1);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, 0x03);
  view.setUint8(1, 124);
  view.setUint8(2, 1);
  view.setUint8(3, 1);
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((field, index) => {
    const offset = 32 + index * 32;
    bytes.set(latin1(field.name.slice(0, 10)), offset);
    view.setUint8(offset + 11, field.type.charCodeAt(0));
    view.setUint8(offset + 16, field.length);
    view.setUint8(offset + 17, field.decimals ?? 0);
  });
  bytes[headerLength - 1] = 0x0d;
  rows.forEach((row, rowIndex) => {
    let offset = headerLength + rowIndex * recordLength;
    bytes[offset++] = 0x20;
    for (const field of fields) {
      const value = row[field.name];
      const text = value === undefined ? '' : String(value);
      const padded = field.type === 'N' ? text.padStart(field.length) : text.padEnd(field.length);
      bytes.set(latin1(padded.slice(0, field.length)), offset);
      offset += field.length;
    }
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => character.charCodeAt(0) & 0xff);
}
