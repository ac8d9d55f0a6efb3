/**
 * Reading single GeoJSON features into variant elements, for `importVariantFromGeoJson`: the flat properties
 * written by `exportVariantToGeoJson` (and edited in a GIS tool) and the matching geometry. Every problem names
 * the feature index, its type and id, and the field.
 */
import { z } from 'zod';
import { formatJsonPath, type ValidationIssue } from '../validation/issues';
import { lineStringSchema, polygonSchema, positionSchema } from './scenarioGeometry';
import {
  describeUseShareSum,
  MASSING_USE_KEYS,
  roofTypeSchema,
  scenarioIdSchema,
  type Massing,
  type MassingUses,
  type MobilityHub,
  type OpenSpace,
  type ScenarioText,
  type SealedArea,
  type Street,
} from './scenarioSchema';
import { useShareProperty, type VariantFeatureType } from './variantGeoJson';

export const FEATURE_TYPES: readonly VariantFeatureType[] = [
  'massing',
  'openSpace',
  'sealedArea',
  'mobilityHub',
  'street',
];
/** The element field that holds each feature type's geometry. */
export const GEOMETRY_FIELD: Record<VariantFeatureType, string> = {
  massing: 'footprint',
  openSpace: 'area',
  sealedArea: 'area',
  mobilityHub: 'position',
  street: 'line',
};
const shareSchema = z.number().min(0).max(1);
/** GIS tools write booleans as true/false or, coming from a shapefile, as 0/1. */
const flagSchema = z
  .union([z.boolean(), z.literal(0), z.literal(1)])
  .transform((value) => value === true || value === 1);
const optionalName = z.string().min(1).optional();

const massingPropertiesSchema = z.object({
  name: optionalName,
  nameEn: optionalName,
  storeys: z.number().int().min(1).max(60),
  storeyHeightMeters: z.number().min(2).max(10),
  ...Object.fromEntries(MASSING_USE_KEYS.map((use) => [useShareProperty(use), shareSchema.optional()])),
  subsidisedHousingShare: shareSchema.optional(),
  roofType: roofTypeSchema.optional(),
  greenRoof: flagSchema.optional(),
});
const openSpacePropertiesSchema = z.object({
  name: optionalName,
  nameEn: optionalName,
  kind: z.enum(['park', 'playground', 'garden', 'courtyard', 'square', 'sports', 'meadow', 'water']),
  surface: z.enum(['green', 'paved', 'water']),
});
const sealedAreaPropertiesSchema = z.object({ kind: z.enum(['road', 'path', 'square', 'parking', 'other']) });
const mobilityHubPropertiesSchema = z.object({
  name: optionalName,
  nameEn: optionalName,
  parkingSpaces: z.number().int().min(0),
  bikeSpaces: z.number().int().min(0),
  sharingVehicles: z.number().int().min(0).optional(),
  massingId: scenarioIdSchema.optional(),
});
const streetPropertiesSchema = z.object({
  name: optionalName,
  kind: z.enum(['street', 'residential', 'path', 'cycle']),
  widthMeters: z.number().positive().max(60),
});

export type ParsedElement =
  | { featureType: 'massing'; element: Massing }
  | { featureType: 'openSpace'; element: OpenSpace }
  | { featureType: 'sealedArea'; element: SealedArea }
  | { featureType: 'mobilityHub'; element: MobilityHub }
  | { featureType: 'street'; element: Street };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** GIS tools write missing values as null; the schemas want them absent. */
function withoutNulls(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== null));
}

/** Drops a third (height) coordinate from every position, at any nesting depth. */
function flattenPositions(coordinates: unknown): unknown {
  if (!Array.isArray(coordinates)) return coordinates;
  if (coordinates.length >= 2 && coordinates.every((value) => typeof value === 'number')) {
    return coordinates.slice(0, 2);
  }
  return coordinates.map(flattenPositions);
}

function localized(de: string | undefined, en: string | undefined): ScenarioText | undefined {
  if (de === undefined) return undefined;
  return en === undefined ? { de } : { de, en };
}

