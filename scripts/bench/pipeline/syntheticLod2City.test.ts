import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildingIssue, BuildingSource } from '../../../src/domain/buildings/buildingModel';
import { readCityGml } from '../../../src/domain/buildings/citygml/readCityGml';
import { triangulateBuilding } from '../../../src/domain/buildings/geometry/triangulateBuilding';
import { composeSyntheticCity } from './syntheticCity';
import { ROOF_TYPE } from './syntheticLod2Building';
import { writeSyntheticLod2City } from './syntheticLod2City';

const folder = mkdtempSync(join(tmpdir(), 'twin-synthetic-lod2-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('writeSyntheticLod2City', () => {
  it('writes every footprint as a clean LoD2 building into NRW-named 1 km tiles', async () => {
    const { city } = composeSyntheticCity(1500, 3);
    const written = writeSyntheticLod2City(city.features, folder);
    expect(written.buildings).toBe(1500);
    expect(written.files.length).toBeGreaterThan(1);
    for (const file of written.files) expect(basename(file)).toMatch(/^LoD2_32_\d{3}_\d{4}_1_NW\.gml$/);

    const issues: BuildingIssue[] = [];
    const buildings: BuildingSource[] = [];
    for (const file of written.files) {
      for await (const building of readCityGml(createReadStream(file), {
        sourceFile: basename(file),
        onIssue: (issue) => issues.push(issue),
      }))
        buildings.push(building);
    }
    for (const building of buildings) issues.push(...triangulateBuilding(building).issues);
    expect(issues).toEqual([]);
    expect(buildings).toHaveLength(1500);
    const first = buildings.find((building) => building.attributes.sourceId === 'DENWSYGEN_000001')!;
    const feature = city.features[0]!.properties;
    expect(first.attributes).toMatchObject({
      functionCode: feature.function,
      measuredHeightMeters: feature.height,
      groundHeightMeters: feature.groundHeight,
      addresses: [{ street: feature.street, houseNumber: feature.houseNumber, locality: 'Münster' }],
    });
    // Each building tops out at its measured height, whatever its roof.
    for (const building of buildings) {
      const top = Math.max(
        ...building.surfaces.flatMap((surface) => surface.exterior.map((point) => point[2])),
      );
      const { groundHeightMeters, measuredHeightMeters } = building.attributes;
      expect(top - groundHeightMeters).toBeCloseTo(measuredHeightMeters!, 2);
    }
    const roofTypes = new Set(buildings.map((building) => building.attributes.roofTypeCode));
    expect(roofTypes).toEqual(new Set(Object.values(ROOF_TYPE)));
  });
});
