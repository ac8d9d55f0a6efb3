import { formatGoalRatio, formatNumber, formatTable } from '../benchTable';
import type { TilerInputKind, TilerOutcome, TilerRun } from './tilerRun';

/** Goals from the pipeline issue: speed per input kind, bytes per building before HTTP compression. */
export const PIPELINE_GOALS = {
  buildingsPerSecond: { footprints: 5_000, lod2: 2_000 },
  bytesPerBuilding: { footprints: 1_024, lod2: 3 * 1_024 },
} as const satisfies Record<string, Record<TilerInputKind, number>>;

const MEGABYTE = 1e6;

function buildingsPerSecond(run: TilerRun): number {
  return run.buildings / run.tilerSeconds;
}

function rawBytesPerBuilding(run: TilerRun): number {
  return run.output.rawBytes / run.buildings;
}

function gzipBytesPerBuilding(run: TilerRun): number {
  return run.output.gzipBytes / run.buildings;
}

/** Buildings per second over the whole run as a user waits for it: spawning Node to its exit. */
function endToEndBuildingsPerSecond(run: TilerRun): number {
  return run.buildings / run.wallSeconds;
}

/**
 * Speed: buildings/s and input MB/s against the goal for the input's kind, twice: over the tiler's own time
 * (steady state: reading to the written tileset) and end to end (from spawning the process to its exit, Node
 * start-up and module loading included).
 */
export function formatSpeedTable(runs: readonly TilerRun[]): string {
  return formatTable(
    [
      { heading: 'input' },
      { heading: 'buildings', numeric: true },
      { heading: 'input MB', numeric: true },
      { heading: 'input KB/building', numeric: true },
      { heading: 'tiler s', numeric: true },
      { heading: 'buildings/s', numeric: true },
      { heading: 'goal /s', numeric: true },
      { heading: '÷ goal', numeric: true },
      { heading: 'input MB/s', numeric: true },
      { heading: 'wall s', numeric: true },
      { heading: 'end-to-end /s', numeric: true },
      { heading: '÷ goal', numeric: true },
      { heading: 'CPU s', numeric: true },
    ],
    runs.map((run) => {
      const goal = PIPELINE_GOALS.buildingsPerSecond[run.inputKind];
      return [
        run.label,
        formatNumber(run.buildings) + (run.buildingsSkipped > 0 ? ` (+${run.buildingsSkipped} skipped)` : ''),
        formatNumber(run.inputBytes / MEGABYTE, 1),
        formatNumber(run.inputBytes / 1000 / run.buildings, 1),
        formatNumber(run.tilerSeconds, 2),
        formatNumber(buildingsPerSecond(run)),
        formatNumber(goal),
        formatGoalRatio(buildingsPerSecond(run), goal, 'at-least'),
        formatNumber(run.inputBytes / MEGABYTE / run.tilerSeconds, 1),
        formatNumber(run.wallSeconds, 2),
        formatNumber(endToEndBuildingsPerSecond(run)),
        formatGoalRatio(endToEndBuildingsPerSecond(run), goal, 'at-least'),
        formatNumber(run.cpuSeconds, 2),
      ];
    }),
  );
}

/**
 * The rate between the smallest and the largest run (extra buildings ÷ extra seconds) and the fixed cost per run
 * it implies (WebAssembly and JIT warm-up, reading the whole file): separates start-up from steady speed. The
 * runs are of one input kind, whose goal the rate is held against.
 */
export function formatMarginalRate(runs: readonly TilerRun[]): string | undefined {
  const sorted = [...runs].sort((a, b) => a.buildings - b.buildings);
  const smallest = sorted[0];
  const largest = sorted.at(-1);
  if (!smallest || !largest || largest.buildings === smallest.buildings) return undefined;
  const rate = (largest.buildings - smallest.buildings) / (largest.tilerSeconds - smallest.tilerSeconds);
  const fixedSeconds = smallest.tilerSeconds - smallest.buildings / rate;
  return (
    `marginal rate ${smallest.label} → ${largest.label}: ${formatNumber(rate)} buildings/s ` +
    `(÷ goal ${formatGoalRatio(rate, PIPELINE_GOALS.buildingsPerSecond[largest.inputKind], 'at-least')}); ` +
    `implied fixed cost per run ${formatNumber(fixedSeconds, 2)} s`
  );
}

/** How much peak memory grows per 10,000 more buildings, between the smallest and the largest run (goal: 0). */
export function formatMemoryGrowth(runs: readonly TilerRun[]): string | undefined {
  const sorted = [...runs].sort((a, b) => a.buildings - b.buildings);
  const smallest = sorted[0];
  const largest = sorted.at(-1);
  if (!smallest || !largest || largest.buildings === smallest.buildings) return undefined;
  const growth =
    ((largest.peakRssMegabytes - smallest.peakRssMegabytes) / (largest.buildings - smallest.buildings)) *
    10_000;
  return (
    `peak memory ${smallest.label} → ${largest.label}: ×${formatNumber(largest.peakRssMegabytes / smallest.peakRssMegabytes, 2)} ` +
    `for ×${formatNumber(largest.buildings / smallest.buildings, 1)} buildings, +${formatNumber(growth, 1)} MB per ` +
    '10,000 buildings (goal: flat, +0 MB)'
  );
}

