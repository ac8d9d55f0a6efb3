/**
 * Reads a variant back from GeoJSON, as written by `exportVariantToGeoJson` and edited in a GIS tool. Broken input
 * is refused as a whole: every issue names the feature index and the field (`$.features[3].properties.storeys`),
 * and nothing is returned, so the scenario the caller holds stays as it was.
 */
import { formatJsonPath, parseJsonText, type ParseResult, type ValidationIssue } from '../validation/issues';
import {
  scenarioTextSchema,
  scenarioVariantSchema,
  type ScenarioDocument,
  type ScenarioText,
  type ScenarioVariant,
} from './scenarioSchema';
import { GEOMETRY_FIELD, isRecord, readFeature, type ParsedElement } from './variantFeatureReaders';

export interface VariantImportOptions {
  /** The imported variant's id; by default the collection's `variantId` member. */
  variantId?: string;
  /** Its title; by default the collection's `title` member, else the id. */
  title?: ScenarioText;
}

const ACCEPTED_CRS_NAMES = new Set([
  'urn:ogc:def:crs:OGC:1.3:CRS84',
  'urn:ogc:def:crs:OGC::CRS84',
  'urn:ogc:def:crs:EPSG::4326',
  'EPSG:4326',
]);

/** Ids as written (properties.id, else the feature's own id); features without one get `<featureType>-<n>`. */
function assignFeatureIds(features: readonly unknown[]): string[] {
  const stated = features.map((feature) => {
    if (!isRecord(feature)) return undefined;
    const properties = isRecord(feature.properties) ? feature.properties : {};
    const id = properties.id ?? feature.id;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  });
  const taken = new Set(stated.filter((id): id is string => id !== undefined));
  const counters = new Map<string, number>();
  return stated.map((id, index) => {
    if (id !== undefined) return id;
    const feature = features[index];
    const featureType =
      isRecord(feature) && isRecord(feature.properties) && typeof feature.properties.featureType === 'string'
        ? feature.properties.featureType.toLowerCase()
        : 'feature';
    let number = counters.get(featureType) ?? 1;
    while (taken.has(`${featureType}-${number}`)) number++;
    counters.set(featureType, number + 1);
    taken.add(`${featureType}-${number}`);
    return `${featureType}-${number}`;
  });
}

/** Parses GeoJSON text into a variant; any problem refuses the whole import. */
export function importVariantFromGeoJson(
  text: string,
  file: string,
  options: VariantImportOptions = {},
): ParseResult<ScenarioVariant> {
  const { json, issues: jsonIssues } = parseJsonText(text, file);
  if (jsonIssues.length > 0) return { value: undefined, issues: jsonIssues };
  const fail = (code: string, path: string, message: string): ParseResult<ScenarioVariant> => ({
    value: undefined,
    issues: [{ code, file, path, message }],
  });
  if (!isRecord(json) || json.type !== 'FeatureCollection') {
    return fail(
      'invalid_feature_collection',
      '$.type',
      'not a GeoJSON FeatureCollection ("type": "FeatureCollection")',
    );
  }
  if (!Array.isArray(json.features))
    return fail('invalid_feature_collection', '$.features', 'a FeatureCollection needs a "features" array');
  const crsName = isRecord(json.crs) && isRecord(json.crs.properties) ? json.crs.properties.name : undefined;
  if (
    json.crs !== undefined &&
    json.crs !== null &&
    !(typeof crsName === 'string' && ACCEPTED_CRS_NAMES.has(crsName))
  ) {
    return fail(
      'unsupported_crs',
      '$.crs',
      `coordinates must be WGS84 longitude/latitude (CRS84); this file declares ${JSON.stringify(crsName ?? json.crs)} — export the layer as EPSG:4326`,
    );
  }
  const variantId = options.variantId ?? (typeof json.variantId === 'string' ? json.variantId : undefined);
  if (variantId === undefined) {
    return fail(
      'missing_variant_id',
      '$.variantId',
      'no variant id: the collection has no "variantId" member and none was given',
    );
  }
  const statedTitle = scenarioTextSchema.safeParse(json.title);
  const title = options.title ?? (statedTitle.success ? statedTitle.data : { de: variantId });

  const ids = assignFeatureIds(json.features);
  const issues: ValidationIssue[] = [];
  const parsed: (ParsedElement & { featureIndex: number })[] = [];
  json.features.forEach((feature, index) => {
    const result = readFeature(feature, index, file, ids[index]!);
    issues.push(...result.issues);
    if (result.parsed) parsed.push({ ...result.parsed, featureIndex: index });
  });
  if (issues.length > 0) return { value: undefined, issues };
  return assembleVariant(variantId, title, parsed, file);
}

