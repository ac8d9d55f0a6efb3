import { describe, expect, it } from 'vitest';
import type { BuildingMesh } from '../buildings/buildingModel';
import { utm32ToGeographic } from '../geo/projection';
import {
  corridorBuildingFromMesh,
  corridorBuildingsFromSearchIndex,
  createBuildingIndex,
} from './corridorBuildings';
import { estimateResidents, estimateStoreys, residentialShare } from './estimateResidents';

/** A 10 m × 6 m box from z 55 to 67 with a 2 m roof ridge, as the pipeline would triangulate it (triangles omitted). */
function boxMesh(): BuildingMesh {
  const corners = [
    [405000, 5757000],
    [405010, 5757000],
    [405010, 5757006],
    [405000, 5757006],
  ];
  const positions = [
    ...corners.flatMap(([x, y]) => [x!, y!, 55]),
    ...corners.flatMap(([x, y]) => [x!, y!, 65]),
    405000,
    5757003,
    67,
    405010,
    5757003,
    67,
  ];
  return {
    attributes: {
      sourceId: 'DENW_TEST',
      functionCode: '31001_1010',
      storeysAboveGround: 3,
      addresses: [],
      groundHeightMeters: 55,
      sourceFile: 'test.gml',
      levelOfDetail: 2,
    },
    positions: Float64Array.from(positions),
    normals: new Float32Array(positions.length),
    indices: new Uint32Array(0),
    triangleSurfaceKinds: new Uint8Array(0),
  };
}

describe('buildings for the corridor checks', () => {
  it('takes footprint, base, top, function and storeys from a pipeline mesh', () => {
    const building = corridorBuildingFromMesh(boxMesh());
    expect(building).toMatchObject({
      id: 'DENW_TEST',
      footprintCrs: 'EPSG:25832',
      baseHeightMeters: 55,
      topHeightMeters: 67,
      functionCode: '31001_1010',
      storeysAboveGround: 3,
    });
    expect(building.footprint).toHaveLength(4);
    const index = createBuildingIndex([building]);
    expect(index.footprintAreasSquareMeters[0]).toBeCloseTo(60, 9);
    // 60 m² × 3 storeys × 0.75 ÷ 47.4 m² per resident.
    expect(index.residents[0]).toBeCloseTo((60 * 3 * 0.75) / 47.4, 9);
  });

  it('makes one square building per id from the search index, with tops as drawn in either height mode', () => {
    const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic({
      eastingMeters: 405000,
      northingMeters: 5757000,
    });
    const entries = [
      {
        buildingId: 'a',
        address: 'Prinzipalmarkt 1',
        longitudeDegrees,
        latitudeDegrees,
        topHeightMeters: 18,
      },
      {
        buildingId: 'a',
        address: 'Prinzipalmarkt 2',
        longitudeDegrees,
        latitudeDegrees,
        topHeightMeters: 18,
      },
    ];
    const onEllipsoid = corridorBuildingsFromSearchIndex(entries, { heightMode: 'ellipsoid' });
    expect(onEllipsoid).toHaveLength(1);
    expect(onEllipsoid[0]).toMatchObject({ id: 'a', baseHeightMeters: 60, topHeightMeters: 78 });
    const index = createBuildingIndex(onEllipsoid);
    expect(index.footprintAreasSquareMeters[0]).toBeCloseTo(144, 6);
    const trueHeights = corridorBuildingsFromSearchIndex([{ ...entries[0]!, topHeightMeters: 120 }], {
      heightMode: 'true',
      geoidUndulationMeters: () => 44.5,
      groundHeightMeters: () => 58,
    });
    expect(trueHeights[0]).toMatchObject({ baseHeightMeters: 58, topHeightMeters: 75.5 });
  });

  it('indexes no buildings without failing', () => {
    expect(createBuildingIndex([]).tree).toBeUndefined();
  });
});

describe('estimateResidents', () => {
  it('counts homes fully, mixed use by half, and nothing else', () => {
    expect(residentialShare('31001_1010')).toBe(1);
    expect(residentialShare('31001_1022')).toBe(1);
    expect(residentialShare('31001_1123')).toBe(0.5);
    expect(residentialShare('31001_2020')).toBe(0);
    expect(residentialShare('31001_1312')).toBe(0);
    expect(residentialShare(undefined)).toBe(0);
  });

  it('estimates storeys from the height when there is no count', () => {
    expect(estimateStoreys({ heightMeters: 9 })).toBe(3);
    expect(estimateStoreys({ heightMeters: 1 })).toBe(1);
    expect(estimateStoreys({ heightMeters: 30, storeys: 4 })).toBe(4);
    // A 20 m × 15 m, 5-storey block of flats: 300 × 5 × 0.75 ÷ 47.4 ≈ 24 residents.
    expect(
      estimateResidents({
        functionCode: '31001_1010',
        footprintAreaSquareMeters: 300,
        heightMeters: 16,
        storeys: 5,
      }),
    ).toBeCloseTo(23.7, 1);
  });
});
