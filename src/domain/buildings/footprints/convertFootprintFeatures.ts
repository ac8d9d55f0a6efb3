import type { BuildingIssue, BuildingSource } from '../buildingModel';
import { checkFootprintPolygon, type FootprintProblem } from './checkFootprintPolygon';
import { extrudeFootprint } from './extrudeFootprint';
import { createToUtm32, type FootprintCrs } from './footprintCrs';
import { firstFinitePosition, polygonsFromGeometry } from './footprintGeometry';
import type { FootprintPolygon } from './footprintPolygon';
import {
  DEFAULT_STOREY_HEIGHT_METERS,
  FootprintProperties,
  readBaseHeight,
  readDescriptiveAttributes,
  readFootprintHeight,
  readPropertyId,
} from './footprintProperties';
import type { CrsEvidence } from './resolveFootprintCrs';

/** Options every footprint reader takes. Readers do no file I/O: callers pass the file's text or bytes. */
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

/**
 * Turns features into LoD1 buildings, lazily, one at a time: a feature is one building (all parts of a
 * MultiPolygon included). Broken features become issues naming the file and the feature's id (or `#index`).
 */
export function* convertFootprintFeatures(
  features: Iterable<unknown>,
  crs: FootprintCrs,
  options: FootprintReadOptions,
): Generator<BuildingSource> {
  const toUtm32 = createToUtm32(crs);
  const storeyHeightMeters = options.storeyHeightMeters ?? DEFAULT_STOREY_HEIGHT_METERS;
  const seenIds = new Set<string>();
  let withoutBaseHeight = 0;
  let index = -1;
  for (const item of features) {
    index++;
    const feature = (typeof item === 'object' && item !== null ? item : {}) as FootprintFeature;
    const properties = new FootprintProperties(feature.properties);
    const ownId = readPropertyId(properties) ?? readFeatureId(feature.id);
    const report = (problem: FootprintProblem) =>
      options.onIssue({
        ...problem,
        file: options.sourceFile,
        featureId: ownId ?? `#${index}`,
        message: `feature ${index}: ${problem.message}`,
      });

    const read = polygonsFromGeometry(feature.geometry);
    if ('problem' in read) {
      report(read.problem);
      continue;
    }
    const polygons: FootprintPolygon[] = [];
    for (const rings of read.polygons) {
      const check = checkFootprintPolygon(rings.map((ring) => ring.map(toUtm32)));
      check.problems.forEach(report);
      if (check.polygon !== undefined) polygons.push(check.polygon);
      else break;
    }
    if (polygons.length < read.polygons.length) continue;

    const { height, problems } = readFootprintHeight(properties, storeyHeightMeters);
    problems.forEach(report);
    if (height === undefined) continue;

    let sourceId = ownId ?? `${options.sourceFile}#${index}`;
    if (seenIds.has(sourceId)) {
      report({
        severity: 'warning',
        code: 'duplicate-id',
        message: `id ${sourceId} repeats; used ${sourceId}#${index}`,
      });
      sourceId = `${sourceId}#${index}`;
    }
    seenIds.add(sourceId);
    const baseHeight = readBaseHeight(properties);
    if (baseHeight === undefined) withoutBaseHeight++;
    const groundHeightMeters = baseHeight ?? 0;

    yield {
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
  if (withoutBaseHeight > 0) {
    // One line per file, not per building: footprint files usually lack ground heights altogether.
    reportFileProblem(options, {
      severity: 'warning',
      code: 'missing-ground-height',
      message: `${withoutBaseHeight} buildings have no groundHeight/baseHeight; they stand on 0 m`,
    });
  }
}

function readFeatureId(id: unknown): string | undefined {
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  if (typeof id === 'string' && id.trim() !== '') return id.trim();
  return undefined;
}
