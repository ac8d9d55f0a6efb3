import {
  generateMuensterCity,
  type GeneratedCity,
  type GeneratedFootprintFeature,
} from '../../../src/domain/buildings/generator/generateMuensterCity';

/** How far apart (easting) the copies of the city stand: more than the generated city's ~11 km diameter. */
export const CITY_SPACING_METERS = 12_000;

/** One generated city holds at most about this many buildings; more are asked of the next copy. */
const BUILDINGS_PER_CITY_LIMIT = 50_000;

/** A synthetic city of a given size and which seeds it is made of. */
export interface SyntheticCity {
  city: GeneratedCity;
  seeds: number[];
}

/** A copy of a feature moved `eastMeters` to the east, its id prefixed so ids stay unique across copies. */
function shiftedFeature(
  feature: GeneratedFootprintFeature,
  eastMeters: number,
  idPrefix: string,
): GeneratedFootprintFeature {
  return {
    ...feature,
    properties: { ...feature.properties, id: `${idPrefix}${feature.properties.id}` },
    geometry: {
      type: 'Polygon',
      coordinates: feature.geometry.coordinates.map((ring) =>
        ring.map(([east, north]): [number, number] => [east + eastMeters, north]),
      ),
    },
  };
}

/**
 * Exactly `buildingCount` seeded footprints: the generator's city for `firstSeed`, and where it saturates (about
 * 43,000–52,000 buildings, depending on the seed), further cities with the next seeds, each 12 km further east.
 */
export function composeSyntheticCity(buildingCount: number, firstSeed: number): SyntheticCity {
  const features: GeneratedFootprintFeature[] = [];
  const seeds: number[] = [];
  let crsName: GeneratedCity['crs'] | undefined;
  for (let copy = 0; features.length < buildingCount; copy++) {
    const seed = firstSeed + copy;
    const wanted = Math.min(buildingCount - features.length, BUILDINGS_PER_CITY_LIMIT);
    const city = generateMuensterCity({ seed, buildingCount: wanted });
    if (city.features.length === 0) throw new Error(`generator made no buildings for seed ${seed}`);
    crsName ??= city.crs;
    seeds.push(seed);
    const prefix = copy === 0 ? '' : `C${copy + 1}_`;
    for (const feature of city.features.slice(0, wanted))
      features.push(copy === 0 ? feature : shiftedFeature(feature, copy * CITY_SPACING_METERS, prefix));
  }
  return { city: { type: 'FeatureCollection', crs: crsName!, features }, seeds };
}
