/**
 * The scenarios bench: how long the key figures of a quarter of 500 massings take to recompute after one edit
 * (goal: well within one frame, 16 ms), and how long a day's sunlight-hours map on a 2 m grid over the York site
 * takes, with the default city's buildings around the site as surroundings.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateMuensterCity } from '../../../src/domain/buildings/generator/generateMuensterCity';
import { computeVariantKeyFigures } from '../../../src/domain/scenarios/keyFigures';
import { applyMassingEdit, type MassingEdit } from '../../../src/domain/scenarios/massingEdits';
import type { ScenarioDocument, ScenarioVariant } from '../../../src/domain/scenarios/scenarioSchema';
import { planarPolygonBounds, projectPolygon } from '../../../src/domain/scenarios/scenarioPlanarGeometry';
import { createShadowCasterIndex, type ShadowCaster } from '../../../src/domain/scenarios/shadowCasters';
import { summarizeSunlightHours } from '../../../src/domain/scenarios/sunlightHours';
import { computeVariantSunlightHours } from '../../../src/domain/scenarios/variantSunlightHours';
import { runSunlightHoursJob, SUNLIGHT_HOURS_REQUEST } from '../../../src/domain/scenarios/sunlightHoursJob';
import type { SurroundingBuilding } from '../../../src/domain/scenarios/surroundingShadowCasters';
import { unprojectPoint } from '../../../src/domain/scenarios/scenarioPlanarGeometry';
import { parseScene } from '../../../src/domain/scenes/sceneDocument';
import { formatGoalRatio, formatHeading, formatNumber, formatTable } from '../benchTable';
import { median, percentile } from '../statistics';
import { createSyntheticVariant } from './syntheticQuarter';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
/** One frame at 60 Hz. */
export const FRAME_BUDGET_MILLISECONDS = 16;
const MASSING_COUNT = 500;
/** How far around the site surrounding buildings are taken into account. */
const SURROUNDINGS_MARGIN_METERS = 600;

export interface ScenariosBenchOptions {
  quick: boolean;
  log(line: string): void;
}

function readYork(): ScenarioDocument {
  const file = 'scenes/york.json';
  const { value, issues } = parseScene(readFileSync(resolve(ROOT, file), 'utf8'), file);
  if (!value || value.kind !== 'scenario')
    throw new Error(`${file} is not a valid scenario: ${issues[0]?.message}`);
  return value;
}

