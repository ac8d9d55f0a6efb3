import { createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCityGml } from '../buildings/citygml/readCityGml';
import { triangulateBuilding } from '../buildings/geometry/triangulateBuilding';
import { utm32ToGeographic } from '../geo/projection';
import { checkCorridors } from './checkCorridors';
import { corridorBuildingFromMesh, createBuildingIndex, type CorridorBuilding } from './corridorBuildings';
import type { Corridor, LonLat } from './corridorScene';
import { segmentRingDistance } from './planarGeometry';

// A real 1 km LoD2 tile of Münster (Geobasis NRW, dl-de/zero-2-0), read in place from <repo>/../shared/data.
const tile = fileURLToPath(
  new URL('../../../../shared/data/citygml-muenster-lod2/LoD2_32_401_5755_1_NW.gml', import.meta.url),
);
const hasRealData = existsSync(tile);
if (!hasRealData) console.log(`Real building clearance test skipped: ${tile} does not exist.`);

const lonLat = (x: number, y: number): LonLat => {
  const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic({ eastingMeters: x, northingMeters: y });
  return [longitudeDegrees, latitudeDegrees];
};

async function readTileBuildings(): Promise<CorridorBuilding[]> {
  const buildings: CorridorBuilding[] = [];
  for await (const source of readCityGml(createReadStream(tile), {
    sourceFile: 'tile.gml',
    onIssue: () => {},
  })) {
    const { mesh } = triangulateBuilding(source);
    if (mesh) buildings.push(corridorBuildingFromMesh(mesh));
  }
  return buildings;
}

describe.skipIf(!hasRealData)('building clearance on a real Münster tile', () => {
  // Diagonally across the tile, low enough (10–40 m above each building's ground) to meet roofs.
  const corridor: Corridor = {
    id: 'diagonal',
    name: { de: 'Diagonale' },
    purpose: 'survey',
    operationCategory: 'open',
    centreLine: [lonLat(401100, 5755100), lonLat(401900, 5755900)],
    widthMeters: 60,
    floor: { reference: 'AGL', heightMeters: 10 },
    ceiling: { reference: 'AGL', heightMeters: 40 },
    cruiseSpeedMetersPerSecond: 10,
    operatingHours: [{ weekdays: ['mon'], from: '08:00', to: '09:00' }],
    accuracyMeters: 1,
    source: 'test',
  };

  it('finds exactly the buildings a brute-force scan finds, with the same lowest clearance', async () => {
    const buildings = await readTileBuildings();
    expect(buildings.length).toBeGreaterThan(200);
    const index = createBuildingIndex(buildings);
    const [report] = checkCorridors({ corridors: [corridor], buildings: index });

    // Brute force: every footprint against the one straight segment, no spatial index, no pieces.
    const under = index.rings
      .map((ring, at) => ({
        at,
        distance: segmentRingDistance(401100, 5755100, 401900, 5755900, ring).distance,
      }))
      .filter(({ distance }) => distance <= 30);
    expect(under.length).toBeGreaterThan(0);
    expect(report!.overflown.buildings.map((building) => building.buildingId).sort()).toEqual(
      under.map(({ at }) => buildings[at]!.id).sort(),
    );
    const lowest = Math.min(
      ...under.map(({ at }) => buildings[at]!.baseHeightMeters + 10 - buildings[at]!.topHeightMeters),
    );
    expect(report!.clearance.lowestVertical?.clearanceMeters).toBeCloseTo(lowest, 9);
    // Every building strictly under the corridor and taller than 10 m reaches into it.
    const tall = under.filter(
      ({ at, distance }) =>
        distance < 30 && buildings[at]!.topHeightMeters - buildings[at]!.baseHeightMeters > 10,
    );
    const intrusions = report!.findings.filter((finding) => finding.rule === 'building-intrusion');
    expect(intrusions.map((finding) => ('buildingId' in finding ? finding.buildingId : '')).sort()).toEqual(
      tall.map(({ at }) => buildings[at]!.id).sort(),
    );
    expect(intrusions.length).toBeGreaterThan(0);
    expect(report!.overflown.estimatedResidents).toBeGreaterThan(0);
  });
});
