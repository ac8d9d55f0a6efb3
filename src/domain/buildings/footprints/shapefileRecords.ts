/**
 * Record-level handling of Shapefile bytes that loaders.gl's SHPLoader (4.5) needs help with, and the conversion of
 * its binary polygons to GeoJSON rings.
 */

const HEADER_BYTES = 100;
const RECORD_HEADER_BYTES = 8;
const FILE_CODE = 9994;
const SHAPE_TYPE_NULL = 0;

/** Why the .shp cannot be read (further). */
export class ShapefileRecordError extends Error {}

/**
 * Passes the records of a .shp stream on without its null-shape records (allowed by the format, e.g. a deleted
 * geometry), renumbered. SHPLoader rejects a record whose type differs from the file's and then never finds the
 * next record number, so every building after a null shape would be lost silently. For each record of the file,
 * in order, `recordHasShape` says whether it was passed on; a file that ends inside a record throws
 * {@link ShapefileRecordError} after the records before it. Chunks may be changed in place (record numbers).
 */
export class ShapeRecordFilter {
  /** One entry per record read (true: passed on), taken from the front by the caller as it goes. */
  readonly recordHasShape: boolean[] = [];
  /** Records in the file so far, null shapes included. */
  recordCount = 0;
  private keptCount = 0;
  private carry: Uint8Array = new Uint8Array(0);
  private headerPassed = false;

  /** The bytes to pass on for the next chunk of the file. */
  *filter(chunk: Uint8Array): Generator<Uint8Array> {
    const bytes = this.carry.length > 0 ? concat(this.carry, chunk) : chunk;
    let offset = 0;
    if (!this.headerPassed) {
      if (bytes.length < HEADER_BYTES) {
        this.carry = bytes.slice();
        return;
      }
      if (new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES).getInt32(0, false) !== FILE_CODE)
        throw new ShapefileRecordError('not a Shapefile (.shp): wrong file code');
      this.headerPassed = true;
      yield bytes.subarray(0, HEADER_BYTES);
      offset = HEADER_BYTES;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let runStart = offset;
    while (offset + RECORD_HEADER_BYTES + 4 <= bytes.length) {
      const contentBytes = view.getInt32(offset + 4, false) * 2;
      if (contentBytes < 4) {
        throw new ShapefileRecordError(`record ${this.recordCount} is broken; the records after it are lost`);
      }
      const recordEnd = offset + RECORD_HEADER_BYTES + contentBytes;
      if (recordEnd > bytes.length) break;
      const hasShape = view.getInt32(offset + RECORD_HEADER_BYTES, true) !== SHAPE_TYPE_NULL;
      this.recordHasShape.push(hasShape);
      this.recordCount++;
      if (hasShape) {
        view.setInt32(offset, ++this.keptCount, false);
      } else {
        if (offset > runStart) yield bytes.subarray(runStart, offset);
        runStart = recordEnd;
      }
      offset = recordEnd;
    }
    if (offset > runStart) yield bytes.subarray(runStart, offset);
    this.carry = bytes.slice(offset);
  }

  /** Called at the end of the file: throws when it ends inside a record (or the header). */
  finish(): void {
    if (!this.headerPassed)
      throw new ShapefileRecordError('not a Shapefile (.shp): the file is shorter than its header');
    if (this.carry.length > 0)
      throw new ShapefileRecordError(`the .shp ends inside record ${this.recordCount} (truncated?)`);
  }
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first);
  joined.set(second, first.length);
  return joined;
}

/** loaders.gl's binary polygon geometry (BinaryPolygonGeometry) as SHPLoader returns it. */
export interface BinaryPolygonGeometry {
  type: string;
  positions: { value: ArrayLike<number>; size: number };
  /** Start of every ring (in vertices), plus the total at the end. */
  primitivePolygonIndices?: { value: ArrayLike<number> };
  /** Start of every polygon (in vertices; outer rings), plus the total at the end. */
  polygonIndices?: { value: ArrayLike<number> };
}

/** A GeoJSON MultiPolygon with every polygon SHPLoader found in the record; null for other shape types. */
export function geoJsonFromBinaryPolygon(
  geometry: BinaryPolygonGeometry | null | undefined,
): { type: string; coordinates?: number[][][][] } | null {
  if (!geometry) return null;
  if (geometry.type !== 'Polygon' || !geometry.primitivePolygonIndices || !geometry.polygonIndices) {
    return { type: geometry.type };
  }
  const positions = geometry.positions.value;
  const ringStarts = Array.from(geometry.primitivePolygonIndices.value);
  // The stride from the data, not `positions.size`: SHPLoader 4.5 reports 4 for PolygonZ even without M values.
  const vertexCount = ringStarts[ringStarts.length - 1] ?? 0;
  const size = vertexCount > 0 ? positions.length / vertexCount : geometry.positions.size;
  const polygonStarts = new Set(Array.from(geometry.polygonIndices.value));
  const polygons: number[][][][] = [];
  for (let ring = 0; ring + 1 < ringStarts.length; ring++) {
    const points: number[][] = [];
    for (let vertex = ringStarts[ring]!; vertex < ringStarts[ring + 1]!; vertex++) {
      points.push([positions[vertex * size]!, positions[vertex * size + 1]!]);
    }
    // A ring opens a new polygon when it is an outer ring, or when a hole comes first (broken data).
    if (polygonStarts.has(ringStarts[ring]!) || polygons.length === 0) polygons.push([points]);
    else polygons[polygons.length - 1]!.push(points);
  }
  return { type: 'MultiPolygon', coordinates: polygons };
}