/** Wall-clock and CPU time of a run: on a shared machine the wall clock also counts other processes' turns. */
function timeMilliseconds(run: () => void): { wall: number; cpu: number } {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  run();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** The edits a workshop makes most: storeys, a move, uses; each on a different massing. */
function editFor(variant: ScenarioVariant, step: number): MassingEdit {
  const massingId = variant.massings[(step * 7919) % variant.massings.length]!.id;
  switch (step % 3) {
    case 0:
      return { kind: 'setStoreys', massingId, storeys: 2 + (step % 7) };
    case 1:
      return { kind: 'moveMassing', massingId, eastMeters: 0.5, northMeters: -0.25 };
    default:
      return { kind: 'setUses', massingId, uses: { housing: 0.8, commerce: 0.2 } };
  }
}

function keyFigureRows(scenario: ScenarioDocument, repeats: number): { rows: string[][]; homes: number } {
  const rows: string[][] = [];
  const variant = createSyntheticVariant(scenario, MASSING_COUNT);
  // Cold: fresh coordinate arrays, so every footprint is projected (what opening a document costs).
  const cold: { wall: number; cpu: number }[] = [];
  for (let run = 0; run < Math.max(3, repeats / 20); run++) {
    const fresh = structuredClone(variant);
    cold.push(timeMilliseconds(() => computeVariantKeyFigures(scenario, fresh)));
  }
  // After one edit: the edit itself and the recomputation of every figure.
  let current = variant;
  computeVariantKeyFigures(scenario, current);
  // Warm-up edits, not measured: in the app the figures are recomputed by code that has long been compiled.
  for (let step = 0; step < 50; step++) {
    current = applyMassingEdit(current, editFor(current, repeats + step)).variant ?? current;
    computeVariantKeyFigures(scenario, current);
  }
  const afterEdit: { wall: number; cpu: number }[] = [];
  for (let step = 0; step < repeats; step++) {
    afterEdit.push(
      timeMilliseconds(() => {
        const result = applyMassingEdit(current, editFor(current, step));
        if (!result.variant) throw new Error(result.issues[0]?.message);
        current = result.variant;
        computeVariantKeyFigures(scenario, current);
      }),
    );
  }
  const homes = computeVariantKeyFigures(scenario, current).figures.homes.value;
  for (const [label, runs] of [
    ['open the quarter (cold)', cold],
    ['one edit + all figures', afterEdit],
  ] as const) {
    const wall = runs.map((run) => run.wall);
    const cpu = runs.map((run) => run.cpu);
    rows.push([
      label,
      formatNumber(variant.massings.length),
      formatNumber(runs.length),
      formatNumber(median(wall), 2),
      formatNumber(percentile(wall, 0.95), 2),
      formatNumber(median(cpu), 2),
      formatNumber(percentile(cpu, 0.95), 2),
      // The goal is for an edit; opening a quarter is shown for comparison.
      runs === cold ? '' : formatGoalRatio(median(wall), FRAME_BUDGET_MILLISECONDS, 'at-most'),
      runs === cold ? '' : formatGoalRatio(percentile(wall, 0.95), FRAME_BUDGET_MILLISECONDS, 'at-most'),
    ]);
  }
  return { rows, homes: homes ?? 0 };
}

/** The default city's buildings around the site (not inside it: the variant replaces those) as prisms. */
function surroundingBuildings(scenario: ScenarioDocument, log: (line: string) => void): ShadowCaster[] {
  log('scenarios: generating the default city for the surroundings …');
  const city = generateMuensterCity({ seed: 1 });
  const [minX, minY, maxX, maxY] = planarPolygonBounds(projectPolygon(scenario.site.boundary));
  const casters: ShadowCaster[] = [];
  for (const feature of city.features) {
    const outer = feature.geometry.coordinates[0]!;
    const xs = outer.map((point) => point[0]);
    const ys = outer.map((point) => point[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const margin = SURROUNDINGS_MARGIN_METERS;
    if (x1 < minX - margin || x0 > maxX + margin || y1 < minY - margin || y0 > maxY + margin) continue;
    casters.push({
      id: feature.properties.id,
      footprint: feature.geometry.coordinates.map((ring) => ring.slice(0, -1)),
      heightMeters: feature.properties.height,
    });
  }
  return casters;
}

function sunlightRows(scenario: ScenarioDocument, options: ScenariosBenchOptions): string[][] {
  const variant = scenario.variants[0]!;
  const surroundings = createShadowCasterIndex(surroundingBuildings(scenario, options.log));
  const rows: string[][] = [];
  const days = [
    { label: '21 March', day: { year: 2026, month: 3, day: 21 } },
    { label: '21 June', day: { year: 2026, month: 6, day: 21 } },
    { label: '21 December', day: { year: 2026, month: 12, day: 21 } },
  ];
  for (const { label, day } of options.quick ? days.slice(0, 1) : days) {
    options.log(`scenarios: sunlight-hours map for ${label} …`);
    const runs: { wall: number; cpu: number }[] = [];
    let grid;
    for (let run = 0; run < (options.quick ? 1 : 3); run++) {
      runs.push(
        timeMilliseconds(() => {
          grid = computeVariantSunlightHours(variant, {
            day,
            surroundings,
            gridSpacingMeters: 2,
            timeStepMinutes: 10,
          });
        }),
      );
    }
    const summary = summarizeSunlightHours(grid!);
    rows.push([
      label,
      formatNumber(grid!.analysedCellCount),
      formatNumber(variant.massings.length + surroundings.casters.length),
      formatNumber(grid!.daylightHours, 1),
      formatNumber(summary.meanHours, 1),
      formatNumber(median(runs.map((run) => run.wall)), 0),
      formatNumber(Math.min(...runs.map((run) => run.wall)), 0),
      formatNumber(median(runs.map((run) => run.cpu)), 0),
    ]);
  }
  rows.push(appJobRow(scenario, surroundings.casters, options));
  return rows;
}

/**
 * What the app's Web Worker does for 21 June: the surroundings as 12 m stand-ins from search-index points (the
 * browser has no outlines), the map and its picture; the same buildings as above, reduced to centre and height.
 */
function appJobRow(
  scenario: ScenarioDocument,
  casters: readonly ShadowCaster[],
  options: ScenariosBenchOptions,
): string[] {
  options.log('scenarios: the in-app worker job for 21 June …');
  const buildings: SurroundingBuilding[] = casters.map((caster) => {
    const ring = caster.footprint[0]!;
    const x = ring.reduce((sum, point) => sum + point[0], 0) / ring.length;
    const y = ring.reduce((sum, point) => sum + point[1], 0) / ring.length;
    const [longitudeDegrees, latitudeDegrees] = unprojectPoint([x, y]);
    return { buildingId: caster.id, longitudeDegrees, latitudeDegrees, topHeightMeters: caster.heightMeters };
  });
  const runs: { wall: number; cpu: number }[] = [];
  let map;
  for (let run = 0; run < (options.quick ? 1 : 3); run++) {
    runs.push(
      timeMilliseconds(() => {
        const response = runSunlightHoursJob({
          kind: SUNLIGHT_HOURS_REQUEST,
          requestId: run,
          scenario,
          variant: scenario.variants[0]!,
          day: { year: 2026, month: 6, day: 21 },
          buildings,
          gridSpacingMeters: 2,
          timeStepMinutes: 10,
        });
        if (response.kind !== 'sunlight-hours-result') throw new Error(response.message);
        map = response.map;
      }),
    );
  }
  return [
    '21 June, app worker job (stand-ins + picture)',
    formatNumber(map!.analysedCellCount),
    formatNumber(scenario.variants[0]!.massings.length + map!.surroundingBuildingCount),
    formatNumber(map!.daylightHours, 1),
    formatNumber(map!.meanHours, 1),
    formatNumber(median(runs.map((run) => run.wall)), 0),
    formatNumber(Math.min(...runs.map((run) => run.wall)), 0),
    formatNumber(median(runs.map((run) => run.cpu)), 0),
  ];
}

/** Runs the scenarios part and prints its two tables. */
export function runScenariosBench(options: ScenariosBenchOptions): void {
  const york = readYork();
  options.log('scenarios: key figures …');
  const { rows: figureRows, homes } = keyFigureRows(york, options.quick ? 60 : 300);
  console.log(formatHeading(`Scenarios: key figures of ${MASSING_COUNT} massings (York site)`));
  console.log(
    formatTable(
      [
        { heading: 'case' },
        { heading: 'massings', numeric: true },
        { heading: 'runs', numeric: true },
        { heading: 'median ms', numeric: true },
        { heading: 'p95 ms', numeric: true },
        { heading: 'CPU median ms', numeric: true },
        { heading: 'CPU p95 ms', numeric: true },
        { heading: `median vs ${FRAME_BUDGET_MILLISECONDS} ms`, numeric: true },
        { heading: `p95 vs ${FRAME_BUDGET_MILLISECONDS} ms`, numeric: true },
      ],
      figureRows,
    ),
  );
  console.log(
    `${formatNumber(homes)} homes in the synthetic quarter; edits alternate storeys, a move and uses. ` +
      'CPU time excludes waiting for a shared core.',
  );
  const rows = sunlightRows(york, options);
  console.log(
    formatHeading(
      `Scenarios: sunlight-hours map, York variant "${york.variants[0]!.id}", 2 m grid, 10-minute steps`,
    ),
  );
  console.log(
    formatTable(
      [
        { heading: 'day' },
        { heading: 'cells', numeric: true },
        { heading: 'casters', numeric: true },
        { heading: 'daylight h', numeric: true },
        { heading: 'mean sun h', numeric: true },
        { heading: 'median ms', numeric: true },
        { heading: 'best ms', numeric: true },
        { heading: 'CPU median ms', numeric: true },
      ],
      rows,
    ),
  );
}

// Run directly: `npx tsx scripts/bench/scenarios/runScenariosBench.ts [--quick]`.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  runScenariosBench({
    quick: process.argv.includes('--quick'),
    log: (line) => console.error(`[bench] ${line}`),
  });
}
