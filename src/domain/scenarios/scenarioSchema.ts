/**
 * Scenario documents (`kind: 'scenario'`): one planning quarter (York, Oxford) with its site, the existing
 * buildings it keeps or removes, its targets and two or three variants of massings, open spaces, sealed areas,
 * mobility hubs and a street sketch. The zod schema is the type; `scenes/schema/scene.schema.json` is generated
 * from it (`npm run schemas`). See ./README.md for the figures computed from it.
 */
import { z } from 'zod';
import { lineStringSchema, polygonSchema, positionSchema } from './scenarioGeometry';

/**
 * Text in the UI languages (German required). The same shape as the overview scene's localised text; declared
 * here because sceneDocument.ts imports this module (a shared import would be a cycle).
 */
export const scenarioTextSchema = z
  .object({ de: z.string().min(1), en: z.string().min(1).optional() })
  .strict();

/** Ids are stable names for links, edits and GeoJSON features. */
export const scenarioIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');

/** A share between 0 and 1 (0.3 = 30 %). */
const shareSchema = z.number().min(0).max(1);

/** How sure a stated fact or target is. */
export const confidenceSchema = z.enum(['high', 'medium', 'low']);

/** The uses a massing's floor area can have; each a share of its gross floor area. */
export const MASSING_USE_KEYS = [
  'housing',
  'commerce',
  'dayCare',
  'school',
  'community',
  'mobility',
] as const;
export type MassingUseKey = (typeof MASSING_USE_KEYS)[number];

/** Uses counted as social infrastructure in the key figures. */
export const SOCIAL_INFRASTRUCTURE_USE_KEYS: readonly MassingUseKey[] = ['dayCare', 'school', 'community'];

/** Allowed difference between the sum of a massing's use shares and 1. */
export const USE_SHARE_TOLERANCE = 0.001;

/** Checks that use shares add up to 1 and says which shares were given when they do not. */
export function describeUseShareSum(
  uses: Partial<Record<MassingUseKey, number>>,
  nameOf: (use: MassingUseKey) => string = (use) => use,
): string | undefined {
  const given = MASSING_USE_KEYS.filter((key) => (uses[key] ?? 0) > 0);
  const sum = given.reduce((total, key) => total + (uses[key] ?? 0), 0);
  if (Math.abs(sum - 1) <= USE_SHARE_TOLERANCE) return undefined;
  const terms = given.map((key) => `${nameOf(key)} ${uses[key]}`).join(' + ') || 'no use';
  return `the floor-area shares of the uses must add up to 1, but ${terms} = ${Number(sum.toFixed(4))}`;
}

