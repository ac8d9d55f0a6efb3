/**
 * The plan of a generated thermal flight over a city: how warm each roof is and why (age and insulation, flat
 * roof), where its chimneys and skylights are, and the district-heating pipe with its one suspected leak. Every
 * choice comes from the seed and the building id, so a roof looks the same whatever else is in the city.
 */
import { createSeededRandom, deriveSeed, type SeededRandom } from '../../buildings/generator/seededRandom';
import type { PlanarXY, RoofOutline } from '../roofOutline';

/** How well a roof keeps the heat in; the generator's hidden truth, which the classification should find again. */
export type RoofInsulation = 'uninsulated' | 'partly-insulated' | 'insulated';

/** A small square on a roof much warmer than the rest: a chimney top or a vent. */
export interface ChimneySpot {
  easting: number;
  northing: number;
  sizeMeters: number;
  celsius: number;
}

/** A roof window: cold glass (it mirrors the clear night sky) in a warm, leaky frame. */
export interface Skylight {
  easting: number;
  northing: number;
  widthMeters: number;
  depthMeters: number;
}

/** The warm part of a partly insulated roof (e.g. over a heated attic room), as a band across the roof. */
export interface WarmSection {
  /** The band's northing range, metres. */
  fromNorthing: number;
  toNorthing: number;
  excessKelvin: number;
}

export interface RoofThermalProfile {
  roof: RoofOutline;
  insulation: RoofInsulation;
  /** Temperature of the plain roof, °C. */
  baseCelsius: number;
  warmSection?: WarmSection;
  chimneys: ChimneySpot[];
  skylights: Skylight[];
}

/** A buried district-heating pipe: the ground above it is slightly warmer, and much warmer around a leak. */
export interface DistrictHeatingPipe {
  path: PlanarXY[];
  widthMeters: number;
  excessKelvin: number;
  leak: { easting: number; northing: number; radiusMeters: number; excessKelvin: number };
}

export interface ThermalScene {
  seed: number;
  airTemperatureCelsius: number;
  /** Open ground (streets, gardens) this much below the air on a clear night, before its own variation. */
  groundBelowAirKelvin: number;
  /** Standard deviation of the camera's pixel noise, kelvin. */
  noiseKelvin: number;
  roofs: RoofThermalProfile[];
  pipe?: DistrictHeatingPipe;
}

export interface ThermalSceneOptions {
  seed: number;
  airTemperatureCelsius: number;
  /** The city's centre: old, uninsulated buildings are likelier near it. */
  cityCentre: PlanarXY;
  /** The pipe's course; without it no pipe is drawn. */
  pipePath?: PlanarXY[];
}

const STREAM_PIPE = 7;
const FLAT_ROOF_TYPE_CODE = '1000';

/** Plans the thermal picture of a city's roofs. */
export function planThermalScene(roofs: readonly RoofOutline[], options: ThermalSceneOptions): ThermalScene {
  const air = options.airTemperatureCelsius;
  const profiles = roofs.map((roof) => {
    const random = createSeededRandom(deriveSeed(options.seed, hashText(roof.buildingId)));
    return planRoof(roof, random, air, options.cityCentre);
  });
  return {
    seed: options.seed,
    airTemperatureCelsius: air,
    groundBelowAirKelvin: 3.5,
    noiseKelvin: 0.25,
    roofs: profiles,
    pipe: options.pipePath
      ? planPipe(options.pipePath, createSeededRandom(deriveSeed(options.seed, STREAM_PIPE)))
      : undefined,
  };
}

