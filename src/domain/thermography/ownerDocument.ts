import { z } from 'zod';
import { parseWithSchema, type ParseResult } from '../validation/issues';

/**
 * The document `GET /api/thermography/buildings/:id` hands a logged-in owner (see
 * src/server/thermography/thermographyRoutes.ts), as the browser checks it before showing anything.
 */
const finite = z.number().finite();
const xy = z.tuple([finite, finite]);

const statisticsSchema = z.object({
  meanCelsius: finite,
  medianCelsius: finite,
  percentile90Celsius: finite,
  maxCelsius: finite,
  minCelsius: finite,
  measuredAreaSquareMeters: finite,
  measuredShare: finite,
});

const hotSpotSchema = z.object({
  easting: finite,
  northing: finite,
  areaSquareMeters: finite,
  maxCelsius: finite,
  meanCelsius: finite,
});

const labelSchema = z.object({ de: z.string(), en: z.string() });

const resultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('classified'),
    buildingId: z.string(),
    centre: xy,
    statistics: statisticsSchema,
    reference: z.object({
      referenceCelsius: finite,
      source: z.enum(['neighbourhood', 'whole-flight']),
      roofCount: z.number().int().nonnegative(),
    }),
    warmThresholdCelsius: finite,
    warmAreaShare: finite,
    heatLossClass: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    label: labelSchema,
    hotSpots: z.array(hotSpotSchema),
  }),
  z.object({
    status: z.literal('no-data'),
    buildingId: z.string(),
    centre: xy,
    reason: z.string(),
    label: labelSchema,
  }),
]);

/** Where the roof image lies (EPSG:25832, top-left corner, north up) and the temperatures its colours span. */
const imageSchema = z.object({
  crs: z.literal('EPSG:25832'),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  originEastingMeters: finite,
  originNorthingMeters: finite,
  pixelSizeMeters: z.number().positive(),
  scaleMinCelsius: finite,
  scaleMaxCelsius: finite,
});

const buildingSchema = z.object({
  crs: z.literal('EPSG:25832'),
  /** Roof polygons seen from above: outer ring, then holes. */
  outline: z.array(z.array(z.array(xy))),
  heightMeters: finite.nullable(),
  roofAreaSquareMeters: finite,
  functionCode: z.string().nullable(),
  roofTypeCode: z.string().nullable(),
});

const comparisonSchema = z.object({
  level: z.enum(['function-roof-size', 'function-size', 'flight']),
  functionCode: z.string().nullable(),
  roofTypeCode: z.string().nullable(),
  buildingCount: z.number().int().positive(),
  classCounts: z.tuple([finite, finite, finite, finite, finite]),
  areaBandSquareMeters: z.object({ min: finite, max: finite.nullable() }).nullable(),
});

const ownerDocumentSchema = z.object({
  buildingId: z.string(),
  addresses: z.array(
    z.object({
      street: z.string().optional(),
      houseNumber: z.string().optional(),
      postalCode: z.string().optional(),
      locality: z.string().optional(),
    }),
  ),
  result: resultSchema,
  image: imageSchema.nullable(),
  building: buildingSchema.nullable(),
  comparison: comparisonSchema.nullable(),
  flight: z.record(z.string(), z.string()),
});

export type OwnerDocument = z.infer<typeof ownerDocumentSchema>;
export type OwnerRoofImage = z.infer<typeof imageSchema>;
export type OwnerBuildingGeometry = z.infer<typeof buildingSchema>;
export type OwnerComparison = z.infer<typeof comparisonSchema>;

/** Checks the owner document; a broken one becomes issues naming the field, never a half-drawn page. */
export function parseOwnerDocument(json: unknown): ParseResult<OwnerDocument> {
  return parseWithSchema(ownerDocumentSchema, json, 'api/thermography/buildings');
}

/** The four corners of the roof image in EPSG:25832: north-west, north-east, south-east, south-west. */
export function roofImageCorners(
  image: OwnerRoofImage,
): [[number, number], [number, number], [number, number], [number, number]] {
  const west = image.originEastingMeters;
  const north = image.originNorthingMeters;
  const east = west + image.width * image.pixelSizeMeters;
  const south = north - image.height * image.pixelSizeMeters;
  return [
    [west, north],
    [east, north],
    [east, south],
    [west, south],
  ];
}

/** Whole-percent shares of a comparison's classes (rounded so they add up to 100). */
export function comparisonSharesPercent(comparison: Pick<OwnerComparison, 'classCounts'>): number[] {
  const total = comparison.classCounts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return comparison.classCounts.map(() => 0);
  const exact = comparison.classCounts.map((count) => (count * 100) / total);
  const rounded = exact.map(Math.floor);
  const missing = 100 - rounded.reduce((sum, value) => sum + value, 0);
  // Largest remainders first get the missing points.
  exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index)
    .slice(0, missing)
    .forEach(({ index }) => (rounded[index] = rounded[index]! + 1));
  return rounded;
}
