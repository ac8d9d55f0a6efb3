import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { measureOutputFolder } from './measureOutputFolder';
import { runMeasuredProcess } from './runMeasuredProcess';
import { tailOf, type TilerInputKind, type TilerOutcome } from './tilerRun';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
/** `npm run tiles`: scripts/buildTiles.ts precompiled (see scripts/tiles.mjs). */
const TILES_CLI = join(ROOT, 'scripts', 'tiles.mjs');
const TIMEOUT_SECONDS = 1800;

/** What one run of our tiler is asked to convert. */
export interface OurTilerInput {
  label: string;
  inputKind: TilerInputKind;
  /** Files or folders, as given to `npm run tiles`. */
  inputPaths: readonly string[];
  inputBytes: number;
  /** Where the tileset is written (and removed again after measuring). */
  outputFolder: string;
}

// The CLI's own last lines: "<out>: 32 Dateien in 2.6 s (3894 Gebäude/s)" and the conversion summary.
const RATE_LINE = /: \d+ Dateien in [\d.]+ s \((\d+) Gebäude\/s\)/;
const COUNT_LINE = /Gebäude gelesen: (\d+), umgewandelt: (\d+), übersprungen: (\d+)/;

/**
 * Runs the real `npm run tiles` CLI (scripts/tiles.mjs → scripts/buildTiles.ts) in a fresh Node process, so reading and writing are
 * measured too and peak memory is that process's own. Tiler seconds come from the CLI's own rate line.
 */
export async function runOurTiler(input: OurTilerInput): Promise<TilerOutcome> {
  const result = await runMeasuredProcess({
    nodeFlags: [],
    script: TILES_CLI,
    scriptArguments: [...input.inputPaths, '--out', input.outputFolder, '--quiet'],
    cwd: ROOT,
    timeoutSeconds: TIMEOUT_SECONDS,
  });
  const rate = RATE_LINE.exec(result.stdout);
  const counts = COUNT_LINE.exec(result.stdout);
  if (result.exitCode !== 0 || !rate || !counts || !result.usage) {
    rmSync(input.outputFolder, { recursive: true, force: true });
    const why = result.timedOut ? `timed out after ${TIMEOUT_SECONDS} s` : `exit code ${result.exitCode}`;
    return { ok: false, label: input.label, reason: `${why}\n${tailOf(result.stderr || result.stdout)}` };
  }
  const buildings = Number(counts[2]);
  const output = measureOutputFolder(input.outputFolder);
  rmSync(input.outputFolder, { recursive: true, force: true });
  return {
    ok: true,
    run: {
      label: input.label,
      inputKind: input.inputKind,
      inputBytes: input.inputBytes,
      buildings,
      buildingsSkipped: Number(counts[3]),
      tilerSeconds: buildings / Number(rate[1]),
      wallSeconds: result.wallSeconds,
      cpuSeconds: (result.usage.userCpuMilliseconds + result.usage.systemCpuMilliseconds) / 1000,
      peakRssMegabytes: result.usage.maxRssKilobytes / 1024,
      output,
    },
  };
}

/**
 * Builds the precompiled CLI if a source changed since (`--help` compiles, prints the usage and exits), so that
 * no measured run pays for the one-off bundling.
 */
export async function prepareOurTiler(): Promise<void> {
  const result = await runMeasuredProcess({
    nodeFlags: [],
    script: TILES_CLI,
    scriptArguments: ['--help'],
    cwd: ROOT,
    timeoutSeconds: 300,
  });
  if (result.exitCode !== 0)
    throw new Error(`scripts/tiles.mjs could not be prepared:\n${tailOf(result.stderr)}`);
}
