import { describe, expect, it } from 'vitest';
import type { BuildingIssue, BuildingSource, Point3 } from '../buildingModel';
import { readCityGml } from './readCityGml';
import { cityGmlBuilding, cityGmlFooter, cityGmlHeader, type WrittenBuilding } from './writeCityGml';

const ground: Point3[] = [
  [400000, 5757000, 60],
  [400000, 5757008, 60],
  [400010.125, 5757008, 60],
  [400010.125, 5757000, 60],
];
const hole: Point3[] = [
  [400004, 5757004, 66],
  [400004, 5757005, 66],
  [400005, 5757005, 66],
  [400005, 5757004, 66],
];

/** A flat-roofed box with a light well (a hole in the roof), its corners lifted to `z`. */
function ringAt(z: number): Point3[] {
  return ground.map(([x, y]) => [x, y, z]);
}

const BOX: WrittenBuilding = {
  id: 'DENW49AL_BOX_1',
  functionCode: '31001_1010',
  roofTypeCode: '1000',
  measuredHeightMeters: 6,
  storeysAboveGround: 2,
  creationDate: '2026-01-31',
  address: {
    street: 'Krummer Timpen & Co <Hof>',
    houseNumber: '5a',
    postalCode: '48143',
    locality: 'Münster',
  },
  terrainIntersection: ground,
  boundarySurfaces: [
    { kind: 'ground', polygons: [{ exterior: [...ground].reverse() }] },
    { kind: 'roof', polygons: [{ exterior: ringAt(66), holes: [hole] }] },
    ...ground.map((corner, index) => {
      const next = ground[(index + 1) % ground.length]!;
      const wall: Point3[] = [corner, next, [next[0], next[1], 66], [corner[0], corner[1], 66]];
      return { kind: 'wall' as const, polygons: [{ exterior: wall }] };
    }),
  ],
};

async function readBack(text: string): Promise<{ buildings: BuildingSource[]; issues: BuildingIssue[] }> {
  const buildings: BuildingSource[] = [];
  const issues: BuildingIssue[] = [];
  for await (const building of readCityGml([text], {
    sourceFile: 'written.gml',
    onIssue: (issue) => issues.push(issue),
  }))
    buildings.push(building);
  return { buildings, issues };
}

describe('writeCityGml', () => {
  it('writes what readCityGml reads back: attributes, address, every polygon with its holes, in order', async () => {
    const envelope = { lower: [400000, 5757000, 60] as Point3, upper: [401000, 5758000, 66] as Point3 };
    const text =
      cityGmlHeader('LoD2_32_400_5757_1_NW', envelope) +
      cityGmlBuilding(BOX) +
      cityGmlBuilding({ ...BOX, id: 'DENW49AL_BOX_2', address: undefined, terrainIntersection: undefined }) +
      cityGmlFooter();
    const { buildings, issues } = await readBack(text);
    expect(issues).toEqual([]);
    expect(buildings.map((building) => building.attributes.sourceId)).toEqual([
      'DENW49AL_BOX_1',
      'DENW49AL_BOX_2',
    ]);
    const [box] = buildings;
    expect(box!.attributes).toEqual({
      sourceId: 'DENW49AL_BOX_1',
      functionCode: '31001_1010',
      roofTypeCode: '1000',
      measuredHeightMeters: 6,
      storeysAboveGround: 2,
      addresses: [BOX.address],
      groundHeightMeters: 60,
      sourceFile: 'written.gml',
      levelOfDetail: 2,
    });
    expect(box!.surfaces).toEqual(
      BOX.boundarySurfaces.flatMap((surface) =>
        surface.polygons.map((polygon) => ({
          kind: surface.kind,
          exterior: polygon.exterior,
          holes: polygon.holes ?? [],
        })),
      ),
    );
    expect(buildings[1]!.attributes.addresses).toEqual([]);
  });

  it('rounds coordinates to millimetres, as NRW ships them', async () => {
    const shifted: WrittenBuilding = {
      ...BOX,
      boundarySurfaces: BOX.boundarySurfaces.map((surface) => ({
        ...surface,
        polygons: surface.polygons.map((polygon) => ({
          exterior: polygon.exterior.map(([x, y, z]): Point3 => [x + 0.00049, y - 0.0004, z]),
        })),
      })),
    };
    const text = cityGmlHeader('t', { lower: [0, 0, 0], upper: [1, 1, 1] }) + cityGmlBuilding(shifted);
    const { buildings } = await readBack(text + cityGmlFooter());
    expect(buildings[0]!.surfaces[0]!.exterior[0]).toEqual([400010.125, 5757000, 60]);
  });
});
