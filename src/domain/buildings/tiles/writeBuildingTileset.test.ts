import { beforeAll, describe, expect, it } from 'vitest';
import { utm32ToGeographic } from '../../geo/projection';
import type { BuildingMesh } from '../buildingModel';
import { buildingGrid } from './buildingFixtures';
import { eastNorthUpAxes, geodeticToEcef, type Vector3 } from '../../geo/earthFrames';
import { readTileset, type DecodedFeature } from './tilesetTestReader';
import { angleDegrees, ecefToUtm32, expectedRow, TEST_LABELS } from './tilesetTestSupport';
import { writeBuildingTileset } from './writeBuildingTileset';

const MESHES = buildingGrid(36);
const BY_SOURCE_ID = new Map(MESHES.map((mesh) => [mesh.attributes.sourceId, mesh]));

function toEcef(easting: number, northing: number, heightMeters: number): Vector3 {
  const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic({
    eastingMeters: easting,
    northingMeters: northing,
  });
  return geodeticToEcef({
    longitudeRadians: (longitudeDegrees * Math.PI) / 180,
    latitudeRadians: (latitudeDegrees * Math.PI) / 180,
    heightMeters,
  });
}

/**
 * Grid east, grid north and up of EPSG:25832 at a point, in ECEF, by finite differences of the projection.
 */
function gridAxesEcef(easting: number, northing: number): Vector3[] {
  const origin = toEcef(easting, northing, 0);
  const unit = (point: Vector3): Vector3 => {
    const difference: Vector3 = [point[0] - origin[0], point[1] - origin[1], point[2] - origin[2]];
    const length = Math.hypot(...difference);
    return [difference[0] / length, difference[1] / length, difference[2] / length];
  };
  const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic({
    eastingMeters: easting,
    northingMeters: northing,
  });
  const { up } = eastNorthUpAxes({
    longitudeRadians: (longitudeDegrees * Math.PI) / 180,
    latitudeRadians: (latitudeDegrees * Math.PI) / 180,
    heightMeters: 0,
  });
  return [unit(toEcef(easting + 1, northing, 0)), unit(toEcef(easting, northing + 1, 0)), up];
}

/**
 * Largest distance from a decoded vertex to its nearest input vertex, and largest angle between a decoded
 * normal and the closest-agreeing normal among the input vertices at that place (flat shading puts several
 * there).
 */
function largestVertexErrors(feature: DecodedFeature, mesh: BuildingMesh) {
  const [gridEast, gridNorth, up] = gridAxesEcef(mesh.positions[0]!, mesh.positions[1]!);
  const inputNormals = Array.from({ length: mesh.normals.length / 3 }, (_, vertex) => {
    const [x, y, z] = [0, 1, 2].map((axis) => mesh.normals[vertex * 3 + axis]!) as Vector3;
    return [0, 1, 2].map((axis) => x * gridEast![axis]! + y * gridNorth![axis]! + z * up![axis]!) as Vector3;
  });
  let distanceMeters = 0;
  let normalDegrees = 0;
  feature.ecefPositions.forEach((position, vertex) => {
    const { eastingMeters, northingMeters, heightMeters } = ecefToUtm32(position);
    const z = heightMeters + mesh.attributes.groundHeightMeters;
    const distances = inputNormals.map((_, input) =>
      Math.hypot(
        eastingMeters - mesh.positions[input * 3]!,
        northingMeters - mesh.positions[input * 3 + 1]!,
        z - mesh.positions[input * 3 + 2]!,
      ),
    );
    const nearest = Math.min(...distances);
    const angles = inputNormals
      .filter((_, input) => distances[input]! <= nearest + 0.01)
      .map((normal) => angleDegrees(feature.ecefNormals[vertex]!, normal));
    distanceMeters = Math.max(distanceMeters, nearest);
    normalDegrees = Math.max(normalDegrees, Math.min(...angles));
  });
  return { distanceMeters, normalDegrees };
}

/**
 * Largest angle between a triangle's face normal (from its decoded corners and winding) and its vertex
 * normals.
 */
function largestWindingAngleDegrees(feature: DecodedFeature): number {
  let largest = 0;
  for (const [a, b, c] of feature.triangles) {
    const [pa, pb, pc] = [a, b, c].map((vertex) => feature.ecefPositions[vertex]!) as [
      Vector3,
      Vector3,
      Vector3,
    ];
    const ab = [pb[0] - pa[0], pb[1] - pa[1], pb[2] - pa[2]];
    const ac = [pc[0] - pa[0], pc[1] - pa[1], pc[2] - pa[2]];
    const face: Vector3 = [
      ab[1]! * ac[2]! - ab[2]! * ac[1]!,
      ab[2]! * ac[0]! - ab[0]! * ac[2]!,
      ab[0]! * ac[1]! - ab[1]! * ac[0]!,
    ];
    const length = Math.hypot(...face);
    const unitFace: Vector3 = [face[0] / length, face[1] / length, face[2] / length];
    for (const vertex of [a, b, c]) {
      largest = Math.max(largest, angleDegrees(unitFace, feature.ecefNormals[vertex]!));
    }
  }
  return largest;
}

