import { describe, expect, it } from 'vitest';
import type { BuildingIssue, BuildingSource } from '../buildingModel';
import { readGeoJsonFootprints } from '../footprints/readGeoJsonFootprints';
import { generateMuensterCity } from '../generator/generateMuensterCity';
import { parseSearchIndex } from '../searchIndex';
import { wholeTilesetFile } from '../tiles/writeBuildingTileset';
import { buildBuildingTileset } from './buildBuildingTileset';
import { formatConversionSummary } from './conversionSummary';

const CITY = generateMuensterCity({ seed: 11, buildingCount: 300 });

/** The generated city read once per file name: the same buildings (same ids) under each name. */
function readCity(...fileNames: string[]) {
  return {
    fileCount: fileNames.length,
    *read(onIssue: (issue: BuildingIssue) => void): Iterable<BuildingSource> {
      for (const sourceFile of fileNames) yield* readGeoJsonFootprints(CITY, { sourceFile, onIssue });
    },
  };
}

async function build(...fileNames: string[]) {
  const issues: BuildingIssue[] = [];
  const result = await buildBuildingTileset(readCity(...fileNames), {
    heightMode: 'ellipsoid',
    maxFeaturesPerTile: 100,
    onIssue: (issue) => issues.push(issue),
  });
  return { ...result, issues };
}

describe('buildBuildingTileset', () => {
  it('keeps the first of buildings read twice, warns about each repeat and writes what one read writes', async () => {
    const once = await build('a.geojson');
    const twice = await build('a.geojson', 'copy-of-a.geojson');
    const count = CITY.features.length;
    const duplicates = twice.issues.filter((issue) => issue.code === 'duplicate-building');
    expect(duplicates).toHaveLength(count);
    expect(duplicates[0]).toMatchObject({
      severity: 'warning',
      file: 'copy-of-a.geojson',
      featureId: CITY.features[0]!.properties.id,
    });
    expect(duplicates[0]!.message).toContain('a.geojson');
    expect(twice.summary).toMatchObject({
      buildingsRead: 2 * count,
      buildingsConverted: count,
      buildingsSkipped: 0,
      buildingsDuplicated: count,
      errors: 0,
    });
    expect(formatConversionSummary(twice.summary)).toContain(`übersprungen: 0, doppelt: ${count}`);
    // The kept buildings still name the first file, so the tileset is byte for byte the one-file tileset.
    expect(twice.files).toEqual(once.files);
  });

  it('writes files to the sink as they are made, returning none itself, the same bytes as collected', async () => {
    const collected = await build('a.geojson');
    const sunk: { path: string; bytes: Uint8Array }[] = [];
    const result = await buildBuildingTileset(readCity('a.geojson'), {
      heightMode: 'ellipsoid',
      maxFeaturesPerTile: 100,
      onIssue: () => undefined,
      writeFile: (file) => void sunk.push(wholeTilesetFile(file)),
    });
    expect(result.files).toEqual([]);
    // Tiles as they are made, then the address index (its entries are collected tile by tile), tileset.json last.
    expect(sunk[0]!.path).toMatch(/^content\/.*\.glb$/);
    expect(sunk.at(-2)!.path).toBe('search-index.json');
    expect(sunk.at(-1)!.path).toBe('tileset.json');
    expect(sunk.sort((a, b) => (a.path < b.path ? -1 : 1))).toEqual(collected.files);
  });

  it('writes each address with its building function, storeys and footprint area for the residents estimate', async () => {
    const { files } = await build('a.geojson');
    const indexFile = files.find((file) => file.path === 'search-index.json')!;
    const entries = parseSearchIndex(
      JSON.parse(new TextDecoder().decode(indexFile.bytes)),
      'search-index.json',
    ).value!;
    const feature = CITY.features.find((candidate) => candidate.properties.street !== undefined)!;
    const found = entries.find((entry) => entry.buildingId === feature.properties.id)!;
    expect(found.functionCode).toMatch(/^31001_\d{4}$/);
    expect(found.functionCode).toBe(feature.properties.function);
    expect(found.storeysAboveGround).toBeGreaterThan(0);
    expect(found.storeysAboveGround).toBe(feature.properties.storeys);
    // The generated footprints are on the EPSG:25832 plane: the shoelace area, to the whole square metre.
    const ring = feature.geometry.coordinates[0]!;
    let doubled = 0;
    for (let index = 0; index + 1 < ring.length; index++)
      doubled += ring[index]![0]! * ring[index + 1]![1]! - ring[index + 1]![0]! * ring[index]![1]!;
    expect(found.footprintAreaSquareMeters).toBeCloseTo(Math.abs(doubled) / 2, -0.5);
  });

  it('reports progress through both passes: buildings converted, then buildings written tile by tile', async () => {
    const converted: number[] = [];
    const written: [number, number][] = [];
    const sunk: string[] = [];
    await buildBuildingTileset(readCity('a.geojson'), {
      heightMode: 'ellipsoid',
      maxFeaturesPerTile: 100,
      onIssue: () => undefined,
      onProgress: (count) => converted.push(count),
      onTilesProgress: (done, count) => written.push([done, count]),
      writeFile: (file) => void sunk.push(file.path),
    });
    const count = CITY.features.length;
    expect(converted.at(-1)).toBe(count);
    const glbCount = sunk.filter((path) => path.endsWith('.glb')).length;
    expect(written).toHaveLength(glbCount);
    expect(glbCount).toBeGreaterThan(1);
    for (let index = 1; index < written.length; index++)
      expect(written[index]![0]).toBeGreaterThan(written[index - 1]![0]);
    expect(written.at(-1)).toEqual([count, count]);
  });
});
