import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'src/domain/buildings/citygml/fixtures');
const run = promisify(execFile);

/** Runs `npm run tiles -- …` as a user would, returning exit code and output instead of throwing. */
async function buildTiles(cwd: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'scripts/buildTiles.ts'), ...args],
      { cwd },
    );
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { exitCode: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Runs `npm run tiles -- …` itself: scripts/tiles.mjs, which runs buildTiles.ts precompiled (bundled on demand). */
async function buildTilesPrecompiled(cwd: string, ...args: string[]) {
  const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'scripts/tiles.mjs'), ...args], { cwd });
  return { stdout, stderr };
}

/** The files below a folder, sorted, with their bytes. */
function filesBelow(folder: string): [string, Buffer][] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .sort()
    .filter((path) => !statSync(join(folder, path)).isDirectory())
    .map((path) => [path, readFileSync(join(folder, path))]);
}

/** A working folder with the given fixtures copied in under `input/`. */
function workspace(...fixtures: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'twin-tiles-cli-'));
  mkdirSync(join(folder, 'input'));
  for (const name of fixtures) cpSync(join(FIXTURES, name), join(folder, 'input', name));
  return folder;
}

describe('npm run tiles', () => {
  it('converts the good buildings of broken input, names file and gml:id of each problem and sums up', async () => {
    const folder = workspace(
      'gableRoof.gml',
      'malformedXmlAfterOneBuilding.gml',
      'unknownCrs.gml',
      'missingMeasuredHeight.gml',
    );
    const result = await buildTiles(folder, 'input', '--out', 'tiles/test');
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/Fehler input\/malformedXmlAfterOneBuilding\.gml .*\(malformed-xml\)/);
    expect(result.stderr).toMatch(/Fehler input\/unknownCrs\.gml \S+: .*\(unknown-crs\)/);
    expect(result.stderr).toMatch(/Warnung input\/missingMeasuredHeight\.gml \S+: .*\(derived-height\)/);
    expect(result.stdout).toMatch(/Dateien: 4/);
    expect(result.stdout).toMatch(/gelesen: 6, umgewandelt: 4, übersprungen: 2/);
    expect(result.stdout).toMatch(/Fehler: 2, Warnungen: 1/);
    expect(existsSync(join(folder, 'tiles/test/tileset.json'))).toBe(true);
  }, 60_000);

  it('with --strict, fails on any skipped building and leaves the existing tileset untouched', async () => {
    const folder = workspace('gableRoof.gml', 'unknownCrs.gml');
    expect((await buildTiles(folder, 'input/gableRoof.gml', '--out', 'tiles/test')).exitCode).toBe(0);
    const before = readFileSync(join(folder, 'tiles/test/tileset.json'));
    const strict = await buildTiles(folder, 'input', '--out', 'tiles/test', '--strict');
    expect(strict.exitCode).toBe(1);
    expect(strict.stderr).toContain('tiles/test bleibt unverändert');
    expect(readFileSync(join(folder, 'tiles/test/tileset.json'))).toEqual(before);
  }, 60_000);

  it('reads a file named twice once, and keeps the first of buildings repeated in a copied file', async () => {
    const folder = workspace('gableRoof.gml', 'boxWithBoundarySurfaces.gml');
    cpSync(join(folder, 'input/gableRoof.gml'), join(folder, 'input/gableRoof-copy.gml'));
    const result = await buildTiles(
      folder,
      'input',
      'input/gableRoof.gml',
      '--out',
      'tiles/test',
      '--strict',
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/Dateien: 3\n/);
    expect(result.stderr).toMatch(
      /Warnung input\/gableRoof\.gml \S+: building \S+ was already read from input\/gableRoof-copy\.gml.*\(duplicate-building\)/,
    );
    expect(result.stdout).toMatch(/übersprungen: 0, doppelt: 1/);
    const tileset = JSON.parse(readFileSync(join(folder, 'tiles/test/tileset.json'), 'utf8')) as {
      extras: { buildingCount: number };
    };
    expect(tileset.extras.buildingCount).toBe(2);
  }, 60_000);

  it('credits Geobasis NRW for its LoD2 tiles, and what --attribution says for any input', async () => {
    const folder = workspace('gableRoof.gml');
    cpSync(join(folder, 'input/gableRoof.gml'), join(folder, 'input/LoD2_32_400_5757_1_NW.gml'));
    const creditOf = (name: string) =>
      (
        JSON.parse(readFileSync(join(folder, 'tiles', name, 'tileset.json'), 'utf8')) as {
          asset: { extras?: { cesium: { credits: { html: string }[] } } };
        }
      ).asset.extras?.cesium.credits.map((credit) => credit.html);
    await buildTiles(folder, 'input/LoD2_32_400_5757_1_NW.gml', '--out', 'tiles/nrw', '--strict');
    expect(creditOf('nrw')).toEqual([expect.stringContaining('Geobasis NRW')]);
    await buildTiles(folder, 'input/gableRoof.gml', '--out', 'tiles/own', '--strict');
    expect(creditOf('own')).toBeUndefined();
    await buildTiles(folder, 'input/gableRoof.gml', '--out', 'tiles/named', '--attribution', 'Stadt Münster');
    expect(creditOf('named')).toEqual(['Stadt Münster']);
  }, 60_000);

  it('fails with a clear message when nothing could be converted', async () => {
    const folder = workspace();
    writeFileSync(
      join(folder, 'truncated.gml'),
      '<core:CityModel xmlns:core="http://www.opengis.net/citygml/1.0"><bldg:Bui',
    );
    writeFileSync(join(folder, 'notes.txt'), 'not a building');
    const result = await buildTiles(folder, 'truncated.gml', 'notes.txt', '--out', 'tiles/test');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('notes.txt: nicht gefunden oder kein bekanntes Format');
    expect(result.stderr).toMatch(/Fehler truncated\.gml.*\(malformed-xml\)/);
    expect(result.stdout).toMatch(/umgewandelt: 0/);
    expect(existsSync(join(folder, 'tiles/test'))).toBe(false);
  }, 60_000);

  it('writes the same files and messages with worker threads as without', async () => {
    const folder = workspace(
      'gableRoof.gml',
      'malformedXmlAfterOneBuilding.gml',
      'twoBuildingPartsWithAddressOnPart.gml',
      'unknownCrs.gml',
    );
    const single = await buildTiles(folder, 'input', '--out', 'tiles/single', '--workers', '0');
    const parallel = await buildTiles(folder, 'input', '--out', 'tiles/parallel', '--workers', '2');
    expect(parallel.exitCode).toBe(0);
    expect(parallel.stderr).toBe(single.stderr);
    expect(parallel.stdout.replace(/\S+: \d+ Dateien in .*\n/, '')).toBe(
      single.stdout.replace(/\S+: \d+ Dateien in .*\n/, ''),
    );
    const files = (name: string) =>
      readdirSync(join(folder, 'tiles', name), { recursive: true, encoding: 'utf8' }).sort();
    expect(files('parallel')).toEqual(files('single'));
    for (const file of files('single').filter((path) => path.endsWith('.glb') || path.endsWith('.json')))
      expect(readFileSync(join(folder, 'tiles/parallel', file))).toEqual(
        readFileSync(join(folder, 'tiles/single', file)),
      );
  }, 60_000);

  it('writes the same bytes and messages precompiled (npm run tiles) as through tsx, with workers too', async () => {
    const folder = workspace('gableRoof.gml', 'twoBuildingPartsWithAddressOnPart.gml', 'unknownCrs.gml');
    const viaTsx = await buildTiles(folder, 'input', '--out', 'tiles/tsx');
    const precompiled = await buildTilesPrecompiled(folder, 'input', '--out', 'tiles/precompiled');
    const parallel = await buildTilesPrecompiled(
      folder,
      'input',
      '--out',
      'tiles/parallel',
      '--workers',
      '2',
    );
    // The first run after a change bundles the CLI and says so on stderr.
    const messages = (stderr: string) => stderr.replace(/^Übersetzt den Kachel-Konverter.*\n/m, '');
    expect(messages(precompiled.stderr)).toBe(viaTsx.stderr);
    // Compiled once: the next run starts from the bundle (a stale check that always failed went unnoticed once).
    expect(parallel.stderr).toBe(viaTsx.stderr);
    expect(precompiled.stdout).toMatch(/gelesen: 4, umgewandelt: 3, übersprungen: 1/);
    expect(filesBelow(join(folder, 'tiles/precompiled'))).toEqual(filesBelow(join(folder, 'tiles/tsx')));
    expect(filesBelow(join(folder, 'tiles/parallel'))).toEqual(filesBelow(join(folder, 'tiles/tsx')));
  }, 120_000);
});
