/**
 * Comparing two variants and the sun-and-shadow tools of a planning quarter (issue #6). What a link must carry
 * (the compared variant, the sun time) lives in the view; the sunlight-hours map is computed by a Web Worker
 * (src/app/sunlightHoursWorkerClient.ts) and kept here with the request it answers.
 */
import type { CalendarDay } from '../domain/scenarios/muensterTime';
import type { ScenarioDocument } from '../domain/scenarios/scenarioSchema';
import type {
  SunlightHoursFailureCode,
  SunlightHoursJobResponse,
  SunlightHoursMap,
} from '../domain/scenarios/sunlightHoursJob';
import { formatSunTime } from '../domain/scenarios/sunTime';
import type { ViewState } from '../domain/view/viewState';

/** Which variant a map was asked for, and for which day. */
export interface SunlightMapRequest {
  requestId: number;
  scenarioId: string;
  variantId: string;
  day: CalendarDay;
}

export type SunlightMapState =
  | { status: 'idle'; lastRequestId: number }
  | ({ status: 'computing' } & SunlightMapRequest)
  | ({ status: 'ready'; map: SunlightHoursMap } & SunlightMapRequest)
  | ({ status: 'failed'; code: SunlightHoursFailureCode; message: string } & SunlightMapRequest);

export interface ScenarioAnalysisState {
  sunlightMap: SunlightMapState;
}

export interface ScenarioAnalysisActions {
  /** Shows another variant of the open quarter beside the open one (split view and table of differences). */
  startComparison(variantId: string): void;
  stopComparison(): void;
  /** Sets the sun-and-shadow moment (turning the shadows on); undefined returns to the default daylight. */
  setSunTime(instant: Date | undefined): void;
  /** Asks for the sunlight-hours map of the open variant on a day; the worker client answers. */
  requestSunlightMap(day: CalendarDay): void;
  /** The worker's answer; an answer to an older request than the current one is ignored. */
  reportSunlightMap(response: SunlightHoursJobResponse): void;
  clearSunlightMap(): void;
}

type SliceState = ScenarioAnalysisState & { view: ViewState; scenarios: readonly ScenarioDocument[] };
type SetState = (partial: (state: SliceState) => Partial<SliceState>) => void;

export const INITIAL_SCENARIO_ANALYSIS_STATE: ScenarioAnalysisState = {
  sunlightMap: { status: 'idle', lastRequestId: 0 },
};

/** The compared variant when it is valid: a variant of the open quarter other than the open one. */
export function comparedVariantId(state: Pick<SliceState, 'view' | 'scenarios'>): string | undefined {
  const { scenarioId, variantId, compareVariantId } = state.view;
  if (compareVariantId === undefined || compareVariantId === variantId) return undefined;
  const scenario = state.scenarios.find((entry) => entry.id === scenarioId);
  return scenario?.variants.some((variant) => variant.id === compareVariantId) ? compareVariantId : undefined;
}

/** The map when it belongs to the open quarter and variant (another variant's map is not shown). */
export function currentSunlightMap(state: Pick<SliceState, 'view' | 'sunlightMap'>): SunlightMapState {
  const map = state.sunlightMap;
  if (map.status === 'idle') return map;
  const current = map.scenarioId === state.view.scenarioId && map.variantId === state.view.variantId;
  // A constant, so a selector using this returns the same object while nothing changes (React needs that).
  return current ? map : NOT_CURRENT;
}

const NOT_CURRENT: SunlightMapState = { status: 'idle', lastRequestId: 0 };

function lastRequestId(map: SunlightMapState): number {
  return map.status === 'idle' ? map.lastRequestId : map.requestId;
}

export function createScenarioAnalysisActions(set: SetState): ScenarioAnalysisActions {
  return {
    startComparison(compareVariantId) {
      set((state) => ({ view: { ...state.view, compareVariantId } }));
    },
    stopComparison() {
      set((state) => ({ view: { ...state.view, compareVariantId: undefined } }));
    },
    setSunTime(instant) {
      set((state) => ({
        view: {
          ...state.view,
          sunTime: instant && formatSunTime(instant),
          // Choosing a moment is asking to see its shadows; they can be switched off in the layers panel.
          shadows: instant !== undefined && state.view.sunTime === undefined ? true : state.view.shadows,
        },
      }));
    },
    requestSunlightMap(day) {
      set((state) => {
        const { scenarioId, variantId } = state.view;
        if (scenarioId === undefined || variantId === undefined) return {};
        const requestId = lastRequestId(state.sunlightMap) + 1;
        return { sunlightMap: { status: 'computing', requestId, scenarioId, variantId, day } };
      });
    },
    reportSunlightMap(response) {
      set((state) => {
        const current = state.sunlightMap;
        if (current.status !== 'computing' || current.requestId !== response.requestId) return {};
        const { requestId, scenarioId, variantId, day } = current;
        const request = { requestId, scenarioId, variantId, day };
        return {
          sunlightMap:
            response.kind === 'sunlight-hours-result'
              ? { status: 'ready', ...request, map: response.map }
              : { status: 'failed', ...request, code: response.code, message: response.message },
        };
      });
    },
    clearSunlightMap() {
      set((state) => ({ sunlightMap: { status: 'idle', lastRequestId: lastRequestId(state.sunlightMap) } }));
    },
  };
}