function planRoof(
  roof: RoofOutline,
  random: SeededRandom,
  air: number,
  centre: PlanarXY,
): RoofThermalProfile {
  const distanceKm = Math.hypot(roof.centre[0] - centre[0], roof.centre[1] - centre[1]) / 1000;
  // Old buildings cluster in the centre and the first rings; suburbs are younger.
  const oldShare = Math.max(0.08, 0.3 - 0.06 * distanceKm);
  const insulation: RoofInsulation = random.pickWeighted([
    ['uninsulated', oldShare],
    ['partly-insulated', 0.35],
    ['insulated', 1 - oldShare - 0.35],
  ]);
  const isFlat = roof.roofTypeCode === FLAT_ROOF_TYPE_CODE;
  const isResidential = roof.functionCode?.startsWith('31001_1') ?? true;
  const isHall = roof.functionCode?.startsWith('31001_2') ?? false;
  // On a clear night a roof radiates to the sky and ends up below the air; the better insulated, the colder.
  const belowAir = {
    uninsulated: random.between(1.5, 3.5),
    'partly-insulated': random.between(3.8, 5),
    insulated: random.between(4.8, 6.5),
  }[insulation];
  const flatBonus = isFlat ? random.between(0.3, 0.9) : 0;
  // Warehouses and halls are heated little or not at all.
  const hallPenalty = isHall ? random.between(1.0, 2.5) : 0;
  const baseCelsius = air - belowAir + flatBonus - hallPenalty;
  const { minNorthing, maxNorthing } = roof.bounds;
  const warmSection: WarmSection | undefined =
    insulation === 'partly-insulated' && random.chance(0.8)
      ? (() => {
          const from = random.between(0, 0.7);
          const to = Math.min(1, from + random.between(0.15, 0.6));
          return {
            fromNorthing: minNorthing + from * (maxNorthing - minNorthing),
            toNorthing: minNorthing + to * (maxNorthing - minNorthing),
            excessKelvin: random.between(2, 3.5),
          };
        })()
      : undefined;
  const chimneyCount = isResidential
    ? random.pickWeighted([
        [0, 0.2],
        [1, 0.55],
        [2, 0.25],
      ] as const)
    : random.pickWeighted([
        [0, 0.7],
        [1, 0.3],
      ] as const);
  const chimneys: ChimneySpot[] = [];
  for (let index = 0; index < chimneyCount; index++) {
    const position = pointInRoof(roof, random, 1);
    if (position)
      chimneys.push({
        easting: position[0],
        northing: position[1],
        sizeMeters: random.between(0.8, 1.4),
        celsius: air + random.between(12, 30),
      });
  }
  const skylightCount = isResidential
    ? random.pickWeighted([
        [0, 0.5],
        [1, 0.25],
        [2, 0.15],
        [3, 0.1],
      ] as const)
    : random.pickWeighted([
        [0, 0.5],
        [2, 0.3],
        [4, 0.2],
      ] as const);
  const skylights: Skylight[] = [];
  for (let index = 0; index < skylightCount; index++) {
    const position = pointInRoof(roof, random, 1.5);
    if (position)
      skylights.push({
        easting: position[0],
        northing: position[1],
        widthMeters: random.between(1, 1.6),
        depthMeters: random.between(1.2, 2),
      });
  }
  return { roof, insulation, baseCelsius, warmSection, chimneys, skylights };
}

function planPipe(path: PlanarXY[], random: SeededRandom): DistrictHeatingPipe {
  // The leak sits somewhere along the middle of the pipe.
  const segment = random.integer(
    Math.floor((path.length - 1) / 3),
    Math.max(0, Math.ceil(((path.length - 1) * 2) / 3) - 1),
  );
  const [ax, ay] = path[segment]!;
  const [bx, by] = path[segment + 1] ?? path[segment]!;
  const t = random.between(0.3, 0.7);
  return {
    path,
    widthMeters: 2.5,
    excessKelvin: 1.4,
    leak: { easting: ax + t * (bx - ax), northing: ay + t * (by - ay), radiusMeters: 5, excessKelvin: 6 },
  };
}

/** A random point inside the roof's first polygon, at least `insetMeters` from its bounding box edge; undefined if none found. */
function pointInRoof(roof: RoofOutline, random: SeededRandom, insetMeters: number): PlanarXY | undefined {
  const { minEasting, maxEasting, minNorthing, maxNorthing } = roof.bounds;
  if (maxEasting - minEasting < 2 * insetMeters || maxNorthing - minNorthing < 2 * insetMeters)
    return undefined;
  for (let attempt = 0; attempt < 12; attempt++) {
    const point: PlanarXY = [
      random.between(minEasting + insetMeters, maxEasting - insetMeters),
      random.between(minNorthing + insetMeters, maxNorthing - insetMeters),
    ];
    if (roof.polygons.some((polygon) => isInsidePolygon(point, polygon))) return point;
  }
  return undefined;
}

/** Even-odd point-in-polygon over all rings (holes included). */
export function isInsidePolygon([x, y]: PlanarXY, rings: readonly (readonly PlanarXY[])[]): boolean {
  let inside = false;
  for (const ring of rings)
    for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
      const [xi, yi] = ring[index]!;
      const [xj, yj] = ring[previous]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

/** FNV-1a of a text: a stable number per building id. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
