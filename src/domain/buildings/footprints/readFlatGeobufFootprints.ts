import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type HeaderMeta from 'flatgeobuf/lib/mjs/header-meta.js';
import type { BuildingSource } from '../buildingModel';
import {
  convertFootprintFeatureStream,
  reportFileProblem,
  type FootprintReadOptions,
} from './convertFootprintFeatures';
import { FlatGeobufFraming } from './flatGeobufFraming';
import { resolveFootprintCrs, type DeclaredCrs } from './resolveFootprintCrs';

/**
 * Reads building footprints from a FlatGeobuf file's bytes as LoD1 buildings, feature by feature (the
 * `flatgeobuf` package's streaming reader, which @loaders.gl/flatgeobuf also wraps): memory holds one feature,
 * not the file. The CRS comes from `options.crs`, else the header's CRS (code, or WKT), else a guess from the
 * coordinates. FlatGeobuf has no feature ids: a property `id`/`gml_id` names a feature, else its index.
 */
export async function* readFlatGeobufFootprintStream(
  chunks: AsyncIterable<Uint8Array>,
  options: FootprintReadOptions,
): AsyncGenerator<BuildingSource> {
  let header: HeaderMeta | undefined;
  const features = readFeatures(chunks, options, (meta) => (header = meta));
  yield* convertFootprintFeatureStream(
    features,
    (firstCoordinate) =>
      resolveFootprintCrs(
        { explicit: options.crs, declared: declaredCrs(header?.crs), firstCoordinate },
        (problem) => reportFileProblem(options, problem),
      ),
    options,
  );
}

/** Reads footprints from a FlatGeobuf file held in memory (see {@link readFlatGeobufFootprintStream}). */
export async function readFlatGeobufFootprints(
  bytes: Uint8Array | ArrayBuffer,
  options: FootprintReadOptions,
): Promise<Iterable<BuildingSource>> {
  const buildings: BuildingSource[] = [];
  const chunks = [bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)];
  for await (const building of readFlatGeobufFootprintStream(toAsync(chunks), options))
    buildings.push(building);
  return buildings;
}

/**
 * The file's features as GeoJSON, decoded by the `flatgeobuf` package. The bytes pass through
 * {@link FlatGeobufFraming} on their way, so a file that breaks off ends the stream with an error before the
 * partial feature is decoded: it is reported, the features before it are kept.
 */
async function* readFeatures(
  chunks: AsyncIterable<Uint8Array>,
  options: FootprintReadOptions,
  onHeader: (header: HeaderMeta) => void,
): AsyncGenerator<Iterable<unknown>> {
  let featuresRead = 0;
  const source = chunks[Symbol.asyncIterator]();
  const framing = new FlatGeobufFraming();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await source.next();
        if (next.done) {
          framing.finish();
          controller.close();
        } else {
          framing.consume(next.value);
          controller.enqueue(next.value);
        }
      } catch (error) {
        controller.error(error);
      }
    },
  });
  try {
    for await (const feature of deserialize(stream, undefined, onHeader) as AsyncGenerator<unknown>) {
      featuresRead++;
      yield [feature];
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const kept = featuresRead > 0 ? `; the ${featuresRead} features before it were read` : '';
    reportFileProblem(options, { severity: 'error', code: 'unreadable-file', message: `${message}${kept}` });
  } finally {
    // Closes the file when reading stops early (an unsupported CRS, or the caller stopped).
    await source.return?.();
  }
}

function declaredCrs(crs: HeaderMeta['crs'] | undefined): DeclaredCrs | undefined {
  if (!crs) return undefined;
  if (crs.code > 0) return { kind: 'name', text: `${crs.org ?? 'EPSG'}:${crs.code}` };
  if (crs.code_string) return { kind: 'name', text: crs.code_string };
  if (crs.wkt) return { kind: 'wkt', text: crs.wkt };
  return undefined;
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
