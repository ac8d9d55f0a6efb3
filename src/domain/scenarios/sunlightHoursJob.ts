/**
 * The contract between the app and the Web Worker that computes a sunlight-hours map (so the UI never blocks):
 * the request carries plain data (the variant, the site, the search index's buildings, the day), the answer the
 * picture, its summary and how long it took. `runSunlightHoursJob` is the whole worker, testable in Node.
 */
import type { CalendarDay } from './muensterTime';
import type { ScenarioDocument, ScenarioVariant } from './scenarioSchema';
import { createShadowCasterIndex } from './shadowCasters';
import { rasterizeSunlightHours, type SunlightHoursImage } from './sunlightHoursImage';
import { summarizeSunlightHours } from './sunlightHours';
import { surroundingShadowCasters, type SurroundingBuilding } from './surroundingShadowCasters';
import { computeVariantSunlightHours } from './variantSunlightHours';

export const SUNLIGHT_HOURS_REQUEST = 'compute-sunlight-hours';

export interface SunlightHoursJobRequest {
  kind: typeof SUNLIGHT_HOURS_REQUEST;
  /** Echoed in the answer, so a late answer to an older request can be told apart. */
  requestId: number;
  scenario: Pick<ScenarioDocument, 'site' | 'existingBuildings'>;
  variant: ScenarioVariant;
  day: CalendarDay;
  /** The existing buildings (search index); those the quarter hides are left out by the worker. */
  buildings: readonly SurroundingBuilding[];
  gridSpacingMeters: number;
  timeStepMinutes: number;
}

/** What the map and its legend show. */
export interface SunlightHoursMap {
  day: CalendarDay;
  variantId: string;
  image: SunlightHoursImage;
  cellSizeMeters: number;
  analysedCellCount: number;
  daylightHours: number;
  minimumHours: number;
  meanHours: number;
  maximumHours: number;
  /** Share of the analysed area with at least 2 hours of sun. */
  shareAtLeastTwoHours: number;
  surroundingBuildingCount: number;
  elapsedMilliseconds: number;
}

/** Why a map could not be computed: `no-open-spaces` (nothing to analyse), `invalid-request`, `failed`. */
export type SunlightHoursFailureCode = 'no-open-spaces' | 'invalid-request' | 'failed';

export type SunlightHoursJobResponse =
  | { kind: 'sunlight-hours-result'; requestId: number; map: SunlightHoursMap }
  | { kind: 'sunlight-hours-failed'; requestId: number; code: SunlightHoursFailureCode; message: string };

function isRequest(message: unknown): message is SunlightHoursJobRequest {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Partial<SunlightHoursJobRequest>;
  return (
    candidate.kind === SUNLIGHT_HOURS_REQUEST &&
    typeof candidate.requestId === 'number' &&
    Array.isArray(candidate.variant?.openSpaces) &&
    Array.isArray(candidate.variant?.massings) &&
    Array.isArray(candidate.scenario?.site?.boundary) &&
    Array.isArray(candidate.buildings) &&
    typeof candidate.day?.year === 'number' &&
    typeof candidate.gridSpacingMeters === 'number' &&
    candidate.gridSpacingMeters > 0 &&
    typeof candidate.timeStepMinutes === 'number' &&
    candidate.timeStepMinutes > 0
  );
}

/** Computes the map for a request; never throws: every problem is an answer with a code and a message. */
export function runSunlightHoursJob(
  message: unknown,
  now: () => number = () => Date.now(),
): SunlightHoursJobResponse {
  const requestId =
    typeof (message as { requestId?: unknown } | null)?.requestId === 'number'
      ? (message as { requestId: number }).requestId
      : -1;
  if (!isRequest(message)) {
    return {
      kind: 'sunlight-hours-failed',
      requestId,
      code: 'invalid-request',
      message:
        'sunlight-hours request: expected kind, requestId, scenario.site, variant, day, buildings, gridSpacingMeters > 0, timeStepMinutes > 0',
    };
  }
  const { variant, scenario, day } = message;
  if (!variant.openSpaces.some((openSpace) => openSpace.surface !== 'water')) {
    return {
      kind: 'sunlight-hours-failed',
      requestId,
      code: 'no-open-spaces',
      message: `variant ${variant.id}: no open spaces (other than water) to compute sunlight hours for`,
    };
  }
  try {
    const start = now();
    const casters = surroundingShadowCasters(scenario, message.buildings);
    const grid = computeVariantSunlightHours(variant, {
      day,
      surroundings: casters.length > 0 ? createShadowCasterIndex(casters) : undefined,
      gridSpacingMeters: message.gridSpacingMeters,
      timeStepMinutes: message.timeStepMinutes,
    });
    const summary = summarizeSunlightHours(grid, 2);
    const image = rasterizeSunlightHours(grid);
    return {
      kind: 'sunlight-hours-result',
      requestId,
      map: {
        day,
        variantId: variant.id,
        image,
        cellSizeMeters: grid.cellSizeMeters,
        analysedCellCount: grid.analysedCellCount,
        daylightHours: grid.daylightHours,
        minimumHours: summary.minimumHours,
        meanHours: summary.meanHours,
        maximumHours: summary.maximumHours,
        shareAtLeastTwoHours: summary.shareAtLeastThreshold,
        surroundingBuildingCount: casters.length,
        elapsedMilliseconds: now() - start,
      },
    };
  } catch (error) {
    return {
      kind: 'sunlight-hours-failed',
      requestId,
      code: 'failed',
      message: `variant ${variant.id}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Whether a worker's message is an answer of this contract. */
export function isSunlightHoursJobResponse(message: unknown): message is SunlightHoursJobResponse {
  const kind = (message as { kind?: unknown } | null)?.kind;
  return (
    (kind === 'sunlight-hours-result' || kind === 'sunlight-hours-failed') &&
    typeof (message as { requestId?: unknown }).requestId === 'number'
  );
}

/** The buffers an answer can hand over without copying. */
export function sunlightHoursTransferables(response: SunlightHoursJobResponse): ArrayBuffer[] {
  return response.kind === 'sunlight-hours-result' ? [response.map.image.rgba.buffer as ArrayBuffer] : [];
}
