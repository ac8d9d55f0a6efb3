import type { BuildingSource } from '../buildingModel';
import {
  convertFootprintFeatures,
  coordinateEvidence,
  reportFileProblem,
  type FootprintReadOptions,
} from './convertFootprintFeatures';
import { crsNameFromGeoJsonMember } from './footprintCrs';
import { resolveFootprintCrs } from './resolveFootprintCrs';

/**
 * Reads building footprints from GeoJSON text or an already parsed object (a FeatureCollection or one Feature)
 * as LoD1 buildings. The CRS comes from `options.crs`, else the (2008) `crs` member, else a guess from the
 * coordinates. Buildings are produced lazily while iterating; the parsed features are used in place, not copied.
 * For files of hundreds of megabytes a streaming JSON parser would keep memory flat: not done yet.
 */
export function* readGeoJsonFootprints(
  input: string | unknown,
  options: FootprintReadOptions,
): Generator<BuildingSource> {
  const json = typeof input === 'string' ? parseJson(input, options) : input;
  if (json === undefined) return;
  const features = featuresOf(json);
  if (features === undefined) {
    reportFileProblem(options, {
      severity: 'error',
      code: 'not-geojson',
      message: 'expected a GeoJSON FeatureCollection or Feature',
    });
    return;
  }
  const crsName = crsNameFromGeoJsonMember((json as { crs?: unknown }).crs);
  const crs = resolveFootprintCrs(
    {
      ...coordinateEvidence(features, options),
      declared: crsName === undefined ? undefined : { kind: 'name', text: crsName },
    },
    (problem) => reportFileProblem(options, problem),
  );
  if (crs === undefined) return;
  yield* convertFootprintFeatures(features, crs, options);
}

function parseJson(text: string, options: FootprintReadOptions): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reportFileProblem(options, { severity: 'error', code: 'invalid-json', message });
    return undefined;
  }
}

function featuresOf(json: unknown): readonly unknown[] | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { type, features } = json as { type?: unknown; features?: unknown };
  if (type === 'FeatureCollection' && Array.isArray(features)) return features;
  if (type === 'Feature') return [json];
  return undefined;
}
