/**
 * Record-level handling of Shapefile bytes that loaders.gl's SHPLoader (4.5) needs help with, and the conversion of
 * its binary polygons to GeoJSON rings.
 */

const HEADER_BYTES = 100;
const RECORD_HEADER_BYTES = 8;
const FILE_CODE = 9994;
const SHAPE_TYPE_NULL = 0;

/** The .shp without its null-shape records, and for each remaining record the index it had in the file. */
export interface ShapeRecordsWithoutNulls {
  shp: ArrayBuffer;
  originalIndices: number[];
  recordCount: number;
}

/**
 * Removes null-shape records (allowed by the format, e.g. a deleted geometry) and renumbers the rest. SHPLoader
 * rejects a record whose type differs from the file's and then never finds the next record number, so every
 * building after a null shape would be lost silently. Undefined when the bytes are not a Shapefile.
 */
export function removeNullShapeRecords(shp: ArrayBuffer): ShapeRecordsWithoutNulls | undefined {
  const view = new DataView(shp);
  if (shp.byteLength < HEADER_BYTES || view.getInt32(0, false) !== FILE_CODE) return undefined;
  const kept: [offset: number, bytes: number, originalIndex: number][] = [];
  let offset = HEADER_BYTES;
  let recordCount = 0;
  while (offset + RECORD_HEADER_BYTES + 4 <= shp.byteLength) {
    const contentBytes = view.getInt32(offset + 4, false) * 2;
    if (contentBytes < 4 || offset + RECORD_HEADER_BYTES + contentBytes > shp.byteLength) break;
    const shapeType = view.getInt32(offset + RECORD_HEADER_BYTES, true);
    if (shapeType !== SHAPE_TYPE_NULL) kept.push([offset, RECORD_HEADER_BYTES + contentBytes, recordCount]);
    recordCount++;
    offset += RECORD_HEADER_BYTES + contentBytes;
  }
  if (kept.length === recordCount)
    return { shp, originalIndices: kept.map(([, , index]) => index), recordCount };

  const totalBytes = HEADER_BYTES + kept.reduce((sum, [, bytes]) => sum + bytes, 0);
  const output = new Uint8Array(totalBytes);
  output.set(new Uint8Array(shp, 0, HEADER_BYTES));
  const outputView = new DataView(output.buffer);
  outputView.setInt32(24, totalBytes / 2, false);
  let writeOffset = HEADER_BYTES;
  kept.forEach(([readOffset, bytes], newIndex) => {
    output.set(new Uint8Array(shp, readOffset, bytes), writeOffset);
    outputView.setInt32(writeOffset, newIndex + 1, false);
    writeOffset += bytes;
  });
  return { shp: output.buffer, originalIndices: kept.map(([, , index]) => index), recordCount };
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