/** Output size per building (raw and gzipped) against the goal, tiles written, and peak memory per run. */
export function formatSizeAndMemoryTable(runs: readonly TilerRun[]): string {
  const first = runs[0];
  return formatTable(
    [
      { heading: 'input' },
      { heading: 'tiles', numeric: true },
      { heading: 'files', numeric: true },
      { heading: 'output MB', numeric: true },
      { heading: 'B/building', numeric: true },
      { heading: 'goal B', numeric: true },
      { heading: '÷ goal', numeric: true },
      { heading: 'gzip B/building', numeric: true },
      { heading: 'tiles B/building', numeric: true },
      { heading: 'peak RSS MB', numeric: true },
      { heading: 'peak ÷ 1st', numeric: true },
      { heading: 'buildings ÷ 1st', numeric: true },
    ],
    runs.map((run) => [
      run.label,
      formatNumber(run.output.tileCount),
      formatNumber(run.output.fileCount),
      formatNumber(run.output.rawBytes / MEGABYTE, 1),
      formatNumber(rawBytesPerBuilding(run)),
      formatNumber(PIPELINE_GOALS.bytesPerBuilding[run.inputKind]),
      formatGoalRatio(rawBytesPerBuilding(run), PIPELINE_GOALS.bytesPerBuilding[run.inputKind], 'at-most'),
      formatNumber(gzipBytesPerBuilding(run)),
      formatNumber(run.output.tileRawBytes / run.buildings),
      formatNumber(run.peakRssMegabytes),
      first ? formatNumber(run.peakRssMegabytes / first.peakRssMegabytes, 2) : '—',
      first ? formatNumber(run.buildings / first.buildings, 1) : '—',
    ]),
  );
}

/** Ours against citygml-to-3dtiles on the same files, with the ratio ours ÷ theirs per figure. */
export function formatPeerComparisonTable(ours: TilerRun, theirs: TilerRun): string {
  const figures = (run: TilerRun) => [
    formatNumber(run.buildings),
    formatNumber(run.tilerSeconds, 2),
    formatNumber(buildingsPerSecond(run)),
    formatNumber(rawBytesPerBuilding(run)),
    formatNumber(gzipBytesPerBuilding(run)),
    formatNumber(run.output.tileCount),
    formatNumber(run.peakRssMegabytes),
    formatNumber(run.wallSeconds, 2),
    formatNumber(endToEndBuildingsPerSecond(run)),
  ];
  const ratio = (mine: number, peer: number) => formatNumber(mine / peer, 2);
  return formatTable(
    [
      { heading: 'tiler' },
      { heading: 'buildings', numeric: true },
      { heading: 'tiler s', numeric: true },
      { heading: 'buildings/s', numeric: true },
      { heading: 'B/building', numeric: true },
      { heading: 'gzip B/building', numeric: true },
      { heading: 'tiles', numeric: true },
      { heading: 'peak RSS MB', numeric: true },
      { heading: 'wall s', numeric: true },
      { heading: 'end-to-end /s', numeric: true },
    ],
    [
      ['Münster Twin (scripts/buildTiles.ts)', ...figures(ours)],
      [`citygml-to-3dtiles (${theirs.label})`, ...figures(theirs)],
      [
        'ratio ours ÷ theirs',
        ratio(ours.buildings, theirs.buildings),
        ratio(ours.tilerSeconds, theirs.tilerSeconds),
        ratio(buildingsPerSecond(ours), buildingsPerSecond(theirs)),
        ratio(rawBytesPerBuilding(ours), rawBytesPerBuilding(theirs)),
        ratio(gzipBytesPerBuilding(ours), gzipBytesPerBuilding(theirs)),
        ratio(ours.output.tileCount, theirs.output.tileCount),
        ratio(ours.peakRssMegabytes, theirs.peakRssMegabytes),
        ratio(ours.wallSeconds, theirs.wallSeconds),
        ratio(endToEndBuildingsPerSecond(ours), endToEndBuildingsPerSecond(theirs)),
      ],
    ],
  );
}

/** Lines for runs that produced no figures. */
export function formatFailures(outcomes: readonly TilerOutcome[]): string[] {
  return outcomes.flatMap((outcome) =>
    outcome.ok ? [] : [`${outcome.label}: no figures: ${outcome.reason.replaceAll('\n', '\n    ')}`],
  );
}
