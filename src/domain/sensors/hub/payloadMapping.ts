import { z } from 'zod';
import { phenomenonIdSchema, type RawObservation } from '../sensorModel';

const FIELD_PATH = /^[A-Za-z0-9_$@-]+(\[\d+\])*(\.[A-Za-z0-9_$@-]+(\[\d+\])*)*$/;

const fieldPathSchema = z
  .string()
  .max(200)
  .regex(FIELD_PATH, 'a field path such as `object.temperature` or `rxInfo[0].time`');

const fieldRefObjectSchema = z.union([
  z.object({ path: fieldPathSchema }).strict(),
  z.object({ topicLevel: z.number().int().min(0).max(100) }).strict(),
  z.object({ const: z.union([z.string(), z.number()]) }).strict(),
]);

/**
 * Where a value comes from: a field of the JSON payload (`"object.temperature"` or `{ "path": … }`), a level of
 * the topic (`{ "topicLevel": 3 }`, counted from 0), or a constant (`{ "const": … }`).
 */
export const fieldRefSchema = z.union([
  fieldPathSchema.transform((path) => ({ path })),
  fieldRefObjectSchema,
]);
export type FieldRef = z.output<typeof fieldRefSchema>;

/** One observation taken from each message: its phenomenon (an id or a field), value, unit and state. */
export const observationMappingSchema = z
  .object({
    phenomenon: z.union([phenomenonIdSchema.transform((id) => ({ const: id })), fieldRefObjectSchema]),
    value: fieldRefSchema,
    /** A unit spelling (constant) or where the unit is; absent means the phenomenon's canonical unit. */
    unit: z.union([z.string().transform((unit) => ({ const: unit })), fieldRefObjectSchema]).optional(),
    state: fieldRefSchema.optional(),
    /** When false, a message without this value (and state) simply does not report it. */
    required: z.boolean().default(true),
  })
  .strict();

/** How a JSON payload becomes observations; the default reads the hub's own normalised shape. */
export const payloadMappingSchema = z
  .object({
    sensorId: fieldRefSchema.default({ path: 'sensorId' }),
    /** Device ids as the network server names them (e.g. a LoRaWAN DevEUI) → the hub's sensor ids. */
    sensorIds: z.record(z.string(), z.string()).optional(),
    /** Where the measuring time is, or `received` to take the moment the message arrived. */
    time: z.union([z.literal('received'), fieldRefSchema]).default({ path: 'time' }),
    observations: z
      .array(observationMappingSchema)
      .min(1)
      .default([
        {
          phenomenon: { path: 'phenomenon' },
          value: { path: 'value' },
          unit: { path: 'unit' },
          state: { path: 'state' },
          required: true,
        },
      ]),
  })
  .strict();
export type PayloadMapping = z.output<typeof payloadMappingSchema>;

type PathStep = string | number;

function compilePath(path: string): PathStep[] {
  return path.split('.').flatMap((part) => {
    const [name, ...indices] = part.split('[');
    return [name!, ...indices.map((index) => Number(index.slice(0, -1)))];
  });
}

type CompiledRef = (payload: unknown, topicLevels: readonly string[]) => unknown;

function compileRef(ref: FieldRef): CompiledRef {
  if ('const' in ref) return () => ref.const;
  if ('topicLevel' in ref) return (_payload, levels) => levels[ref.topicLevel];
  const steps = compilePath(ref.path);
  return (payload) => {
    let current: unknown = payload;
    for (const step of steps) {
      if (typeof current !== 'object' || current === null) return undefined;
      if (typeof step === 'number') {
        if (!Array.isArray(current)) return undefined;
        current = current[step];
      } else {
        // Own fields only: a payload must not reach `__proto__` or `constructor`.
        if (!Object.hasOwn(current, step)) return undefined;
        current = (current as Record<string, unknown>)[step];
      }
    }
    return current;
  };
}

/** Turns one decoded payload (and its topic) into the raw observations it carries. */
export type PayloadReader = (payload: unknown, topic: string, receivedAt: number) => RawObservation[];

/** Compiles a mapping once, so each message costs a few property reads. */
export function compilePayloadMapping(mapping: PayloadMapping): PayloadReader {
  const sensorId = compileRef(mapping.sensorId);
  const time = mapping.time === 'received' ? undefined : compileRef(mapping.time);
  const sensorIds = new Map(Object.entries(mapping.sensorIds ?? {}));
  const observations = mapping.observations.map((entry) => ({
    phenomenon: compileRef(entry.phenomenon),
    value: compileRef(entry.value),
    unit: entry.unit ? compileRef(entry.unit) : undefined,
    state: entry.state ? compileRef(entry.state) : undefined,
    required: entry.required,
  }));
  return (payload, topic, receivedAt) => {
    const levels = topic.split('/');
    const device = sensorId(payload, levels);
    const deviceId = typeof device === 'string' || typeof device === 'number' ? String(device) : device;
    const id = typeof deviceId === 'string' ? (sensorIds.get(deviceId) ?? deviceId) : deviceId;
    const observedAt = time ? time(payload, levels) : receivedAt;
    const raws: RawObservation[] = [];
    for (const entry of observations) {
      const value = entry.value(payload, levels);
      const state = entry.state?.(payload, levels);
      if (!entry.required && value === undefined && state === undefined) continue;
      raws.push({
        sensorId: id,
        phenomenon: entry.phenomenon(payload, levels),
        unit: entry.unit?.(payload, levels),
        value,
        ...(state === undefined ? {} : { state }),
        time: observedAt,
      });
    }
    // A message that carries none of its optional values is still counted, as the first one lacking a number.
    if (raws.length === 0 && observations[0]) {
      const first = observations[0];
      raws.push({
        sensorId: id,
        phenomenon: first.phenomenon(payload, levels),
        value: undefined,
        time: observedAt,
      });
    }
    return raws;
  };
}
