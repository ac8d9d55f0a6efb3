/**
 * Where the suburbs give way to fields, woods and parks. Münster's green wedges reach from the edge of town far
 * in; a smooth field of a few angular waves gives such connected green areas instead of single empty blocks.
 */
import type { PlanarPoint } from '../footprints/footprintPolygon';
import { angleOf, radiusOf } from './cityFrame';
import type { SeededRandom } from './seededRandom';

/** Share of open land grows from about a tenth at the inner suburbs to most of the land 5 km out. */
const THRESHOLD_AT_CITY_EDGE = -0.5;
const THRESHOLD_RISE_PER_KILOMETRE = 0.35;
const CITY_EDGE_KILOMETRES = 1.75;

/**
 * A predicate "this point is open land" for one seed. `openness` (0–1] below 1 shrinks the open land, for
 * cities larger than the default.
 */
export function createOpenLandField(random: SeededRandom, openness = 1): (point: PlanarPoint) => boolean {
  const waves = Array.from({ length: 3 }, () => ({
    lobes: random.integer(3, 7),
    twistPerKilometre: random.between(-1.2, 1.2),
    phase: random.between(0, 2 * Math.PI),
  }));
  return (point) => {
    const angle = angleOf(point);
    const kilometres = radiusOf(point) / 1000;
    const noise =
      waves.reduce(
        (sum, wave) => sum + Math.sin(wave.lobes * angle + wave.twistPerKilometre * kilometres + wave.phase),
        0,
      ) / waves.length;
    const threshold =
      THRESHOLD_AT_CITY_EDGE +
      THRESHOLD_RISE_PER_KILOMETRE * (kilometres - CITY_EDGE_KILOMETRES) -
      (1 - openness) * 0.8;
    return noise < threshold;
  };
}
