// `npm run thermography -- analyse|generate|codes …`: thermal rasters + buildings → private results, public overlay
// and access codes for the owners' letters. See src/domain/thermography/README.md and docs/thermography.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatBuildingIssue } from '../../src/domain/buildings/buildingIssues';
import { generateMuensterCity } from '../../src/domain/buildings/generator/generateMuensterCity';
import {
  DEFAULT_FLIGHT,
  planGeneratedFlight,
  roofOutlinesOfCity,
} from '../../src/domain/thermography/generator/generatedFlight';
import type { RoofOutline } from '../../src/domain/thermography/roofOutline';
import { ThermalRasterError } from '../../src/domain/thermography/thermalGeoTiff';
import { openThermographyDatabaseForWriting } from '../../src/server/thermography/thermographyDatabase';
import {
  DEFAULT_THERMOGRAPHY_DATABASE,
  PUBLIC_THERMOGRAPHY_FOLDER,
} from '../../src/server/thermography/thermographySettings';
import { DEFAULT_CITY_SEED } from '../defaultCityStage';
import { createProgressPrinter } from '../defaultData';
import { formatMailMergeCsv, issueAccessCodes } from './issueAccessCodes';
import { readBuildingRoofs } from './readBuildingRoofs';
import { formatThermographySummary, runThermographyPipeline } from './runThermographyPipeline';
import { listThermalRasterFiles, openThermalRasterFiles } from './thermalRasterFiles';
import { writeGeneratedFlightTiles } from './writeGeneratedFlight';

const USAGE = `Aufruf:
  npm run thermography -- analyse <GeoTIFF-Dateien oder Ordner> --buildings <Gebäudedateien oder Ordner>
                              --air-temperature <°C> [Optionen]
      Wärmebild (EPSG:25832, eine Band, °C) + Gebäude (CityGML LoD2, GeoJSON, FlatGeobuf, Shapefile)
      → private Ergebnisse je Gebäude (SQLite) und öffentliche Karte (GeoJSON, Zellen ab 5 Gebäuden)
      --database <Datei>        private SQLite-Datei (Standard ${DEFAULT_THERMOGRAPHY_DATABASE}; nie in einem ausgelieferten Ordner)
      --public-dir <Ordner>     öffentliche Karte und Legende (Standard tiles/${PUBLIC_THERMOGRAPHY_FOLDER})
      --scale <f> --offset <°C> Kalibrierung roher Werte: °C = Wert × scale + offset (Kelvin: --offset -273.15)
      --assume-epsg25832        Dateien ohne Koordinatensystem als EPSG:25832 lesen
      --flight-date <Datum>     Datum des Flugs (für die Eigentümer-Seite)
      --attribution <Text>      Quelle und Lizenz der Wärmebilder (Legende, Bildexport)
      --simulated               die Wärmebilder sind erzeugt (z. B. von generate), nicht beflogen: die App sagt es
  npm run thermography -- generate --out <Ordner> [--buildings <Dateien>] [--seed 2021] [--pixel-size 0.5]
                              [--tile-size 1000] [--air-temperature -2.4]
      schreibt ein erzeugtes Wärmebild (GeoTIFF-Kacheln) für die Standardstadt oder die angegebenen Gebäude
  npm run thermography -- codes --out <CSV-Datei> [--database <Datei>] [--building <id>]…
      (oder npm run thermography:codes -- …) neuer Zugangscode je Gebäude (ohne --building: für alle mit Ergebnis)
      als CSV für den Serienbrief; gespeichert werden nur gesalzene scrypt-Hashes. Alte Codes dieser Gebäude
      verlieren ihre Gültigkeit. Die CSV enthält die Codes im Klartext: nach dem Druck löschen.`;

/** `--air-temperature -2.4` as `--air-temperature=-2.4`: parseArgs takes a value starting with `-` for an option. */
const NUMERIC_OPTIONS = new Set(['--air-temperature', '--offset', '--scale']);
const args = process.argv.slice(2).flatMap((arg, index, all) => {
  if (NUMERIC_OPTIONS.has(all[index - 1] ?? '') && /^-\d/.test(arg)) return [];
  const next = all[index + 1];
  return NUMERIC_OPTIONS.has(arg) && next !== undefined && /^-\d/.test(next) ? [`${arg}=${next}`] : [arg];
});

