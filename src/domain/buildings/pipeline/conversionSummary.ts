import type { BuildingIssue } from '../buildingModel';

/** Counts of a conversion run, printed at the end and used for the exit code. */
export interface ConversionSummary {
  files: number;
  buildingsRead: number;
  buildingsConverted: number;
  /** Buildings that a reader or the geometry stage had to drop. */
  buildingsSkipped: number;
  /** Buildings dropped because one with the same sourceId came first (a file given twice). */
  buildingsDuplicated: number;
  warnings: number;
  errors: number;
  /** How often each issue code occurred, sorted by code. */
  issueCounts: Record<string, number>;
}

/** Collects issues and counts while buildings stream through the pipeline. */
export class ConversionTally {
  readonly summary: ConversionSummary = {
    files: 0,
    buildingsRead: 0,
    buildingsConverted: 0,
    buildingsSkipped: 0,
    buildingsDuplicated: 0,
    warnings: 0,
    errors: 0,
    issueCounts: {},
  };

  constructor(private readonly onIssue: (issue: BuildingIssue) => void) {}

  /** Records one issue and passes it on (e.g. to the terminal). */
  readonly report = (issue: BuildingIssue): void => {
    if (issue.severity === 'error') this.summary.errors++;
    else this.summary.warnings++;
    this.summary.issueCounts[issue.code] = (this.summary.issueCounts[issue.code] ?? 0) + 1;
    this.onIssue(issue);
  };

  /** The summary with issue codes in a stable order. */
  finish(): ConversionSummary {
    const sortedCounts = Object.fromEntries(
      Object.entries(this.summary.issueCounts).sort(([a], [b]) => a.localeCompare(b)),
    );
    return { ...this.summary, issueCounts: sortedCounts };
  }
}

/**
 * The exit code of a conversion: 1 when nothing could be converted, or with `strict` when any error occurred
 * (a skipped building, a file that could not be read); 0 otherwise.
 */
export function conversionExitCode(summary: ConversionSummary, strict: boolean): number {
  if (summary.buildingsConverted === 0) return 1;
  if (strict && summary.errors > 0) return 1;
  return 0;
}

/** A few lines for the terminal, in German like the rest of the command-line output. */
export function formatConversionSummary(summary: ConversionSummary): string {
  // Scripts (the bench) read the counts line up to "übersprungen"; duplicates are appended only when there are any.
  const duplicates = summary.buildingsDuplicated > 0 ? `, doppelt: ${summary.buildingsDuplicated}` : '';
  const lines = [
    `Dateien: ${summary.files}`,
    `Gebäude gelesen: ${summary.buildingsRead}, umgewandelt: ${summary.buildingsConverted}, übersprungen: ${summary.buildingsSkipped}${duplicates}`,
    `Fehler: ${summary.errors}, Warnungen: ${summary.warnings}`,
  ];
  for (const [code, count] of Object.entries(summary.issueCounts)) lines.push(`  ${code}: ${count}`);
  return lines.join('\n');
}
