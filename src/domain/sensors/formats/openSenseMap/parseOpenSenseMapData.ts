/**
 * A sensor's measurements from `GET /boxes/:boxId/data/:sensorId`: JSON `[{createdAt, value, location?}, …]`
 * (newest first, as the API sends it) or, with `format=csv`, `createdAt,value` rows. The response does not
 * say whose measurements they are, so the caller names the sensor: from a box description beside the file, or
 * from a `sensorId` column when the CSV has one (`/boxes/data`).
 */
import {
  IssueCollector,
  parseDecimal,
  parsedRecording,
  type ParsedRecording,
  type RecordedObservation,
} from '../recordingModel';
import { readCsvRows } from '../csvRows';
import { parseIsoTime, type OpenSenseMapSensorRef } from './parseOpenSenseMapBoxes';

export interface OpenSenseMapDataOptions {
  file: string;
  /** The sensor the whole file belongs to. */
  sensor?: OpenSenseMapSensorRef;
  /** For CSV with a `sensorId` column: every openSenseMap sensor id the caller knows. */
  sensorsByOpenSenseMapId?: ReadonlyMap<string, OpenSenseMapSensorRef>;
}

export function parseOpenSenseMapData(text: string, options: OpenSenseMapDataOptions): ParsedRecording {
  const issues = new IssueCollector(options.file);
  const observations: RecordedObservation[] = [];
  const trimmed = text.trimStart();
  let rowCount = 0;

  const whoseUnknown = () => {
    issues.error(
      'unknown-sensor',
      "no box description names this file's sensor; put the box's GET /boxes/:id JSON beside it",
    );
    return parsedRecording('opensensemap-data', issues, { sensors: [], observations, rowCount });
  };

  const add = (
    sensor: OpenSenseMapSensorRef | undefined,
    rawValue: unknown,
    rawTime: unknown,
    where: { line?: number; field?: string },
  ) => {
    if (!sensor) {
      issues.error(
        'unknown-sensor',
        'which sensor these measurements belong to is not known; skipped',
        where,
      );
      return;
    }
    const value =
      typeof rawValue === 'number' && Number.isFinite(rawValue)
        ? rawValue
        : typeof rawValue === 'string'
          ? parseDecimal(rawValue)
          : undefined;
    if (value === undefined) {
      issues.warning('bad-value', `${JSON.stringify(rawValue)} is not a number; skipped`, where);
      return;
    }
    const time = typeof rawTime === 'string' ? parseIsoTime(rawTime) : undefined;
    if (time === undefined) {
      issues.warning(
        'bad-time',
        `createdAt ${JSON.stringify(rawTime)} is not an ISO 8601 time; skipped`,
        where,
      );
      return;
    }
    observations.push({
      sensorId: sensor.sensorId,
      phenomenon: sensor.phenomenon,
      ...(sensor.unit === undefined ? {} : { unit: sensor.unit }),
      value,
      time,
    });
  };

  if (trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      issues.error('malformed-json', (error as Error).message);
      return parsedRecording('opensensemap-data', issues, { sensors: [], observations, rowCount });
    }
    const items = json as unknown[];
    rowCount = items.length;
    if (!options.sensor) return whoseUnknown();
    items.forEach((item, index) => {
      const field = `[${index}]`;
      if (typeof item !== 'object' || item === null)
        return issues.warning('bad-item', 'not an object; skipped', { field });
      const { value, createdAt } = item as { value?: unknown; createdAt?: unknown };
      add(options.sensor, value, createdAt, { field });
    });
  } else {
    const { rows } = readCsvRows(text);
    const header = (rows[0]?.cells ?? []).map((cell) => cell.trim());
    const timeColumn = header.indexOf('createdAt');
    const valueColumn = header.indexOf('value');
    const sensorColumn = header.indexOf('sensorId');
    if (timeColumn < 0 || valueColumn < 0) {
      issues.error('missing-header', 'expected a header with createdAt and value', { line: 1 });
      return parsedRecording('opensensemap-data', issues, { sensors: [], observations, rowCount });
    }
    rowCount = rows.length - 1;
    if (sensorColumn < 0 && !options.sensor) return whoseUnknown();
    for (const row of rows.slice(1)) {
      const sensor =
        sensorColumn >= 0
          ? options.sensorsByOpenSenseMapId?.get(row.cells[sensorColumn]?.trim() ?? '')
          : options.sensor;
      add(sensor, row.cells[valueColumn] ?? '', row.cells[timeColumn]?.trim(), { line: row.line });
    }
  }
  observations.sort((a, b) => a.time - b.time);
  return parsedRecording('opensensemap-data', issues, { sensors: [], observations, rowCount });
}
