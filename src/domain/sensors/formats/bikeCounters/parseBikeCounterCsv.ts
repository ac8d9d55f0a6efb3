/**
 * The city's bike counters as od-ms/radverkehr-zaehlstellen publishes them, one file per station and month:
 *
 *   Datetime,"100053305 (Kanalpromenade, Abschnitt 5)","101053305 (… Richtung Osttor)",…,100053305-status,…
 *   2026-07-01 00:00,0,0,0,…
 *
 * The first count column is the station total, the others its direction channels; an empty cell means the
 * channel was not active; a status other than 0 marks a count the counter itself doubts (skipped). Times are
 * Münster local time at the START of each counting interval; an observation is stamped at the interval's END,
 * when its count is complete (`2026-07-01 00:00` → the cyclists of 00:00–00:15, known at 00:15).
 */
import {
  IssueCollector,
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
import { bikeCounterSensorId } from '../sensorIds';

export const BIKE_COUNT_UNIT = 'bicycles';
export const BIKE_COUNTER_PROVENANCE = {
  licence: 'dl-de/by-2-0',
  attribution: 'Datenquelle: Stadt Münster (Radverkehrszählstellen)',
} as const;

const DEFAULT_INTERVAL_MS = 15 * 60_000;

interface Channel {
  channelId: string;
  name: string;
  valueColumn: number;
  statusColumn?: number;
  sensorId: string;
  count: number;
}

export function parseBikeCounterCsv(
  text: string,
  options: { file: string } & ProvenanceOptions,
): ParsedRecording {
  const issues = new IssueCollector(options.file);
  const { rows, unterminatedQuoteLine } = readCsvRows(text);
  if (unterminatedQuoteLine !== undefined)
    issues.error('unterminated-quote', 'a quoted cell is never closed', { line: unterminatedQuoteLine });
  const header = rows[0];
  const channels = header ? readChannels(header.cells, issues) : [];
  if (!header || header.cells[0]?.trim() !== 'Datetime' || channels.length === 0) {
    issues.error('missing-header', 'expected a header "Datetime,<channel id> (<name>),…"', { line: 1 });
    return parsedRecording('bike-counter-csv', issues, { sensors: [], observations: [], rowCount: 0 });
  }
  const stationId = channels[0]!.channelId;
  for (const channel of channels) channel.sensorId = bikeCounterSensorId(stationId, channel.channelId);

  const dataRows = rows.slice(1);
  const starts: (number | undefined)[] = [];
  let previous: number | undefined;
  for (const row of dataRows) {
    const local = parseLocalDateTime(row.cells[0] ?? '');
    const start = local ? berlinLocalToUtc(local, previous) : undefined;
    if (start !== undefined) previous = start;
    starts.push(start);
  }
  const intervalMs = typicalGap(starts) ?? DEFAULT_INTERVAL_MS;

  const observations: RecordedObservation[] = [];
  let lastStart: number | undefined;
  dataRows.forEach((row, rowIndex) => {
    const start = starts[rowIndex];
    if (start === undefined) {
      issues.error('bad-time', `"${row.cells[0]}" is not a time "YYYY-MM-DD HH:MM"; row skipped`, {
        line: row.line,
      });
      return;
    }
    if (lastStart !== undefined && start <= lastStart) {
      issues.error('out-of-order', `${row.cells[0]} is not after the row above; row skipped`, {
        line: row.line,
      });
      return;
    }
    lastStart = start;
    for (const channel of channels) {
      const cell = (row.cells[channel.valueColumn] ?? '').trim();
      if (cell === '') continue; // an inactive channel
      const field = `column "${channel.channelId}"`;
      const status = channel.statusColumn === undefined ? '' : (row.cells[channel.statusColumn] ?? '').trim();
      if (status !== '' && status !== '0') {
        issues.warning('channel-status', `status ${status}: the counter doubts this count; skipped`, {
          line: row.line,
          field,
        });
        continue;
      }
      const value = parseDecimal(cell);
      if (value === undefined || value < 0 || !Number.isInteger(value)) {
        issues.warning('bad-value', `"${cell}" is not a count of bicycles`, { line: row.line, field });
        continue;
      }
      channel.count += 1;
      observations.push({
        sensorId: channel.sensorId,
        phenomenon: 'bike_count',
        unit: BIKE_COUNT_UNIT,
        value,
        time: start + intervalMs,
      });
    }
  });

  const provenance = resolveProvenance(BIKE_COUNTER_PROVENANCE, options);
  const sensors: SensorDraft[] = [];
  for (const channel of channels) {
    if (channel.count === 0) {
      issues.info('inactive-channel', `channel ${channel.channelId} (${channel.name}) has no counts`, {
        field: `column "${channel.channelId}"`,
      });
      continue;
    }
    sensors.push({
      id: channel.sensorId,
      name: channel.name,
      kind: 'bike-counter',
      phenomena: [{ phenomenon: 'bike_count', intervalSeconds: intervalMs / 1000 }],
      ...provenance,
    });
  }
  return parsedRecording('bike-counter-csv', issues, { sensors, observations, rowCount: dataRows.length });
}

/** `<id> (<name>)` count columns and `<id>-status` columns. */
function readChannels(cells: readonly string[], issues: IssueCollector): Channel[] {
  const channels: Channel[] = [];
  const statusColumns = new Map<string, number>();
  cells.forEach((rawCell, column) => {
    if (column === 0) return;
    const cell = rawCell.trim();
    const status = /^(\d+)-status$/.exec(cell);
    if (status) return void statusColumns.set(status[1]!, column);
    const count = /^(\d+)\s*\((.*)\)$/.exec(cell);
    if (!count) return issues.info('unknown-column', `column "${cell}" is ignored`, { line: 1 });
    channels.push({
      channelId: count[1]!,
      name: count[2]!.trim(),
      valueColumn: column,
      sensorId: '',
      count: 0,
    });
  });
  for (const channel of channels) channel.statusColumn = statusColumns.get(channel.channelId);
  return channels;
}

/** The most common gap between consecutive rows. */
function typicalGap(times: readonly (number | undefined)[]): number | undefined {
  const counts = new Map<number, number>();
  let previous: number | undefined;
  for (const time of times) {
    if (time === undefined) continue;
    if (previous !== undefined && time > previous)
      counts.set(time - previous, (counts.get(time - previous) ?? 0) + 1);
    previous = time;
  }
  let best: number | undefined;
  for (const [gap, count] of counts) if (best === undefined || count > counts.get(best)!) best = gap;
  return best;
}
