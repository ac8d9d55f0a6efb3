import { z } from 'zod';
import { corridorHeightSchema, zoneLimitSchema, zoneLimitMsl, type CorridorHeight } from './heightLimits';
import { operatingHoursSchema } from './operatingHours';

// The same shape as localizedTextSchema in scenes/sceneDocument (not imported from there: that module imports
// this one for its union of scene kinds).
const textSchema = z.object({ de: z.string().min(1), en: z.string().min(1).optional() }).strict();

const idSchema = z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and hyphens');

/** A WGS84 position as GeoJSON writes it: [longitude, latitude] in degrees. */
export const lonLatSchema = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .describe('[longitude, latitude] in WGS84 degrees (GeoJSON order)');

/** Why a corridor is flown. */
export const CORRIDOR_PURPOSES = [
  'medical-transport',
  'survey',
  'parcel-delivery',
  'inspection',
  'emergency-response',
  'other',
] as const;

/**
 * One drone corridor: a volume around a centre line, `widthMeters` wide, between a floor and a ceiling (each
 * above ground or above sea level), flown at a cruise speed during operating hours.
 */
export const corridorSchema = z
  .object({
    id: idSchema,
    name: textSchema,
    purpose: z.enum(CORRIDOR_PURPOSES),
    description: textSchema.optional(),
    operationCategory: z
      .enum(['open', 'specific', 'certified'])
      .describe(
        'Category of operation under Regulation (EU) 2019/947; the 120 m limit binds the open category',
      ),
    centreLine: z.array(lonLatSchema).min(2).describe('The route, from departure to arrival'),
    widthMeters: z.number().positive().max(5000).describe('Full width across the centre line'),
    floor: corridorHeightSchema,
    ceiling: corridorHeightSchema,
    cruiseSpeedMetersPerSecond: z.number().positive().max(100),
    operatingHours: z.array(operatingHoursSchema).min(1).describe('Local time in Münster (Europe/Berlin)'),
    accuracyMeters: z
      .number()
      .positive()
      .describe('How far the end points may be from the places they stand for'),
    source: z.string().min(1).describe('Where the route and its end points come from'),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((corridor, context) => {
    if (!isVolumeNonEmpty(corridor.floor, corridor.ceiling)) {
      context.addIssue({
        code: 'custom',
        path: ['ceiling', 'heightMeters'],
        message: `the ceiling (${corridor.ceiling.heightMeters} m ${corridor.ceiling.reference}) must be above the floor (${corridor.floor.heightMeters} m ${corridor.floor.reference})`,
      });
    }
    corridor.centreLine.forEach((point, index) => {
      const previous = corridor.centreLine[index - 1];
      if (previous && previous[0] === point[0] && previous[1] === point[1]) {
        context.addIssue({
          code: 'custom',
          path: ['centreLine', index],
          message: 'repeats the previous point of the centre line',
        });
      }
    });
  });

/** With the same reference the ceiling must be higher; mixed references are checked against the ground later. */
function isVolumeNonEmpty(floor: CorridorHeight, ceiling: CorridorHeight): boolean {
  return floor.reference !== ceiling.reference || ceiling.heightMeters > floor.heightMeters;
}

/** A zone's outline: a polygon (outer ring, closing point optional) or a circle. */
export const zoneGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('polygon'), coordinates: z.array(lonLatSchema).min(3) }).strict(),
  z.object({ type: z.literal('circle'), centre: lonLatSchema, radiusMeters: z.number().positive() }).strict(),
]);

/** What kind of place a restriction zone protects. */
export const RESTRICTION_ZONE_CATEGORIES = [
  'control-zone',
  'airspace',
  'hospital',
  'nature-reserve',
  'residential',
  'other',
] as const;

/**
 * A volume a corridor must stay out of or may enter only with someone's consent: its outline (already including
 * any lateral distance the rule demands), lower and upper limits, the rule and what a flight inside needs.
 */
