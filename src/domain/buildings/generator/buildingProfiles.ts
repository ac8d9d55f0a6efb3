/**
 * What kind of building stands where: storeys, height and ALKIS function (AX_Gebaeude.gebaeudefunktion, codes
 * from the AdV list in ../labels/alkisBuildingFunctions.ts) for each kind of generated building.
 */
import type { SeededRandom } from './seededRandom';

/** The kinds of building the generator places; each has its own mix of storeys and uses. */
export type BuildingKind =
  | 'old-town-house'
  | 'market-house'
  | 'city-house'
  | 'terraced-house'
  | 'detached-house'
  | 'apartment-slab'
  | 'commercial-hall'
  | 'office'
  | 'institution'
  | 'barracks'
  | 'cathedral'
  | 'town-hall';

/** Storeys, height (m, ground to flat roof) and function of one building. */
export interface BuildingProfile {
  storeys: number;
  heightMeters: number;
  functionCode: string;
}

type Weighted<T> = readonly (readonly [T, number])[];

interface ProfileRule {
  storeys: Weighted<number>;
  storeyHeightMeters: [number, number];
  /** Added once: ground floor shops, attic, parapet or the mean height of a pitched roof. */
  extraMeters: [number, number];
  functions: Weighted<string>;
}

const RULES: Record<BuildingKind, ProfileRule> = {
  'old-town-house': {
    storeys: [
      [3, 25],
      [4, 40],
      [5, 30],
      [6, 5],
    ],
    storeyHeightMeters: [3.2, 3.6],
    extraMeters: [1, 4],
    functions: [
      ['31001_1120', 40],
      ['31001_1000', 35],
      ['31001_2050', 10],
      ['31001_2020', 10],
      ['31001_3000', 5],
    ],
  },
  // The gabled merchants' houses along the Prinzipalmarkt: shops below, tall gables above.
  'market-house': {
    storeys: [
      [4, 40],
      [5, 45],
      [6, 15],
    ],
    storeyHeightMeters: [3.4, 3.8],
    extraMeters: [3, 7],
    functions: [
      ['31001_2050', 50],
      ['31001_1120', 40],
      ['31001_2020', 10],
    ],
  },
  'city-house': {
    storeys: [
      [3, 20],
      [4, 45],
      [5, 30],
      [6, 5],
    ],
    storeyHeightMeters: [3.0, 3.4],
    extraMeters: [0.5, 3],
    functions: [
      ['31001_1000', 68],
      ['31001_1120', 17],
      ['31001_2020', 8],
      ['31001_1010', 7],
    ],
  },
  'terraced-house': {
    storeys: [
      [2, 70],
      [3, 30],
    ],
    storeyHeightMeters: [2.8, 3.0],
    extraMeters: [1, 3],
    functions: [['31001_1010', 100]],
  },
  'detached-house': {
    storeys: [
      [1, 40],
      [2, 60],
    ],
    storeyHeightMeters: [2.8, 3.1],
    extraMeters: [1, 3.5],
    functions: [
      ['31001_1010', 80],
      ['31001_1000', 20],
    ],
  },
  'apartment-slab': {
    storeys: [
      [3, 20],
      [4, 30],
      [5, 20],
      [6, 14],
      [8, 10],
      [12, 6],
    ],
    storeyHeightMeters: [2.8, 3.0],
    extraMeters: [0.5, 1.5],
    functions: [['31001_1000', 100]],
  },
  'commercial-hall': {
    storeys: [
      [1, 70],
      [2, 30],
    ],
    storeyHeightMeters: [4.5, 6],
    extraMeters: [1, 3],
    functions: [
      ['31001_2000', 40],
      ['31001_2100', 35],
      ['31001_2050', 25],
    ],
  },
  office: {
    storeys: [
      [3, 30],
      [4, 30],
      [5, 25],
      [7, 15],
    ],
    storeyHeightMeters: [3.3, 3.7],
    extraMeters: [0.5, 2],
    functions: [['31001_2020', 100]],
  },
  institution: {
    storeys: [
      [2, 15],
      [3, 35],
      [4, 35],
      [5, 15],
    ],
    storeyHeightMeters: [3.5, 4],
    extraMeters: [1, 3],
    functions: [
      ['31001_3023', 35],
      ['31001_3021', 25],
      ['31001_3000', 20],
      ['31001_3051', 10],
      ['31001_3010', 10],
    ],
  },
  barracks: {
    storeys: [
      [2, 30],
      [3, 70],
    ],
    storeyHeightMeters: [3.2, 3.5],
    extraMeters: [2, 4],
    functions: [['31001_3073', 100]],
  },
  cathedral: {
    storeys: [[1, 100]],
    storeyHeightMeters: [30, 34],
    extraMeters: [0, 0],
    functions: [['31001_3041', 100]],
  },
  'town-hall': {
    storeys: [[3, 100]],
    storeyHeightMeters: [4.5, 5],
    extraMeters: [5, 6],
    functions: [['31001_3012', 100]],
  },
};

/** Draws a profile for a building of this kind; height rounded to decimetres. */
export function drawBuildingProfile(kind: BuildingKind, random: SeededRandom): BuildingProfile {
  const rule = RULES[kind];
  const storeys = random.pickWeighted(rule.storeys);
  const heightMeters =
    storeys * random.between(...rule.storeyHeightMeters) + random.between(...rule.extraMeters);
  return {
    storeys,
    heightMeters: Math.round(heightMeters * 10) / 10,
    functionCode: random.pickWeighted(rule.functions),
  };
}
