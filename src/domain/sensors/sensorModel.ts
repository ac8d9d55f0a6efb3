import { z } from 'zod';
import { isPhenomenonId, PHENOMENON_IDS, type PhenomenonId } from './phenomena';

/** What kind of thing a sensor is; the viewer draws each kind in its own way. */
export const SENSOR_KINDS = [
  'water-buoy',
  'sensebox',
  'air-station',
  'car-park',
  'bike-counter',
  'street-light',
  'traffic-signal',
] as const;
export type SensorKind = (typeof SENSOR_KINDS)[number];

/** A sensor's place: WGS84 plus the height of the measuring point above the ground (or water surface). */
export const sensorPositionSchema = z
  .object({
    longitudeDegrees: z.number().min(-180).max(180),
    latitudeDegrees: z.number().min(-90).max(90),
    heightAboveGroundMeters: z.number().min(-50).max(500),
  })
  .strict();
export type SensorPosition = z.output<typeof sensorPositionSchema>;

export const phenomenonIdSchema = z.enum(PHENOMENON_IDS as [PhenomenonId, ...PhenomenonId[]]);

/** One sensor as the hub knows it: what it measures, how often, and whose data it is. */
export const sensorDescriptionSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.:-]+$/, 'use letters, digits, _ . : -'),
    name: z.string().min(1),
    kind: z.enum(SENSOR_KINDS),
    position: sensorPositionSchema,
    /** Every phenomenon it reports, with the interval it reports at (a sensor silent twice as long is stale). */
    phenomena: z
      .array(z.object({ phenomenon: phenomenonIdSchema, intervalSeconds: z.number().positive() }).strict())
      .min(1),
    /** The adapter that brings its data, e.g. `replay`, `opensensemap`, `sensorthings:frost`. */
    source: z.string().min(1),
    licence: z.string().min(1),
    /** Credit to show with the value, e.g. "Datenquelle: Stadt Münster". */
    attribution: z.string().min(1),
    /** For car parks: the number of spaces. */
    capacity: z.number().int().positive().optional(),
    /** How well the position is known, in metres. */
    positionAccuracyMeters: z.number().positive().optional(),
  })
  .strict();
export type SensorDescription = z.output<typeof sensorDescriptionSchema>;

/**
 * One normalised observation: every adapter turns its protocol's messages into these, and the hub checks,
 * stores and publishes only these. `time` is epoch milliseconds (UTC). `value` is in the phenomenon's
 * canonical unit; it is null only when `state` says why there is no number (a closed car park).
 */
export interface Observation {
  sensorId: string;
  phenomenon: PhenomenonId;
  unit: string;
  value: number | null;
  /** A status the source reports besides or instead of a number: `closed`, `full`, `no-data`, a signal colour. */
  state?: string;
  time: number;
  position: SensorPosition;
  source: string;
  licence: string;
}

/** What an adapter hands to the hub: the fields it knows from its protocol, not yet checked. */
export interface RawObservation {
  sensorId: unknown;
  phenomenon: unknown;
  unit?: unknown;
  value: unknown;
  state?: unknown;
  /** ISO 8601 text or epoch milliseconds. */
  time: unknown;
}

export function isKnownPhenomenon(text: unknown): text is PhenomenonId {
  return typeof text === 'string' && isPhenomenonId(text);
}
