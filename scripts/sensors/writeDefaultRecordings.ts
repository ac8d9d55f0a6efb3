// `tsx scripts/sensors/writeDefaultRecordings.ts --out data/sensors/replay [--seed <n>] [--week YYYY-MM-DD]
// [--opensensemap-data csv|json]`: the seeded week of sensor recordings the replay plays by default.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  generateDefaultRecordings,
  type GeneratedRecordings,
  type RecordingsOptions,
} from '../../src/domain/sensors/replay/generateDefaultRecordings';

/**
 * Writes the default recordings into `folder`, replacing what was there only once every file is written (a
 * sibling folder is swapped in), so a failed run never leaves half a week behind.
 */
export function writeDefaultRecordings(folder: string, options: RecordingsOptions = {}): GeneratedRecordings {
  const recordings = generateDefaultRecordings(options);
  const staging = `${folder}.writing-${process.pid}`;
  const previous = `${folder}.previous-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const file of recordings.files) {
      const target = join(staging, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.text);
    }
    rmSync(previous, { recursive: true, force: true });
    let hadPrevious = true;
    try {
      renameSync(folder, previous);
    } catch {
      hadPrevious = false; // Nothing there yet.
    }
    try {
      mkdirSync(dirname(folder), { recursive: true });
      renameSync(staging, folder);
    } catch (error) {
      if (hadPrevious) renameSync(previous, folder);
      throw error;
    }
    rmSync(previous, { recursive: true, force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return recordings;
}

const USAGE = `Aufruf: tsx scripts/sensors/writeDefaultRecordings.ts --out <Ordner> [Optionen]
  --seed <Zahl>                  Startwert der Zufallsfolge (Standard 2018)
  --week <JJJJ-MM-TT>            ein Tag der aufgezeichneten Woche (Standard 2026-08-03)
  --opensensemap-data csv|json   Format der openSenseMap-Messreihen (Standard csv, json ist etwa dreimal so groß)`;

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      seed: { type: 'string' },
      week: { type: 'string' },
      'opensensemap-data': { type: 'string', default: 'csv' },
      help: { type: 'boolean', default: false },
    },
  });
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  const format = values['opensensemap-data'];
  if (
    values.help ||
    !values.out ||
    (seed !== undefined && !Number.isInteger(seed)) ||
    (values.week !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.week)) ||
    (format !== 'csv' && format !== 'json')
  ) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const folder = resolve(values.out);
  const recordings = writeDefaultRecordings(folder, { seed, week: values.week, openSenseMapData: format });
  const bytes = recordings.files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
  console.log(
    `${recordings.files.length} Dateien (${(bytes / 1e6).toFixed(1)} MB) in ${folder}: ` +
      `Woche ab ${recordings.week.monday}, Seed ${recordings.seed}`,
  );
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