/** Floor-area shares by use; missing uses count as 0, and the shares must add up to 1. */
export const massingUsesSchema = z
  .object({
    housing: shareSchema.optional().describe('Share of the gross floor area for homes'),
    commerce: shareSchema.optional().describe('Shops, offices, gastronomy, services'),
    dayCare: shareSchema.optional().describe('Day-care centre (Kita)'),
    school: shareSchema.optional().describe('School'),
    community: shareSchema.optional().describe('Community centre, social and cultural rooms'),
    mobility: shareSchema.optional().describe('Parking garage or mobility hub floors'),
  })
  .strict()
  .superRefine((uses, context) => {
    const problem = describeUseShareSum(uses);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .describe('Floor-area shares by use (0–1); missing uses count as 0; the shares add up to 1');

export const roofTypeSchema = z.enum(['flat', 'gable', 'hip', 'monopitch']);

/** One building volume of a variant: an extruded footprint with storeys and uses. */
export const massingSchema = z
  .object({
    id: scenarioIdSchema,
    name: scenarioTextSchema.optional(),
    footprint: polygonSchema,
    storeys: z.number().int().min(1).max(60).describe('Storeys above ground'),
    storeyHeightMeters: z.number().min(2).max(10),
    uses: massingUsesSchema,
    subsidisedHousingShare: shareSchema
      .optional()
      .describe(
        'Share of the housing floor area built as subsidised (publicly funded) homes; 0 when missing',
      ),
    roofType: roofTypeSchema,
    greenRoof: z.boolean(),
  })
  .strict();

/** Open and green spaces; `surface` decides whether they count as green or sealed. */
export const openSpaceSchema = z
  .object({
    id: scenarioIdSchema,
    name: scenarioTextSchema.optional(),
    kind: z.enum(['park', 'playground', 'garden', 'courtyard', 'square', 'sports', 'meadow', 'water']),
    surface: z
      .enum(['green', 'paved', 'water'])
      .describe('green counts towards the green share, paved towards the sealed share, water to neither'),
    area: polygonSchema,
  })
  .strict();

/** Sealed ground other than buildings and paved open spaces: roads, paths, parking lots. */
export const sealedAreaSchema = z
  .object({
    id: scenarioIdSchema,
    kind: z.enum(['road', 'path', 'square', 'parking', 'other']),
    area: polygonSchema,
  })
  .strict();

/** A mobility hub: parking and bike spaces, optionally housed in one of the variant's massings. */
export const mobilityHubSchema = z
  .object({
    id: scenarioIdSchema,
    name: scenarioTextSchema.optional(),
    position: positionSchema,
    parkingSpaces: z.number().int().min(0),
    bikeSpaces: z.number().int().min(0),
    sharingVehicles: z.number().int().min(0).optional().describe('Car-sharing cars and cargo bikes'),
    massingId: scenarioIdSchema.optional().describe('The massing that houses the hub, if any'),
  })
  .strict();

/** A line of the street sketch; its width turns it into sealed area for the key figures. */
export const streetSchema = z
  .object({
    id: scenarioIdSchema,
    name: z.string().min(1).optional(),
    kind: z.enum(['street', 'residential', 'path', 'cycle']),
    line: lineStringSchema,
    widthMeters: z.number().positive().max(60),
  })
  .strict();

/** One planning variant of a quarter. Ids are unique across all its elements (they name GeoJSON features). */
export const scenarioVariantSchema = z
  .object({
    id: scenarioIdSchema,
    title: scenarioTextSchema,
    description: scenarioTextSchema.optional(),
    massings: z.array(massingSchema),
    openSpaces: z.array(openSpaceSchema),
    sealedAreas: z.array(sealedAreaSchema),
    mobilityHubs: z.array(mobilityHubSchema),
    streets: z.array(streetSchema),
  })
  .strict()
  .superRefine((variant, context) => {
    const seen = new Set<string>();
    const lists = ['massings', 'openSpaces', 'sealedAreas', 'mobilityHubs', 'streets'] as const;
    for (const list of lists) {
      variant[list].forEach((element, index) => {
        if (seen.has(element.id)) {
          context.addIssue({
            code: 'custom',
            path: [list, index, 'id'],
            message: `id "${element.id}" is used twice in variant "${variant.id}"`,
          });
        }
        seen.add(element.id);
      });
    }
    const massingIds = new Set(variant.massings.map((massing) => massing.id));
    variant.mobilityHubs.forEach((hub, index) => {
      if (hub.massingId !== undefined && !massingIds.has(hub.massingId)) {
        context.addIssue({
          code: 'custom',
          path: ['mobilityHubs', index, 'massingId'],
          message: `no massing "${hub.massingId}" in variant "${variant.id}"`,
        });
      }
    });
  });

/** A target with where it comes from and how sure it is. */
function sourcedTargetSchema<T extends z.ZodType>(value: T) {
  return z
    .object({
      value,
      source: z.string().min(1).describe('Where the target comes from'),
      confidence: confidenceSchema,
      note: z.string().optional(),
    })
    .strict();
}

/** The quarter's targets; every key figure with a target shows its gap to it. */
export const scenarioTargetsSchema = z
  .object({
    homes: sourcedTargetSchema(z.number().int().positive()),
    subsidisedHomesShare: sourcedTargetSchema(shareSchema),
    greenShare: sourcedTargetSchema(shareSchema),
  })
  .strict();

/** The site boundary, with where it comes from and how far it may be off. */
export const scenarioSiteSchema = z
  .object({
    boundary: polygonSchema,
    statedAreaHectares: z
      .number()
      .positive()
      .optional()
      .describe('The area public sources state, to compare with the drawn outline'),
    source: z.string().min(1),
    accuracy: z.string().min(1).describe('How far the outline may be off, in words'),
    accuracyMeters: z.number().positive(),
    licence: z.string().min(1),
  })
  .strict();

/** An existing building of the buildings layer, by its source id (gml:id or footprint id). */
const buildingReferenceSchema = z
  .object({ buildingId: z.string().min(1), reason: z.string().optional() })
  .strict();

/**
 * Which existing buildings the quarter keeps or removes (hidden in the buildings layer). Ids of the generated
 * default city are not stable facts, hence `removeAllInsideSite`: every building whose footprint centre lies
 * inside the site goes, except those in `keep`.
 */
export const existingBuildingsSchema = z
  .object({
    removeAllInsideSite: z.boolean(),
    keep: z.array(buildingReferenceSchema),
    remove: z.array(buildingReferenceSchema),
  })
  .strict();

/** A planning quarter with its variants. */
export const scenarioDocumentSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1),
    kind: z.literal('scenario'),
    id: scenarioIdSchema,
    title: scenarioTextSchema,
    description: scenarioTextSchema.optional(),
    placeId: scenarioIdSchema.optional().describe('The place of the overview scene this quarter belongs to'),
    site: scenarioSiteSchema,
    existingBuildings: existingBuildingsSchema,
    targets: scenarioTargetsSchema,
    variants: z.array(scenarioVariantSchema).min(1),
  })
  .strict()
  .superRefine((scenario, context) => {
    const seen = new Set<string>();
    scenario.variants.forEach((variant, index) => {
      if (seen.has(variant.id)) {
        context.addIssue({
          code: 'custom',
          path: ['variants', index, 'id'],
          message: `variant id "${variant.id}" is used twice`,
        });
      }
      seen.add(variant.id);
    });
  });

export type ScenarioText = z.output<typeof scenarioTextSchema>;
export type Confidence = z.output<typeof confidenceSchema>;
export type MassingUses = z.output<typeof massingUsesSchema>;
export type RoofType = z.output<typeof roofTypeSchema>;
export type Massing = z.output<typeof massingSchema>;
export type OpenSpace = z.output<typeof openSpaceSchema>;
export type SealedArea = z.output<typeof sealedAreaSchema>;
export type MobilityHub = z.output<typeof mobilityHubSchema>;
export type Street = z.output<typeof streetSchema>;
export type ScenarioVariant = z.output<typeof scenarioVariantSchema>;
export type ScenarioTargets = z.output<typeof scenarioTargetsSchema>;
export type ScenarioSite = z.output<typeof scenarioSiteSchema>;
export type ExistingBuildings = z.output<typeof existingBuildingsSchema>;
export type ScenarioDocument = z.output<typeof scenarioDocumentSchema>;
