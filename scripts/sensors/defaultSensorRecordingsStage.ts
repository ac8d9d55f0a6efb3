import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  DEFAULT_RECORDED_WEEK,
  DEFAULT_RECORDINGS_VERSION,
  DEFAULT_REPLAY_SEED,
} from '../../src/domain/sensors/replay/generateDefaultRecordings';
import { recordedWeek } from '../../src/domain/sensors/replay/generatorTools';
import type { DefaultDataStage } from '../defaultData';
import { writeDefaultRecordings } from './writeDefaultRecordings';

/** Where the hub's default replay source looks (sensors.config.json's default `folder`). */
export const DEFAULT_RECORDINGS_FOLDER = 'data/sensors/replay';

/**
 * The default sensor recordings as a stage of `npm start`'s first run; up to date while catalogue.json names the
 * current generator version, seed and week.
 */
export function createDefaultSensorRecordingsStage(
  folder = resolve(import.meta.dirname, '..', '..', DEFAULT_RECORDINGS_FOLDER),
): DefaultDataStage {
  const expected = {
    version: DEFAULT_RECORDINGS_VERSION,
    seed: DEFAULT_REPLAY_SEED,
    week: recordedWeek(DEFAULT_RECORDED_WEEK).monday,
  };
  return {
    name: 'Sensor-Aufzeichnungen (Replay)',
    isUpToDate: () => {
      try {
        const catalogue = JSON.parse(readFileSync(join(folder, 'catalogue.json'), 'utf8')) as {
          generator?: Record<string, unknown>;
        };
        const generator = catalogue.generator ?? {};
        return (
          generator.version === expected.version &&
          generator.seed === expected.seed &&
          generator.week === expected.week
        );
      } catch {
        return false;
      }
    },
    async run(progress) {
      progress(0, 1);
      writeDefaultRecordings(folder, { seed: expected.seed, week: expected.week });
      progress(1, 1);
    },
  };
}
