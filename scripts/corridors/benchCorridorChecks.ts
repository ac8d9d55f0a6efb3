// `npx tsx scripts/corridors/benchCorridorChecks.ts [--quick]`: times the corridor checks as issue #7 asks, a
// 10 km corridor against 150,000 buildings and 100 restriction zones (goal: under 50 ms, so checks can rerun
// while a point is dragged). The same as `npm run bench -- --only corridors`; see scripts/bench/corridors.
import { runCorridorsBench } from '../bench/corridors/runCorridorsBench';

runCorridorsBench({
  quick: process.argv.includes('--quick'),
  log: (line) => console.error(`[bench] ${line}`),
});
