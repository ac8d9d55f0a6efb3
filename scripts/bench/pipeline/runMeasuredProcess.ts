import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const USAGE_HOOK = join(import.meta.dirname, 'reportProcessUsage.mjs');
const OUTPUT_LIMIT_CHARACTERS = 1_000_000;

/** What a child process reported about itself at exit (see reportProcessUsage.mjs). */
export interface ProcessUsage {
  processMilliseconds: number;
  userCpuMilliseconds: number;
  systemCpuMilliseconds: number;
  maxRssKilobytes: number;
}

/** A finished child process: exit code, output, wall time seen from outside, and its own usage report. */
export interface MeasuredProcess {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  wallSeconds: number;
  usage: ProcessUsage | undefined;
  timedOut: boolean;
}

/** How to start the child: Node flags before the script (e.g. `--import tsx`), the script and its arguments. */
export interface MeasuredProcessCommand {
  nodeFlags: readonly string[];
  script: string;
  scriptArguments: readonly string[];
  cwd: string;
  timeoutSeconds: number;
}

/** Keeps the tail of a long output, which holds the summary. */
function appendLimited(text: string, chunk: Buffer): string {
  const joined = text + chunk.toString('utf8');
  return joined.length > OUTPUT_LIMIT_CHARACTERS ? joined.slice(-OUTPUT_LIMIT_CHARACTERS) : joined;
}

/** Runs a Node script in its own process with the usage hook loaded, so memory and CPU are that process's alone. */
export async function runMeasuredProcess(command: MeasuredProcessCommand): Promise<MeasuredProcess> {
  const usageFolder = mkdtempSync(join(tmpdir(), 'twin-bench-usage-'));
  const usageFile = join(usageFolder, 'usage.json');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...command.nodeFlags,
      '--import',
      pathToFileURL(USAGE_HOOK).href,
      command.script,
      ...command.scriptArguments,
    ],
    { cwd: command.cwd, env: { ...process.env, BENCH_USAGE_FILE: usageFile }, stdio: 'pipe' },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout = appendLimited(stdout, chunk)));
  child.stderr.on('data', (chunk: Buffer) => (stderr = appendLimited(stderr, chunk)));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, command.timeoutSeconds * 1000);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  }).finally(() => clearTimeout(timer));
  const wallSeconds = (performance.now() - started) / 1000;
  const usage = existsSync(usageFile)
    ? (JSON.parse(readFileSync(usageFile, 'utf8')) as ProcessUsage)
    : undefined;
  rmSync(usageFolder, { recursive: true, force: true });
  return { exitCode, stdout, stderr, wallSeconds, usage, timedOut };
}