/** Collects issues of one feature, each naming the feature index, its type and id, and the field. */
class FeatureIssues {
  readonly issues: ValidationIssue[] = [];
  constructor(
    private readonly file: string,
    private readonly index: number,
    private label: string,
  ) {}

  describe(featureType: string, id: string | undefined) {
    this.label = `feature ${this.index} (${featureType}${id ? ` "${id}"` : ''})`;
  }

  add(code: string, path: readonly PropertyKey[], message: string) {
    this.issues.push({
      code,
      file: this.file,
      path: formatJsonPath(['features', this.index, ...path]),
      message: `${this.label}: ${message}`,
    });
  }

  addZod(error: z.ZodError, prefix: readonly PropertyKey[]) {
    for (const issue of error.issues) {
      const field = issue.path.length > 0 ? `${formatJsonPath(issue.path).slice(2)}: ` : '';
      this.add(issue.code, [...prefix, ...issue.path], `${field}${issue.message}`);
    }
  }
}

const GEOMETRY_TYPES: Record<VariantFeatureType, { single: string; multi: string; schema: z.ZodType }> = {
  massing: { single: 'Polygon', multi: 'MultiPolygon', schema: polygonSchema },
  openSpace: { single: 'Polygon', multi: 'MultiPolygon', schema: polygonSchema },
  sealedArea: { single: 'Polygon', multi: 'MultiPolygon', schema: polygonSchema },
  mobilityHub: { single: 'Point', multi: 'MultiPoint', schema: positionSchema },
  street: { single: 'LineString', multi: 'MultiLineString', schema: lineStringSchema },
};

/** The feature's geometry as the element needs it; a Multi… geometry with exactly one part is accepted. */
function readGeometry(
  feature: Record<string, unknown>,
  featureType: VariantFeatureType,
  issues: FeatureIssues,
): unknown {
  const expected = GEOMETRY_TYPES[featureType];
  const geometry = feature.geometry;
  if (!isRecord(geometry)) {
    issues.add('missing_geometry', ['geometry'], `a ${featureType} needs a ${expected.single} geometry`);
    return undefined;
  }
  let coordinates = flattenPositions(geometry.coordinates);
  if (geometry.type === expected.multi) {
    if (!Array.isArray(coordinates) || coordinates.length !== 1) {
      issues.add(
        'invalid_geometry_type',
        ['geometry', 'type'],
        `a ${featureType} is one ${expected.single}; this ${expected.multi} has ${Array.isArray(coordinates) ? coordinates.length : 0} parts (split it into several features)`,
      );
      return undefined;
    }
    coordinates = coordinates[0];
  } else if (geometry.type !== expected.single) {
    issues.add(
      'invalid_geometry_type',
      ['geometry', 'type'],
      `a ${featureType} needs a ${expected.single} geometry, not ${JSON.stringify(geometry.type)}`,
    );
    return undefined;
  }
  const result = expected.schema.safeParse(coordinates);
  if (!result.success) {
    issues.addZod(result.error, ['geometry', 'coordinates']);
    return undefined;
  }
  return result.data;
}

/** Parses one feature's properties and geometry into a variant element. */
export function readFeature(
  feature: unknown,
  index: number,
  file: string,
  id: string,
): { parsed?: ParsedElement; issues: ValidationIssue[] } {
  const issues = new FeatureIssues(file, index, `feature ${index}`);
  if (!isRecord(feature) || feature.type !== 'Feature') {
    issues.add('invalid_feature', [], 'not a GeoJSON Feature (an object with "type": "Feature")');
    return { issues: issues.issues };
  }
  const properties = isRecord(feature.properties) ? withoutNulls(feature.properties) : {};
  const featureType = properties.featureType;
  if (typeof featureType !== 'string' || !FEATURE_TYPES.includes(featureType as VariantFeatureType)) {
    issues.add(
      'invalid_feature_type',
      ['properties', 'featureType'],
      `featureType must be one of ${FEATURE_TYPES.join(', ')}, not ${JSON.stringify(featureType ?? null)}`,
    );
    return { issues: issues.issues };
  }
  const type = featureType as VariantFeatureType;
  issues.describe(type, id);
  const idCheck = scenarioIdSchema.safeParse(id);
  if (!idCheck.success)
    issues.add(
      'invalid_id',
      ['properties', 'id'],
      `id ${JSON.stringify(id)}: ${idCheck.error.issues[0]?.message}`,
    );
  const geometry = readGeometry(feature, type, issues);
  const parsed = readProperties(type, id, properties, geometry, issues);
  return issues.issues.length > 0 ? { issues: issues.issues } : { parsed, issues: [] };
}

