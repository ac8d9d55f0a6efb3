import { formatGoalRatio, formatNumber, formatTable } from '../benchTable';
import { median } from '../statistics';
import type { PageMeasurement } from './measurePage';

/** Goal from the issue: our app within 10 % of a plain CesiumJS page on the same data and path. */
export const APP_OVER_PLAIN_GOAL = 1.1;

/** A measured page visit with the page's name and the round it belongs to. */
export interface NamedMeasurement {
  page: 'app' | 'plain CesiumJS';
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

/** The median over rounds of each figure, app against plain page, with the ratio against the 10 % goal. */
export function formatAppOverPlainTable(visits: readonly NamedMeasurement[]): string {
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
  const medianOf = (page: NamedMeasurement['page'], read: (m: PageMeasurement) => number) =>
    median(visits.filter((visit) => visit.page === page).map((visit) => read(visit.measurement)));
  return formatTable(
    [
      { heading: 'figure (median over rounds)' },
      { heading: 'app', numeric: true },
      { heading: 'plain', numeric: true },
      { heading: 'app ÷ plain', numeric: true },
      { heading: `÷ goal ${APP_OVER_PLAIN_GOAL.toFixed(2)}`, numeric: true },
    ],
    figures.map(({ name, unit, read, decimals }) => {
      const app = medianOf('app', read);
      const plain = medianOf('plain CesiumJS', read);
      return [
        `${name} (${unit})`,
        formatNumber(app, decimals),
        formatNumber(plain, decimals),
        formatNumber(app / plain, 2),
        formatGoalRatio(app / plain, APP_OVER_PLAIN_GOAL, 'at-most'),
      ];
    }),
  );
}