const { values, positionals } = parseArgs({
  args,
  allowPositionals: true,
  options: {
    buildings: { type: 'string', multiple: true },
    building: { type: 'string', multiple: true },
    'air-temperature': { type: 'string' },
    database: { type: 'string' },
    'public-dir': { type: 'string' },
    scale: { type: 'string' },
    offset: { type: 'string' },
    'assume-epsg25832': { type: 'boolean', default: false },
    'flight-date': { type: 'string' },
    attribution: { type: 'string' },
    simulated: { type: 'boolean', default: false },
    out: { type: 'string' },
    seed: { type: 'string' },
    'pixel-size': { type: 'string' },
    'tile-size': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

const [command, ...inputs] = positionals;
const fail = (message: string, code = 2): never => {
  console.error(message);
  process.exit(code);
};
const numberOption = (name: keyof typeof values, fallback?: number): number => {
  const text = values[name];
  if (text === undefined) return fallback ?? fail(`--${name} fehlt.\n\n${USAGE}`);
  const value = Number(text);
  return Number.isFinite(value) ? value : fail(`--${name}: keine Zahl: ${String(text)}`);
};
const databaseFile = resolve(values.database ?? DEFAULT_THERMOGRAPHY_DATABASE);

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

async function readRoofs(paths: readonly string[]): Promise<RoofOutline[]> {
  const { roofs, withoutRoof, unknownPaths } = await readBuildingRoofs(paths, (issue) =>
    console.error(formatBuildingIssue(issue)),
  );
  for (const path of unknownPaths) console.error(`${path}: nicht gefunden oder kein bekanntes Gebäudeformat`);
  if (withoutRoof.length > 0)
    console.error(`${withoutRoof.length} Gebäude ohne Dachfläche übersprungen (z. B. ${withoutRoof[0]})`);
  if (roofs.length === 0) fail('Keine Gebäude mit Dach gelesen.', 1);
  return roofs;
}

try {
  if (command === 'analyse') {
    if (inputs.length === 0 || !values.buildings) fail(USAGE);
    const airTemperatureCelsius = numberOption('air-temperature');
    const { files, missing } = listThermalRasterFiles(inputs);
    for (const path of missing)
      console.error(`${path}: nicht gefunden oder keine GeoTIFF-Datei (.tif, .tiff)`);
    if (files.length === 0) fail('Keine Wärmebilder.', 1);
    const sources = await openThermalRasterFiles(files, {
      calibration: { scale: numberOption('scale', 1), offset: numberOption('offset', 0) },
      assumeEpsg25832: values['assume-epsg25832'],
    });
    const roofs = await readRoofs(values.buildings!);
    const summary = await runThermographyPipeline({
      roofs,
      sources,
      airTemperatureCelsius,
      databaseFile,
      publicDir: resolve(values['public-dir'] ?? `tiles/${PUBLIC_THERMOGRAPHY_FOLDER}`),
      flight: {
        ...(values['flight-date'] ? { flightDate: values['flight-date'] } : {}),
        source: files.join(', '),
      },
      simulated: values.simulated,
      ...(values.attribution ? { attribution: values.attribution } : {}),
      onProgress: createProgressPrinter('Dächer', process.stderr),
    });
    console.log(formatThermographySummary(summary));
  } else if (command === 'generate') {
    if (!values.out) fail(USAGE);
    const roofs = values.buildings
      ? await readRoofs(values.buildings)
      : roofOutlinesOfCity(generateMuensterCity({ seed: DEFAULT_CITY_SEED }));
    const scene = planGeneratedFlight(roofs, {
      seed: numberOption('seed', DEFAULT_FLIGHT.seed),
      airTemperatureCelsius: numberOption('air-temperature', DEFAULT_FLIGHT.airTemperatureCelsius),
    });
    const files = writeGeneratedFlightTiles(scene, {
      outDir: resolve(values.out!),
      pixelSizeMeters: numberOption('pixel-size', DEFAULT_FLIGHT.pixelSizeMeters),
      tileSizeMeters: numberOption('tile-size', 1000),
      onProgress: createProgressPrinter('Kacheln', process.stderr),
    });
    console.log(
      `${files.length} GeoTIFF-Kacheln in ${values.out} (Lufttemperatur ${scene.airTemperatureCelsius} °C)`,
    );
  } else if (command === 'codes') {
    if (!values.out) fail(USAGE);
    const database = openThermographyDatabaseForWriting(databaseFile);
    try {
      const ids = values.building ?? database.listBuildings().map((building) => building.buildingId);
      const letters = await issueAccessCodes(database, ids, {
        onProgress: createProgressPrinter('Codes', process.stderr),
      });
      mkdirSync(dirname(resolve(values.out!)), { recursive: true });
      writeFileSync(resolve(values.out!), formatMailMergeCsv(letters), { mode: 0o600 });
      console.log(
        `${letters.length} Zugangscodes in ${values.out} (nur die Hashes bleiben in ${values.database ?? DEFAULT_THERMOGRAPHY_DATABASE})`,
      );
    } finally {
      database.close();
    }
  } else {
    fail(USAGE);
  }
} catch (error) {
  if (error instanceof ThermalRasterError) fail(error.message, 1);
  throw error;
}
