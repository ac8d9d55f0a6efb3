import { describe, expect, it } from 'vitest';
import { parseSearchIndex, writeSearchIndex, type BuildingSearchEntry } from '../buildings/searchIndex';
import { utm32ToGeographic } from '../geo/projection';
import { residentsEstimateCoverage } from './checkBuildingClearance';
import { checkCorridors } from './checkCorridors';
import { corridorBuildingsFromSearchIndex, createBuildingIndex } from './corridorBuildings';
import type { Corridor, LonLat } from './corridorScene';

// A corridor 1000 m due east (grid) from (405000, 5757000), 40 m wide, 30–60 m above ground, over address
// points from a search index as the app loads it (written, parsed, turned into corridor buildings).
const X0 = 405000;
const Y0 = 5757000;
const lonLat = (x: number, y: number): LonLat => {
  const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic({ eastingMeters: x, northingMeters: y });
  return [longitudeDegrees, latitudeDegrees];
};

const CORRIDOR: Corridor = {
  id: 'east',
  name: { de: 'Ost' },
  purpose: 'medical-transport',
  operationCategory: 'open',
  centreLine: [lonLat(X0, Y0), lonLat(X0 + 1000, Y0)],
  widthMeters: 40,
  floor: { reference: 'AGL', heightMeters: 30 },
  ceiling: { reference: 'AGL', heightMeters: 60 },
  cruiseSpeedMetersPerSecond: 10,
  operatingHours: [{ weekdays: ['mon'], from: '08:00', to: '12:00' }],
  accuracyMeters: 1,
  source: 'test',
};

function addressAt(
  buildingId: string,
  x: number,
  y: number,
  use: Pick<BuildingSearchEntry, 'functionCode' | 'storeysAboveGround' | 'footprintAreaSquareMeters'>,
): BuildingSearchEntry {
  const [longitudeDegrees, latitudeDegrees] = lonLat(X0 + x, Y0 + y);
  // Tops 12 m above each building's ground (the offline tileset stands on the ellipsoid): well below the floor.
  return {
    buildingId,
    address: `Teststraße ${buildingId}`,
    longitudeDegrees,
    latitudeDegrees,
    topHeightMeters: 12,
    ...use,
  };
}

const ENTRIES = [
  // A block of flats: 200 m² × 4 storeys × 0.75 ÷ 47.4 m² ≈ 12.66 residents.
  addressAt('1', 100, 0, {
    functionCode: '31001_1010',
    storeysAboveGround: 4,
    footprintAreaSquareMeters: 200,
  }),
  // Shops with flats above (half homes): 300 m² × 3 × 0.75 × 0.5 ÷ 47.4 ≈ 7.12.
  addressAt('2', 400, 5, {
    functionCode: '31001_1120',
    storeysAboveGround: 3,
    footprintAreaSquareMeters: 300,
  }),
  // An office building under the corridor: nobody lives there.
  addressAt('3', 700, -5, {
    functionCode: '31001_2020',
    storeysAboveGround: 5,
    footprintAreaSquareMeters: 500,
  }),
  // Homes 200 m north of the line: not overflown.
  addressAt('4', 500, 200, {
    functionCode: '31001_1000',
    storeysAboveGround: 2,
    footprintAreaSquareMeters: 150,
  }),
];

function overflownFrom(indexJson: unknown) {
  const entries = parseSearchIndex(indexJson, 'search-index.json').value!;
  const buildings = createBuildingIndex(
    corridorBuildingsFromSearchIndex(entries, { heightMode: 'ellipsoid' }),
  );
  return checkCorridors({ corridors: [CORRIDOR], buildings })[0]!.overflown;
}

describe('residents under a corridor from the search index', () => {
  it('estimates the residents of the residential buildings under the corridor, from their real floor area', () => {
    const overflown = overflownFrom(JSON.parse(writeSearchIndex(ENTRIES)));
    expect(overflown.buildingCount).toBe(3);
    expect(overflown.residentialBuildingCount).toBe(2);
    expect(overflown.unknownUseBuildingCount).toBe(0);
    const expected = (200 * 4 * 0.75) / 47.4 + (300 * 3 * 0.75 * 0.5) / 47.4;
    expect(overflown.estimatedResidents).toBe(Math.round(expected));
    expect(overflown.estimatedResidents).toBe(20);
    expect(residentsEstimateCoverage(overflown)).toBe('complete');
  });

  it('calls the residents unknown, not zero, with a version 1 index that has no building function', () => {
    const version1 = {
      schemaVersion: 1,
      entries: ENTRIES.map((entry) => [
        entry.buildingId,
        entry.address,
        entry.longitudeDegrees,
        entry.latitudeDegrees,
        entry.topHeightMeters,
      ]),
    };
    const overflown = overflownFrom(version1);
    expect(overflown.buildingCount).toBe(3);
    expect(overflown.unknownUseBuildingCount).toBe(3);
    expect(residentsEstimateCoverage(overflown)).toBe('unknown');
  });

  it('says the estimate is partial when some overflown buildings have no known use', () => {
    const mixed = [...ENTRIES.slice(0, 2), addressAt('5', 800, 0, {})];
    const overflown = overflownFrom(JSON.parse(writeSearchIndex(mixed)));
    expect(overflown.unknownUseBuildingCount).toBe(1);
    expect(overflown.estimatedResidents).toBe(20);
    expect(residentsEstimateCoverage(overflown)).toBe('partial');
  });
});
