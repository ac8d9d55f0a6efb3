import { parse } from '@loaders.gl/core';
import { FlatGeobufLoader } from '@loaders.gl/flatgeobuf';
import type { BuildingSource } from '../buildingModel';
import {
  convertFootprintFeatures,
  coordinateEvidence,
  reportFileProblem,
  type FootprintReadOptions,
} from './convertFootprintFeatures';
import { toExactArrayBuffer } from './loaderBytes';
import { resolveFootprintCrs, type DeclaredCrs } from './resolveFootprintCrs';

/** The part of loaders.gl's `geojson-table` result this reader uses. */
interface FlatGeobufTable {
  features?: unknown[];
  schema?: { metadata?: Record<string, string> };
}

/** FlatGeobuf's header CRS (`CrsMeta`), which loaders.gl passes on as JSON in the schema metadata. */
interface FlatGeobufCrs {
  org?: string | null;
  code?: number;
  wkt?: string | null;
  code_string?: string | null;
}

/**
 * Reads building footprints from a FlatGeobuf file's bytes (loaders.gl's FlatGeobufLoader, on the main thread)
 * as LoD1 buildings. The CRS comes from `options.crs`, else the header's CRS (code, or WKT), else a guess from
 * the coordinates. FlatGeobuf has no feature ids: a property `id`/`gml_id` names a feature, else its index.
 */
export async function readFlatGeobufFootprints(
  bytes: Uint8Array | ArrayBuffer,
  options: FootprintReadOptions,
): Promise<Iterable<BuildingSource>> {
  let table: FlatGeobufTable;
  try {
    table = (await parse(toExactArrayBuffer(bytes), FlatGeobufLoader, {
      core: { worker: false },
      flatgeobuf: { shape: 'geojson-table' },
    })) as FlatGeobufTable;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reportFileProblem(options, { severity: 'error', code: 'unreadable-file', message });
    return [];
  }
  const features = table.features ?? [];
  const crs = resolveFootprintCrs(
    { ...coordinateEvidence(features, options), declared: declaredCrs(table.schema?.metadata?.crs) },
    (problem) => reportFileProblem(options, problem),
  );
  if (crs === undefined) return [];
  return convertFootprintFeatures(features, crs, options);
}

function declaredCrs(crsJson: string | undefined): DeclaredCrs | undefined {
  if (crsJson === undefined || crsJson === '' || crsJson === 'null') return undefined;
  let crs: FlatGeobufCrs | null;
  try {
    crs = JSON.parse(crsJson) as FlatGeobufCrs | null;
  } catch {
    return undefined;
  }
  if (crs === null) return undefined;
  if (crs.code !== undefined && crs.code > 0)
    return { kind: 'name', text: `${crs.org ?? 'EPSG'}:${crs.code}` };
  if (crs.code_string) return { kind: 'name', text: crs.code_string };
  if (crs.wkt) return { kind: 'wkt', text: crs.wkt };
  return undefined;
}
