/**
 * The city's car-park feed as codeformuenster/parking-decks-muenster records it, one file per day:
 *
 *   "Datum und Uhrzeit","PH Coesfelder Kreuz","PH Theater",…
 *   "Anzahl Parkplätze gesamt","(1000)","(743)",…          ← capacities; missing in the old format (2019)
 *   "2026-08-01 00:00","ges",655,…                          ← Münster local time; free spaces or a status
 *
 * A status is the first three letters of the Parkleitsystem's text: `ges` (geschlossen) → state `closed`,
 * `bes` (besetzt) → `full` with 0 free spaces, `kei` (keine Daten) → `no-data`.
 */
import {
  IssueCollector,
  inferIntervalSeconds,
  parseDecimal,
  parsedRecording,
  resolveProvenance,
  type ParsedRecording,
  type ProvenanceOptions,
  type RecordedObservation,
  type SensorDraft,
} from '../recordingModel';
import { berlinLocalToUtc, parseLocalDateTime } from '../berlinTime';
import { readCsvRows } from '../csvRows';
import { parkingSensorId } from '../sensorIds';

export const PARKING_UNIT = 'spaces';
export const PARKING_HEADER_FIRST_CELL = 'Datum und Uhrzeit';
export const PARKING_CAPACITY_FIRST_CELL = 'Anzahl Parkplätze gesamt';

export const PARKING_PROVENANCE = {
  licence: 'dl-de/by-2-0 (Stadt Münster open data; terms of the Parkleitsystem feed not verified)',
  attribution: 'Datenquelle: Stadt Münster (Parkleitsystem)',
} as const;

/** Parkleitsystem status codes → observation state and value. */
const STATUSES: Readonly<Record<string, { state: string; value: number | null }>> = {
  ges: { state: 'closed', value: null },
  bes: { state: 'full', value: 0 },
  kei: { state: 'no-data', value: null },
};

interface Column {
  index: number;
  sensorId: string;
  name: string;
  capacity?: number;
  times: number[];
}

export function parseParkingCsv(
  text: string,
  options: { file: string } & ProvenanceOptions,
): ParsedRecording {
  const issues = new IssueCollector(options.file);
  const { rows, unterminatedQuoteLine } = readCsvRows(text);
  if (unterminatedQuoteLine !== undefined)
    issues.error('unterminated-quote', 'a quoted cell is never closed; the rest of the file is one cell', {
      line: unterminatedQuoteLine,
    });
  const empty = () => parsedRecording('parking-csv', issues, { sensors: [], observations: [], rowCount: 0 });
  const header = rows[0];
  if (!header || parseLocalDateTime(header.cells[0] ?? '') !== undefined) {
    issues.error('missing-header', `expected a first row "${PARKING_HEADER_FIRST_CELL}",<car park names>`, {
      line: header?.line ?? 1,
    });
    return empty();
  }

  const columns: Column[] = [];
  const seen = new Set<string>();
  header.cells.slice(1).forEach((rawName, offset) => {
    const name = rawName.trim();
    const field = `column ${offset + 2}`;
    if (name === '')
      return issues.warning('empty-name', 'a car park without a name is skipped', { line: 1, field });
    const sensorId = parkingSensorId(name);
    if (seen.has(sensorId))
      return issues.warning('duplicate-name', `"${name}" appears twice; the second column is skipped`, {
        line: 1,
        field,
      });
    seen.add(sensorId);
    columns.push({ index: offset + 1, sensorId, name, times: [] });
  });

  let dataStart = 1;
  const capacityRow = rows[1];
  if (capacityRow && parseLocalDateTime(capacityRow.cells[0] ?? '') === undefined) {
    dataStart = 2;
    for (const column of columns) {
      const cell = (capacityRow.cells[column.index] ?? '').trim();
      const match = /^\(?\s*(\d+)\s*\)?$/.exec(cell);
      if (match && Number(match[1]) > 0) column.capacity = Number(match[1]);
      else
        issues.warning('bad-capacity', `capacity "${cell}" is not "(<number>)"`, {
          line: capacityRow.line,
          field: `column "${column.name}"`,
        });
    }
  }

  const observations: RecordedObservation[] = [];
  let previousTime: number | undefined;
  for (const row of rows.slice(dataStart)) {
    const local = parseLocalDateTime(row.cells[0] ?? '');
    if (!local) {
      issues.error('bad-time', `"${row.cells[0]}" is not a time "YYYY-MM-DD HH:MM"; row skipped`, {
        line: row.line,
      });
      continue;
    }
    const time = berlinLocalToUtc(local, previousTime);
    if (previousTime !== undefined && time <= previousTime) {
      issues.error(
        time === previousTime ? 'duplicate-time' : 'out-of-order',
        `${row.cells[0]} is ${time === previousTime ? 'the same time as' : 'before'} the row above; row skipped`,
        { line: row.line },
      );
      continue;
    }
    previousTime = time;
    if (row.cells.length !== header.cells.length)
      issues.warning('cell-count', `${row.cells.length} cells where the header has ${header.cells.length}`, {
        line: row.line,
      });
    for (const column of columns) {
      const observation = readCell(row.cells[column.index], column, time, row.line, issues);
      if (observation) {
        observations.push(observation);
        column.times.push(time);
      }
    }
  }

  const provenance = resolveProvenance(PARKING_PROVENANCE, options);
  const sensors: SensorDraft[] = columns.map((column) => ({
    id: column.sensorId,
    name: column.name,
    kind: 'car-park',
    phenomena: [{ phenomenon: 'parking_free', intervalSeconds: inferIntervalSeconds(column.times, 300) }],
    source: provenance.source,
    licence: provenance.licence,
    attribution: provenance.attribution,
    ...(column.capacity === undefined ? {} : { capacity: column.capacity }),
  }));
  return parsedRecording('parking-csv', issues, {
    sensors,
    observations,
    rowCount: rows.length - dataStart,
  });
}

function readCell(
  cell: string | undefined,
  column: Column,
  time: number,
  line: number,
  issues: IssueCollector,
): RecordedObservation | undefined {
  const text = (cell ?? '').trim();
  const field = `column "${column.name}"`;
  if (text === '') {
    issues.warning('empty-value', 'no value', { line, field });
    return undefined;
  }
  const base = { sensorId: column.sensorId, phenomenon: 'parking_free' as const, unit: PARKING_UNIT, time };
  const number = parseDecimal(text);
  if (number !== undefined) {
    if (number < 0 || !Number.isInteger(number)) {
      issues.warning('bad-value', `"${text}" is not a count of free spaces`, { line, field });
      return undefined;
    }
    return { ...base, value: number };
  }
  const status = STATUSES[text.slice(0, 3).toLowerCase()];
  if (!status) {
    issues.warning('unknown-status', `"${text}" is neither a number nor a status (ges/bes/kei)`, {
      line,
      field,
    });
    return undefined;
  }
  return { ...base, value: status.value, state: status.state };
}
