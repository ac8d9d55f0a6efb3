// Runs citygml-to-3dtiles' own Converter (its documented programmatic use) on one folder and prints how long
// convertFiles took: `node citygmlToTilesRunner.mjs <Converter.mjs> <input folder> <output folder>`.
// Its CLI knows `urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH` but not the `*GCG2016` variant of older NRW tiles, so the
// same UTM 32 definition is added for that name through its `srsProjections` option; nothing else is changed.
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const [converterPath, inputFolder, outputFolder] = process.argv.slice(2);
const { default: Converter } = await import(pathToFileURL(converterPath).href);
const UTM_ZONE_32 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const converter = new Converter({
  srsProjections: { 'urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH*GCG2016': UTM_ZONE_32 },
});
const started = performance.now();
await converter.convertFiles(inputFolder, outputFolder);
process.stdout.write(
  `BENCH_RESULT ${JSON.stringify({ convertMilliseconds: performance.now() - started })}\n`,
);
