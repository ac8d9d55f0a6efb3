/**
 * openSenseMap boxes (https://docs.opensensemap.org/#api-Boxes-getBoxes, `GET /boxes?bbox=…&full=true` or
 * `GET /boxes/:boxId`) → the hub's sensors and their latest measurements. A box is one sensor of kind
 * `sensebox`; each of its sensors whose title we know becomes one of its phenomena.
 */
import { z } from 'zod';
import type { PhenomenonId } from '../phenomena';
import type { RawObservation, SensorDescription } from '../sensorModel';
import { upstreamSensorId } from './sensorIds';

/** Sensor titles as senseBoxes name them (compared in lower case) → phenomena; a source's `phenomena` adds to these. */
export const DEFAULT_SENSEBOX_TITLES: Readonly<Record<string, PhenomenonId>> = {
  temperatur: 'air_temperature',
  lufttemperatur: 'air_temperature',
  temperature: 'air_temperature',
  'rel. luftfeuchte': 'relative_humidity',
  luftfeuchte: 'relative_humidity',
  luftfeuchtigkeit: 'relative_humidity',
  'relative luftfeuchte': 'relative_humidity',
  humidity: 'relative_humidity',
  'relative humidity': 'relative_humidity',
  luftdruck: 'air_pressure',
  'atm. luftdruck': 'air_pressure',
  'air pressure': 'air_pressure',
  pressure: 'air_pressure',
  pm10: 'pm10',
  'feinstaub pm10': 'pm10',
  'pm2.5': 'pm2_5',
  'pm2,5': 'pm2_5',
  pm25: 'pm2_5',
  'feinstaub pm2.5': 'pm2_5',
  'feinstaub pm2,5': 'pm2_5',
  beleuchtungsstärke: 'illuminance',
  illuminance: 'illuminance',
  'uv-intensität': 'uv_intensity',
  'uv intensity': 'uv_intensity',
  wassertemperatur: 'water_temperature',
  'water temperature': 'water_temperature',
  stickstoffdioxid: 'no2',
  no2: 'no2',
  ozon: 'o3',
  o3: 'o3',
};

export interface OpenSenseMapMappingOptions {
  sourceId: string;
  source: string;
  licence: string;
  attribution: string;
  /** Most boxes hang on a balcony or a pole; openSenseMap has no reliable height above ground. */
  heightAboveGroundMeters: number;
  intervalSeconds: number;
  /** Added to {@link DEFAULT_SENSEBOX_TITLES}; keys compared in lower case. */
  phenomena: Readonly<Record<string, PhenomenonId>>;
}

/** One box sensor the hub follows, with its latest measurement as openSenseMap reported it. */
export interface OpenSenseMapSeries {
  sensorId: string;
  phenomenon: PhenomenonId;
  /** openSenseMap's own sensor `_id`. */
  upstreamSensorId: string;
  latest: RawObservation | undefined;
}

export interface OpenSenseMapCatalogue {
  sensors: SensorDescription[];
  series: OpenSenseMapSeries[];
  skipped: string[];
}

const measurementSchema = z.looseObject({ value: z.unknown().optional(), createdAt: z.unknown().optional() });
const boxSensorSchema = z.looseObject({
  _id: z.string().min(1),
  title: z.string().nullish(),
  unit: z.string().nullish(),
  // Without `full=true` this is only an id; such a sensor has no value to report yet.
  lastMeasurement: z.union([measurementSchema, z.string(), z.null()]).optional(),
});
const boxSchema = z.looseObject({
  _id: z.string().min(1),
  name: z.string().nullish(),
  currentLocation: z
    .looseObject({ coordinates: z.tuple([z.number(), z.number()]).rest(z.number()) })
    .nullish(),
  sensors: z.array(z.unknown()).nullish(),
});

/** Maps the boxes of one poll to sensors, the box sensors we follow and their latest measurements. */
export function mapOpenSenseMapBoxes(
  boxes: readonly unknown[],
  options: OpenSenseMapMappingOptions,
): OpenSenseMapCatalogue {
  const titles: Record<string, PhenomenonId> = { ...DEFAULT_SENSEBOX_TITLES };
  for (const [title, phenomenon] of Object.entries(options.phenomena))
    titles[title.trim().toLowerCase()] = phenomenon;
  const catalogue: OpenSenseMapCatalogue = { sensors: [], series: [], skipped: [] };
  const seen = new Set<string>();
  for (const json of boxes) {
    const parsed = boxSchema.safeParse(json);
    if (!parsed.success) {
      catalogue.skipped.push(`a box without _id or location: ${JSON.stringify(json).slice(0, 80)}`);
      continue;
    }
    const box = parsed.data;
    const sensorId = upstreamSensorId(options.sourceId, box._id);
    const coordinates = box.currentLocation?.coordinates;
    if (
      seen.has(sensorId) ||
      !coordinates ||
      Math.abs(coordinates[0]) > 180 ||
      Math.abs(coordinates[1]) > 90
    ) {
      catalogue.skipped.push(
        `box ${box._id}: ${coordinates ? 'listed twice or outside WGS84' : 'no location'}`,
      );
      continue;
    }
    const series: OpenSenseMapSeries[] = [];
    for (const item of box.sensors ?? []) {
      const sensor = boxSensorSchema.safeParse(item);
      if (!sensor.success) continue;
      const title = sensor.data.title?.trim().toLowerCase() ?? '';
      const phenomenon = Object.hasOwn(titles, title) ? titles[title] : undefined;
      // Two sensors of one phenomenon in a box (a second thermometer): the first one listed speaks for the box.
      if (!phenomenon || series.some((entry) => entry.phenomenon === phenomenon)) continue;
      const measurement = sensor.data.lastMeasurement;
      series.push({
        sensorId,
        phenomenon,
        upstreamSensorId: sensor.data._id,
        latest:
          typeof measurement === 'object' && measurement !== null
            ? {
                sensorId,
                phenomenon,
                unit: sensor.data.unit ?? undefined,
                value: measurement.value,
                time: measurement.createdAt,
              }
            : undefined,
      });
    }
    if (series.length === 0) {
      catalogue.skipped.push(`box ${box._id}: no sensor of a known phenomenon`);
      continue;
    }
    seen.add(sensorId);
    catalogue.sensors.push({
      id: sensorId,
      name: box.name?.trim() || box._id,
      kind: 'sensebox',
      position: {
        longitudeDegrees: coordinates[0],
        latitudeDegrees: coordinates[1],
        heightAboveGroundMeters: options.heightAboveGroundMeters,
      },
      phenomena: series.map((entry) => ({
        phenomenon: entry.phenomenon,
        intervalSeconds: options.intervalSeconds,
      })),
      source: options.source,
      licence: options.licence,
      attribution: options.attribution,
    });
    catalogue.series.push(...series);
  }
  return catalogue;
}
