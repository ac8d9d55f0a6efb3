import {
  isSunlightHoursJobResponse,
  SUNLIGHT_HOURS_REQUEST,
  type SunlightHoursJobRequest,
} from '../domain/scenarios/sunlightHoursJob';
import type { SurroundingBuilding } from '../domain/scenarios/surroundingShadowCasters';
import type { TwinStore } from '../store/createTwinStore';
import { shownVariant } from '../store/scenarioEditing';

/** The map's resolution and time step: 2 m cells, a sun position every 10 minutes (as in the bench). */
const GRID_SPACING_METERS = 2;
const TIME_STEP_MINUTES = 10;
/** Search-index buildings within this many degrees of the site go to the worker (it keeps those within 300 m). */
const PREFILTER_MARGIN_DEGREES = 0.01;

function createSunlightHoursWorker(): Worker {
  return new Worker(new URL('./sunlightHours.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Answers the store's requests for a sunlight-hours map with a Web Worker (created on the first request): the
 * open variant as edited, the site, and the search index's buildings as surroundings. Returns the disposer.
 */
export function startSunlightHoursWorker(
  store: TwinStore,
  createWorker: () => Worker = createSunlightHoursWorker,
): () => void {
  let worker: Worker | undefined;
  let postedRequestId = 0;
  const fail = (requestId: number, message: string) =>
    store.getState().reportSunlightMap({ kind: 'sunlight-hours-failed', requestId, code: 'failed', message });

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    worker = createWorker();
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (isSunlightHoursJobResponse(event.data)) store.getState().reportSunlightMap(event.data);
    });
    worker.addEventListener('error', (event) => {
      fail(postedRequestId, `sunlight-hours worker: ${event.message || 'could not run'}`);
    });
    return worker;
  };

  const unsubscribe = store.subscribe((state) => {
    const map = state.sunlightMap;
    if (map.status !== 'computing' || map.requestId === postedRequestId) return;
    postedRequestId = map.requestId;
    const scenario = state.scenarios.find((entry) => entry.id === map.scenarioId);
    const variant = shownVariant(state);
    if (!scenario || !variant || variant.id !== map.variantId) {
      fail(map.requestId, `variant ${map.variantId} of ${map.scenarioId} is not open`);
      return;
    }
    const outer = scenario.site.boundary[0] ?? [];
    const longitudes = outer.map((position) => position[0]);
    const latitudes = outer.map((position) => position[1]);
    const west = Math.min(...longitudes) - PREFILTER_MARGIN_DEGREES;
    const east = Math.max(...longitudes) + PREFILTER_MARGIN_DEGREES;
    const south = Math.min(...latitudes) - PREFILTER_MARGIN_DEGREES;
    const north = Math.max(...latitudes) + PREFILTER_MARGIN_DEGREES;
    const buildings: SurroundingBuilding[] = [];
    for (const entry of state.searchEntries ?? []) {
      const { longitudeDegrees: x, latitudeDegrees: y } = entry;
      if (x < west || x > east || y < south || y > north) continue;
      buildings.push({
        buildingId: entry.buildingId,
        longitudeDegrees: x,
        latitudeDegrees: y,
        topHeightMeters: entry.topHeightMeters,
        ...(entry.footprintAreaSquareMeters !== undefined
          ? { footprintAreaSquareMeters: entry.footprintAreaSquareMeters }
          : {}),
      });
    }
    const request: SunlightHoursJobRequest = {
      kind: SUNLIGHT_HOURS_REQUEST,
      requestId: map.requestId,
      scenario: { site: scenario.site, existingBuildings: scenario.existingBuildings },
      variant,
      day: map.day,
      buildings,
      gridSpacingMeters: GRID_SPACING_METERS,
      timeStepMinutes: TIME_STEP_MINUTES,
    };
    try {
      ensureWorker().postMessage(request);
    } catch (error) {
      fail(map.requestId, `sunlight-hours worker: ${String(error)}`);
    }
  });
  return () => {
    unsubscribe();
    worker?.terminate();
  };
}
