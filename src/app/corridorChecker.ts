import { checkCorridors, type CorridorReport } from '../domain/corridors/checkCorridors';
import {
  corridorBuildingsFromSearchIndex,
  createBuildingIndex,
  type BuildingIndex,
} from '../domain/corridors/corridorBuildings';
import { MUENSTER_GEOID_UNDULATION_METERS, type DisplayGround } from '../domain/corridors/corridorDisplay';
import { prepareRestrictionZones, type PreparedRestrictionZone } from '../domain/corridors/corridorPlane';
import type { Corridor, RestrictionZone } from '../domain/corridors/corridorScene';
import type { BuildingSearchEntry } from '../domain/buildings/searchIndex';

export interface CorridorCheckRun {
  reports: CorridorReport[];
  milliseconds: number;
}

/**
 * Checks corridors, keeping the building index and the prepared zones between calls as long as their inputs are
 * the same objects: while a point is dragged only the checks themselves rerun (a few milliseconds).
 */
export function createCorridorChecker(now: () => number = () => performance.now()) {
  let indexedEntries: readonly BuildingSearchEntry[] | undefined;
  let indexedGround: DisplayGround | undefined;
  let buildings: BuildingIndex | undefined;
  let preparedFrom: readonly RestrictionZone[] | undefined;
  let zones: PreparedRestrictionZone[] = [];
  return (input: {
    corridors: readonly Corridor[];
    zones: readonly RestrictionZone[];
    searchEntries: readonly BuildingSearchEntry[] | undefined;
    ground: DisplayGround;
  }): CorridorCheckRun => {
    if (input.searchEntries !== indexedEntries || input.ground !== indexedGround) {
      indexedEntries = input.searchEntries;
      indexedGround = input.ground;
      // The tileset stands on the ellipsoid offline (tops are heights above each building's ground); with
      // terrain its tops are ellipsoid heights.
      buildings =
        input.searchEntries &&
        createBuildingIndex(
          corridorBuildingsFromSearchIndex(
            input.searchEntries,
            input.ground === 'ellipsoid'
              ? { heightMode: 'ellipsoid' }
              : { heightMode: 'true', geoidUndulationMeters: () => MUENSTER_GEOID_UNDULATION_METERS },
          ),
        );
    }
    if (input.zones !== preparedFrom) {
      preparedFrom = input.zones;
      zones = prepareRestrictionZones(input.zones);
    }
    const start = now();
    const reports = checkCorridors({ corridors: input.corridors, buildings, zones });
    return { reports, milliseconds: now() - start };
  };
}
