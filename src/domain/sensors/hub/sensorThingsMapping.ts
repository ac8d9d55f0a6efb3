/**
 * OGC SensorThings API 1.1 (https://docs.ogc.org/is/18-088/18-088.html) → the hub's sensors and observations:
 * a Thing with its Location becomes a sensor, each Datastream whose ObservedProperty we know one of its
 * phenomena. The HTTP and MQTT plumbing lives in src/server/sensors/sources/sensorThingsSource.ts.
 */
import { z } from 'zod';
import { PHENOMENON_IDS, type PhenomenonId } from '../phenomena';
import type { RawObservation, SensorDescription, SensorKind } from '../sensorModel';
import { SENSOR_KINDS } from '../sensorModel';
import { upstreamSensorId } from './sensorIds';

/** EEA air-quality pollutant vocabulary (used by the UBA and many FROST-Servers) → our phenomena. */
const EIONET_POLLUTANT = 'http://dd.eionet.europa.eu/vocabulary/aq/pollutant/';

/**
 * ObservedProperty names or definitions (compared in lower case) → phenomena. A source's `phenomena` option adds
 * to these and wins over them.
 */
export const DEFAULT_OBSERVED_PROPERTY_PHENOMENA: Readonly<Record<string, PhenomenonId>> = {
  ...Object.fromEntries(PHENOMENON_IDS.map((id) => [id, id])),
  'air temperature': 'air_temperature',
  temperature: 'air_temperature',
  lufttemperatur: 'air_temperature',
  'water temperature': 'water_temperature',
  wassertemperatur: 'water_temperature',
  'relative humidity': 'relative_humidity',
  humidity: 'relative_humidity',
  'relative luftfeuchte': 'relative_humidity',
  'air pressure': 'air_pressure',
  'atmospheric pressure': 'air_pressure',
  pressure: 'air_pressure',
  luftdruck: 'air_pressure',
  pm10: 'pm10',
  'pm2.5': 'pm2_5',
  pm25: 'pm2_5',
  no2: 'no2',
  'nitrogen dioxide': 'no2',
  stickstoffdioxid: 'no2',
  o3: 'o3',
  ozone: 'o3',
  ozon: 'o3',
  'dissolved oxygen': 'dissolved_oxygen',
  'gelöster sauerstoff': 'dissolved_oxygen',
  ph: 'ph',
  illuminance: 'illuminance',
  'uv intensity': 'uv_intensity',
  'free parking spaces': 'parking_free',
  'bicycle count': 'bike_count',
  [`${EIONET_POLLUTANT}5`]: 'pm10',
  [`${EIONET_POLLUTANT}6001`]: 'pm2_5',
  [`${EIONET_POLLUTANT}8`]: 'no2',
  [`${EIONET_POLLUTANT}7`]: 'o3',
};

/** unitOfMeasurement symbols (UCUM codes are common in SensorThings) → spellings the checker accepts. */
export const DEFAULT_UNIT_SYMBOLS: Readonly<Record<string, string>> = {
  Cel: '°C',
  '[pH]': 'pH',
  '[ppm]': 'ppm',
  '{count}': 'count',
  '{spaces}': 'spaces',
  'ug.m-3': 'µg/m³',
  'mg.L-1': 'mg/L',
};

export interface SensorThingsMappingOptions {
  sourceId: string;
  /** The `source` each sensor carries. */
  source: string;
  licence: string;
  attribution: string;
  /** Used unless a Thing's properties name a known `kind`. */
  kind: SensorKind;
  /** Used unless a Thing's properties give `heightAboveGroundMeters`. */
  heightAboveGroundMeters: number;
  /** Used unless a Datastream's properties give `intervalSeconds`. */
  intervalSeconds: number;
  /** Added to {@link DEFAULT_OBSERVED_PROPERTY_PHENOMENA}; keys compared in lower case. */
  phenomena: Readonly<Record<string, PhenomenonId>>;
  /** Added to {@link DEFAULT_UNIT_SYMBOLS}. */
  units: Readonly<Record<string, string>>;
}

