import type { BuildingIssue, BuildingSource } from '../buildingModel';
import { checkFootprintPolygon, type FootprintProblem } from './checkFootprintPolygon';
import { extrudeFootprint } from './extrudeFootprint';
import { createToUtm32, type FootprintCrs } from './footprintCrs';
import { firstFinitePosition, polygonsFromGeometry } from './footprintGeometry';
import type { FootprintPolygon, PlanarPoint } from './footprintPolygon';
import { CompactStringSet } from '../tiles/compactColumns';
import {
  DEFAULT_STOREY_HEIGHT_METERS,
  FootprintProperties,
  readBaseHeight,
  readDescriptiveAttributes,
  readFootprintHeight,
  readPropertyId,
} from './footprintProperties';
import type { CrsEvidence } from './resolveFootprintCrs';

/** Options every footprint reader takes. Readers do no file I/O: callers pass the text, bytes or a byte stream. */
export interface FootprintReadOptions {
  /** The file as given on the command line (no absolute paths); named in issues and attributes. */
  sourceFile: string;
  /** Receives every problem; the other features are still converted. */
  onIssue: (issue: BuildingIssue) => void;
  /** Metres per storey when only storeys are known; default {@link DEFAULT_STOREY_HEIGHT_METERS}. */
  storeyHeightMeters?: number;
  /** Overrides the file's CRS: `EPSG:25832` or `EPSG:4326` (any name {@link crsFromName} reads). */
  crs?: string;
}

/** A feature as all readers deliver it: GeoJSON-shaped (FlatGeobuf and Shapefile are converted to this). */
export interface FootprintFeature {
  id?: unknown;
  geometry?: unknown;
  properties?: Record<string, unknown> | null;
}

/** Reports a problem that concerns the whole file rather than one feature. */
export function reportFileProblem(options: FootprintReadOptions, problem: FootprintProblem): void {
  options.onIssue({ ...problem, file: options.sourceFile });
}

/** The CRS evidence of the features themselves: the first finite coordinate, with the caller's explicit CRS. */
export function coordinateEvidence(features: readonly unknown[], options: FootprintReadOptions): CrsEvidence {
  for (const feature of features) {
    const position = firstFinitePosition((feature as FootprintFeature | null)?.geometry);
    if (position !== undefined) return { explicit: options.crs, firstCoordinate: position };
  }
  return { explicit: options.crs };
}

/** A feature that could not even be parsed (e.g. broken JSON): reported under its index like any bad feature. */
export class UnreadableFeature {
  constructor(readonly problem: FootprintProblem) {}
}

/**
 * Turns features into LoD1 buildings one at a time: a feature is one building (all parts of a MultiPolygon
 * included). Broken features become issues naming the file and the feature's id (or `#index`); finish() adds the
 * one file-level warning about missing ground heights.
 */
export class FootprintConverter {
  private readonly toUtm32: (point: PlanarPoint) => PlanarPoint;
  private readonly storeyHeightMeters: number;
  /** Ids given so far; compact, as a file may hold a whole city (see compactColumns.ts). */
  private readonly seenIds = new CompactStringSet();
  private withoutBaseHeight = 0;
  private index = -1;

  constructor(
    crs: FootprintCrs,
    private readonly options: FootprintReadOptions,
  ) {
    this.toUtm32 = createToUtm32(crs);
    this.storeyHeightMeters = options.storeyHeightMeters ?? DEFAULT_STOREY_HEIGHT_METERS;
  }

