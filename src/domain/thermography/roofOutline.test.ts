import { describe, expect, it } from 'vitest';
import type { BuildingSource, Point3 } from '../buildings/buildingModel';
import { roofOutlineOfBuilding } from './roofOutline';

describe('roofOutlineOfBuilding', () => {
  it("keeps the building's height above its ground for the owner's 3D view", () => {
    const ground = 55.2;
    const square = (z: number): Point3[] => [
      [400_000, 5_750_000, z],
      [400_010, 5_750_000, z],
      [400_010, 5_750_008, z],
      [400_000, 5_750_008, z],
    ];
    const building: BuildingSource = {
      attributes: {
        sourceId: 'B1',
        addresses: [],
        groundHeightMeters: ground,
        sourceFile: 'test.gml',
        levelOfDetail: 2,
        roofTypeCode: '3100',
      },
      surfaces: [
        { kind: 'ground', exterior: square(ground), holes: [] },
        // A gable roof: eaves at 6 m, ridge at 9.5 m above the ground.
        {
          kind: 'roof',
          exterior: [
            [400_000, 5_750_000, ground + 6],
            [400_010, 5_750_000, ground + 6],
            [400_010, 5_750_004, ground + 9.5],
            [400_000, 5_750_004, ground + 9.5],
          ],
          holes: [],
        },
      ],
    };
    const roof = roofOutlineOfBuilding(building)!;
    expect(roof.heightMeters).toBeCloseTo(9.5);
    expect(roof.roofTypeCode).toBe('3100');
  });
});