describe.each([{ compress: true }, { compress: false }])(
  'a tileset read back (compress: $compress)',
  ({ compress }) => {
    let features: DecodedFeature[];
    beforeAll(async () => {
      const files = await writeBuildingTileset(MESHES, {
        compress,
        maxFeaturesPerTile: 10,
        labels: TEST_LABELS,
      });
      ({ features } = await readTileset(files));
    });

    it('holds every building exactly once, in tiles of several buildings', () => {
      const sourceIds = features.map((feature) => String(feature.row.sourceId)).sort();
      expect(sourceIds).toEqual([...BY_SOURCE_ID.keys()].sort());
      expect(new Set(features.map((feature) => feature.tilePath)).size).toBeGreaterThan(3);
    });

    it("maps each feature id to its own building's attributes, umlauts included", () => {
      for (const feature of features) {
        expect(feature.row).toEqual(expectedRow(BY_SOURCE_ID.get(String(feature.row.sourceId))!.attributes));
      }
      expect(features.some((feature) => feature.row.street === 'Hörsterstraße')).toBe(true);
      expect(
        features.some((feature) => feature.row.functionLabel === 'Gebäude für Wirtschaft oder Gewerbe'),
      ).toBe(true);
    });

    it('keeps every vertex within 1 cm of the input and its normal within 1.5° (8-bit) or 0.05°', () => {
      let largest = { distanceMeters: 0, normalDegrees: 0 };
      for (const feature of features) {
        const mesh = BY_SOURCE_ID.get(String(feature.row.sourceId))!;
        expect(feature.ecefPositions).toHaveLength(mesh.positions.length / 3);
        expect(feature.triangles).toHaveLength(mesh.indices.length / 3);
        const errors = largestVertexErrors(feature, mesh);
        largest = {
          distanceMeters: Math.max(largest.distanceMeters, errors.distanceMeters),
          normalDegrees: Math.max(largest.normalDegrees, errors.normalDegrees),
        };
      }
      console.log(
        `compress ${compress}: largest vertex error ${(largest.distanceMeters * 1000).toFixed(2)} mm, ` +
          `largest normal error ${largest.normalDegrees.toFixed(3)}°`,
      );
      expect(largest.distanceMeters).toBeLessThan(0.01);
      // Meridian convergence is about 1° here, so the uncompressed bound shows grid north was turned to true
      // north. Not tighter: this test turns input normals as vectors (J·n), the writer as covectors (J⁻ᵀ·n),
      // which differ by the map's scale factor (0.9996) by up to 0.02° on 45° roofs; the winding test below
      // checks exactly.
      expect(largest.normalDegrees).toBeLessThan(compress ? 1.5 : 0.05);
    });

    it('keeps the winding counter-clockwise from outside: face normals agree with vertex normals', () => {
      const largest = Math.max(...features.map(largestWindingAngleDegrees));
      expect(largest).toBeLessThan(compress ? 1.5 : 0.01);
    });
  },
);

describe('writeBuildingTileset', () => {
  it('writes the same bytes for the same buildings, whatever their order', async () => {
    const first = await writeBuildingTileset(MESHES, { maxFeaturesPerTile: 10 });
    const again = await writeBuildingTileset(MESHES, { maxFeaturesPerTile: 10 });
    const shuffled = await writeBuildingTileset([...MESHES].reverse(), { maxFeaturesPerTile: 10 });
    expect(again).toEqual(first);
    expect(shuffled).toEqual(first);
    expect(first.map((file) => file.path)).toEqual([...first.map((file) => file.path)].sort());
  });

  it('makes a single building its own root tile, with content and a positive tileset error', async () => {
    const { tileset, features } = await readTileset(await writeBuildingTileset(MESHES.slice(0, 1)));
    expect(features).toHaveLength(1);
    expect(tileset.root.content?.uri).toBe('content/0_0_0.glb');
    expect(tileset.root.geometricError).toBe(0);
    expect(tileset.geometricError).toBeGreaterThan(0);
  });

  it('refuses an empty input', async () => {
    await expect(writeBuildingTileset([])).rejects.toThrow(/at least one building/);
  });
});
