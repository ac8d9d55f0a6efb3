import type { BuildingLabelFunctions } from '../tiles/buildingProperties';
import { alkisBuildingFunctionLabel } from './alkisBuildingFunctions';
import { roofTypeLabel } from './roofTypes';

/** The labels the pipeline writes into every tileset: German ALKIS function and roof type names. */
export const GERMAN_BUILDING_LABELS: BuildingLabelFunctions = {
  functionLabel: alkisBuildingFunctionLabel,
  roofTypeLabel: (code) => roofTypeLabel(code)?.de,
};