/** A Datastream the hub follows: where its observations go. */
export interface DatastreamBinding {
  datastreamId: string | number;
  sensorId: string;
  phenomenon: PhenomenonId;
  /** The unit as the checker should read it (mapped from the symbol); undefined means the canonical unit. */
  unit: string | undefined;
}

export interface SensorThingsCatalogue {
  sensors: SensorDescription[];
  datastreams: DatastreamBinding[];
  /** Observations expanded with the Things (the latest of each Datastream, when asked for). */
  observations: RawObservation[];
  /** One line per Thing or Datastream left out, and why. */
  skipped: string[];
}

const idSchema = z.union([z.string().min(1), z.number()]);
const pointSchema = z.looseObject({
  type: z.literal('Point'),
  coordinates: z.tuple([z.number(), z.number()]).rest(z.number()),
});
const geoJsonSchema = z.union([
  pointSchema,
  z.looseObject({ type: z.literal('Feature'), geometry: pointSchema }),
]);
const datastreamSchema = z.looseObject({
  '@iot.id': idSchema,
  name: z.string().optional(),
  unitOfMeasurement: z.looseObject({ symbol: z.string().nullish(), name: z.string().nullish() }).nullish(),
  ObservedProperty: z.looseObject({ name: z.string().nullish(), definition: z.string().nullish() }).nullish(),
  properties: z.record(z.string(), z.unknown()).nullish(),
  Observations: z.array(z.unknown()).optional(),
});
const thingSchema = z.looseObject({
  '@iot.id': idSchema,
  name: z.string().nullish(),
  properties: z.record(z.string(), z.unknown()).nullish(),
  Locations: z.array(z.looseObject({ location: z.unknown().optional() })).optional(),
  Datastreams: z.array(z.unknown()).optional(),
});

/** The phenomenon of an ObservedProperty, by its definition first, then its name; undefined when unknown. */
export function phenomenonOfObservedProperty(
  observedProperty: { name?: string | null; definition?: string | null } | null | undefined,
  mapping: Readonly<Record<string, PhenomenonId>>,
): PhenomenonId | undefined {
  for (const key of [observedProperty?.definition, observedProperty?.name]) {
    const normalised = key?.trim().toLowerCase();
    if (normalised && Object.hasOwn(mapping, normalised)) return mapping[normalised];
  }
  return undefined;
}

function lowerCaseKeys(record: Readonly<Record<string, PhenomenonId>>): Record<string, PhenomenonId> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key.trim().toLowerCase(), value]));
}

function positionOf(
  locations: readonly { location?: unknown }[] | undefined,
): [longitude: number, latitude: number] | undefined {
  for (const { location } of locations ?? []) {
    const parsed = geoJsonSchema.safeParse(location);
    if (!parsed.success) continue;
    const point = parsed.data.type === 'Point' ? parsed.data : parsed.data.geometry;
    const [longitude, latitude] = point.coordinates;
    if (Math.abs(longitude) <= 180 && Math.abs(latitude) <= 90) return [longitude, latitude];
  }
  return undefined;
}

