/**
 * The sunlight-hours map of a variant: a grid over its open spaces (water excluded), shaded by its massings and
 * the surrounding buildings, for one day in Münster.
 */
import type { CalendarDay } from './muensterTime';
import { projectPolygon } from './scenarioPlanarGeometry';
import type { ScenarioVariant } from './scenarioSchema';
import { createShadowCasterIndex, shadowCastersFromMassings, type ShadowCasterIndex } from './shadowCasters';
import { computeSunlightHours, sunSamplesForDay, type SunlightHoursGrid } from './sunlightHours';
import type { GeographicLocation } from './sunPosition';

export interface VariantSunlightHoursOptions {
  day: CalendarDay;
  /** The surrounding buildings (kept existing buildings, the neighbourhood), indexed once by the caller. */
  surroundings?: ShadowCasterIndex;
  /** Only these open spaces (by id); all but water when missing. */
  openSpaceIds?: readonly string[];
  gridSpacingMeters?: number;
  timeStepMinutes?: number;
  sampleHeightMeters?: number;
  location?: GeographicLocation;
}

/** Hours of direct sun on the variant's open spaces on one day. */
export function computeVariantSunlightHours(
  variant: ScenarioVariant,
  options: VariantSunlightHoursOptions,
): SunlightHoursGrid {
  const wanted = options.openSpaceIds ? new Set(options.openSpaceIds) : undefined;
  const areas = variant.openSpaces
    .filter((openSpace) => (wanted ? wanted.has(openSpace.id) : openSpace.surface !== 'water'))
    .map((openSpace) => projectPolygon(openSpace.area));
  const massings = createShadowCasterIndex(shadowCastersFromMassings(variant.massings));
  return computeSunlightHours({
    areas,
    casters: options.surroundings ? [massings, options.surroundings] : [massings],
    sunSamples: sunSamplesForDay(options.day, {
      timeStepMinutes: options.timeStepMinutes,
      location: options.location,
    }),
    gridSpacingMeters: options.gridSpacingMeters,
    sampleHeightMeters: options.sampleHeightMeters,
  });
}
