/**
 * The twin's own plain format for series no public format covers (the adaptive street lights):
 *
 *   time,sensorId,phenomenon,value,state
 *   2026-08-03T19:42:10Z,street-light:kanalpromenade-01,light_level,100,
 *
 * `time` is ISO 8601 with a zone (or epoch ms), `phenomenon` one of ours in its canonical unit, `value` empty only
 * when `state` says why. The sensors themselves are described in the folder's catalogue.
 */
import { isPhenomenonId } from '../phenomena';
import { readCsvRows } from './csvRows';
import { parseIsoTime } from './openSenseMap/parseOpenSenseMapBoxes';
import {
  IssueCollector,
  parseDecimal,
  parsedRecording,
  type ParsedRecording,
  type RecordedObservation,
} from './recordingModel';

export const OBSERVATIONS_CSV_HEADER = 'time,sensorId,phenomenon,value,state';

export function parseObservationsCsv(text: string, options: { file: string }): ParsedRecording {
  const issues = new IssueCollector(options.file);
  const { rows } = readCsvRows(text);
  const header = (rows[0]?.cells ?? []).map((cell) => cell.trim());
  const column = (name: string) => header.indexOf(name);
  const [timeColumn, sensorColumn, phenomenonColumn, valueColumn] = [
    'time',
    'sensorId',
    'phenomenon',
    'value',
  ].map(column) as [number, number, number, number];
  const stateColumn = column('state');
  const unitColumn = column('unit');
  if ([timeColumn, sensorColumn, phenomenonColumn, valueColumn].some((index) => index < 0)) {
    issues.error('missing-header', `expected a header "${OBSERVATIONS_CSV_HEADER}"`, { line: 1 });
    return parsedRecording('observations-csv', issues, { sensors: [], observations: [], rowCount: 0 });
  }
  const observations: RecordedObservation[] = [];
  for (const row of rows.slice(1)) {
    const cell = (index: number) => (index < 0 ? '' : (row.cells[index] ?? '').trim());
    const timeText = cell(timeColumn);
    const time = /^\d+$/.test(timeText) ? Number(timeText) : parseIsoTime(timeText);
    const sensorId = cell(sensorColumn);
    const phenomenon = cell(phenomenonColumn);
    const state = cell(stateColumn);
    const value = cell(valueColumn) === '' ? null : parseDecimal(cell(valueColumn));
    const where = { line: row.line };
    if (time === undefined)
      issues.error('bad-time', `"${timeText}" is not an ISO 8601 time; row skipped`, where);
    else if (!/^[A-Za-z0-9_.:-]+$/.test(sensorId))
      issues.error('bad-sensor', `"${sensorId}" is not a sensor id; row skipped`, where);
    else if (!isPhenomenonId(phenomenon))
      issues.error('unknown-phenomenon', `"${phenomenon}" is not a phenomenon; row skipped`, where);
    else if (value === undefined || (value === null && state === ''))
      issues.error('bad-value', `"${cell(valueColumn)}" is not a number; row skipped`, where);
    else
      observations.push({
        sensorId,
        phenomenon,
        ...(cell(unitColumn) === '' ? {} : { unit: cell(unitColumn) }),
        value,
        ...(state === '' ? {} : { state }),
        time,
      });
  }
  return parsedRecording('observations-csv', issues, {
    sensors: [],
    observations,
    rowCount: rows.length - 1,
  });
}

const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** Writes observations in time order, times to the second when they are whole seconds. */
export function writeObservationsCsv(observations: readonly RecordedObservation[]): string {
  const lines = [...observations]
    .sort((a, b) => a.time - b.time)
    .map((item) =>
      [
        new Date(item.time).toISOString().replace('.000Z', 'Z'),
        item.sensorId,
        item.phenomenon,
        item.value === null ? '' : String(item.value),
        csvCell(item.state ?? ''),
      ].join(','),
    );
  return `${OBSERVATIONS_CSV_HEADER}\n${lines.join('\n')}\n`;
}