function numberProperty(
  properties: Record<string, unknown> | null | undefined,
  key: string,
): number | undefined {
  const value = properties?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** One SensorThings Observation entity (from REST or MQTT) as a raw observation of a followed Datastream. */
export function rawObservationOf(binding: DatastreamBinding, json: unknown): RawObservation {
  const record: Record<string, unknown> =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : {};
  // A phenomenonTime interval ("start/end") is reported at its end, when the value was complete.
  const phenomenonTime = record.phenomenonTime;
  const time =
    typeof phenomenonTime === 'string' && phenomenonTime.includes('/')
      ? phenomenonTime.slice(phenomenonTime.indexOf('/') + 1)
      : (phenomenonTime ?? record.resultTime);
  const parameters = record.parameters;
  const state =
    typeof parameters === 'object' && parameters !== null && 'state' in parameters
      ? parameters.state
      : undefined;
  return {
    sensorId: binding.sensorId,
    phenomenon: binding.phenomenon,
    unit: binding.unit,
    value: record.result,
    ...(state === undefined ? {} : { state }),
    time,
  };
}

/** Maps Things (with `$expand=Locations,Datastreams($expand=ObservedProperty…)`) to sensors and Datastreams. */
export function mapSensorThings(
  things: readonly unknown[],
  options: SensorThingsMappingOptions,
): SensorThingsCatalogue {
  const phenomena = { ...DEFAULT_OBSERVED_PROPERTY_PHENOMENA, ...lowerCaseKeys(options.phenomena) };
  const units = { ...DEFAULT_UNIT_SYMBOLS, ...options.units };
  const catalogue: SensorThingsCatalogue = { sensors: [], datastreams: [], observations: [], skipped: [] };
  const seen = new Set<string>();
  for (const json of things) {
    const parsed = thingSchema.safeParse(json);
    if (!parsed.success) {
      catalogue.skipped.push(`a Thing without a usable @iot.id: ${JSON.stringify(json).slice(0, 80)}`);
      continue;
    }
    const thing = parsed.data;
    const thingId = thing['@iot.id'];
    const sensorId = upstreamSensorId(options.sourceId, thingId);
    const position = positionOf(thing.Locations);
    if (seen.has(sensorId) || !position) {
      catalogue.skipped.push(`Thing ${thingId}: ${position ? 'listed twice' : 'no Point location'}`);
      continue;
    }
    const bindings: DatastreamBinding[] = [];
    const entries: SensorDescription['phenomena'] = [];
    const observations: RawObservation[] = [];
    for (const item of thing.Datastreams ?? []) {
      const datastream = datastreamSchema.safeParse(item);
      if (!datastream.success) continue;
      const { data } = datastream;
      const phenomenon = phenomenonOfObservedProperty(data.ObservedProperty, phenomena);
      if (!phenomenon || entries.some((entry) => entry.phenomenon === phenomenon)) {
        const what = data.ObservedProperty?.name ?? data.name ?? '?';
        catalogue.skipped.push(
          `Thing ${thingId} Datastream ${data['@iot.id']} (${what}): ${phenomenon ? 'a second Datastream of the same phenomenon' : 'no phenomenon for this ObservedProperty'}`,
        );
        continue;
      }
      const symbol = data.unitOfMeasurement?.symbol ?? data.unitOfMeasurement?.name ?? undefined;
      const binding: DatastreamBinding = {
        datastreamId: data['@iot.id'],
        sensorId,
        phenomenon,
        unit: symbol === undefined ? undefined : (units[symbol] ?? symbol),
      };
      bindings.push(binding);
      const interval = numberProperty(data.properties, 'intervalSeconds');
      entries.push({
        phenomenon,
        intervalSeconds: interval !== undefined && interval > 0 ? interval : options.intervalSeconds,
      });
      for (const observation of data.Observations ?? [])
        observations.push(rawObservationOf(binding, observation));
    }
    if (entries.length === 0) {
      catalogue.skipped.push(`Thing ${thingId}: no Datastream of a known phenomenon`);
      continue;
    }
    seen.add(sensorId);
    const kind = thing.properties?.kind;
    const height = numberProperty(thing.properties, 'heightAboveGroundMeters');
    catalogue.sensors.push({
      id: sensorId,
      name: thing.name?.trim() || String(thingId),
      kind: SENSOR_KINDS.includes(kind as SensorKind) ? (kind as SensorKind) : options.kind,
      position: {
        longitudeDegrees: position[0],
        latitudeDegrees: position[1],
        heightAboveGroundMeters:
          height !== undefined && height >= -50 && height <= 500 ? height : options.heightAboveGroundMeters,
      },
      phenomena: entries,
      source: options.source,
      licence: options.licence,
      attribution: options.attribution,
    });
    catalogue.datastreams.push(...bindings);
    catalogue.observations.push(...observations);
  }
  return catalogue;
}