  /** The building of the next feature, or undefined (with issues reported) when it cannot be one. */
  convert(item: unknown): BuildingSource | undefined {
    const { options } = this;
    const index = ++this.index;
    if (item instanceof UnreadableFeature) {
      this.reporter(undefined, index)(item.problem);
      return undefined;
    }
    const feature = (typeof item === 'object' && item !== null ? item : {}) as FootprintFeature;
    const properties = new FootprintProperties(feature.properties);
    const ownId = readPropertyId(properties) ?? readFeatureId(feature.id);
    const report = this.reporter(ownId, index);

    const read = polygonsFromGeometry(feature.geometry);
    if ('problem' in read) {
      report(read.problem);
      return undefined;
    }
    const polygons: FootprintPolygon[] = [];
    for (const rings of read.polygons) {
      const check = checkFootprintPolygon(rings.map((ring) => ring.map(this.toUtm32)));
      check.problems.forEach(report);
      if (check.polygon !== undefined) polygons.push(check.polygon);
      else break;
    }
    if (polygons.length < read.polygons.length) return undefined;

    const { height, problems } = readFootprintHeight(properties, this.storeyHeightMeters);
    problems.forEach(report);
    if (height === undefined) return undefined;

    let sourceId = ownId ?? `${options.sourceFile}#${index}`;
    if (this.seenIds.has(sourceId)) {
      report({
        severity: 'warning',
        code: 'duplicate-id',
        message: `id ${sourceId} repeats; used ${sourceId}#${index}`,
      });
      sourceId = `${sourceId}#${index}`;
    }
    this.seenIds.add(sourceId);
    const baseHeight = readBaseHeight(properties);
    if (baseHeight === undefined) this.withoutBaseHeight++;
    const groundHeightMeters = baseHeight ?? 0;

    return {
      attributes: {
        sourceId,
        ...readDescriptiveAttributes(properties),
        measuredHeightMeters: height.measuredHeightMeters,
        storeysAboveGround: height.storeysAboveGround,
        groundHeightMeters,
        sourceFile: options.sourceFile,
        levelOfDetail: 1,
      },
      surfaces: polygons.flatMap((polygon) =>
        extrudeFootprint(polygon, {
          baseHeightMeters: groundHeightMeters,
          heightMeters: height.heightMeters,
        }),
      ),
    };
  }

  /** Reports what concerns all features read: call once, after the last. */
  finish(): void {
    if (this.withoutBaseHeight === 0) return;
    // One line per file, not per building: footprint files usually lack ground heights altogether.
    reportFileProblem(this.options, {
      severity: 'warning',
      code: 'missing-ground-height',
      message: `${this.withoutBaseHeight} buildings have no groundHeight/baseHeight; they stand on 0 m`,
    });
  }

  private reporter(ownId: string | undefined, index: number): (problem: FootprintProblem) => void {
    return (problem) =>
      this.options.onIssue({
        ...problem,
        file: this.options.sourceFile,
        featureId: ownId ?? `#${index}`,
        message: `feature ${index}: ${problem.message}`,
      });
  }
}

/** Turns features into LoD1 buildings, lazily, one at a time (see {@link FootprintConverter}). */
export function* convertFootprintFeatures(
  features: Iterable<unknown>,
  crs: FootprintCrs,
  options: FootprintReadOptions,
): Generator<BuildingSource> {
  const converter = new FootprintConverter(crs, options);
  for (const item of features) {
    const building = converter.convert(item);
    if (building !== undefined) yield building;
  }
  converter.finish();
}

/**
 * Turns features arriving in batches (a streamed file, chunk by chunk) into LoD1 buildings, one at a time; a batch
 * may produce its features lazily (parsing each when taken). The CRS is decided at the first feature with a finite
 * coordinate (`resolveCrs` gets that coordinate, or undefined when no feature has one); features before it wait,
 * so memory stays flat. Undefined from `resolveCrs` (an unsupported CRS, already reported) stops reading.
 */
export async function* convertFootprintFeatureStream(
  featureBatches: AsyncIterable<Iterable<unknown>>,
  resolveCrs: (firstCoordinate: PlanarPoint | undefined) => FootprintCrs | undefined,
  options: FootprintReadOptions,
): AsyncGenerator<BuildingSource> {
  let converter: FootprintConverter | undefined;
  const waiting: unknown[] = [];
  for await (const batch of featureBatches) {
    for (const item of batch) {
      if (converter === undefined) {
        waiting.push(item);
        const position =
          item instanceof UnreadableFeature
            ? undefined
            : firstFinitePosition((item as FootprintFeature | null)?.geometry);
        if (position === undefined) continue;
        const crs = resolveCrs(position);
        if (crs === undefined) return;
        converter = new FootprintConverter(crs, options);
        yield* convertAll(converter, waiting.splice(0));
      } else {
        const building = converter.convert(item);
        if (building !== undefined) yield building;
      }
    }
  }
  if (converter === undefined) {
    const crs = resolveCrs(undefined);
    if (crs === undefined) return;
    converter = new FootprintConverter(crs, options);
    yield* convertAll(converter, waiting);
  }
  converter.finish();
}

function* convertAll(converter: FootprintConverter, items: readonly unknown[]): Generator<BuildingSource> {
  for (const item of items) {
    const building = converter.convert(item);
    if (building !== undefined) yield building;
  }
}

function readFeatureId(id: unknown): string | undefined {
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  if (typeof id === 'string' && id.trim() !== '') return id.trim();
  return undefined;
}
