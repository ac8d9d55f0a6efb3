/**
 * The app's embedded default data: a seeded, plausible Münster-like city of building footprints, anchored to the
 * real places of the overview scene. Same seed and count, same city, byte for byte.
 */
import type { PlanarPoint } from '../footprints/footprintPolygon';
import { FLAT_ROOF_TYPE_CODE } from '../footprints/footprintProperties';
import { assignAddresses } from './addresses';
import { buildBlock, type GeneratedBuilding } from './buildBlock';
import { drawBuildingProfile } from './buildingProfiles';
import { angleOf, promenadeRadius, radiusOf } from './cityFrame';
import { createGroundHeightModel } from './groundHeight';
import { isInAasee, isNearConversionSite } from './keepOutAreas';
import { CITY_CENTRE } from './muensterPlaces';
import { layoutOldTown } from './oldTownLayout';
import { createOpenLandField } from './openLand';
import { centroid, distance } from './planarGeometry';
import { layoutRingsAndRadials } from './ringRadialLayout';
import { createSeededRandom, deriveSeed } from './seededRandom';
import { createStreetNamer } from './streetNames';
import { StreetRegistry, type Block } from './streetModel';

/** The CRS member of the generated collection (GeoJSON 2008 style), which readGeoJsonFootprints understands. */
export const GENERATED_CITY_CRS_NAME = 'urn:ogc:def:crs:EPSG::25832';

/** The default city: built up to 3–4 km around the Prinzipalmarkt, and quick to generate and tile. */
export const DEFAULT_BUILDING_COUNT = 20_000;

/** Options of {@link generateMuensterCity}. */
export interface MuensterCityOptions {
  seed: number;
  /**
   * How many buildings to generate. Above the default the suburbs get denser to make room; beyond about 50,000
   * the layout (5.4 km around the centre) is full and the city has fewer.
   */
  buildingCount?: number;
}

/** The properties of a generated footprint, named as the footprint readers expect them. */
export interface GeneratedFootprintProperties {
  id: string;
  storeys: number;
  height: number;
  function: string;
  roofType: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  locality: string;
  groundHeight: number;
}

/** One generated building as a GeoJSON Feature (EPSG:25832 metres, exterior ring counter-clockwise, closed). */
export interface GeneratedFootprintFeature {
  type: 'Feature';
  properties: GeneratedFootprintProperties;
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
}

/** The generated city as a GeoJSON FeatureCollection with a `crs` member. */
export interface GeneratedCity {
  type: 'FeatureCollection';
  crs: { type: 'name'; properties: { name: string } };
  features: GeneratedFootprintFeature[];
}

// Independent random streams, so a change in one stage leaves the others as they were.
const STREAM_OLD_TOWN = 1;
const STREAM_RINGS = 2;
const STREAM_NAMES = 3;
const STREAM_TERRAIN = 4;
const STREAM_TOWN_HALL = 5;
const STREAM_OPEN_LAND = 6;
const FIRST_BLOCK_STREAM = 1000;
const DISTRICT_AROUND_CONVERSION_SITE_METERS = 1000;

/**
 * Generates the city: streets and blocks first, then blocks are built from the centre outwards (suburban blocks
 * in a ragged order, so the edge of town is not a circle) until `buildingCount` buildings stand.
 */
export function generateMuensterCity({
  seed,
  buildingCount = DEFAULT_BUILDING_COUNT,
}: MuensterCityOptions): GeneratedCity {
  const registry = new StreetRegistry();
  const oldTown = layoutOldTown(createSeededRandom(deriveSeed(seed, STREAM_OLD_TOWN)), registry, 0);
  const outer = layoutRingsAndRadials(
    createSeededRandom(deriveSeed(seed, STREAM_RINGS)),
    registry,
    oldTown.length,
  );
  const buildings = buildBlocksOutwards([...oldTown, ...outer], registry, seed, buildingCount);
  markTownHall(buildings, seed);

  const isInOldTown = (point: PlanarPoint) => radiusOf(point) < promenadeRadius(angleOf(point));
  const namer = createStreetNamer(createSeededRandom(deriveSeed(seed, STREAM_NAMES)), fixedNames(registry));
  const addresses = assignAddresses(buildings, registry.streets, namer, isInOldTown);
  const groundHeightAt = createGroundHeightModel(createSeededRandom(deriveSeed(seed, STREAM_TERRAIN)));

  return {
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: GENERATED_CITY_CRS_NAME } },
    features: buildings.map((building, index) => ({
      type: 'Feature',
      properties: {
        id: `GEN_${String(index + 1).padStart(6, '0')}`,
        storeys: building.profile.storeys,
        height: building.profile.heightMeters,
        function: building.profile.functionCode,
        roofType: FLAT_ROOF_TYPE_CODE,
        ...addresses[index]!,
        locality: 'Münster',
        groundHeight: groundHeightAt(centroid(building.footprint)),
      },
      geometry: { type: 'Polygon', coordinates: [closedRing(building.footprint)] },
    })),
  };
}

