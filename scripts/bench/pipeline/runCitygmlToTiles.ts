import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { measureOutputFolder } from './measureOutputFolder';
import { runMeasuredProcess } from './runMeasuredProcess';
import { tailOf, type TilerOutcome } from './tilerRun';

const RUNNER = join(import.meta.dirname, 'citygmlToTilesRunner.mjs');
const TIMEOUT_SECONDS = 1800;
const RESULT_LINE = /^BENCH_RESULT (.*)$/m;

/** What the peer tiler is asked to convert: the same CityGML files our tiler read. */
export interface PeerTilerInput {
  label: string;
  converterModule: string;
  cityGmlFiles: readonly string[];
  inputBytes: number;
  /** Scratch space: a folder of links to the input files, and the output (both removed afterwards). */
  workFolder: string;
}

/** The number of features in a b3dm: BATCH_LENGTH from its feature table JSON (3D Tiles 1.0, b3dm header). */
export function readBatchLength(b3dm: Buffer): number {
  const featureTableJsonLength = b3dm.readUInt32LE(12);
  const json = JSON.parse(b3dm.subarray(28, 28 + featureTableJsonLength).toString('utf8')) as {
    BATCH_LENGTH?: number;
  };
  return json.BATCH_LENGTH ?? 0;
}

/**
 * Runs citygml-to-3dtiles on all files at once (its CLI takes one folder, so the files are linked into one) in a
 * fresh process; buildings are counted in what it wrote, not taken from its log.
 */
export async function runCitygmlToTiles(input: PeerTilerInput): Promise<TilerOutcome> {
  const inputFolder = join(input.workFolder, 'citygml-to-3dtiles-input');
  const outputFolder = join(input.workFolder, 'citygml-to-3dtiles-output');
  mkdirSync(inputFolder, { recursive: true });
  for (const file of input.cityGmlFiles) symlinkSync(file, join(inputFolder, basename(file)));
  try {
    const result = await runMeasuredProcess({
      nodeFlags: [],
      script: RUNNER,
      scriptArguments: [input.converterModule, inputFolder, outputFolder],
      cwd: input.workFolder,
      timeoutSeconds: TIMEOUT_SECONDS,
    });
    const resultLine = RESULT_LINE.exec(result.stdout);
    if (result.exitCode !== 0 || !resultLine?.[1] || !result.usage) {
      const why = result.timedOut ? `timed out after ${TIMEOUT_SECONDS} s` : `exit code ${result.exitCode}`;
      return { ok: false, label: input.label, reason: `${why}\n${tailOf(result.stderr || result.stdout)}` };
    }
    const { convertMilliseconds } = JSON.parse(resultLine[1]) as { convertMilliseconds: number };
    const buildings = readdirSync(outputFolder)
      .filter((name) => name.endsWith('.b3dm'))
      .reduce((sum, name) => sum + readBatchLength(readFileSync(join(outputFolder, name))), 0);
    return {
      ok: true,
      run: {
        label: input.label,
        inputKind: 'lod2',
        inputBytes: input.inputBytes,
        buildings,
        buildingsSkipped: 0,
        tilerSeconds: convertMilliseconds / 1000,
        wallSeconds: result.wallSeconds,
        cpuSeconds: (result.usage.userCpuMilliseconds + result.usage.systemCpuMilliseconds) / 1000,
        peakRssMegabytes: result.usage.maxRssKilobytes / 1024,
        output: measureOutputFolder(outputFolder),
      },
    };
  } finally {
    rmSync(inputFolder, { recursive: true, force: true });
    rmSync(outputFolder, { recursive: true, force: true });
  }
}
