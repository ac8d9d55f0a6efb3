/**
 * The Aasee buoy's readings as datahub.digital's `parsed-packets` endpoint answers the Smart City dashboard:
 * `{ data: { water_temperature: [{time, value}], dissolved_oxygen: […], pH: […] }, metadata: {…} }`
 * (shape inferred from reedu's smart-city-dashboard-backend; no recorded sample exists). `time` may be ISO 8601
 * or epoch seconds/milliseconds; other variables the probe measures (turbidity, chlorophyll) are not modelled.
 * The response does not name the device: the file name does (`datahub-device-832.json` → `datahub:832`).
 */
import type { PhenomenonId } from '../../phenomena';
import { AASEE_BUOY_DEVICE_ID, AASEE_BUOY_PLACE } from '../knownSensorPlaces';
import {
  IssueCollector,
  baseName,
  inferIntervalSeconds,
  parseDecimal,
  parsedRecording,
  resolveProvenance,
  type ParsedRecording,
  type ProvenanceOptions,
  type RecordedObservation,
} from '../recordingModel';
import { parseIsoTime } from '../openSenseMap/parseOpenSenseMapBoxes';
import { datahubSensorId, slugify } from '../sensorIds';

export const DATAHUB_VARIABLES: Readonly<Record<string, { phenomenon: PhenomenonId; unit: string }>> = {
  water_temperature: { phenomenon: 'water_temperature', unit: '°C' },
  dissolved_oxygen: { phenomenon: 'dissolved_oxygen', unit: 'mg/L' },
  pH: { phenomenon: 'ph', unit: 'pH' },
};

export const DATAHUB_PROVENANCE = {
  licence: 'Stadt Münster Smart City open data (terms not verified)',
  attribution: 'Datenquelle: Stadt Münster, Smart City (Aasee-Boje, datahub.digital)',
} as const;

/** The device id a file name carries (`datahub-device-832.json` → `832`), or the name itself. */
export function datahubDeviceIdFromFileName(file: string): string {
  const name = baseName(file).replace(/\.[a-z]+$/i, '');
  return /(?:device|geraet|datahub)[-_ ]?(\d+)/i.exec(name)?.[1] ?? slugify(name);
}

export function parseDatahubBuoyJson(
  text: string,
  options: { file: string; deviceId?: string } & ProvenanceOptions,
): ParsedRecording {
  const issues = new IssueCollector(options.file);
  const empty = () =>
    parsedRecording('datahub-buoy-json', issues, { sensors: [], observations: [], rowCount: 0 });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    issues.error('malformed-json', (error as Error).message);
    return empty();
  }
  const data = (json as { data?: unknown } | null)?.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    issues.error('missing-data', 'expected { data: { <variable>: [{time, value}] } }', { field: 'data' });
    return empty();
  }
  const deviceId = options.deviceId ?? datahubDeviceIdFromFileName(options.file);
  const sensorId = datahubSensorId(deviceId);
  const observations: RecordedObservation[] = [];
  const phenomena: { phenomenon: PhenomenonId; intervalSeconds: number }[] = [];
  let rowCount = 0;
  for (const [variable, readings] of Object.entries(data)) {
    const known = DATAHUB_VARIABLES[variable] ?? DATAHUB_VARIABLES[variable.toLowerCase()];
    if (!known) {
      issues.info('ignored-variable', `variable "${variable}" is not a phenomenon we show`, {
        field: `data.${variable}`,
      });
      continue;
    }
    if (!Array.isArray(readings)) {
      issues.error('bad-series', 'expected an array of {time, value}', { field: `data.${variable}` });
      continue;
    }
    const times: number[] = [];
    readings.forEach((reading: unknown, index) => {
      rowCount += 1;
      const field = `data.${variable}[${index}]`;
      const { time: rawTime, value: rawValue } = (reading ?? {}) as { time?: unknown; value?: unknown };
      const time = readTime(rawTime);
      const value =
        typeof rawValue === 'number' && Number.isFinite(rawValue)
          ? rawValue
          : typeof rawValue === 'string'
            ? parseDecimal(rawValue)
            : undefined;
      if (time === undefined || value === undefined) {
        issues.warning(
          'bad-reading',
          `${JSON.stringify(reading)} needs a time and a numeric value; skipped`,
          { field },
        );
        return;
      }
      times.push(time);
      observations.push({ sensorId, phenomenon: known.phenomenon, unit: known.unit, value, time });
    });
    if (times.length > 0)
      phenomena.push({ phenomenon: known.phenomenon, intervalSeconds: inferIntervalSeconds(times, 900) });
  }
  observations.sort((a, b) => a.time - b.time);
  if (phenomena.length === 0)
    return parsedRecording('datahub-buoy-json', issues, { sensors: [], observations, rowCount });
  return parsedRecording('datahub-buoy-json', issues, {
    sensors: [
      {
        id: sensorId,
        name: deviceId === AASEE_BUOY_DEVICE_ID ? AASEE_BUOY_PLACE.name : `Boje ${deviceId}`,
        kind: 'water-buoy',
        phenomena,
        ...resolveProvenance(DATAHUB_PROVENANCE, options),
      },
    ],
    observations,
    rowCount,
  });
}

function readTime(raw: unknown): number | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw < 1e11 ? raw * 1000 : raw;
  if (typeof raw === 'string') return /^\d+$/.test(raw) ? readTime(Number(raw)) : parseIsoTime(raw);
  return undefined;
}

/** Writes readings in the same shape, ISO times, as the endpoint would answer for one device. */
export function writeDatahubBuoyJson(content: {
  deviceId: string;
  series: Partial<Record<keyof typeof DATAHUB_VARIABLES, readonly { time: number; value: number }[]>>;
  metadata?: Record<string, unknown>;
}): string {
  const data = Object.fromEntries(
    Object.entries(content.series).map(([variable, readings]) => [
      variable,
      (readings ?? []).map((reading) => ({
        time: new Date(reading.time).toISOString(),
        value: reading.value,
      })),
    ]),
  );
  const lines = Object.entries(data).map(
    ([variable, readings]) =>
      `    ${JSON.stringify(variable)}: [\n${readings.map((reading) => `      ${JSON.stringify(reading)}`).join(',\n')}\n    ]`,
  );
  const metadata = JSON.stringify({ device: content.deviceId, ...content.metadata });
  return `{\n  "data": {\n${lines.join(',\n')}\n  },\n  "metadata": ${metadata}\n}\n`;
}
