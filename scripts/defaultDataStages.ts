import { createDefaultCityStage } from './defaultCityStage';
import type { DefaultDataStage } from './defaultData';
import { createDefaultSensorRecordingsStage } from './sensors/defaultSensorRecordingsStage';
import { createDefaultThermographyStage } from './thermography/defaultThermographyStage';

/** Everything `npm start` and `npm run dev` produce on first run, in order; each feature adds its stage here. */
export const DEFAULT_DATA_STAGES: DefaultDataStage[] = [
  createDefaultCityStage(),
  createDefaultSensorRecordingsStage(),
  createDefaultThermographyStage(),
];
