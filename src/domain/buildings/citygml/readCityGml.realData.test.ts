import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BuildingIssue, BuildingSource } from '../buildingModel';
import { readCityGml } from './readCityGml';

// The shared real data sits next to the repository: <repo>/../shared/data (see its README, sections 1 and 9).
const sharedData = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));
const folders = ['citygml-muenster-lod2', 'citygml-nrw-lod2'];
const hasRealData = existsSync(sharedData);
if (!hasRealData) console.log(`Real CityGML tests skipped: ${sharedData} does not exist.`);

const files = hasRealData
  ? folders.flatMap((folder) =>
      readdirSync(`${sharedData}${folder}`)
        .filter((name) => name.endsWith('.gml'))
        .map((name) => `${folder}/${name}`),
    )
  : [];

/** Counts `<bldg:Building ` start tags the simple way, as a check independent of the parser. */
function countBuildingStartTags(text: string): number {
  let count = 0;
  for (let at = text.indexOf('<bldg:Building '); at >= 0; at = text.indexOf('<bldg:Building ', at + 1))
    count += 1;
  return count;
}

/** z range of the file's first Envelope (the CityModel's). */
function envelopeHeightRange(text: string): { lowest: number; highest: number } {
  const corner = (name: string): number => {
    const start = text.indexOf('>', text.indexOf(`<gml:${name}`)) + 1;
    return Number(text.slice(start, text.indexOf('<', start)).trim().split(/\s+/)[2]);
  };
  return { lowest: corner('lowerCorner'), highest: corner('upperCorner') };
}

describe.skipIf(!hasRealData)('readCityGml on the real NRW LoD2 tiles', () => {
  const allIds: string[] = [];
  const allBuildings: BuildingSource[] = [];

  it.each(files)('%s: every building, with roof and ground, no errors', async (file) => {
    const path = `${sharedData}${file}`;
    const text = readFileSync(path, 'utf8');
    const issues: BuildingIssue[] = [];
    const buildings: BuildingSource[] = [];
    for await (const building of readCityGml(createReadStream(path), {
      sourceFile: file,
      onIssue: (issue) => issues.push(issue),
    })) {
      buildings.push(building);
    }
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(buildings).toHaveLength(countBuildingStartTags(text));
    const { lowest, highest } = envelopeHeightRange(text);
    for (const building of buildings) {
      const kinds = new Set(building.surfaces.map((surface) => surface.kind));
      expect(building.surfaces.length, building.attributes.sourceId).toBeGreaterThanOrEqual(4);
      expect(kinds.has('roof') && kinds.has('ground'), building.attributes.sourceId).toBe(true);
      expect(building.attributes.groundHeightMeters).toBeGreaterThanOrEqual(lowest);
      expect(building.attributes.groundHeightMeters).toBeLessThanOrEqual(highest);
      expect(building.attributes.sourceFile).toBe(file);
    }
    allIds.push(...buildings.map((building) => building.attributes.sourceId));
    allBuildings.push(...buildings);
  });

  it('finds addresses and unique gml:ids across all files', () => {
    expect(allBuildings.length).toBeGreaterThan(1000);
    expect(allBuildings.some((building) => building.attributes.addresses.length > 0)).toBe(true);
    expect(new Set(allIds).size).toBe(allIds.length);
  });
});
