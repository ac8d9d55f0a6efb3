// The synthetic input of the corridor bench (issue #7): a 10 km corridor against 150,000 buildings and 100
// restriction zones. The city is seeded (same numbers every run): boxes of 8–25 m on a 14 km square around the
// Prinzipalmarkt, 100 zones (half circles, half polygons), three other corridors crossing the long one.
import {
  createBuildingIndex,
  type BuildingIndex,
  type CorridorBuilding,
} from '../../../src/domain/corridors/corridorBuildings';
import {
  prepareRestrictionZones,
  type PreparedRestrictionZone,
} from '../../../src/domain/corridors/corridorPlane';
import type { Corridor, LonLat, RestrictionZone } from '../../../src/domain/corridors/corridorScene';
import { utm32ToGeographic } from '../../../src/domain/geo/projection';

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

function syntheticBuildings(count: number): CorridorBuilding[] {
  const buildings: CorridorBuilding[] = [];
  for (let index = 0; index < count; index++) {
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
  return buildings;
}

function syntheticZones(count: number): RestrictionZone[] {
  const zones: RestrictionZone[] = [];
  for (let index = 0; index < count; index++) {
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
  return zones;
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

/** The prepared input of one bench run, with how long preparing it took. */
export interface CorridorBenchInput {
  dragged: Corridor;
  others: Corridor[];
  buildings: BuildingIndex;
  buildingCount: number;
  zones: PreparedRestrictionZone[];
  indexMilliseconds: number;
  zoneMilliseconds: number;
}

/** Builds the seeded city, indexes its buildings and prepares its zones (timed: done once per set in the app). */
export function createCorridorBenchInput(buildingCount = 150_000, zoneCount = 100): CorridorBenchInput {
  const buildings = syntheticBuildings(buildingCount);
  const zones = syntheticZones(zoneCount);
  let start = performance.now();
  const index = createBuildingIndex(buildings);
  const indexMilliseconds = performance.now() - start;
  start = performance.now();
  const prepared = prepareRestrictionZones(zones);
  const zoneMilliseconds = performance.now() - start;
  return {
    dragged,
    others,
    buildings: index,
    buildingCount,
    zones: prepared,
    indexMilliseconds,
    zoneMilliseconds,
  };
}
