import { parse } from '@loaders.gl/core';
import { DBFLoader, SHPLoader } from '@loaders.gl/shapefile';
import type { BuildingSource } from '../buildingModel';
import {
  convertFootprintFeatures,
  coordinateEvidence,
  reportFileProblem,
  type FootprintFeature,
  type FootprintReadOptions,
} from './convertFootprintFeatures';
import { toExactArrayBuffer } from './loaderBytes';
import { resolveFootprintCrs } from './resolveFootprintCrs';
import {
  geoJsonFromBinaryPolygon,
  removeNullShapeRecords,
  type BinaryPolygonGeometry,
} from './shapefileRecords';

/** The files of one Shapefile, as the caller read them. */
export interface ShapefileParts {
  shp: Uint8Array | ArrayBuffer;
  /** Attributes (height, storeys, address…); without it every building lacks a height and is skipped. */
  dbf?: Uint8Array | ArrayBuffer;
  /** The `.prj` text (WKT) naming the CRS. */
  prj?: string;
  /** The `.cpg` text naming the DBF's code page, e.g. `UTF-8`; Latin-1 when absent (the format's default). */
  cpg?: string;
}

/**
 * Reads building footprints from a Shapefile (loaders.gl's SHPLoader and DBFLoader, on the main thread) as LoD1
 * buildings. The CRS comes from `options.crs`, else the `.prj`, else a guess from the coordinates. SHPLoader is
 * used instead of ShapefileLoader because the latter fetches the side files by URL, and domain code has bytes.
 */
export async function readShapefileFootprints(
  parts: ShapefileParts,
  options: FootprintReadOptions,
): Promise<Iterable<BuildingSource>> {
  const report = (code: string, message: string, severity: 'error' | 'warning' = 'error') =>
    reportFileProblem(options, { severity, code, message });
  const records = removeNullShapeRecords(toExactArrayBuffer(parts.shp));
  if (records === undefined) {
    report('unreadable-file', 'not a Shapefile (.shp): wrong file code');
    return [];
  }
  let geometries: (BinaryPolygonGeometry | null)[];
  let rows: Record<string, unknown>[] = [];
  try {
    const shp = (await parse(records.shp, SHPLoader, { core: { worker: false } })) as {
      geometries?: (BinaryPolygonGeometry | null)[];
      error?: string;
    };
    geometries = shp.geometries ?? [];
    if (shp.error) report('unreadable-file', shp.error);
    if (parts.dbf !== undefined) {
      const dbf = (await parse(toExactArrayBuffer(parts.dbf), DBFLoader, {
        core: { worker: false },
        dbf: { shape: 'object-row-table', encoding: textEncodingOf(parts.cpg) },
      })) as { data?: Record<string, unknown>[] };
      rows = dbf.data ?? [];
    }
  } catch (error) {
    report('unreadable-file', error instanceof Error ? error.message : String(error));
    return [];
  }
  if (geometries.length !== records.originalIndices.length) {
    report(
      'unreadable-records',
      `read ${geometries.length} of ${records.originalIndices.length} shape records; the rest are lost`,
    );
  }
  if (parts.dbf !== undefined && rows.length !== records.recordCount) {
    report(
      'record-count-mismatch',
      `.shp has ${records.recordCount} records, .dbf ${rows.length}; attributes joined by position`,
      'warning',
    );
  }
  const features: FootprintFeature[] = Array.from({ length: records.recordCount }, (_, index) => ({
    geometry: null,
    properties: rows[index] ?? {},
  }));
  geometries.forEach((geometry, index) => {
    const feature = features[records.originalIndices[index]!];
    if (feature !== undefined) feature.geometry = geoJsonFromBinaryPolygon(geometry);
  });

  const crs = resolveFootprintCrs(
    {
      ...coordinateEvidence(features, options),
      declared: parts.prj ? { kind: 'wkt', text: parts.prj } : undefined,
    },
    (problem) => reportFileProblem(options, problem),
  );
  if (crs === undefined) return [];
  return convertFootprintFeatures(features, crs, options);
}

/** TextDecoder label for a `.cpg` value: names as written (`UTF-8`, `ISO-8859-1`) or Windows code page numbers. */
function textEncodingOf(cpg: string | undefined): string {
  const label = cpg?.trim();
  if (!label) return 'latin1';
  const candidate = /^\d+$/.test(label) ? (label === '65001' ? 'utf-8' : `windows-${label}`) : label;
  try {
    new TextDecoder(candidate);
    return candidate;
  } catch {
    return 'latin1';
  }
}
