// Runs the real entry point (`npm run serve` does the same) in a child process, as an administrator would.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, jsonOf, send, type TestSite } from './serverTestSupport';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
// Resolved from this repository, because the child runs in a temporary folder without node_modules.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts main.ts with tsx and the given environment (nothing inherited but PATH, so the test's own env cannot leak in). */
function runMain(
  env: Record<string, string>,
  cwd: string,
): { child: ChildProcess; finished: Promise<Finished> } {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const finished = new Promise<Finished>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, finished };
}

/** Resolves with the first line of stdout that matches, or rejects when the process ends first. */
function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = pattern.exec(seen);
      if (match) resolve(match);
    });
    child.on('exit', () => reject(new Error(`exited before printing ${pattern}; stdout: ${seen}`)));
  });
}

describe.concurrent('main.ts', () => {
  let site: TestSite;

  beforeAll(async () => {
    site = await createTestSite();
  });

  afterAll(async () => {
    await site.remove();
  });

  it('refuses an invalid PORT with a clear message and exit code 2', async () => {
    const { finished } = runMain({ PORT: 'achtzig' }, site.root);
    const result = await finished;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT="achtzig" ist ungültig');
    expect(result.stdout).toBe('');
  });

  it('prints where it runs, serves the folders of its working directory and stops cleanly on SIGTERM', async () => {
    // MQTT_PORT=0: the sensor hub's embedded broker takes a free port, never 1883.
    const { child, finished } = runMain({ PORT: '0', MQTT_PORT: '0' }, site.root);
    const [line, port] = await waitForLine(
      child,
      /Münster Twin läuft auf http:\/\/127\.0\.0\.1:(\d+)\/ \(Ctrl\+C beendet\)/,
    );
    expect(line).toBeTruthy();
    const health = await send(Number(port), '/health');
    expect(jsonOf(health)).toMatchObject({ status: 'ok', version: '0.0.0', tilesets: ['demo'] });
    expect((await send(Number(port), '/')).status).toBe(200);
    // The sensor hub runs on its defaults (no sensors.config.json) with its database in the working directory.
    expect(jsonOf(await send(Number(port), '/api/sensors'))).toMatchObject({ sensors: [], latest: [] });

    child.kill('SIGTERM');
    const result = await finished;
    expect(result.code).toBe(0);
    // The broken test scene is reported at start-up, naming file and field.
    expect(result.stderr).toContain('scenes/kaputt.json $.places[0].latitudeDegrees');
    // A child process through tsx: seconds on a loaded machine, so more than vitest's default 5 s.
  }, 60_000);
});
