/**
 * What every recording parser returns: the sensors a file describes (as drafts, since most formats do not say
 * where a sensor stands), the observations it holds, and its problems as counted data. Parsers never throw on
 * bad input; a bad row is skipped with an issue and the rest of the file is still read.
 */
import type { PhenomenonId } from '../phenomena';
import type { RawObservation, SensorDescription, SensorPosition } from '../sensorModel';

/** The recording formats the replay reads; each has a parser in this folder. */
export type RecordingFormat =
  | 'parking-csv'
  | 'bike-counter-csv'
  | 'bike-counter-sites'
  | 'opensensemap-box'
  | 'opensensemap-boxes'
  | 'opensensemap-data'
  | 'uba-air-quality-csv'
  | 'spat-xml'
  | 'datahub-buoy-json'
  | 'observations-csv'
  | 'sensor-catalogue';

/** A sensor as a file describes it; `position` is missing where the format does not carry one. */
export type SensorDraft = Omit<SensorDescription, 'position'> & { position?: SensorPosition };

/** A raw observation whose fields the parser already knows: the hub still checks units and plausibility. */
export interface RecordedObservation extends RawObservation {
  sensorId: string;
  phenomenon: PhenomenonId;
  unit?: string;
  value: number | null;
  state?: string;
  /** Epoch milliseconds (UTC). */
  time: number;
}

/**
 * One problem in a file. `error`: the row (or the whole file) was skipped. `warning`: one value was skipped.
 * `info`: something was ignored on purpose (a column we do not model, an indoor senseBox).
 */
export interface RecordingIssue {
  severity: 'error' | 'warning' | 'info';
  code: string;
  file: string;
  /** 1-based line of a text file, when known. */
  line?: number;
  /** The column, JSON path or XML element concerned. */
  field?: string;
  message: string;
}

export interface ParsedRecording {
  format: RecordingFormat;
  file: string;
  sensors: SensorDraft[];
  observations: RecordedObservation[];
  /** The first issues of each code (see {@link IssueCollector}); `issueCounts` has them all. */
  issues: RecordingIssue[];
  issueCounts: Record<string, number>;
  /** Data rows (or records) read, good and bad. */
  rowCount: number;
}

/** Where the data in a description comes from, unless a catalogue says otherwise. */
export interface ProvenanceOptions {
  /** The adapter that brings the data (default `replay`). */
  source?: string;
  licence?: string;
  attribution?: string;
}

/** The provenance a parser writes into its drafts: the caller's where given, else the format's defaults. */
export function resolveProvenance(
  defaults: { licence: string; attribution: string },
  options: ProvenanceOptions,
): Required<ProvenanceOptions> {
  return {
    source: options.source ?? 'replay',
    licence: options.licence ?? defaults.licence,
    attribution: options.attribution ?? defaults.attribution,
  };
}

/** Keeps at most `limitPerCode` issues of each code, and counts every one. */
export class IssueCollector {
  readonly issues: RecordingIssue[] = [];
  readonly counts: Record<string, number> = {};

  constructor(
    readonly file: string,
    private readonly limitPerCode = 50,
  ) {}

  add(issue: Omit<RecordingIssue, 'file'>): void {
    const count = (this.counts[issue.code] ?? 0) + 1;
    this.counts[issue.code] = count;
    if (count <= this.limitPerCode) this.issues.push({ file: this.file, ...issue });
  }

  error(code: string, message: string, where: { line?: number; field?: string } = {}): void {
    this.add({ severity: 'error', code, message: this.prefix(message, where), ...where });
  }

  warning(code: string, message: string, where: { line?: number; field?: string } = {}): void {
    this.add({ severity: 'warning', code, message: this.prefix(message, where), ...where });
  }

  info(code: string, message: string, where: { line?: number; field?: string } = {}): void {
    this.add({ severity: 'info', code, message: this.prefix(message, where), ...where });
  }

  /** `2026-08-01.csv line 57, column "PH Theater": …`: every message names its place. */
  private prefix(message: string, { line, field }: { line?: number; field?: string }): string {
    const place = [this.file, line === undefined ? '' : `line ${line}`].filter(Boolean).join(' ');
    return `${place}${field === undefined ? '' : `, ${field}`}: ${message}`;
  }
}

/** Assembles a result from a collector. */
export function parsedRecording(
  format: RecordingFormat,
  collector: IssueCollector,
  parts: { sensors: SensorDraft[]; observations: RecordedObservation[]; rowCount: number },
): ParsedRecording {
  return {
    format,
    file: collector.file,
    ...parts,
    issues: collector.issues,
    issueCounts: collector.counts,
  };
}

/** One line per issue, e.g. for the server log: `Fehler 2026-08-01.csv line 57, …: … (bad-value)`. */
export function formatRecordingIssue(issue: RecordingIssue): string {
  const severity = { error: 'Fehler', warning: 'Warnung', info: 'Hinweis' }[issue.severity];
  return `${severity} ${issue.message} (${issue.code})`;
}

/** Parses a decimal number as the sources write it (`12`, `-3.5`, `1.2e3`); undefined for anything else. */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A sensor's reporting interval from its observation times: the 95th percentile of the gaps, so a night-time
 * 15-minute cadence counts but a single outage does not. `fallbackSeconds` when there are fewer than two times.
 */
export function inferIntervalSeconds(times: readonly number[], fallbackSeconds: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let index = 1; index < sorted.length; index += 1) {
    const gap = sorted[index]! - sorted[index - 1]!;
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length === 0) return fallbackSeconds;
  gaps.sort((a, b) => a - b);
  const percentile = gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))]!;
  return Math.min(86_400, Math.max(1, Math.round(percentile / 1000)));
}

/** The last path segment of a file name, for messages and ids. */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
