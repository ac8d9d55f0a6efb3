// `npm run tiles -- <files or folders> --out tiles/<name> [--height-mode ellipsoid|true] [--strict]`:
// NRW LoD2 CityGML (1.0/2.0) and footprints (GeoJSON, FlatGeobuf, Shapefile) → 3D Tiles 1.1 + address index.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BuildingIssue } from '../src/domain/buildings/buildingModel';
import { BuildingWorkerPool } from './buildings/buildingWorkerPool';
import { listInputFiles } from './buildings/inputFiles';
import { TileWriterPool } from './buildings/tileWriterPool';

const USAGE = `Aufruf: npm run tiles -- <Dateien oder Ordner> --out tiles/<name> [Optionen]
  --height-mode ellipsoid|true  ellipsoid (Standard): Gebäude auf dem Ellipsoid (offline, ohne Gelände);
                                true: DHHN2016 + Geoidundulation (EGM96), für ein Geländemodell
  --crs EPSG:25832|EPSG:4326    Koordinatensystem von Grundrissdateien ohne eigene Angabe
  --storey-height <m>           Geschosshöhe für Grundrisse mit Geschosszahl (Standard 3)
  --max-features <n>            Gebäude je Kachel (Standard 1000)
  --workers <n>                 Threads, die CityGML-Dateien parallel lesen (Standard: ein Thread je Kern
                                ab 32 MB CityGML; 0: alles im Hauptthread)
  --tile-workers <n>            Threads, die die Kacheln schreiben (Standard 0: im Hauptthread; lohnt erst
                                mit mehr als 2 freien Kernen)
  --attribution <Text>          Quelle und Lizenz der Gebäude, als Credit in tileset.json (Standard bei
                                NRW-LoD2-Kacheln: Geobasis NRW, dl-de/zero-2-0; sonst keine)
  --strict                      Exit-Code 1 schon bei einem übersprungenen Gebäude
  --quiet                       Einzelmeldungen nicht ausgeben, nur die Zusammenfassung`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    'height-mode': { type: 'string', default: 'ellipsoid' },
    crs: { type: 'string' },
    'storey-height': { type: 'string' },
    'max-features': { type: 'string' },
    attribution: { type: 'string' },
    workers: { type: 'string' },
    'tile-workers': { type: 'string' },
    strict: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
const heightMode = values['height-mode'];
const workersOption = values.workers === undefined ? undefined : Number(values.workers);
const tileWorkersOption = values['tile-workers'] === undefined ? undefined : Number(values['tile-workers']);
const isThreadCount = (count: number | undefined) =>
  count === undefined || (Number.isInteger(count) && count >= 0);
if (
  values.help ||
  !values.out ||
  positionals.length === 0 ||
  (heightMode !== 'ellipsoid' && heightMode !== 'true') ||
  !isThreadCount(workersOption) ||
  !isThreadCount(tileWorkersOption)
) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}
const { files, unknown } = listInputFiles(positionals);
for (const path of unknown)
  console.error(
    `${path}: nicht gefunden oder kein bekanntes Format (.gml, .xml, .geojson, .json, .fgb, .shp)`,
  );
if (files.length === 0) {
  console.error('Keine Eingabedateien.');
  process.exit(1);
}

// Several CityGML files are read by worker threads, one per core unless told otherwise. They start before the
// pipeline's own modules load below, so that each thread loads its modules while the others do. Each costs
// CPU to start (cold JIT; about 0.4 s under tsx, less precompiled by scripts/tiles.mjs), which small inputs do
// not win back: below 32 MB of CityGML (the 13 real tiles in ../shared/data are 21 MB) the main thread reads
// alone, faster on a busy 2-core machine.
const PARALLEL_MINIMUM_BYTES = 32e6;
const cityGmlFiles = files.filter((file) => file.format === 'citygml');
const cityGmlBytes = cityGmlFiles.reduce((sum, file) => sum + statSync(file.path).size, 0);
const workerCount =
  workersOption ??
  (availableParallelism() >= 2 && cityGmlBytes >= PARALLEL_MINIMUM_BYTES ? availableParallelism() : 0);
const pool =
  workerCount > 0 && cityGmlFiles.length >= 2
    ? new BuildingWorkerPool(Math.min(workerCount, cityGmlFiles.length))
    : undefined;

// Pass 2 (placing buildings, building and compressing each GLB) can run in threads too, only when asked for
// (--tile-workers): on this shared 2-core machine they cost more than they gave (50,000 footprints: +25 % CPU,
// +160 MB peak memory, slower; the main thread is not idle in pass 2, and each thread warms its own JIT). They
// start here, so their start-up overlaps pass 1, and are used only for two tiles or more.
const tileWorkerCount = tileWorkersOption ?? 0;
const tilePool = tileWorkerCount > 0 ? new TileWriterPool(tileWorkerCount) : undefined;
const closePools = () => Promise.all([pool?.close(), tilePool?.close()]);

