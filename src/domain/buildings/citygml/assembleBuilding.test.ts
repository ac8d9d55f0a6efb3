import { describe, expect, it } from 'vitest';
import type { Point3 } from '../buildingModel';
import { inferSurfaceKind } from './assembleBuilding';

const east = 400000;
const north = 5757000;
const at = (x: number, y: number, z: number): Point3 => [east + x, north + y, z];

describe('inferSurfaceKind', () => {
  it('calls an upward-facing polygon a roof, also when it is pitched', () => {
    expect(inferSurfaceKind([at(0, 0, 66), at(10, 0, 66), at(10, 10, 66), at(0, 10, 66)])).toBe('roof');
    expect(inferSurfaceKind([at(0, 0, 66), at(10, 0, 66), at(10, 4, 70), at(0, 4, 70)])).toBe('roof');
  });

  it('calls a downward-facing polygon ground and a vertical one wall', () => {
    expect(inferSurfaceKind([at(0, 0, 60), at(0, 10, 60), at(10, 10, 60), at(10, 0, 60)])).toBe('ground');
    expect(inferSurfaceKind([at(0, 0, 60), at(10, 0, 60), at(10, 0, 66), at(0, 0, 66)])).toBe('wall');
  });
});
