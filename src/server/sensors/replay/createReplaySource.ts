import { isAbsolute, resolve } from 'node:path';
import type { ReplaySourceConfig } from '../../../domain/sensors/hub/hubConfig';
import { ReplaySource, type ReplayLog } from './replaySource';

/**
 * The hub's factory for the `replay` entry of sensors.config.json: `folder` (relative to `cwd`), `speed`, and
 * optionally `historyHours` and `tickMilliseconds`.
 */
export function createReplaySource(config: ReplaySourceConfig, cwd: string, log?: ReplayLog): ReplaySource {
  const extra = config as Record<string, unknown>;
  const number = (name: string, minimum: number) => {
    const value = extra[name];
    return typeof value === 'number' && Number.isFinite(value) && value >= minimum ? value : undefined;
  };
  return new ReplaySource({
    id: config.id,
    folder: isAbsolute(config.folder) ? config.folder : resolve(cwd, config.folder),
    speed: config.speed,
    historyHours: number('historyHours', 0),
    tickMilliseconds: number('tickMilliseconds', 10),
    log,
  });
}