/** Builds the variant and checks it as a whole (unique ids, hub references), naming features in the issues. */
function assembleVariant(
  variantId: string,
  title: ScenarioText,
  parsed: readonly (ParsedElement & { featureIndex: number })[],
  file: string,
): ParseResult<ScenarioVariant> {
  const lists = {
    massing: 'massings',
    openSpace: 'openSpaces',
    sealedArea: 'sealedAreas',
    mobilityHub: 'mobilityHubs',
    street: 'streets',
  } as const;
  const variant: Record<string, unknown> = {
    id: variantId,
    title,
    massings: [],
    openSpaces: [],
    sealedAreas: [],
    mobilityHubs: [],
    streets: [],
  };
  const featureIndexOf: Record<string, number[]> = {
    massings: [],
    openSpaces: [],
    sealedAreas: [],
    mobilityHubs: [],
    streets: [],
  };
  for (const element of parsed) {
    const list = lists[element.featureType];
    (variant[list] as unknown[]).push(element.element);
    featureIndexOf[list]!.push(element.featureIndex);
  }
  const result = scenarioVariantSchema.safeParse(variant);
  if (result.success) return { value: result.data, issues: [] };
  return {
    value: undefined,
    issues: result.error.issues.map((issue) => {
      const [list, position, field, ...rest] = issue.path;
      const featureIndex =
        typeof list === 'string' && typeof position === 'number'
          ? featureIndexOf[list]?.[position]
          : undefined;
      if (featureIndex === undefined) {
        const path =
          issue.path[0] === 'id'
            ? '$.variantId'
            : issue.path[0] === 'title'
              ? '$.title'
              : formatJsonPath(issue.path);
        return { code: issue.code, file, path, message: issue.message };
      }
      const featureType = Object.entries(lists).find(([, name]) => name === list)?.[0];
      const inGeometry = Object.values(GEOMETRY_FIELD).includes(String(field));
      const path = inGeometry
        ? formatJsonPath(['features', featureIndex, 'geometry', 'coordinates', ...rest])
        : formatJsonPath([
            'features',
            featureIndex,
            'properties',
            ...(field === undefined ? [] : [field]),
            ...rest,
          ]);
      return {
        code: issue.code,
        file,
        path,
        message: `feature ${featureIndex} (${featureType}): ${issue.message}`,
      };
    }),
  };
}

/**
 * Imports a variant into a scenario: a new scenario with the variant added (or replacing the one with the same id
 * when `replaceExisting`), or the same scenario object and the issues that refused the import.
 */
export function importVariantIntoScenario(
  scenario: ScenarioDocument,
  text: string,
  file: string,
  options: VariantImportOptions & { replaceExisting?: boolean } = {},
): { scenario: ScenarioDocument; variantId?: string; issues: ValidationIssue[] } {
  const result = importVariantFromGeoJson(text, file, options);
  if (!result.value) return { scenario, issues: result.issues };
  const variant = result.value;
  const existing = scenario.variants.findIndex((candidate) => candidate.id === variant.id);
  if (existing >= 0 && !options.replaceExisting) {
    return {
      scenario,
      issues: [
        {
          code: 'duplicate_variant_id',
          file,
          path: '$.variantId',
          message: `the scenario already has a variant "${variant.id}"; import it under another id or replace it`,
        },
      ],
    };
  }
  const variants =
    existing >= 0
      ? scenario.variants.map((candidate, index) => (index === existing ? variant : candidate))
      : [...scenario.variants, variant];
  return { scenario: { ...scenario, variants }, variantId: variant.id, issues: [] };
}
