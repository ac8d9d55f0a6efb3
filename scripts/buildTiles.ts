// `npm run tiles -- <files or folders> --out tiles/<name> [--height-mode ellipsoid|true] [--strict]`:
// NRW LoD2 CityGML (1.0/2.0) and footprints (GeoJSON, FlatGeobuf, Shapefile) → 3D Tiles 1.1 + address index.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatBuildingIssue } from '../src/domain/buildings/buildingIssues';
import { buildBuildingTileset } from '../src/domain/buildings/pipeline/buildBuildingTileset';
import {
  conversionExitCode,
  formatConversionSummary,
} from '../src/domain/buildings/pipeline/conversionSummary';
import { createFileMeshSpillStore } from './buildings/fileMeshSpillStore';
import { listInputFiles } from './buildings/inputFiles';
import { readInputFiles } from './buildings/readInputFile';
import { stageTilesetFolder } from './buildings/writeTilesetFolder';

const USAGE = `Aufruf: npm run tiles -- <Dateien oder Ordner> --out tiles/<name> [Optionen]
  --height-mode ellipsoid|true  ellipsoid (Standard): Gebäude auf dem Ellipsoid (offline, ohne Gelände);
                                true: DHHN2016 + Geoidundulation (EGM96), für ein Geländemodell
  --crs EPSG:25832|EPSG:4326    Koordinatensystem von Grundrissdateien ohne eigene Angabe
  --storey-height <m>           Geschosshöhe für Grundrisse mit Geschosszahl (Standard 3)
  --max-features <n>            Gebäude je Kachel (Standard 1000)
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
    strict: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
const heightMode = values['height-mode'];
if (
  values.help ||
  !values.out ||
  positionals.length === 0 ||
  (heightMode !== 'ellipsoid' && heightMode !== 'true')
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

const started = performance.now();
const onIssue = values.quiet
  ? () => undefined
  : (issue: Parameters<typeof formatBuildingIssue>[0]) => console.error(formatBuildingIssue(issue));
const outputFolder = resolve(values.out);
// Tiles go to disk as they are written and meshes wait in a temporary file: memory stays flat for any input.
const staged = stageTilesetFolder(outputFolder);
const spillStore = createFileMeshSpillStore();
const cleanUpAndExit = () => {
  spillStore.dispose();
  staged.discard();
  process.exit(130);
};
process.once('SIGINT', cleanUpAndExit).once('SIGTERM', cleanUpAndExit);
let filesWritten = 0;
try {
  const { summary } = await buildBuildingTileset(
    {
      read: (reportIssue) =>
        readInputFiles(files, {
          onIssue: reportIssue,
          crs: values.crs,
          storeyHeightMeters: values['storey-height'] ? Number(values['storey-height']) : undefined,
        }),
      fileCount: files.length,
    },
    {
      heightMode,
      onIssue,
      maxFeaturesPerTile: values['max-features'] ? Number(values['max-features']) : undefined,
      onProgress: (count) => process.stdout.write(`\r${count} Gebäude umgewandelt …`),
      spillStore,
      writeFile: (file) => {
        staged.writeFile(file);
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
  spillStore.dispose();
  staged.discard();
}
