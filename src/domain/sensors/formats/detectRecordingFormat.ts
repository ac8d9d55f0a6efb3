/**
 * Which format a file is in, from its extension and its first line or JSON shape, so a user can drop real
 * recordings into a folder under any names. Undefined for anything else (READMEs, outlines, unknown CSVs).
 */
import { firstLine } from './csvRows';
import { DATAHUB_VARIABLES } from './datahub/datahubBuoyJson';
import type { RecordingFormat } from './recordingModel';
import { isSensorCatalogueJson } from './sensorCatalogue';

const extensionOf = (file: string) => /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';

export function detectRecordingFormat(file: string, text: string): RecordingFormat | undefined {
  const extension = extensionOf(file);
  if (extension === 'xml')
    return /<(SPAT|spat|SPATEM)\b|<IntersectionState\b/.test(text) ? 'spat-xml' : undefined;
  if (extension === 'csv' || extension === 'txt') return detectCsv(firstLine(text));
  if (extension === 'json' || extension === 'geojson') {
    try {
      return detectJson(JSON.parse(text));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function detectCsv(header: string): RecordingFormat | undefined {
  const cells = header.split(/[,;]/).map((cell) => cell.trim().replace(/^"|"$/g, ''));
  if (cells[0] === 'Datum und Uhrzeit') return 'parking-csv';
  if (cells[0] === 'Datetime' && /^\d+ \(/.test(cells[1] ?? '')) return 'bike-counter-csv';
  if (
    /^station( code)?$|^stationscode$/i.test(cells[0] ?? '') &&
    /^(date|datum)$/i.test(cells[1] ?? '') &&
    header.includes(';')
  )
    return 'uba-air-quality-csv';
  if (cells[0] === 'time' && cells[1] === 'sensorId' && cells[2] === 'phenomenon') return 'observations-csv';
  if (cells.includes('createdAt') && cells.includes('value')) return 'opensensemap-data';
  return undefined;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function detectJson(json: unknown): RecordingFormat | undefined {
  if (isSensorCatalogueJson(json)) return 'sensor-catalogue';
  if (Array.isArray(json)) {
    const first: unknown = json[0];
    if (!isObject(first)) return undefined;
    if ('createdAt' in first && 'value' in first) return 'opensensemap-data';
    if ('directory' in first && 'channels' in first) return 'bike-counter-sites';
    if (typeof first._id === 'string') return 'opensensemap-boxes';
    return undefined;
  }
  if (!isObject(json)) return undefined;
  if (json.type === 'FeatureCollection' && Array.isArray(json.features)) {
    const first: unknown = json.features[0];
    return isObject(first) && isObject(first.properties) && typeof first.properties._id === 'string'
      ? 'opensensemap-boxes'
      : undefined;
  }
  if (typeof json._id === 'string' && ('sensors' in json || 'currentLocation' in json))
    return 'opensensemap-box';
  if (
    isObject(json.data) &&
    Object.keys(json.data).some((key) => key in DATAHUB_VARIABLES || key.toLowerCase() === 'ph')
  )
    return 'datahub-buoy-json';
  return undefined;
}
