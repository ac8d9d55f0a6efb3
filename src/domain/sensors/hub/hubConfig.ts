/**
 * `sensors.config.json`: which sources feed the sensor hub, where it keeps its database and where it publishes.
 * Read by the server only; never served to browsers (it may name internal hosts and user names).
 * Every option is described in docs/sensors.md.
 */
import { z } from 'zod';
import { OBSERVATION_TOPIC_PREFIX } from '../hubProtocol';
import { phenomenonIdSchema, SENSOR_KINDS, sensorDescriptionSchema } from '../sensorModel';
import { parseJsonText, parseWithSchema, type ParseResult } from '../../validation/issues';
import { isValidTopicFilter, topicFiltersOverlap } from './mqttTopics';
import { payloadMappingSchema } from './payloadMapping';

/** The file the server reads when SENSORS_CONFIG is not set (relative to its working directory). */
export const SENSORS_CONFIG_FILE_NAME = 'sensors.config.json';

const sourceIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'use lower-case letters, digits and hyphens (at most 40)');

const httpUrlSchema = z
  .string()
  .refine((text) => /^https?:\/\/[^\s/]+/.test(text), { message: 'must be an absolute http(s) URL' });

const mqttUrlSchema = z.string().refine((text) => /^(mqtts?|wss?|tcp|ssl):\/\/[^\s/]+/.test(text), {
  message: 'must be an mqtt://, mqtts://, ws:// or wss:// URL',
});

const topicFilterSchema = z
  .string()
  .refine(isValidTopicFilter, { message: 'not a valid MQTT topic filter (`#` only at the end)' });

/** Name of an environment variable holding a secret, so the file itself need not contain it. */
const environmentVariableSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'the name of an environment variable');

const reconnectSchema = z
  .object({
    initialDelaySeconds: z.number().positive().max(3_600).default(1),
    maxDelaySeconds: z.number().positive().max(86_400).default(60),
  })
  .strict()
  .refine((reconnect) => reconnect.maxDelaySeconds >= reconnect.initialDelaySeconds, {
    message: 'maxDelaySeconds must not be below initialDelaySeconds',
    path: ['maxDelaySeconds'],
  });

const phenomenonMappingSchema = z.record(z.string().min(1), phenomenonIdSchema);

const common = {
  reconnect: reconnectSchema.prefault({}),
  requestTimeoutSeconds: z.number().positive().max(600).default(30),
};

/** Recorded series played in real or accelerated time; the options besides these go to the replay as they are. */
const replaySourceSchema = z.looseObject({
  type: z.literal('replay'),
  id: sourceIdSchema.default('replay'),
  folder: z.string().min(1).default('data/sensors/replay'),
  speed: z.number().positive().max(100_000).default(1),
});

const sensorThingsSourceSchema = z
  .object({
    type: z.literal('sensorthings'),
    id: sourceIdSchema,
    /** The service root with its version, e.g. `https://frost.example.org/FROST-Server/v1.1`. */
    url: httpUrlSchema,
    /** FROST-Server's MQTT endpoint; without it new observations are polled every `pollIntervalSeconds`. */
    mqttUrl: mqttUrlSchema.optional(),
    username: z.string().min(1).optional(),
    passwordEnv: environmentVariableSchema.optional(),
    /** A SensorThings `$filter` on Things, e.g. a `st_within(Locations/location, geography'POLYGON(…)')`. */
    thingsFilter: z.string().min(1).max(2_000).optional(),
    pageSize: z.number().int().min(1).max(10_000).default(100),
    pollIntervalSeconds: z.number().min(1).max(86_400).default(60),
    catalogueRefreshMinutes: z.number().min(1).max(10_080).default(60),
    /** How far back the first start fetches history; later starts fetch only what the database lacks. */
    backfillHours: z.number().min(0).max(168).default(24),
    phenomena: phenomenonMappingSchema.default({}),
    units: z.record(z.string(), z.string()).default({}),
    kind: z.enum(SENSOR_KINDS).default('air-station'),
    heightAboveGroundMeters: z.number().min(-50).max(500).default(3),
    intervalSeconds: z.number().positive().default(600),
    licence: z.string().min(1),
    attribution: z.string().min(1),
    ...common,
  })
  .strict();

const openSenseMapSourceSchema = z
  .object({
    type: z.literal('opensensemap'),
    id: sourceIdSchema.default('opensensemap'),
    url: httpUrlSchema.default('https://api.opensensemap.org'),
    /** [west, south, east, north] in degrees: every box inside. */
    bbox: z
      .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number(), z.number()])
      .refine(([west, south, east, north]) => west < east && south < north && east <= 180 && north <= 90, {
        message: 'expected [west, south, east, north] with west < east and south < north',
      })
      .optional(),
    /** Or exactly these boxes (their `_id`). */
    boxIds: z
      .array(z.string().regex(/^[0-9a-f]{24}$/, 'a box _id: 24 hexadecimal digits'))
      .min(1)
      .optional(),
    exposure: z.enum(['outdoor', 'indoor', 'mobile', 'unknown']).optional(),
    pollIntervalSeconds: z.number().min(10).max(86_400).default(300),
    maxBoxes: z.number().int().min(1).max(100_000).default(500),
    phenomena: phenomenonMappingSchema.default({}),
    heightAboveGroundMeters: z.number().min(-50).max(500).default(3),
    /** Reporting interval for staleness; by default the poll interval. */
    intervalSeconds: z.number().positive().optional(),
    licence: z.string().min(1).default('PDDL-1.0'),
    attribution: z.string().min(1).default('openSenseMap.org'),
    ...common,
  })
  .strict()
  .refine((source) => (source.bbox === undefined) !== (source.boxIds === undefined), {
    message: 'give either bbox or boxIds',
    path: ['bbox'],
  });

