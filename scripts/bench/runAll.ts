// `npm run bench [-- --quick] [--only pipeline|viewer|hub|scenarios|sensors-browser|corridors|thermography]`: prints figures and ratios against goals as plain-text
// tables. A benchmark, not a test: it never asserts timing and exits 0 unless the bench itself breaks.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatNumber } from './benchTable';
import { runHubBench } from './hub/runHubBench';
import { runPipelineBench } from './pipeline/runPipelineBench';
import { runCorridorsBench } from './corridors/runCorridorsBench';
import { runScenariosBench } from './scenarios/runScenariosBench';
import { runThermographyBench } from './thermography/runThermographyBench';
import { runSensorsBrowserBench } from './sensorsBrowser/runSensorsBrowserBench';
import { runViewerBench } from './viewer/runViewerBench';

const USAGE = `Usage: npm run bench -- [--quick] [--only pipeline|viewer|hub|scenarios|sensors-browser|corridors|thermography]
  --quick          smaller cities (2,500 / 10,000 / 25,000 buildings), one run per input instead of the
                   fastest of two, shorter orbits and one round per page in the browser, 60,000 instead of
                   300,000 observations through the sensor hub, fewer edits and one sunlight-hours day,
                   10 instead of 30 drone corridor checks, 25,000 instead of 150,000 buildings through thermography
  --only <part>    run only the pipeline part, the viewer part, the sensor hub part, the scenarios part or
                   the live sensors in the browser, the drone corridor checks, or the thermography`;
const PARTS = ['pipeline', 'viewer', 'hub', 'scenarios', 'thermography', 'sensors-browser', 'corridors'];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help || (values.only !== undefined && !PARTS.includes(values.only))) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}
const quick = values.quick;
const runs = (part: string): boolean => values.only === undefined || values.only === part;
/** Progress goes to stderr, so stdout holds only the tables. */
const log = (line: string) => console.error(`[bench ${(performance.now() / 1000).toFixed(0)} s] ${line}`);

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `Münster Twin bench${quick ? ' (--quick)' : ''}: Node ${process.version}, ${cpus().length} × ${cpu}, ` +
    `${formatNumber(totalmem() / 2 ** 30, 1)} GiB, load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' / ')} at start (a shared machine: read ratios, not absolute figures)`,
);
const workFolder = mkdtempSync(join(tmpdir(), 'twin-bench-'));
try {
  if (runs('pipeline'))
    await runPipelineBench({ quick, repeats: quick ? 1 : 2, workFolder: join(workFolder, 'pipeline'), log });
  if (runs('viewer')) await runViewerBench({ quick, log });
  if (runs('hub')) await runHubBench({ quick, workFolder, log });
  if (runs('scenarios')) runScenariosBench({ quick, log });
  if (runs('thermography')) await runThermographyBench({ quick, log });
  if (runs('corridors')) runCorridorsBench({ quick, log });
  if (runs('sensors-browser')) await runSensorsBrowserBench({ quick, workFolder, log });
} finally {
  rmSync(workFolder, { recursive: true, force: true });
}
console.log(`\nBench finished in ${formatNumber(performance.now() / 1000, 0)} s.`);
