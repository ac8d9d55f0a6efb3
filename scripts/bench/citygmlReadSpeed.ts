/**
 * How fast readCityGml turns real NRW LoD2 tiles into BuildingSource records: buildings/s and MB/s per pass over
 * every file in ../shared/data/citygml-*. The first pass includes the JIT's warm-up; later passes show steady state.
 *
 *   npx tsx scripts/bench/citygmlReadSpeed.ts [passes=3] [folder…]
 */
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCityGml } from '../../src/domain/buildings/citygml/readCityGml';

const sharedData = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const [passesArgument, ...folderArguments] = process.argv.slice(2);
const passes = Number(passesArgument ?? 3);
const folders =
  folderArguments.length > 0
    ? folderArguments
    : ['citygml-muenster-lod2', 'citygml-nrw-lod2'].map((folder) => `${sharedData}${folder}`);

const files = folders
  .filter((folder) => existsSync(folder))
  .flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.gml'))
      .map((name) => `${folder}/${name}`),
  );
if (files.length === 0) {
  console.log(`No CityGML files found in ${folders.join(', ')}.`);
  process.exit(1);
}
const megabytes = files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6;

for (let pass = 1; pass <= passes; pass += 1) {
  let buildings = 0;
  let surfaces = 0;
  let issues = 0;
  const started = performance.now();
  for (const file of files) {
    for await (const building of readCityGml(createReadStream(file), {
      sourceFile: file,
      onIssue: () => (issues += 1),
    })) {
      buildings += 1;
      surfaces += building.surfaces.length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `pass ${pass}: ${files.length} files, ${megabytes.toFixed(1)} MB, ${buildings} buildings, ${surfaces} surfaces, ` +
      `${issues} issues in ${seconds.toFixed(2)} s → ${Math.round(buildings / seconds)} buildings/s, ` +
      `${(megabytes / seconds).toFixed(1)} MB/s`,
  );
}
