/** Writes box descriptions and /data responses in openSenseMap's API shapes (see the parsers beside this). */
import type { PhenomenonId } from '../../phenomena';
import { OPEN_SENSE_MAP_TITLES } from './openSenseMapPhenomena';

export interface OpenSenseMapBoxContent {
  boxId: string;
  name: string;
  exposure: 'outdoor' | 'indoor' | 'mobile' | 'unknown';
  longitudeDegrees: number;
  latitudeDegrees: number;
  /** Epoch ms. */
  createdAt: number;
  sensors: readonly {
    sensorId: string;
    phenomenon: PhenomenonId;
    lastMeasurement?: { value: string; createdAt: number };
  }[];
}

/** `GET /boxes/:boxId`, pretty-printed like the API documentation's example. */
export function writeOpenSenseMapBox(box: OpenSenseMapBoxContent): string {
  const created = new Date(box.createdAt).toISOString();
  const lastTimes = box.sensors.flatMap((sensor) =>
    sensor.lastMeasurement ? [sensor.lastMeasurement.createdAt] : [],
  );
  const json = {
    _id: box.boxId,
    createdAt: created,
    exposure: box.exposure,
    grouptag: '',
    currentLocation: {
      coordinates: [box.longitudeDegrees, box.latitudeDegrees],
      timestamp: created,
      type: 'Point',
    },
    name: box.name,
    sensors: box.sensors.map((sensor) => {
      const meta = OPEN_SENSE_MAP_TITLES[sensor.phenomenon];
      if (!meta) throw new Error(`no openSenseMap title for ${sensor.phenomenon}`);
      return {
        _id: sensor.sensorId,
        ...(sensor.lastMeasurement
          ? {
              lastMeasurement: {
                value: sensor.lastMeasurement.value,
                createdAt: new Date(sensor.lastMeasurement.createdAt).toISOString(),
              },
            }
          : {}),
        sensorType: meta.sensorType,
        title: meta.title,
        unit: meta.unit,
      };
    }),
    updatedAt: new Date(lastTimes.length > 0 ? Math.max(...lastTimes) : box.createdAt).toISOString(),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** One measurement: `value` already formatted, as openSenseMap stores text. */
export interface OpenSenseMapMeasurement {
  createdAt: number;
  value: string;
}

/** `GET /boxes/:boxId/data/:sensorId` as JSON: newest first, one measurement per line to keep diffs readable. */
export function writeOpenSenseMapDataJson(
  measurements: readonly OpenSenseMapMeasurement[],
  location?: readonly [longitude: number, latitude: number],
): string {
  const newestFirst = [...measurements].sort((a, b) => b.createdAt - a.createdAt);
  const lines = newestFirst.map((measurement) =>
    JSON.stringify({
      ...(location ? { location } : {}),
      createdAt: new Date(measurement.createdAt).toISOString(),
      value: measurement.value,
    }),
  );
  return `[\n${lines.join(',\n')}\n]\n`;
}

/** The same with `format=csv`. */
export function writeOpenSenseMapDataCsv(measurements: readonly OpenSenseMapMeasurement[]): string {
  const newestFirst = [...measurements].sort((a, b) => b.createdAt - a.createdAt);
  return `createdAt,value\n${newestFirst.map((item) => `${new Date(item.createdAt).toISOString()},${item.value}`).join('\n')}\n`;
}
