import { DBFLoader, SHPLoader } from '@loaders.gl/shapefile';
import type { BuildingSource } from '../buildingModel';
import {
  convertFootprintFeatureStream,
  reportFileProblem,
  type FootprintFeature,
  type FootprintReadOptions,
} from './convertFootprintFeatures';
import { resolveFootprintCrs } from './resolveFootprintCrs';
import { geoJsonFromBinaryPolygon, ShapeRecordFilter, type BinaryPolygonGeometry } from './shapefileRecords';

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

/** The files of one Shapefile as streams of bytes (the large ones) and text (the small side files). */
export interface ShapefileStreams {
  shp: AsyncIterable<Uint8Array>;
  dbf?: AsyncIterable<Uint8Array>;
  prj?: string;
  cpg?: string;
}

/**
 * Reads building footprints from a Shapefile as LoD1 buildings, record by record (loaders.gl's SHPLoader and
 * DBFLoader in batches, on the main thread): memory holds a chunk's records, not the file. The CRS comes from
 * `options.crs`, else the `.prj`, else a guess from the coordinates. SHPLoader is used instead of ShapefileLoader
 * because the latter fetches the side files by URL, and domain code has bytes. Null shapes are taken out of the
 * stream before SHPLoader sees them ({@link ShapeRecordFilter}) and reported as features without geometry.
 */
export async function* readShapefileFootprintStream(
  parts: ShapefileStreams,
  options: FootprintReadOptions,
): AsyncGenerator<BuildingSource> {
  yield* convertFootprintFeatureStream(
    readRecords(parts, options),
    (firstCoordinate) =>
      resolveFootprintCrs(
        {
          explicit: options.crs,
          declared: parts.prj ? { kind: 'wkt', text: parts.prj } : undefined,
          firstCoordinate,
        },
        (problem) => reportFileProblem(options, problem),
      ),
    options,
  );
}

/** Reads footprints from a Shapefile held in memory (see {@link readShapefileFootprintStream}). */
export async function readShapefileFootprints(
  parts: ShapefileParts,
  options: FootprintReadOptions,
): Promise<Iterable<BuildingSource>> {
  const buildings: BuildingSource[] = [];
  const streams: ShapefileStreams = {
    // A copy: the record filter renumbers records in place.
    shp: once(new Uint8Array(parts.shp).slice()),
    dbf: parts.dbf === undefined ? undefined : once(new Uint8Array(parts.dbf)),
    prj: parts.prj,
    cpg: parts.cpg,
  };
  for await (const building of readShapefileFootprintStream(streams, options)) buildings.push(building);
  return buildings;
}

/** The records as GeoJSON-shaped features, geometry and attributes joined by position. */
async function* readRecords(
  parts: ShapefileStreams,
  options: FootprintReadOptions,
): AsyncGenerator<FootprintFeature[]> {
  const report = (code: string, message: string, severity: 'error' | 'warning' = 'error') =>
    reportFileProblem(options, { severity, code, message });
  const filter = new ShapeRecordFilter();
  const shp = parts.shp[Symbol.asyncIterator]();
  const geometries = new BatchQueue<BinaryPolygonGeometry | null>(
    SHPLoader.parseInBatches!(filterRecords(shp, filter), { shp: { _maxDimensions: 4 } }),
    (error) => report('unreadable-file', messageOf(error)),
  );
  const dbf = parts.dbf?.[Symbol.asyncIterator]();
  const rows =
    dbf &&
    new BatchQueue<Record<string, unknown>>(
      DBFLoader.parseInBatches!(iterableOf(dbf), { dbf: { encoding: textEncodingOf(parts.cpg) } }),
      (error) => report('unreadable-file', `.dbf: ${messageOf(error)}`),
    );
  const hasShape = filter.recordHasShape;
  let shapesExpected = 0;
  let shapesLost = 0;
  let rowsRead = 0;
  try {
    for (let record = 0; ; record++) {
      // The filter learns of records as SHPLoader pulls them through: pull until this one is known.
      while (hasShape.length === 0 && (await geometries.pullBatch()));
      if (hasShape.length === 0) break;
      let geometry: BinaryPolygonGeometry | null | undefined = null;
      if (hasShape.shift()) {
        shapesExpected++;
        geometry = await geometries.next();
        if (geometry === undefined) shapesLost++;
      }
      const row = await rows?.next();
      if (row !== undefined) rowsRead++;
      yield [{ geometry: geoJsonFromBinaryPolygon(geometry), properties: row ?? {} }];
    }
    if (shapesLost > 0) {
      report(
        'unreadable-records',
        `read ${shapesExpected - shapesLost} of ${shapesExpected} shape records; the rest are lost`,
      );
    }
    if (rows !== undefined) {
      while ((await rows.next()) !== undefined) rowsRead++;
      if (rowsRead !== filter.recordCount) {
        report(
          'record-count-mismatch',
          `.shp has ${filter.recordCount} records, .dbf ${rowsRead}; attributes joined by position`,
          'warning',
        );
      }
    }
  } finally {
    // Closes the files when reading stops early (an unsupported CRS, or the caller stopped).
    await shp.return?.();
    await dbf?.return?.();
  }
}

/** The .shp's bytes without null-shape records; records whose kind is known land in `filter.recordHasShape`. */
async function* filterRecords(
  shp: AsyncIterator<Uint8Array>,
  filter: ShapeRecordFilter,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of iterableOf(shp)) yield* filter.filter(chunk);
  filter.finish();
}

/**
 * Items of a loader's batches (arrays; other batches, such as headers, are skipped), one at a time. An error while
 * reading is reported once and ends the queue: the items before it still count.
 */
class BatchQueue<T> {
  private items: T[] = [];
  private index = 0;
  private ended = false;
  private readonly batches: AsyncIterator<unknown>;

  constructor(
    batches: AsyncIterable<unknown>,
    private readonly onError: (error: unknown) => void,
  ) {
    this.batches = batches[Symbol.asyncIterator]();
  }

  /** The next item, or undefined at the end. */
  async next(): Promise<T | undefined> {
    while (this.index >= this.items.length) if (!(await this.pullBatch())) return undefined;
    return this.items[this.index++];
  }

  /** Reads one more batch; false at the end. */
  async pullBatch(): Promise<boolean> {
    if (this.ended) return false;
    try {
      const batch = await this.batches.next();
      if (batch.done) {
        this.ended = true;
        return false;
      }
      if (Array.isArray(batch.value)) {
        this.items =
          this.index < this.items.length ? [...this.items.slice(this.index), ...batch.value] : batch.value;
        this.index = 0;
      }
      return true;
    } catch (error) {
      this.ended = true;
      this.onError(error);
      return false;
    }
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function iterableOf<T>(iterator: AsyncIterator<T>): AsyncIterable<T> {
  return { [Symbol.asyncIterator]: () => iterator };
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
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
