import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildingIssue, BuildingMesh } from '../../src/domain/buildings/buildingModel';
import { triangulateBuilding } from '../../src/domain/buildings/geometry/triangulateBuilding';
import type { ReadBuilding } from '../../src/domain/buildings/pipeline/buildBuildingTileset';
import { BuildingWorkerPool } from './buildingWorkerPool';
import { listInputFiles } from './inputFiles';
import { readInputFiles } from './readInputFile';
import { readInputFilesParallel } from './readInputFilesParallel';

const FIXTURES = resolve(import.meta.dirname, '../../src/domain/buildings/citygml/fixtures');
const folder = mkdtempSync(join(tmpdir(), 'twin-parallel-read-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What the pipeline sees of a read, in order: each issue and each building's mesh (by id and vertex count). */
type Seen = { issue: BuildingIssue } | { building: string; vertices: number };

async function collect(read: (onIssue: (issue: BuildingIssue) => void) => AsyncIterable<ReadBuilding>) {
  const seen: Seen[] = [];
  const onIssue = (issue: BuildingIssue) => void seen.push({ issue });
  for await (const item of read(onIssue)) {
    // The sequential reader yields sources, which the pipeline triangulates and reports on itself.
    let mesh: BuildingMesh | undefined;
    if ('positions' in item) mesh = item;
    else {
      const triangulated = triangulateBuilding(item);
      triangulated.issues.forEach(onIssue);
      mesh = triangulated.mesh;
    }
    if (mesh) seen.push({ building: mesh.attributes.sourceId, vertices: mesh.positions.length / 3 });
  }
  return seen;
}

describe('readInputFilesParallel', () => {
  it('gives what the sequential reader gives, in the same order, issues included', async () => {
    for (const name of [
      'gableRoof.gml',
      'malformedXmlAfterOneBuilding.gml',
      'degenerateRings.gml',
      'twoBuildingPartsWithAddressOnPart.gml',
      'unknownCrs.gml',
      'lod2SolidOnlyWithXlinks.gml',
    ])
      cpSync(join(FIXTURES, name), join(folder, name));
    // A footprint file among them is read on the main thread when its turn comes.
    writeFileSync(
      join(folder, 'footprints.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } },
        features: [
          {
            type: 'Feature',
            properties: { id: 'FOOT_1', height: 9 },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [400000, 5757000],
                  [400010, 5757000],
                  [400010, 5757010],
                  [400000, 5757010],
                  [400000, 5757000],
                ],
              ],
            },
          },
        ],
      }),
    );
    const { files } = listInputFiles([folder]);
    expect(files.map((file) => file.format)).toContain('geojson');
    const sequential = await collect((onIssue) => readInputFiles(files, { onIssue }));
    const parallel = await collect((onIssue) =>
      readInputFilesParallel(files, { onIssue }, new BuildingWorkerPool(2)),
    );
    expect(sequential.filter((item) => 'building' in item).length).toBeGreaterThan(5);
    expect(sequential.some((item) => 'issue' in item && item.issue.code === 'malformed-xml')).toBe(true);
    expect(parallel).toEqual(sequential);
    // Workers that may not read ahead at all (each waits for every batch to be taken) give the same, and finish.
    const heldBack = await collect((onIssue) =>
      readInputFilesParallel(files, { onIssue }, new BuildingWorkerPool(3, { bytesAhead: 0 })),
    );
    expect(heldBack).toEqual(sequential);
  }, 60_000);

  it('fails where the sequential reader fails: at a file that cannot be read, after the files before it', async () => {
    const missing = { path: join(folder, 'gone.gml'), displayName: 'gone.gml', format: 'citygml' as const };
    const good = listInputFiles([join(folder, 'gableRoof.gml')]).files[0]!;
    const seen: string[] = [];
    const reading = (async () => {
      for await (const item of readInputFilesParallel(
        [good, missing, good],
        { onIssue: () => {} },
        new BuildingWorkerPool(2),
      ))
        if ('positions' in item) seen.push(item.attributes.sourceId);
    })();
    await expect(reading).rejects.toThrow(/ENOENT/);
    expect(seen).toEqual(['GABLE_1']);
  }, 60_000);
});
