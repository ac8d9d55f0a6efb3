// `npx tsx scripts/corridors/benchCorridorChecks.ts`: times the corridor checks as issue #7 asks, a 10 km corridor
// against 150,000 buildings and 100 restriction zones (goal: under 50 ms, so checks can rerun while a point is
// dragged). The city is synthetic and seeded (same numbers every run): 150,000 boxes of 8–25 m on a 14 km square
// around the Prinzipalmarkt, 100 zones (half circles, half polygons), three other corridors.
import { performance } from 'node:perf_hooks';
import { checkCorridor } from '../../src/domain/corridors/checkCorridors';
import { createBuildingIndex, type CorridorBuilding } from '../../src/domain/corridors/corridorBuildings';
import { prepareRestrictionZones } from '../../src/domain/corridors/corridorPlane';
import type { Corridor, LonLat, RestrictionZone } from '../../src/domain/corridors/corridorScene';
import { utm32ToGeographic } from '../../src/domain/geo/projection';

const CENTRE_X = 405000;
const CENTRE_Y = 5757000;
const HALF_SIZE = 7000;

/** Mulberry32: a small seeded generator, so every run measures the same city. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seededRandom(7);
const between = (low: number, high: number) => low + (high - low) * random();
const lonLat = (x: number, y: number): LonLat => {
  const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic({ eastingMeters: x, northingMeters: y });
  return [longitudeDegrees, latitudeDegrees];
};

const buildings: CorridorBuilding[] = [];
for (let index = 0; index < 150_000; index++) {
  const x = CENTRE_X + between(-HALF_SIZE, HALF_SIZE);
  const y = CENTRE_Y + between(-HALF_SIZE, HALF_SIZE);
  const width = between(8, 25);
  const depth = between(8, 25);
  const base = between(50, 70);
  buildings.push({
    id: `b${index}`,
    footprint: [
      [x, y],
      [x + width, y],
      [x + width, y + depth],
      [x, y + depth],
    ],
    footprintCrs: 'EPSG:25832',
    baseHeightMeters: base,
    topHeightMeters: base + between(4, 35),
    functionCode: random() < 0.6 ? '31001_1010' : '31001_2020',
  });
}

const zones: RestrictionZone[] = [];
for (let index = 0; index < 100; index++) {
  const x = CENTRE_X + between(-HALF_SIZE, HALF_SIZE);
  const y = CENTRE_Y + between(-HALF_SIZE, HALF_SIZE);
  const radius = between(100, 600);
  const geometry: RestrictionZone['geometry'] =
    index % 2 === 0
      ? { type: 'circle', centre: lonLat(x, y), radiusMeters: radius }
      : {
          type: 'polygon',
          coordinates: Array.from({ length: 12 }, (_, corner) => {
            const angle = (corner / 12) * 2 * Math.PI;
            const reach = radius * between(0.6, 1);
            return lonLat(x + reach * Math.cos(angle), y + reach * Math.sin(angle));
          }),
        };
  zones.push({
    id: `zone-${index}`,
    name: { de: `Zone ${index}` },
    category: 'other',
    geometry,
    lowerLimit: { reference: 'AGL', heightMeters: 0 },
    upperLimit: { reference: 'AGL', heightMeters: between(50, 150) },
    severity: 'warning',
    legalBasis: 'bench',
    requirement: { de: 'bench' },
    accuracyMeters: 1,
    source: 'bench',
    licence: 'none',
  });
}

function corridor(id: string, points: [number, number][]): Corridor {
  return {
    id,
    name: { de: id },
    purpose: 'other',
    operationCategory: 'specific',
    centreLine: points.map(([x, y]) => lonLat(x, y)),
    widthMeters: 50,
    floor: { reference: 'AGL', heightMeters: 40 },
    ceiling: { reference: 'AGL', heightMeters: 100 },
    cruiseSpeedMetersPerSecond: 15,
    operatingHours: [{ weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '07:00', to: '19:00' }],
    accuracyMeters: 1,
    source: 'bench',
  };
}

// 10 km with four bends through the dense middle; three others cross it.
const dragged = corridor('ten-km', [
  [CENTRE_X - 5000, CENTRE_Y - 1000],
  [CENTRE_X - 2500, CENTRE_Y + 500],
  [CENTRE_X, CENTRE_Y - 200],
  [CENTRE_X + 2000, CENTRE_Y + 1200],
  [CENTRE_X + 4300, CENTRE_Y + 300],
]);
const others = [
  corridor('north-south', [
    [CENTRE_X + 500, CENTRE_Y - 4000],
    [CENTRE_X + 500, CENTRE_Y + 4000],
  ]),
  corridor('west', [
    [CENTRE_X - 3000, CENTRE_Y - 3000],
    [CENTRE_X - 3000, CENTRE_Y + 3000],
  ]),
  corridor('east', [
    [CENTRE_X + 3000, CENTRE_Y - 3000],
    [CENTRE_X + 3500, CENTRE_Y + 3000],
  ]),
];

const time = <T>(work: () => T): { result: T; milliseconds: number } => {
  const start = performance.now();
  const result = work();
  return { result, milliseconds: performance.now() - start };
};

const indexRun = time(() => createBuildingIndex(buildings));
const zoneRun = time(() => prepareRestrictionZones(zones));
const input = { corridors: [dragged, ...others], buildings: indexRun.result, zones: zoneRun.result };
const runs: number[] = [];
let report = checkCorridor(dragged, input);
for (let round = 0; round < 30; round++) {
  const run = time(() => checkCorridor(dragged, input));
  runs.push(run.milliseconds);
  report = run.result;
}
runs.sort((a, b) => a - b);
const median = runs[Math.floor(runs.length / 2)]!;
console.log(`corridor length            ${(report.lengthMeters / 1000).toFixed(2)} km`);
console.log(`buildings / zones          ${buildings.length} / ${zones.length}`);
console.log(`build the building index   ${indexRun.milliseconds.toFixed(0)} ms (once per building set)`);
console.log(`prepare the zones          ${zoneRun.milliseconds.toFixed(0)} ms (once per zone set)`);
console.log(
  `check the corridor         median ${median.toFixed(1)} ms, fastest ${runs[0]!.toFixed(1)} ms, slowest ${runs.at(-1)!.toFixed(1)} ms over ${runs.length} runs (goal < 50 ms)`,
);
console.log(
  `findings                   ${report.findings.length}; overflown ${report.overflown.buildingCount} buildings, ~${report.overflown.estimatedResidents} residents; status ${report.status}`,
);
