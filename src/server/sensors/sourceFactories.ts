import type { SensorSource } from '../../domain/sensors/sensorSource';
import type { ReplaySourceConfig, SourceConfig } from '../../domain/sensors/hub/hubConfig';
import type { HubLog } from './sensorHubService';
import { MqttJsonSource } from './sources/mqttJsonSource';
import { OpenSenseMapSource } from './sources/openSenseMapSource';
import { SensorThingsSource } from './sources/sensorThingsSource';

/** Builds the replay source from its configuration; `cwd` resolves its relative folder. */
export type ReplaySourceFactory = (config: ReplaySourceConfig, cwd: string) => SensorSource;

export interface SourceFactoryContext {
  cwd: string;
  /** Where secrets named by `passwordEnv` are read. */
  env: Readonly<Record<string, string | undefined>>;
  log: HubLog;
  /** The replay lives in ./replay; without a factory a configured replay is left out with a warning. */
  replay?: ReplaySourceFactory;
}

/** The sources a configuration names, in its order; those that cannot be built are left out with a warning. */
export function createSources(
  configs: readonly SourceConfig[],
  context: SourceFactoryContext,
): SensorSource[] {
  const sources: SensorSource[] = [];
  for (const config of configs) {
    const passwordEnv =
      config.type === 'sensorthings' || config.type === 'mqtt' ? config.passwordEnv : undefined;
    const password = passwordEnv ? context.env[passwordEnv] : undefined;
    if (passwordEnv && password === undefined)
      context.log.warn(`sensor source ${config.id}: environment variable ${passwordEnv} is not set`);
    switch (config.type) {
      case 'replay':
        if (context.replay) sources.push(context.replay(config, context.cwd));
        else
          context.log.warn(`sensor source ${config.id}: the replay is not available in this build; left out`);
        break;
      case 'sensorthings':
        sources.push(new SensorThingsSource({ ...config, password }, context.log));
        break;
      case 'opensensemap':
        sources.push(new OpenSenseMapSource(config, context.log));
        break;
      case 'mqtt':
        sources.push(new MqttJsonSource({ ...config, password }));
        break;
    }
  }
  return sources;
}
