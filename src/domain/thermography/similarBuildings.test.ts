import { describe, expect, it } from 'vitest';
import type { RoofResult } from './classifyRoofs';
import type { HeatLossClass } from './heatLossClass';
import { createRoofOutline, type PlanarPolygon } from './roofOutline';
import { aggregateSimilarBuildings, areaBandOf, roofAreaSquareMeters } from './similarBuildings';

/** A square roof of the given side, far enough from the others not to matter. */
function square(index: number, sideMeters: number): PlanarPolygon {
  const x = 400_000 + index * 100;
  const y = 5_750_000;
  return [
    [
      [x, y],
      [x + sideMeters, y],
      [x + sideMeters, y + sideMeters],
      [x, y + sideMeters],
    ],
  ];
}

function building(index: number, sideMeters: number, functionCode: string, roofTypeCode: string) {
  return createRoofOutline(`B${String(index).padStart(3, '0')}`, [square(index, sideMeters)], {
    functionCode,
    roofTypeCode,
  });
}

function classified(buildingId: string, heatLossClass: HeatLossClass): RoofResult {
  return { status: 'classified', buildingId, heatLossClass } as RoofResult;
}

describe('roofAreaSquareMeters and areaBandOf', () => {
  it('subtracts holes and sorts areas into bands', () => {
    const outer = square(0, 20)[0]!;
    const hole = [
      [outer[0]![0] + 5, outer[0]![1] + 5],
      [outer[0]![0] + 10, outer[0]![1] + 5],
      [outer[0]![0] + 10, outer[0]![1] + 10],
      [outer[0]![0] + 5, outer[0]![1] + 10],
    ] as const;
    expect(roofAreaSquareMeters({ polygons: [[outer, hole]] })).toBeCloseTo(375);
    expect([50, 100, 199, 350, 999, 5000].map(areaBandOf)).toEqual([0, 1, 1, 2, 3, 4]);
  });
});

describe('aggregateSimilarBuildings', () => {
  // Six gabled houses of ~144 m² (classes 1,1,2,3,3,5), three flat-roofed houses of ~144 m², two halls.
  const roofs = [
    ...[0, 1, 2, 3, 4, 5].map((index) => building(index, 12, '31001_1010', '3100')),
    ...[6, 7, 8].map((index) => building(index, 12, '31001_1010', '1000')),
    ...[9, 10].map((index) => building(index, 40, '31001_2000', '1000')),
  ];
  const classes: HeatLossClass[] = [1, 1, 2, 3, 3, 5, 4, 4, 2, 1, 1];
  const results: RoofResult[] = roofs.map((roof, index) => classified(roof.buildingId, classes[index]!));

  it('compares with the most specific group of at least five, and publishes no smaller group', () => {
    const { groups, groupKeyByBuilding } = aggregateSimilarBuildings(results, roofs);
    const gabled = groups.find((group) => group.key === groupKeyByBuilding.get('B000'))!;
    expect(gabled).toMatchObject({
      level: 'function-roof-size',
      functionCode: '31001_1010',
      roofTypeCode: '3100',
      buildingCount: 6,
      classCounts: [2, 1, 2, 0, 1],
      areaBandSquareMeters: { min: 100, max: 200 },
    });
    // Three flat-roofed houses are too few on their own: they are compared with all 9 houses of that size.
    const houses = groups.find((group) => group.key === groupKeyByBuilding.get('B006'))!;
    expect(houses).toMatchObject({ level: 'function-size', roofTypeCode: null, buildingCount: 9 });
    expect(houses.classCounts).toEqual([2, 2, 2, 2, 1]);
    // Two halls: only the whole flight is large enough.
    expect(groups.find((group) => group.key === groupKeyByBuilding.get('B009'))).toMatchObject({
      level: 'flight',
      buildingCount: 11,
    });
    for (const group of groups) expect(group.buildingCount).toBeGreaterThanOrEqual(5);
    expect(groups.some((group) => group.roofTypeCode === '1000' && group.level !== 'flight')).toBe(false);
  });

  it('skips a group whose classes are nearly all the same, so no owner learns the class of the others', () => {
    // Six gabled houses, five of them class 4: each owner would know the others' classes. They fall back to all
    // houses of that size, which are mixed.
    const sameClass: HeatLossClass[] = [4, 4, 4, 4, 4, 1, 1, 2, 3, 1, 1];
    const sameResults = roofs.map((roof, index) => classified(roof.buildingId, sameClass[index]!));
    const { groups, groupKeyByBuilding } = aggregateSimilarBuildings(sameResults, roofs);
    expect(groups.some((group) => group.level === 'function-roof-size')).toBe(false);
    expect(groups.find((group) => group.key === groupKeyByBuilding.get('B000'))).toMatchObject({
      level: 'function-size',
      buildingCount: 9,
      classCounts: [2, 1, 1, 5, 0],
    });
    for (const group of groups)
      expect(group.buildingCount - Math.max(...group.classCounts)).toBeGreaterThanOrEqual(3);
  });

  it('leaves buildings without data out of every group and compares nobody when the flight is too small', () => {
    const fewRoofs = roofs.slice(0, 5);
    const fewResults: RoofResult[] = [
      ...results.slice(0, 4),
      { status: 'no-data', buildingId: 'B004' } as RoofResult,
    ];
    const { groups, groupKeyByBuilding } = aggregateSimilarBuildings(fewResults, fewRoofs);
    expect(groups).toEqual([]);
    expect(groupKeyByBuilding.size).toBe(0);
  });
});