/** Builds blocks nearest first until enough buildings stand; returns them in block order (a stable layout). */
function buildBlocksOutwards(
  blocks: readonly Block[],
  registry: StreetRegistry,
  seed: number,
  buildingCount: number,
): GeneratedBuilding[] {
  const ordered = blocks
    .map((block) => {
      const random = createSeededRandom(deriveSeed(seed, FIRST_BLOCK_STREAM + block.index));
      const middle = centroid(block.polygon.points);
      // Suburban blocks join in a jittered order, so the town grows raggedly, in fingers and gaps; the districts
      // around the conversion sites come early, so the scene's places stand in a built-up neighbourhood.
      const jitter = block.zone === 'suburb' ? random.between(0.8, 1.3) : 1;
      const pull = isNearConversionSite(middle, DISTRICT_AROUND_CONVERSION_SITE_METERS) ? 0.6 : 1;
      return { block, random, middle, key: distance(middle, CITY_CENTRE) * jitter * pull };
    })
    .filter(({ middle }) => !isInAasee(middle))
    .sort((a, b) => a.key - b.key || a.block.index - b.block.index);

  const openness = Math.min(1, DEFAULT_BUILDING_COUNT / buildingCount);
  const isOpenField = createOpenLandField(createSeededRandom(deriveSeed(seed, STREAM_OPEN_LAND)), openness);
  const context = {
    streets: registry.streets,
    // The districts around the conversion sites are built up, not fields.
    isOpenLand: (point: PlanarPoint) =>
      !isNearConversionSite(point, DISTRICT_AROUND_CONVERSION_SITE_METERS) && isOpenField(point),
  };
  const built: GeneratedBuilding[][] = [];
  let count = 0;
  for (const { block, random } of ordered) {
    if (count >= buildingCount) break;
    const buildings = buildBlock(block, context, random).slice(0, buildingCount - count);
    built.push(buildings);
    count += buildings.length;
  }
  return built.sort((a, b) => (a[0]?.blockIndex ?? 0) - (b[0]?.blockIndex ?? 0)).flat();
}

/** The Historisches Rathaus: the market house nearest the Prinzipalmarkt point. */
function markTownHall(buildings: GeneratedBuilding[], seed: number): void {
  let nearest: GeneratedBuilding | undefined;
  for (const building of buildings) {
    if (building.kind !== 'market-house') continue;
    if (
      !nearest ||
      distance(centroid(building.footprint), CITY_CENTRE) < distance(centroid(nearest.footprint), CITY_CENTRE)
    ) {
      nearest = building;
    }
  }
  if (nearest === undefined) return;
  nearest.kind = 'town-hall';
  nearest.profile = drawBuildingProfile('town-hall', createSeededRandom(deriveSeed(seed, STREAM_TOWN_HALL)));
}

function fixedNames(registry: StreetRegistry): string[] {
  return registry.streets.flatMap((street) => (street.fixedName === undefined ? [] : [street.fixedName]));
}

/** GeoJSON wants closed rings; millimetres are plenty and keep the file small. */
function closedRing(points: readonly PlanarPoint[]): [number, number][] {
  const rounded = points.map(([x, y]): [number, number] => [
    Math.round(x * 1000) / 1000,
    Math.round(y * 1000) / 1000,
  ]);
  return [...rounded, rounded[0]!];
}
