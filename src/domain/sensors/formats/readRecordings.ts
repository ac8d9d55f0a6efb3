/**
 * A folder of recordings → complete sensor descriptions and time-ordered observations, whatever mix of formats
 * it holds. Pure: the caller reads the files. Descriptions come from `catalogue.json` first, then from the
 * recordings themselves with positions from the known places (knownSensorPlaces); a sensor nobody can place is left out
 * with an issue, and so are observations of sensors nobody describes.
 */
import type { PhenomenonId } from '../phenomena';
import type { SensorDescription } from '../sensorModel';
import { parseBikeCounterCsv } from './bikeCounters/parseBikeCounterCsv';
import { parseBikeCounterSites } from './bikeCounters/parseBikeCounterSites';
import { parseDatahubBuoyJson } from './datahub/datahubBuoyJson';
import { detectRecordingFormat } from './detectRecordingFormat';
import { parseObservationsCsv } from './observationsCsv';
import { parseOpenSenseMapBoxes, type OpenSenseMapSensorRef } from './openSenseMap/parseOpenSenseMapBoxes';
import { parseOpenSenseMapData } from './openSenseMap/parseOpenSenseMapData';
import { parseParkingCsv } from './parking/parseParkingCsv';
import {
  IssueCollector,
  type ParsedRecording,
  type RecordedObservation,
  type RecordingFormat,
  type RecordingIssue,
  type SensorDraft,
} from './recordingModel';
import { readSensorCatalogue } from './sensorCatalogue';
import { parseSpatXml, type SpatIntersectionState } from './spat/parseSpatXml';
import type { SignalCycle } from './spat/signalTimeline';
import { completeSensors, mergeDraft, signalObservations } from './assembleRecordings';
import { latestStretches, withoutDuplicates, type RecordingDataset } from './recordingDatasets';

export type { RecordingDataset } from './recordingDatasets';
import { parseUbaAirQualityCsv } from './uba/parseUbaAirQualityCsv';

export interface RecordingFile {
  /** Path inside the folder, `/`-separated; it names the file in issues. */
  path: string;
  text: string;
}

export interface RecordingSet {
  sensors: SensorDescription[];
  datasets: RecordingDataset[];
  /** Fixed-time signals, computed on demand rather than stored. */
  signalCycles: SignalCycle[];
  files: { path: string; format?: RecordingFormat; rowCount: number; observationCount: number }[];
  /** The first issues of each code per file. */
  issues: RecordingIssue[];
  /** Every issue, counted by code over all files. */
  issueCounts: Record<string, number>;
}

export interface ReadRecordingsOptions {
  /** The adapter named in every description (default `replay`). */
  source?: string;
  /** SPaT's year when neither the file name nor the other recordings tell it. */
  defaultYear: number;
}

const DATASET_OF: Readonly<Partial<Record<RecordingFormat, string>>> = {
  'parking-csv': 'parking',
  'bike-counter-csv': 'bike-counters',
  'opensensemap-box': 'opensensemap',
  'opensensemap-boxes': 'opensensemap',
  'opensensemap-data': 'opensensemap',
  'uba-air-quality-csv': 'air-quality',
  'datahub-buoy-json': 'water-quality',
  'observations-csv': 'observations',
  'spat-xml': 'signals',
};

/** Descriptions first, so data files can be matched to them; SPaT last, so it can borrow the others' year. */
const READ_ORDER: readonly RecordingFormat[] = [
  'sensor-catalogue',
  'bike-counter-sites',
  'opensensemap-box',
  'opensensemap-boxes',
  'parking-csv',
  'bike-counter-csv',
  'opensensemap-data',
  'uba-air-quality-csv',
  'datahub-buoy-json',
  'observations-csv',
  'spat-xml',
];

