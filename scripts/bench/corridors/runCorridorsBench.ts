/**
 * The corridors bench (issue #7): how long checking a 10 km corridor against 150,000 buildings and 100
 * restriction zones takes (goal: under 50 ms, so the checks rerun while a planner drags a point), and how long
 * the once-per-set preparation takes (building index, zones).
 */
import { checkCorridor, type CorridorReport } from '../../../src/domain/corridors/checkCorridors';
import { formatGoalRatio, formatHeading, formatNumber, formatTable } from '../benchTable';
import { median, percentile } from '../statistics';
import { createCorridorBenchInput } from './syntheticCorridorCity';

/** The goal for one check while dragging. */
export const CORRIDOR_CHECK_GOAL_MILLISECONDS = 50;

export interface CorridorsBenchOptions {
  quick: boolean;
  log(line: string): void;
}

export interface CorridorsBenchResult {
  medianMilliseconds: number;
  report: CorridorReport;
}

/** Wall-clock and CPU time of a run: on a shared machine the wall clock also counts other processes' turns. */
function timeMilliseconds<T>(run: () => T): { result: T; wall: number; cpu: number } {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  return { result, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** Prints the tables; returns the median check time and the last report (for the CLI's summary). */
export function runCorridorsBench({ quick, log }: CorridorsBenchOptions): CorridorsBenchResult {
  log('corridors: generating 150,000 buildings and 100 zones …');
  const input = createCorridorBenchInput();
  const checkInput = {
    corridors: [input.dragged, ...input.others],
    buildings: input.buildings,
    zones: input.zones,
  };
  const rounds = quick ? 10 : 30;
  log(`corridors: checking the 10 km corridor ${rounds} times …`);
  let report = checkCorridor(input.dragged, checkInput); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const run = timeMilliseconds(() => checkCorridor(input.dragged, checkInput));
    wall.push(run.wall);
    cpu.push(run.cpu);
    report = run.result;
  }
  const goal = CORRIDOR_CHECK_GOAL_MILLISECONDS;
  console.log(
    formatHeading(
      `Corridors: check a ${formatNumber(report.lengthMeters / 1000, 1)} km corridor against ` +
        `${formatNumber(input.buildingCount)} buildings and ${formatNumber(input.zones.length)} zones (goal < ${goal} ms)`,
    ),
  );
  console.log(
    formatTable(
      [
        { heading: 'step' },
        { heading: 'runs', numeric: true },
        { heading: 'median ms', numeric: true },
        { heading: 'p95 ms', numeric: true },
        { heading: 'fastest ms', numeric: true },
        { heading: 'median CPU ms', numeric: true },
        { heading: 'median / goal', numeric: true },
        { heading: 'p95 / goal', numeric: true },
      ],
      [
        [
          'check one corridor (rerun per edit)',
          formatNumber(rounds),
          formatNumber(median(wall), 1),
          formatNumber(percentile(wall, 0.95), 1),
          formatNumber(Math.min(...wall), 1),
          formatNumber(median(cpu), 1),
          formatGoalRatio(median(wall), goal, 'at-most'),
          formatGoalRatio(percentile(wall, 0.95), goal, 'at-most'),
        ],
        ['build the building index (once per set)', '1', formatNumber(input.indexMilliseconds, 0)],
        ['prepare the zones (once per set)', '1', formatNumber(input.zoneMilliseconds, 0)],
      ],
    ),
  );
  console.log(
    `findings ${formatNumber(report.findings.length)}; overflown ${formatNumber(report.overflown.buildingCount)} ` +
      `buildings, ~${formatNumber(report.overflown.estimatedResidents)} residents; status ${report.status}`,
  );
  return { medianMilliseconds: median(wall), report };
}
