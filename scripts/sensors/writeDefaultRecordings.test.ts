import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDefaultSensorRecordingsStage } from './defaultSensorRecordingsStage';
import { writeDefaultRecordings } from './writeDefaultRecordings';

const ROOT = resolve(import.meta.dirname, '..', '..');
const temporary = mkdtempSync(join(tmpdir(), 'recordings-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

describe('writeDefaultRecordings', { timeout: 60_000 }, () => {
  it('writes the week into a folder, replacing an older one whole', () => {
    const folder = join(temporary, 'replay');
    writeDefaultRecordings(folder, { seed: 1 });
    writeFileSync(join(folder, 'stale.csv'), 'left over');
    const recordings = writeDefaultRecordings(folder, { seed: 2 });
    expect(existsSync(join(folder, 'stale.csv'))).toBe(false);
    expect(readdirSync(folder).sort()).toEqual(
      [
        'README.md',
        'aasee-buoy',
        'bike-counters',
        'catalogue.json',
        'opensensemap',
        'parking',
        'street-lights',
        'traffic-lights',
      ].sort(),
    );
    expect(JSON.parse(readFileSync(join(folder, 'catalogue.json'), 'utf8')).generator.seed).toBe(2);
    expect(readdirSync(join(folder, 'parking'))).toHaveLength(7);
    expect(recordings.files.every((file) => existsSync(join(folder, file.path)))).toBe(true);
    expect(readdirSync(temporary)).toEqual(['replay']);
  });

  it('is a stage of the first start that knows when it is current', async () => {
    const stage = createDefaultSensorRecordingsStage(join(temporary, 'stage'));
    expect(stage.isUpToDate()).toBe(false);
    await stage.run(() => {});
    expect(stage.isUpToDate()).toBe(true);
  });

  it('runs from the command line', () => {
    const folder = join(temporary, 'cli');
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/sensors/writeDefaultRecordings.ts', '--out', folder, '--seed', '5'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(output).toContain('Seed 5');
    expect(existsSync(join(folder, 'catalogue.json'))).toBe(true);
  });
});
