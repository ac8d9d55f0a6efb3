import { z } from 'zod';

/** The international foot, exactly. */
export const FEET_TO_METERS = 0.3048;

/** One flight level is 100 ft of pressure altitude over the 1013.25 hPa standard pressure level. */
export const FLIGHT_LEVEL_TO_METERS = 100 * FEET_TO_METERS;

/**
 * Height of Münster above mean sea level, metres: the city's official elevation (60 m above NHN, as the city and
 * Wikipedia give it; the ground within the city lies between about 45 m and 100 m). The checks use it as the
 * ground wherever no terrain model is given, so an AGL limit is then off by the local difference (up to ±40 m).
 */
export const MUENSTER_GROUND_HEIGHT_METERS = 60;

/** The ground's height above mean sea level (metres) at a WGS84 position; the checks take one as input. */
export type GroundHeightFunction = (longitudeDegrees: number, latitudeDegrees: number) => number;

/** The default ground: flat at Münster's elevation. */
export const constantGroundHeight =
  (heightMeters: number = MUENSTER_GROUND_HEIGHT_METERS): GroundHeightFunction =>
  () =>
    heightMeters;

/** What a height is measured from: the ground below (AGL) or mean sea level (MSL, in Germany DHHN2016). */
export const heightReferenceSchema = z.enum(['AGL', 'MSL']);

/** A corridor's floor or ceiling: metres above ground level (AGL) or above mean sea level (MSL). */
export const corridorHeightSchema = z
  .object({
    reference: heightReferenceSchema,
    heightMeters: z.number().min(-100).max(10000),
  })
  .strict();

const labelSchema = z
  .string()
  .min(1)
  .describe('The limit as the source wrote it, e.g. "2500ft MSL", for display');

/**
 * A restriction zone's lower or upper limit: above ground (AGL; ground itself is AGL 0), above mean sea level
 * (MSL), a flight level (FL, hundreds of feet of standard-pressure altitude) or unlimited (UNL).
 */
export const zoneLimitSchema = z.discriminatedUnion('reference', [
  z
    .object({
      reference: z.literal('AGL'),
      heightMeters: z.number().min(0).max(100000),
      label: labelSchema.optional(),
    })
    .strict(),
  z
    .object({
      reference: z.literal('MSL'),
      heightMeters: z.number().min(-500).max(100000),
      label: labelSchema.optional(),
    })
    .strict(),
  z
    .object({
      reference: z.literal('FL'),
      flightLevel: z.number().min(0).max(999),
      label: labelSchema.optional(),
    })
    .strict(),
  z.object({ reference: z.literal('UNL'), label: labelSchema.optional() }).strict(),
]);

export type HeightReference = z.output<typeof heightReferenceSchema>;
export type CorridorHeight = z.output<typeof corridorHeightSchema>;
export type ZoneLimit = z.output<typeof zoneLimitSchema>;

/** A corridor height above mean sea level, metres, where the ground is `groundHeightMeters` (MSL). */
export function corridorHeightMsl(height: CorridorHeight, groundHeightMeters: number): number {
  return height.reference === 'AGL' ? groundHeightMeters + height.heightMeters : height.heightMeters;
}

/**
 * A zone limit above mean sea level, metres, where the ground is `groundHeightMeters` (MSL). A flight level is
 * taken as that altitude in the standard atmosphere (QNH 1013.25 hPa): off by about 8 m per hPa the actual
 * pressure differs, which matters only for zones starting at a flight level, all far above drone heights.
 */
export function zoneLimitMsl(limit: ZoneLimit, groundHeightMeters: number): number {
  switch (limit.reference) {
    case 'AGL':
      return groundHeightMeters + limit.heightMeters;
    case 'MSL':
      return limit.heightMeters;
    case 'FL':
      return limit.flightLevel * FLIGHT_LEVEL_TO_METERS;
    case 'UNL':
      return Number.POSITIVE_INFINITY;
  }
}

/** The limit in words an aviator reads: "GND", "120 m AGL", "762 m MSL", "FL80", "UNL" (or the source's label). */
export function formatZoneLimit(limit: ZoneLimit): string {
  if (limit.label) return limit.label;
  switch (limit.reference) {
    case 'AGL':
      return limit.heightMeters === 0 ? 'GND' : `${formatMeters(limit.heightMeters)} m AGL`;
    case 'MSL':
      return `${formatMeters(limit.heightMeters)} m MSL`;
    case 'FL':
      return `FL${limit.flightLevel}`;
    case 'UNL':
      return 'UNL';
  }
}

function formatMeters(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