export function readRecordings(
  files: readonly RecordingFile[],
  options: ReadRecordingsOptions,
): RecordingSet {
  const folderIssues = new IssueCollector('(recordings)');
  const results: ParsedRecording[] = [];
  const fileSummaries: RecordingSet['files'] = [];
  const catalogue = new Map<string, SensorDescription>();
  const drafts = new Map<string, SensorDraft>();
  const refs = new Map<string, OpenSenseMapSensorRef>();
  const intersections: SpatIntersectionState[] = [];
  const source = { source: options.source ?? 'replay' };

  const detected = [...files]
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((file) => ({ file, format: detectRecordingFormat(file.path, file.text) }));
  for (const { file, format } of detected)
    if (!format) {
      if (/\.(csv|json|geojson|xml)$/i.test(file.path))
        folderIssues.info('unrecognised-file', `${file.path} is in no format the replay reads; ignored`);
      fileSummaries.push({ path: file.path, rowCount: 0, observationCount: 0 });
    }

  let earliestYear: number | undefined;
  for (const format of READ_ORDER) {
    for (const { file } of detected.filter((entry) => entry.format === format)) {
      const parsed = parseOne(format, file, {
        ...source,
        refs,
        year: yearOf(file.path) ?? earliestYear ?? options.defaultYear,
      });
      if (!parsed) continue;
      results.push(parsed);
      if (format === 'sensor-catalogue')
        for (const sensor of parsed.sensors) catalogue.set(sensor.id, sensor as SensorDescription);
      else for (const draft of parsed.sensors) mergeDraft(drafts, draft);
      if ('sensorRefs' in parsed)
        for (const ref of parsed.sensorRefs as OpenSenseMapSensorRef[])
          refs.set(ref.openSenseMapSensorId, ref);
      if ('intersections' in parsed) intersections.push(...(parsed.intersections as SpatIntersectionState[]));
      for (const observation of parsed.observations) {
        const year = new Date(observation.time).getUTCFullYear();
        if (format !== 'spat-xml' && (earliestYear === undefined || year < earliestYear)) earliestYear = year;
      }
    }
  }

  const signals = signalObservations(intersections);
  for (const cycle of signals.cycles) {
    const draft = drafts.get(cycle.sensorId);
    if (draft)
      draft.phenomena = [{ phenomenon: 'signal_state', intervalSeconds: Math.ceil(cycle.cycleMs / 1000) }];
  }
  const sensors = completeSensors(catalogue, drafts, folderIssues);
  const byId = new Map(sensors.map((sensor) => [sensor.id, sensor]));
  const reports = (sensorId: string, phenomenon: PhenomenonId) =>
    byId.get(sensorId)?.phenomena.some((entry) => entry.phenomenon === phenomenon) ?? false;

  const datasets = new Map<string, RecordedObservation[]>();
  for (const parsed of results) {
    const name = DATASET_OF[parsed.format];
    if (!name) continue;
    const reported = new Set<string>();
    const kept = (parsed.format === 'spat-xml' ? [] : parsed.observations).filter((observation) => {
      if (reports(observation.sensorId, observation.phenomenon)) return true;
      const key = `${observation.sensorId} ${observation.phenomenon}`;
      if (!reported.has(key))
        folderIssues.warning(
          'undescribed-sensor',
          `${parsed.file}: no description of ${key}; its observations are left out`,
        );
      reported.add(key);
      return false;
    });
    datasets.set(name, [...(datasets.get(name) ?? []), ...kept]);
    fileSummaries.push({
      path: parsed.file,
      format: parsed.format,
      rowCount: parsed.rowCount,
      observationCount: kept.length,
    });
  }
  const keptSignals = signals.observations.filter((observation) =>
    reports(observation.sensorId, 'signal_state'),
  );
  if (keptSignals.length > 0) datasets.set('signals', keptSignals);

  const datasetList = [...datasets]
    .filter(([, observations]) => observations.length > 0)
    .flatMap(([name, observations]) =>
      latestStretches(name, withoutDuplicates(observations, name, folderIssues), folderIssues),
    );
  const issues = [...results.flatMap((parsed) => parsed.issues), ...folderIssues.issues];
  const issueCounts: Record<string, number> = {};
  for (const counts of [...results.map((parsed) => parsed.issueCounts), folderIssues.counts])
    for (const [code, count] of Object.entries(counts)) issueCounts[code] = (issueCounts[code] ?? 0) + count;
  return {
    sensors,
    datasets: datasetList,
    signalCycles: signals.cycles.filter((cycle) => byId.has(cycle.sensorId)),
    files: fileSummaries.sort((a, b) => a.path.localeCompare(b.path)),
    issues,
    issueCounts,
  };
}

function parseOne(
  format: RecordingFormat,
  file: RecordingFile,
  context: { source: string; refs: ReadonlyMap<string, OpenSenseMapSensorRef>; year: number },
): ParsedRecording | undefined {
  const options = { file: file.path, source: context.source };
  switch (format) {
    case 'sensor-catalogue':
      return readSensorCatalogue(JSON.parse(file.text), file.path);
    case 'bike-counter-sites':
      return parseBikeCounterSites(file.text, options);
    case 'opensensemap-box':
    case 'opensensemap-boxes':
      return parseOpenSenseMapBoxes(file.text, options);
    case 'parking-csv':
      return parseParkingCsv(file.text, options);
    case 'bike-counter-csv':
      return parseBikeCounterCsv(file.text, options);
    case 'opensensemap-data':
      return parseOpenSenseMapData(file.text, {
        file: file.path,
        sensor: openSenseMapRefOf(file.path, context.refs),
        sensorsByOpenSenseMapId: context.refs,
      });
    case 'uba-air-quality-csv':
      return parseUbaAirQualityCsv(file.text, options);
    case 'datahub-buoy-json':
      return parseDatahubBuoyJson(file.text, options);
    case 'observations-csv':
      return parseObservationsCsv(file.text, options);
    case 'spat-xml':
      return parseSpatXml(file.text, { ...options, year: context.year });
  }
}

/** The last 24-hex id in a path that a box description names as a sensor (`<box>/<sensor>.json`). */
function openSenseMapRefOf(
  path: string,
  refs: ReadonlyMap<string, OpenSenseMapSensorRef>,
): OpenSenseMapSensorRef | undefined {
  const ids = path.match(/[0-9a-f]{24}/gi) ?? [];
  for (const id of ids.reverse()) {
    const ref = refs.get(id);
    if (ref) return ref;
  }
  return undefined;
}

/** A year in a file name (`spat_04070_2026-08-03.xml`). */
function yearOf(path: string): number | undefined {
  const match = /(?:^|[^0-9])((?:19|20)\d{2})(?:[^0-9]|$)/.exec(path.split('/').pop() ?? path);
  return match ? Number(match[1]) : undefined;
}
