/**
 * `catalogue.json` in a recordings folder: complete sensor descriptions that win over what the recordings say
 * (positions the formats lack, the licence and attribution of synthetic data). Either a plain array of
 * SensorDescriptions or `{ format, version, sensors: […] }`.
 */
import { sensorDescriptionSchema, type SensorDescription } from '../sensorModel';
import { IssueCollector, parsedRecording, type ParsedRecording } from './recordingModel';

export const SENSOR_CATALOGUE_FORMAT = 'muenster-twin-sensor-catalogue';

export interface SensorCatalogueDocument {
  format: typeof SENSOR_CATALOGUE_FORMAT;
  version: 1;
  /** What the folder holds and where it comes from, for people reading the file. */
  note?: string;
  /** Facts about how the recordings were made (generator, seed, recorded week). */
  generator?: Record<string, unknown>;
  sensors: SensorDescription[];
}

/** True when parsed JSON looks like a catalogue (so format detection can tell it from other JSON). */
export function isSensorCatalogueJson(json: unknown): boolean {
  if (typeof json === 'object' && json !== null && !Array.isArray(json))
    return (json as { format?: unknown }).format === SENSOR_CATALOGUE_FORMAT;
  return (
    Array.isArray(json) &&
    json.length > 0 &&
    json.every(
      (entry) => typeof entry === 'object' && entry !== null && 'kind' in entry && 'phenomena' in entry,
    )
  );
}

export function readSensorCatalogue(json: unknown, file: string): ParsedRecording {
  const issues = new IssueCollector(file);
  const entries = Array.isArray(json) ? json : (json as { sensors?: unknown } | null)?.sensors;
  if (!Array.isArray(entries)) {
    issues.error('not-a-catalogue', 'expected an array of sensors or { sensors: [...] }');
    return parsedRecording('sensor-catalogue', issues, { sensors: [], observations: [], rowCount: 0 });
  }
  const sensors: SensorDescription[] = [];
  const ids = new Set<string>();
  entries.forEach((entry: unknown, index) => {
    const result = sensorDescriptionSchema.safeParse(entry);
    if (!result.success) {
      const first = result.error.issues[0]!;
      issues.error('bad-sensor', `${first.message}; sensor skipped`, {
        field: `sensors[${index}]${first.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')}`,
      });
      return;
    }
    if (ids.has(result.data.id)) {
      issues.warning('duplicate-sensor', `"${result.data.id}" is described twice; the first wins`, {
        field: `sensors[${index}]`,
      });
      return;
    }
    ids.add(result.data.id);
    sensors.push(result.data);
  });
  return parsedRecording('sensor-catalogue', issues, { sensors, observations: [], rowCount: entries.length });
}

export function writeSensorCatalogue(document: Omit<SensorCatalogueDocument, 'format' | 'version'>): string {
  const full: SensorCatalogueDocument = { format: SENSOR_CATALOGUE_FORMAT, version: 1, ...document };
  return `${JSON.stringify(full, null, 2)}\n`;
}
