/**
 * Hourly air quality from the Umweltbundesamt (air_data API v3 CSV, as od-ms/luftqualitaet-muenster keeps it):
 *
 *   "Station code";Date;"Particulate matter (PM₁₀) Daily average (hourly floating) in µg/m³";"Ozone (O₃) …";…
 *   DENW095;"'2023-01-01 01:00'";15;57;7;-;"very good"
 *
 * Dates are Münster local time at the END of the hour (`24:00` = midnight), `-` is a missing value. Pollutant
 * columns are recognised by their formula in English or German headers; the index column is ignored.
 */
import type { PhenomenonId } from '../../phenomena';
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
import { UBA_STATION_PLACES } from '../knownSensorPlaces';
import { ubaSensorId } from '../sensorIds';

export const UBA_PROVENANCE = {
  licence: 'dl-de/by-2-0 (Umweltbundesamt open data; verify for your use)',
  attribution: 'Umweltbundesamt, mit Daten der Messnetze der Länder (LANUV NRW)',
} as const;

const SUBSCRIPTS: Readonly<Record<string, string>> = { '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₅': '5' };

/** The pollutant a column header names, or undefined. */
export function ubaColumnPhenomenon(header: string): PhenomenonId | undefined {
  const text = header
    .replace(/[₀₁₂₃₅]/g, (digit) => SUBSCRIPTS[digit] ?? digit)
    .toLowerCase()
    .replace(/\s+/g, '');
  if (/pm2[.,]5/.test(text)) return 'pm2_5';
  if (/pm10/.test(text)) return 'pm10';
  if (/\(no2\)|^no2|stickstoffdioxid|nitrogendioxide/.test(text)) return 'no2';
  if (/\(o3\)|^o3|ozon/.test(text)) return 'o3';
  return undefined;
}

interface PollutantColumn {
  index: number;
  phenomenon: PhenomenonId;
  unit: string;
}

export function parseUbaAirQualityCsv(
  text: string,
  options: { file: string } & ProvenanceOptions,
): ParsedRecording {
  const issues = new IssueCollector(options.file);
  const { rows } = readCsvRows(text, ';');
  const header = rows[0]?.cells.map((cell) => cell.trim()) ?? [];
  if (!/^station/i.test(header[0] ?? '') || !/^(date|datum)$/i.test(header[1] ?? '')) {
    issues.error('missing-header', 'expected a header "Station code";Date;<pollutant columns>', { line: 1 });
    return parsedRecording('uba-air-quality-csv', issues, { sensors: [], observations: [], rowCount: 0 });
  }
  const columns: PollutantColumn[] = [];
  header.slice(2).forEach((name, offset) => {
    const phenomenon = ubaColumnPhenomenon(name);
    if (!phenomenon)
      return issues.info('ignored-column', `column "${name}" is not a pollutant we show`, { line: 1 });
    const unit = /in\s+(\S+)\s*$/.exec(name)?.[1] ?? 'µg/m³';
    columns.push({ index: offset + 2, phenomenon, unit });
  });

  const observations: RecordedObservation[] = [];
  const stations = new Map<string, { previous?: number; phenomena: Set<PhenomenonId> }>();
  for (const row of rows.slice(1)) {
    const code = (row.cells[0] ?? '').trim();
    if (!/^[A-Z]{2}[A-Z0-9]{3,}$/.test(code)) {
      issues.error('bad-station', `"${code}" is not a station code; row skipped`, { line: row.line });
      continue;
    }
    const dateText = (row.cells[1] ?? '').trim().replace(/^'|'$/g, '');
    const local = parseLocalDateTime(dateText);
    if (!local) {
      issues.error('bad-time', `"${dateText}" is not a time "YYYY-MM-DD HH:MM"; row skipped`, {
        line: row.line,
      });
      continue;
    }
    const station = stations.get(code) ?? { phenomena: new Set<PhenomenonId>() };
    stations.set(code, station);
    const time = berlinLocalToUtc(local, station.previous);
    if (station.previous !== undefined && time <= station.previous) {
      issues.error('out-of-order', `${dateText} is not after the row above; row skipped`, { line: row.line });
      continue;
    }
    station.previous = time;
    for (const column of columns) {
      const cell = (row.cells[column.index] ?? '').trim();
      if (cell === '-' || cell === '') continue; // missing, as UBA writes it
      const value = parseDecimal(cell.replace(',', '.'));
      if (value === undefined) {
        issues.warning('bad-value', `"${cell}" is not a number`, {
          line: row.line,
          field: header[column.index],
        });
        continue;
      }
      station.phenomena.add(column.phenomenon);
      observations.push({
        sensorId: ubaSensorId(code),
        phenomenon: column.phenomenon,
        unit: column.unit,
        value,
        time,
      });
    }
  }

  const provenance = resolveProvenance(UBA_PROVENANCE, options);
  const sensors: SensorDraft[] = [...stations]
    .filter(([, station]) => station.phenomena.size > 0)
    .map(([code, station]) => ({
      id: ubaSensorId(code),
      name: UBA_STATION_PLACES[code]?.name ?? `UBA ${code}`,
      kind: 'air-station',
      phenomena: columns
        .filter((column) => station.phenomena.has(column.phenomenon))
        .map((column) => ({ phenomenon: column.phenomenon, intervalSeconds: 3600 })),
      ...provenance,
    }));
  return parsedRecording('uba-air-quality-csv', issues, { sensors, observations, rowCount: rows.length - 1 });
}