/** A sensor of an MQTT source: as the catalogue describes it; `source` is filled in, licence and attribution may be. */
const mqttSensorSchema = sensorDescriptionSchema.extend({
  source: z.string().min(1).optional(),
  licence: z.string().min(1).optional(),
  attribution: z.string().min(1).optional(),
});

const mqttSourceSchema = z
  .object({
    type: z.literal('mqtt'),
    id: sourceIdSchema,
    url: mqttUrlSchema,
    topics: z.union([topicFilterSchema.transform((topic) => [topic]), z.array(topicFilterSchema).min(1)]),
    username: z.string().min(1).optional(),
    passwordEnv: environmentVariableSchema.optional(),
    clientId: z.string().min(1).max(64).optional(),
    maxPayloadBytes: z.number().int().min(64).max(16_777_216).default(65_536),
    mapping: payloadMappingSchema.prefault({}),
    sensors: z.array(mqttSensorSchema).min(1),
    licence: z.string().min(1),
    attribution: z.string().min(1),
    ...common,
  })
  .strict();

export const sourceConfigSchema = z.discriminatedUnion('type', [
  replaySourceSchema,
  sensorThingsSourceSchema,
  openSenseMapSourceSchema,
  mqttSourceSchema,
]);

const brokerSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('embedded'),
      /** 127.0.0.1 keeps the broker to this machine; `0.0.0.0` opens it to the network. */
      host: z.string().min(1).default('127.0.0.1'),
      port: z.number().int().min(0).max(65_535).default(1883),
      retain: z.boolean().default(true),
    })
    .strict(),
  z
    .object({
      type: z.literal('external'),
      url: mqttUrlSchema,
      username: z.string().min(1).optional(),
      passwordEnv: environmentVariableSchema.optional(),
      clientId: z.string().min(1).max(64).optional(),
      retain: z.boolean().default(true),
    })
    .strict(),
  z.object({ type: z.literal('off') }).strict(),
]);

export const hubConfigSchema = z
  .object({
    $schema: z.string().optional(),
    sources: z
      .array(sourceConfigSchema)
      .default([{ type: 'replay', id: 'replay', folder: 'data/sensors/replay', speed: 1 }]),
    database: z
      .object({
        path: z.string().min(1).default('data/sensors.sqlite'),
        retentionDays: z.number().min(1).max(366).default(7),
        pruneIntervalMinutes: z.number().min(1).max(1_440).default(10),
      })
      .strict()
      .prefault({}),
    broker: brokerSchema.prefault({ type: 'embedded' }),
    live: z
      .object({ batchIntervalMilliseconds: z.number().int().min(10).max(10_000).default(200) })
      .strict()
      .prefault({}),
    checks: z
      .object({ futureToleranceSeconds: z.number().min(0).max(86_400).default(120) })
      .strict()
      .prefault({}),
    logging: z
      .object({
        firstRejectionsPerReason: z.number().int().min(0).max(1_000).default(5),
        summaryIntervalSeconds: z.number().min(1).max(86_400).default(60),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((config, context) => {
    const ids = config.sources.map((source) => source.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index)
        context.addIssue({
          code: 'custom',
          path: ['sources', index, 'id'],
          message: `source id "${id}" is used twice`,
        });
    });
    if (config.sources.filter((source) => source.type === 'replay').length > 1)
      context.addIssue({
        code: 'custom',
        path: ['sources'],
        message: 'at most one replay source (it sets the clock)',
      });
    config.sources.forEach((source, index) => {
      if (source.type !== 'mqtt') return;
      source.topics.forEach((topic, topicIndex) => {
        if (topicFiltersOverlap(topic, `${OBSERVATION_TOPIC_PREFIX}/#`))
          context.addIssue({
            code: 'custom',
            path: ['sources', index, 'topics', ...(source.topics.length > 1 ? [topicIndex] : [])],
            message: `${topic} would read back what the hub publishes under ${OBSERVATION_TOPIC_PREFIX}/`,
          });
      });
    });
  });

export type HubConfig = z.output<typeof hubConfigSchema>;
export type SourceConfig = z.output<typeof sourceConfigSchema>;
export type ReplaySourceConfig = Extract<SourceConfig, { type: 'replay' }>;
export type SensorThingsSourceConfig = Extract<SourceConfig, { type: 'sensorthings' }>;
export type OpenSenseMapSourceConfig = Extract<SourceConfig, { type: 'opensensemap' }>;
export type MqttSourceConfig = Extract<SourceConfig, { type: 'mqtt' }>;
export type BrokerConfig = HubConfig['broker'];

/** The configuration when no file exists: the replay of `data/sensors/replay` at speed 1, the embedded broker on 1883. */
export const DEFAULT_HUB_CONFIG: HubConfig = hubConfigSchema.parse({});

/** Parses the text of a sensors.config.json; every problem names the file and the JSON path. */
export function parseHubConfig(
  text: string,
  file: string = SENSORS_CONFIG_FILE_NAME,
): ParseResult<HubConfig> {
  const { json, issues } = parseJsonText(text, file);
  if (issues.length > 0) return { value: undefined, issues };
  return parseWithSchema(hubConfigSchema, json, file);
}