const [
  { formatBuildingIssue },
  { buildBuildingTileset },
  { conversionExitCode, formatConversionSummary },
  { createFileMeshSpillStore },
  { createFileSearchEntrySpill },
  { fileRecordSortFactory },
  { checkingEvery, checkingRecordSorts, createGarbageCeiling },
  { readInputFiles },
  { readInputFilesParallel },
  { stageTilesetFolder },
  { DEFAULT_MAX_FEATURES_PER_TILE },
  { defaultAttributionFor },
] = await Promise.all([
  import('../src/domain/buildings/buildingIssues'),
  import('../src/domain/buildings/pipeline/buildBuildingTileset'),
  import('../src/domain/buildings/pipeline/conversionSummary'),
  import('./buildings/fileMeshSpillStore'),
  import('./buildings/fileSearchEntrySpill'),
  import('./buildings/fileRecordSort'),
  import('./buildings/garbageCeiling'),
  import('./buildings/readInputFile'),
  import('./buildings/readInputFilesParallel'),
  import('./buildings/writeTilesetFolder'),
  import('../src/domain/buildings/tiles/writeBuildingTileset'),
  import('../src/domain/buildings/nrwLod2Tiles'),
]).catch(async (error: unknown) => {
  await closePools(); // The workers would keep the process alive.
  throw error;
});

const started = performance.now();
const onIssue = values.quiet
  ? () => undefined
  : (issue: BuildingIssue) => console.error(formatBuildingIssue(issue));
const outputFolder = resolve(values.out);
// Tiles go to disk as they are written; meshes, the index's records and address entries wait in temporary files
// (records and addresses are sorted there, the address index is written in chunks): memory stays flat for any
// input.
const staged = stageTilesetFolder(outputFolder);
const spillStore = createFileMeshSpillStore();
const searchEntrySpill = createFileSearchEntrySpill();
const cleanUpAndExit = () => {
  void closePools();
  spillStore.dispose();
  searchEntrySpill.dispose();
  staged.discard();
  process.exit(130);
};
process.once('SIGINT', cleanUpAndExit).once('SIGTERM', cleanUpAndExit);
let filesWritten = 0;
// Collections at bounded garbage, checked after each tile, each chunk of the address index, every 16,384 sorted
// records and 1,000 buildings read (garbageCeiling.ts).
const checkGarbage = createGarbageCeiling();
const createRecordSort = fileRecordSortFactory();
const maxFeaturesPerTile = values['max-features']
  ? Number(values['max-features'])
  : DEFAULT_MAX_FEATURES_PER_TILE;
try {
  const { summary } = await buildBuildingTileset(
    {
      read: (reportIssue) => {
        const readOptions = {
          onIssue: reportIssue,
          crs: values.crs,
          storeyHeightMeters: values['storey-height'] ? Number(values['storey-height']) : undefined,
        };
        return pool ? readInputFilesParallel(files, readOptions, pool) : readInputFiles(files, readOptions);
      },
      fileCount: files.length,
    },
    {
      heightMode,
      onIssue,
      maxFeaturesPerTile,
      attribution: values.attribution ?? defaultAttributionFor(files.map((file) => basename(file.path))),
      createTileWriter: (settings, buildingCount) =>
        tilePool && buildingCount > maxFeaturesPerTile ? tilePool.createWriter(settings) : undefined,
      onProgress: (count) => {
        checkGarbage();
        process.stdout.write(`\r${count} Gebäude umgewandelt …`);
      },
      onTilesProgress: (written, total) => {
        checkGarbage();
        process.stdout.write(`\r${written} von ${total} Gebäuden in Kacheln geschrieben …`);
      },
      spillStore,
      searchEntrySpill,
      createRecordSort: checkingRecordSorts(createRecordSort, 16_384, checkGarbage),
      writeFile: (file) => {
        staged.writeFile(
          'chunks' in file ? { ...file, chunks: checkingEvery(file.chunks, 1, checkGarbage) } : file,
        );
        filesWritten++;
      },
    },
  );
  process.stdout.write('\n');
  const exitCode = conversionExitCode(summary, values.strict);
  if (exitCode === 0) {
    staged.commit();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${values.out}: ${filesWritten} Dateien in ${seconds.toFixed(1)} s (${Math.round(summary.buildingsConverted / seconds)} Gebäude/s)`,
    );
  } else {
    console.error(`${values.out} bleibt unverändert.`);
  }
  console.log(formatConversionSummary(summary));
  process.exitCode = exitCode;
} finally {
  await closePools();
  spillStore.dispose();
  searchEntrySpill.dispose();
  staged.discard();
}