function readProperties(
  type: VariantFeatureType,
  id: string,
  properties: Record<string, unknown>,
  geometry: unknown,
  issues: FeatureIssues,
): ParsedElement | undefined {
  const parse = <T extends z.ZodType>(schema: T): z.output<T> | undefined => {
    const result = schema.safeParse(properties);
    if (result.success) return result.data;
    issues.addZod(result.error, ['properties']);
    return undefined;
  };
  switch (type) {
    case 'massing': {
      const value = parse(massingPropertiesSchema);
      if (!value) return undefined;
      const uses: MassingUses = {};
      for (const use of MASSING_USE_KEYS) {
        const share = value[useShareProperty(use) as keyof typeof value] as number | undefined;
        if (share !== undefined && share > 0) uses[use] = share;
      }
      const problem = describeUseShareSum(uses, useShareProperty);
      if (problem) {
        const names = MASSING_USE_KEYS.map(useShareProperty).join(', ');
        issues.add('invalid_use_shares', ['properties'], `${problem} (properties ${names})`);
        return undefined;
      }
      const name = localized(value.name, value.nameEn);
      const massing: Massing = {
        id,
        ...(name ? { name } : {}),
        footprint: geometry as Massing['footprint'],
        storeys: value.storeys,
        storeyHeightMeters: value.storeyHeightMeters,
        uses,
        ...(value.subsidisedHousingShare ? { subsidisedHousingShare: value.subsidisedHousingShare } : {}),
        roofType: value.roofType ?? 'flat',
        greenRoof: value.greenRoof ?? false,
      };
      return geometry === undefined ? undefined : { featureType: 'massing', element: massing };
    }
    case 'openSpace': {
      const value = parse(openSpacePropertiesSchema);
      if (!value || geometry === undefined) return undefined;
      const name = localized(value.name, value.nameEn);
      return {
        featureType: 'openSpace',
        element: {
          id,
          ...(name ? { name } : {}),
          kind: value.kind,
          surface: value.surface,
          area: geometry as OpenSpace['area'],
        },
      };
    }
    case 'sealedArea': {
      const value = parse(sealedAreaPropertiesSchema);
      if (!value || geometry === undefined) return undefined;
      return {
        featureType: 'sealedArea',
        element: { id, kind: value.kind, area: geometry as SealedArea['area'] },
      };
    }
    case 'mobilityHub': {
      const value = parse(mobilityHubPropertiesSchema);
      if (!value || geometry === undefined) return undefined;
      const name = localized(value.name, value.nameEn);
      return {
        featureType: 'mobilityHub',
        element: {
          id,
          ...(name ? { name } : {}),
          position: geometry as MobilityHub['position'],
          parkingSpaces: value.parkingSpaces,
          bikeSpaces: value.bikeSpaces,
          ...(value.sharingVehicles === undefined ? {} : { sharingVehicles: value.sharingVehicles }),
          ...(value.massingId === undefined ? {} : { massingId: value.massingId }),
        },
      };
    }
    case 'street': {
      const value = parse(streetPropertiesSchema);
      if (!value || geometry === undefined) return undefined;
      return {
        featureType: 'street',
        element: {
          id,
          ...(value.name === undefined ? {} : { name: value.name }),
          kind: value.kind,
          line: geometry as Street['line'],
          widthMeters: value.widthMeters,
        },
      };
    }
  }
}
