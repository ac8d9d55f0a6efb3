import { formatGoalRatio, formatNumber, formatTable } from '../benchTable';
import { median } from '../statistics';
import type { PageMeasurement } from './measurePage';

/** Goal from the issue: our app within 10 % of a plain CesiumJS page on the same data and path. */
export const APP_OVER_PLAIN_GOAL = 1.1;

/**
 * The pages a round visits: the app showing what the plain page shows (the buildings, `?layers=buildings`: the
 * goal's comparison), the plain CesiumJS page, and the app as it opens (buildings, places and live sensors).
 */
export type BenchPage = 'app' | 'plain CesiumJS' | 'app, default layers';

/** A measured page visit with the page's name and the round it belongs to. */
export interface NamedMeasurement {
  page: BenchPage;
  round: number;
  measurement: PageMeasurement;
}

/** One row per visit: load, frame times during the orbit, heap and transfer. */
export function formatVisitTable(visits: readonly NamedMeasurement[]): string {
  return formatTable(
    [
      { heading: 'page' },
      { heading: 'round', numeric: true },
      { heading: 'ready s', numeric: true },
      { heading: 'canvas px', numeric: true },
      { heading: 'frames', numeric: true },
      { heading: 'median ms', numeric: true },
      { heading: 'p95 ms', numeric: true },
      { heading: 'fps', numeric: true },
      { heading: '> 50 ms', numeric: true },
      { heading: 'main s', numeric: true },
      { heading: 'script s', numeric: true },
      { heading: 'JS heap MB', numeric: true },
      { heading: 'JS MB', numeric: true },
      { heading: 'loaded MB', numeric: true },
      { heading: 'requests', numeric: true },
    ],
    visits.map(({ page, round, measurement: m }) => [
      page,
      String(round),
      formatNumber(m.readySeconds, 2),
      `${m.canvasWidth}×${m.canvasHeight}`,
      formatNumber(m.frameCount),
      formatNumber(m.medianFrameMilliseconds, 1),
      formatNumber(m.p95FrameMilliseconds, 1),
      formatNumber(m.framesPerSecond, 1),
      `${formatNumber(m.longFrameShare * 100, 0)} %`,
      formatNumber(m.orbitTaskSeconds, 2),
      formatNumber(m.orbitScriptSeconds, 2),
      formatNumber(m.usedJsHeapMegabytes, 0),
      formatNumber(m.scriptTransferMegabytes, 2),
      formatNumber(m.totalTransferMegabytes, 2),
      formatNumber(m.requestCount),
    ]),
  );
}

/**
 * The median over rounds of each figure, page against page: the app against the plain page with the ratio
 * against the 10 % goal, or (goal undefined) the app with its default layers against the app with the buildings.
 */
export function formatPageRatioTable(
  visits: readonly NamedMeasurement[],
  [numerator, denominator]: readonly [BenchPage, BenchPage],
  goal: number | undefined,
): string {
  const figures: { name: string; unit: string; read: (m: PageMeasurement) => number; decimals: number }[] = [
    { name: 'time to first complete view', unit: 's', read: (m) => m.readySeconds, decimals: 2 },
    { name: 'median frame time', unit: 'ms', read: (m) => m.medianFrameMilliseconds, decimals: 1 },
    { name: '95th percentile frame time', unit: 'ms', read: (m) => m.p95FrameMilliseconds, decimals: 1 },
    { name: 'main-thread busy during orbit', unit: 's', read: (m) => m.orbitTaskSeconds, decimals: 2 },
    { name: 'script during orbit', unit: 's', read: (m) => m.orbitScriptSeconds, decimals: 2 },
    {
      name: 'JS heap after orbit',
      unit: 'MB',
      read: (m) => m.usedJsHeapMegabytes ?? Number.NaN,
      decimals: 0,
    },
    { name: 'transferred until ready', unit: 'MB', read: (m) => m.totalTransferMegabytes, decimals: 2 },
  ];
  const medianOf = (page: BenchPage, read: (m: PageMeasurement) => number) =>
    median(visits.filter((visit) => visit.page === page).map((visit) => read(visit.measurement)));
  return formatTable(
    [
      { heading: 'figure (median over rounds)' },
      { heading: numerator, numeric: true },
      { heading: denominator, numeric: true },
      { heading: 'ratio', numeric: true },
      ...(goal === undefined ? [] : [{ heading: `÷ goal ${goal.toFixed(2)}`, numeric: true }]),
    ],
    figures.map(({ name, unit, read, decimals }) => {
      const above = medianOf(numerator, read);
      const below = medianOf(denominator, read);
      return [
        `${name} (${unit})`,
        formatNumber(above, decimals),
        formatNumber(below, decimals),
        formatNumber(above / below, 2),
        ...(goal === undefined ? [] : [formatGoalRatio(above / below, goal, 'at-most')]),
      ];
    }),
  );
}
