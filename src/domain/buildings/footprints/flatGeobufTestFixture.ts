/**
 * Builds tiny FlatGeobuf files for tests with the `flatgeobuf` package (BSD-2-Clause), which @loaders.gl/flatgeobuf
 * depends on. Its serializer writes no CRS, so the header is rebuilt with one when a test asks for it. Both
 * packages arrive with loaders.gl (not declared in package.json): test-only, and the test fails loudly if they go.
 */
import * as flatbuffers from 'flatbuffers';
import { geojson } from 'flatgeobuf';
import { Column } from 'flatgeobuf/lib/mjs/flat-geobuf/column.js';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';

// flatgeobuf bundles flatbuffers 23 while the hoisted copy is 25: the same wire format and builder API, but
// TypeScript sees two unrelated classes, hence the casts to what flatgeobuf's generated code expects.
type HeaderBuilder = Parameters<typeof Header.startHeader>[0];
type HeaderByteBuffer = Parameters<typeof Header.getRootAsHeader>[0];

const MAGIC_BYTES = 8;
const SIZE_PREFIX_BYTES = 4;

/** The header's CRS as FlatGeobuf stores it: an organisation and code, or WKT. */
export interface FlatGeobufTestCrs {
  org?: string;
  code?: number;
  wkt?: string;
}

/**
 * A FlatGeobuf file of the features. Column types come from the first feature's properties (a whole number makes
 * an integer column), so give it the value types every feature uses.
 */
export function writeFlatGeobuf(featureCollection: object, crs?: FlatGeobufTestCrs): Uint8Array {
  const bytes = geojson.serialize(featureCollection as Parameters<typeof geojson.serialize>[0]);
  return crs === undefined ? bytes : withHeaderCrs(bytes, crs);
}

function withHeaderCrs(bytes: Uint8Array, crs: FlatGeobufTestCrs): Uint8Array {
  const buffer = new flatbuffers.ByteBuffer(bytes);
  const headerLength = buffer.readUint32(MAGIC_BYTES);
  buffer.setPosition(MAGIC_BYTES + SIZE_PREFIX_BYTES);
  const original = Header.getRootAsHeader(buffer as unknown as HeaderByteBuffer);

  const builder = new flatbuffers.Builder() as unknown as HeaderBuilder;
  const columnOffsets: number[] = [];
  for (let index = 0; index < original.columnsLength(); index++) {
    const column = original.columns(index)!;
    const name = builder.createString(column.name());
    Column.startColumn(builder);
    Column.addName(builder, name);
    Column.addType(builder, column.type());
    columnOffsets.push(Column.endColumn(builder));
  }
  const columns = Header.createColumnsVector(builder, columnOffsets);
  const org = crs.org === undefined ? 0 : builder.createString(crs.org);
  const wkt = crs.wkt === undefined ? 0 : builder.createString(crs.wkt);
  Crs.startCrs(builder);
  if (org) Crs.addOrg(builder, org);
  if (crs.code !== undefined) Crs.addCode(builder, crs.code);
  if (wkt) Crs.addWkt(builder, wkt);
  const crsOffset = Crs.endCrs(builder);
  Header.startHeader(builder);
  Header.addFeaturesCount(builder, original.featuresCount());
  Header.addGeometryType(builder, original.geometryType());
  Header.addIndexNodeSize(builder, 0);
  Header.addColumns(builder, columns);
  Header.addCrs(builder, crsOffset);
  builder.finishSizePrefixed(Header.endHeader(builder));
  const header = builder.asUint8Array();

  const features = bytes.subarray(MAGIC_BYTES + SIZE_PREFIX_BYTES + headerLength);
  const output = new Uint8Array(MAGIC_BYTES + header.length + features.length);
  output.set(bytes.subarray(0, MAGIC_BYTES));
  output.set(header, MAGIC_BYTES);
  output.set(features, MAGIC_BYTES + header.length);
  return output;
}