export const restrictionZoneSchema = z
  .object({
    id: idSchema,
    name: textSchema,
    category: z.enum(RESTRICTION_ZONE_CATEGORIES),
    geometry: zoneGeometrySchema,
    lowerLimit: zoneLimitSchema,
    upperLimit: zoneLimitSchema,
    severity: z
      .enum(['conflict', 'warning'])
      .describe('conflict: forbidden without a clearance or permit; warning: allowed with consent'),
    legalBasis: z.string().min(1).describe('The rule, e.g. "§ 21h Abs. 3 LuftVO"'),
    requirement: textSchema.describe('What a flight inside needs, e.g. the consent of the hospital'),
    accuracyMeters: z.number().positive().describe('How far the outline may be from the true one'),
    source: z.string().min(1),
    licence: z.string().min(1),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((zone, context) => {
    if (zone.geometry.type === 'polygon') {
      const distinct = new Set(
        zone.geometry.coordinates.map(([longitude, latitude]) => `${longitude} ${latitude}`),
      );
      if (distinct.size < 3) {
        context.addIssue({
          code: 'custom',
          path: ['geometry', 'coordinates'],
          message: `the outline has ${distinct.size} distinct points, needs 3`,
        });
      }
    }
    // Comparable without knowing the ground: both above ground, or neither depending on it.
    const { lowerLimit, upperLimit } = zone;
    const comparable = (lowerLimit.reference === 'AGL') === (upperLimit.reference === 'AGL');
    if (comparable && zoneLimitMsl(upperLimit, 0) <= zoneLimitMsl(lowerLimit, 0)) {
      context.addIssue({
        code: 'custom',
        path: ['upperLimit'],
        message: 'the upper limit must be above the lower limit',
      });
    }
  });

/** An airspace file (OpenAir text or GeoJSON zones) the app loads beside the document's own zones. */
export const airspaceFileSchema = z
  .object({
    id: idSchema,
    url: z.string().min(1).describe('Relative to the app, or absolute'),
    format: z.enum(['openair', 'geojson']),
    source: z.string().min(1),
    licence: z.string().min(1),
    note: z.string().optional(),
  })
  .strict();

/** The document's fields; corridors and zones are checked one by one by parseCorridorScene. */
export const corridorSceneFields = {
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  kind: z.literal('corridor'),
  id: idSchema,
  title: textSchema,
  description: textSchema.optional(),
  corridors: z.array(corridorSchema),
  restrictionZones: z.array(restrictionZoneSchema),
  airspaceFiles: z.array(airspaceFileSchema).optional(),
};

/** A corridor document: drone corridors and the restriction zones they are checked against. */
export const corridorSceneSchema = z
  .object(corridorSceneFields)
  .strict()
  .superRefine((scene, context) => {
    reportDuplicateIds(scene.corridors, 'corridors', context);
    reportDuplicateIds(scene.restrictionZones, 'restrictionZones', context);
    reportDuplicateIds(scene.airspaceFiles ?? [], 'airspaceFiles', context);
  });

function reportDuplicateIds(
  items: readonly { id: string }[],
  field: string,
  context: { addIssue(issue: { code: 'custom'; path: PropertyKey[]; message: string }): void },
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      context.addIssue({
        code: 'custom',
        path: [field, index, 'id'],
        message: `id "${item.id}" is used twice`,
      });
    }
    seen.add(item.id);
  });
}

export type LonLat = z.output<typeof lonLatSchema>;
export type CorridorPurpose = (typeof CORRIDOR_PURPOSES)[number];
export type Corridor = z.output<typeof corridorSchema>;
export type ZoneGeometry = z.output<typeof zoneGeometrySchema>;
export type RestrictionZoneCategory = (typeof RESTRICTION_ZONE_CATEGORIES)[number];
export type RestrictionZone = z.output<typeof restrictionZoneSchema>;
export type AirspaceFile = z.output<typeof airspaceFileSchema>;
export type CorridorScene = z.output<typeof corridorSceneSchema>;
