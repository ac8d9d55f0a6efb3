/**
 * Measures the default-data generator: `npx tsx scripts/bench/generatorSpeed.ts [buildingCount] [seed]`.
 * Prints the first (cold, includes JIT warm-up) and the best of five warm runs, plus the time to read the result
 * back as LoD1 buildings, so a slower change shows up before `npm start` feels it.
 */
import { readGeoJsonFootprints } from '../../src/domain/buildings/footprints/readGeoJsonFootprints';
import {
  DEFAULT_BUILDING_COUNT,
  generateMuensterCity,
} from '../../src/domain/buildings/generator/generateMuensterCity';

const buildingCount = Number(process.argv[2] ?? DEFAULT_BUILDING_COUNT);
const seed = Number(process.argv[3] ?? 1);

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

// CPU time next to wall time: on a busy machine the wall clock also counts other processes' turns.
const cpuBefore = process.cpuUsage();
const [city, coldMilliseconds] = timed(() => generateMuensterCity({ seed, buildingCount }));
const coldCpu = process.cpuUsage(cpuBefore);
const warmMilliseconds = Math.min(
  ...Array.from({ length: 5 }, () => timed(() => generateMuensterCity({ seed, buildingCount }))[1]),
);
let issues = 0;
const [buildings, readMilliseconds] = timed(
  () => [...readGeoJsonFootprints(city, { sourceFile: 'generated', onIssue: () => issues++ })].length,
);

console.log(`buildings: ${city.features.length} (requested ${buildingCount}, seed ${seed})`);
const coldCpuMilliseconds = (coldCpu.user + coldCpu.system) / 1000;
console.log(
  `generate: ${coldMilliseconds.toFixed(0)} ms cold (${coldCpuMilliseconds.toFixed(0)} ms CPU), ` +
    `${warmMilliseconds.toFixed(0)} ms warm (best of 5)`,
);
console.log(`GeoJSON size: ${(JSON.stringify(city).length / 1e6).toFixed(1)} MB`);
console.log(`read back as LoD1: ${buildings} buildings, ${issues} issues, ${readMilliseconds.toFixed(0)} ms`);
