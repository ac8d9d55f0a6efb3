import type { BuildingSource } from '../buildingModel';
import {
  convertFootprintFeatures,
  convertFootprintFeatureStream,
  coordinateEvidence,
  reportFileProblem,
  type FootprintReadOptions,
} from './convertFootprintFeatures';
import { crsNameFromGeoJsonMember } from './footprintCrs';
import { resolveFootprintCrs, type DeclaredCrs } from './resolveFootprintCrs';
import {
  GeoJsonStreamError,
  parseFeatureText,
  splitGeoJsonStream,
  type GeoJsonStreamPart,
} from './splitGeoJsonStream';

/** The top-level members a reader needs: `type` and `crs`, and the rest of a Feature standing alone. */
const TOP_LEVEL_MEMBERS = new Set(['type', 'crs', 'id', 'properties', 'geometry']);

/**
 * Reads building footprints from GeoJSON text or an already parsed object (a FeatureCollection or one Feature)
 * as LoD1 buildings. The CRS comes from `options.crs`, else the (2008) `crs` member, else a guess from the
 * coordinates. Buildings are produced lazily while iterating; the parsed features are used in place, not copied.
 * Files are better read with {@link readGeoJsonFootprintStream}, which never holds the whole file.
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

/**
 * Reads a GeoJSON file as a stream (as {@link readGeoJsonFootprints} does its text), feature by feature: memory
 * holds a chunk of the file and one parsed feature, not the file. `openBytes` opens the file's bytes; it is called a
 * second time, to scan ahead without parsing the features, only when `type` or `crs` is not found before the
 * features array (RFC 7946 files have no `crs`; it may also follow the features). A feature that is not valid JSON
 * is skipped with an error; where the file itself breaks off (truncated, broken structure), an error names the
 * file and the features read before it are kept.
 */
export async function* readGeoJsonFootprintStream(
  openBytes: () => AsyncIterable<Uint8Array>,
  options: FootprintReadOptions,
): AsyncGenerator<BuildingSource> {
  const batches = splitGeoJsonStream(openBytes(), { memberKeys: TOP_LEVEL_MEMBERS });
  try {
    const members = new Map<string, unknown>();
    let afterFeaturesStart: GeoJsonStreamPart[] | undefined;
    try {
      // By hand, not for-await: leaving that loop would close the stream the features are read from next.
      for (let next = await batches.next(); !next.done; next = await batches.next()) {
        const batch = next.value;
        const start = batch.findIndex((part) => part.kind === 'features-start');
        for (const part of start < 0 ? batch : batch.slice(0, start))
          if (part.kind === 'member') members.set(part.key, part.value);
        if (start >= 0) {
          afterFeaturesStart = batch.slice(start + 1);
          break;
        }
      }
    } catch (error) {
      reportStreamError(options, error, 0);
      return;
    }
    if (afterFeaturesStart !== undefined && !(members.has('type') && members.has('crs'))) {
      for (const [key, value] of await readMembersAround(openBytes))
        if (!members.has(key)) members.set(key, value);
    }
    if (afterFeaturesStart === undefined || members.get('type') !== 'FeatureCollection') {
      // One Feature (or not GeoJSON, reported as such): small, so read as an object.
      yield* readGeoJsonFootprints(Object.fromEntries(members), options);
      return;
    }
    const crsName = crsNameFromGeoJsonMember(members.get('crs'));
    const declared: DeclaredCrs | undefined =
      crsName === undefined ? undefined : { kind: 'name', text: crsName };
    yield* convertFootprintFeatureStream(
      streamedFeatures(afterFeaturesStart, batches, options),
      (firstCoordinate) =>
        resolveFootprintCrs({ explicit: options.crs, declared, firstCoordinate }, (problem) =>
          reportFileProblem(options, problem),
        ),
      options,
    );
  } finally {
    await batches.return(undefined);
  }
}

/**
 * The features of the array the stream is at, a chunk's worth at a time, each parsed only when it is taken (so
 * parsed features do not wait long enough to age into the old generation of the heap); then the rest of the file,
 * which must still be well-formed.
 */
async function* streamedFeatures(
  first: readonly GeoJsonStreamPart[],
  batches: AsyncGenerator<GeoJsonStreamPart[]>,
  options: FootprintReadOptions,
): AsyncGenerator<Iterable<unknown>> {
  const counter = { features: 0 };
  try {
    yield parsedFeatures(first, counter);
    for await (const batch of batches) yield parsedFeatures(batch, counter);
  } catch (error) {
    reportStreamError(options, error, counter.features);
  }
}

function* parsedFeatures(
  parts: readonly GeoJsonStreamPart[],
  counter: { features: number },
): Generator<unknown> {
  for (const part of parts) {
    if (part.kind !== 'feature') continue;
    counter.features++;
    yield parseFeatureText(part.text);
  }
}

/** Every top-level member asked for, wherever it is: a scan that skips over the features without parsing them. */
async function readMembersAround(openBytes: () => AsyncIterable<Uint8Array>): Promise<Map<string, unknown>> {
  const members = new Map<string, unknown>();
  try {
    for await (const batch of splitGeoJsonStream(openBytes(), {
      memberKeys: TOP_LEVEL_MEMBERS,
      skipFeatures: true,
    })) {
      for (const part of batch)
        if (part.kind === 'member' && !members.has(part.key)) members.set(part.key, part.value);
    }
  } catch {
    // The reading pass reports the same error where it meets it; the members found up to there still count.
  }
  return members;
}

function reportStreamError(options: FootprintReadOptions, error: unknown, featuresRead: number): void {
  if (!(error instanceof GeoJsonStreamError)) throw error;
  const kept = featuresRead > 0 ? `; the ${featuresRead} features before it were read` : '';
  reportFileProblem(options, { severity: 'error', code: error.code, message: `${error.message}${kept}` });
}
