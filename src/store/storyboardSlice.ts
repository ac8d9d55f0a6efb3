import { normalizeSunTime } from '../domain/scenarios/sunTime';
import { resolveStoryboardStep, type StoryboardCatalogue } from '../domain/storyboards/storyboardReferences';
import type { StoryboardDocument } from '../domain/storyboards/storyboardSchema';
import type { ValidationIssue } from '../domain/validation/issues';
import type { CameraPose } from '../domain/view/cameraPose';
import type { ScenarioDocument } from '../domain/scenarios/scenarioSchema';
import {
  isOverlayLayerId,
  normalizeLayerIds,
  OVERLAY_LAYER_IDS,
  type ViewState,
} from '../domain/view/viewState';

/** Seconds of the camera flight from one step to the next: long enough for a room to follow where it goes. */
export const STEP_FLIGHT_SECONDS = 2.5;

/** A loaded storyboard and the file it came from (issues name it). */
export interface StoryboardEntry {
  file: string;
  storyboard: StoryboardDocument;
}

/** The storyboards loaded, whether the presenter mode (full screen, large controls) is on, the step's problems. */
export interface StoryboardState {
  storyboards: readonly StoryboardEntry[];
  presenting: boolean;
  /** What the current step refers to but this installation lacks (the rest of the step plays). */
  storyboardStepIssues: readonly ValidationIssue[];
}

export interface StoryboardActions {
  setStoryboards(entries: readonly StoryboardEntry[]): void;
  /** Shows a step: flies there and applies its layers, quarter, variant and sun time; the step goes into the link. */
  showStoryboardStep(storyboardId: string, stepIndex: number, flightSeconds?: number): void;
  nextStoryboardStep(): void;
  previousStoryboardStep(): void;
  /** Leaves the storyboard (and the presenter mode); the view stays where it is. */
  closeStoryboard(): void;
  setPresenting(presenting: boolean): void;
}

export const INITIAL_STORYBOARD_STATE: StoryboardState = {
  storyboards: [],
  presenting: false,
  storyboardStepIssues: [],
};

/** The parts of the whole store this slice reads and calls (declared here: importing the store would be a cycle). */
type Slice = StoryboardState & {
  view: ViewState;
  scenarios: readonly ScenarioDocument[];
  issues: ValidationIssue[];
  selectedBuildingProperties: Record<string, string | number> | undefined;
  openScenario(scenarioId: string | undefined, variantId?: string): void;
  addIssues(issues: readonly ValidationIssue[]): void;
  requestCamera(pose: CameraPose, flightSeconds?: number): void;
};
type SetState = (partial: Partial<Slice> | ((state: Slice) => Partial<Slice>)) => void;
type GetState = () => Slice;

/** The quarters (with their variants) and layers a storyboard step may refer to. */
export function storyboardCatalogue(state: { scenarios: readonly ScenarioDocument[] }): StoryboardCatalogue {
  return {
    scenarios: state.scenarios.map((scenario) => ({
      id: scenario.id,
      variantIds: scenario.variants.map((variant) => variant.id),
    })),
    layerIds: OVERLAY_LAYER_IDS,
  };
}

export function createStoryboardActions(set: SetState, get: GetState): StoryboardActions {
  const show = (storyboardId: string, stepIndex: number, flightSeconds: number) => {
    const entry = get().storyboards.find((candidate) => candidate.storyboard.id === storyboardId);
    if (!entry) {
      // Not loaded yet (a deep link): remembered, and shown once the storyboards arrive.
      set((state) => ({ view: { ...state.view, storyboardId, storyboardStepIndex: stepIndex } }));
      return;
    }
    const lastIndex = entry.storyboard.steps.length - 1;
    const index = Math.min(Math.max(0, Math.trunc(stepIndex)), lastIndex);
    const played = resolveStoryboardStep(entry.storyboard, index, storyboardCatalogue(get()), entry.file);
    if (!played) return;
    const { step } = played;
    get().openScenario(played.scenario?.id, played.scenario?.variantId);
    set((state) => ({
      view: {
        ...state.view,
        storyboardId,
        storyboardStepIndex: index,
        visibleLayerIds: normalizeLayerIds(played.layerIds.filter(isOverlayLayerId)),
        sunTime: normalizeSunTime(step.sunTime),
        compareVariantId: undefined,
        selectedBuildingId: step.highlight?.buildingIds?.[0],
        selectedSensorId: step.highlight?.sensorIds?.[0],
      },
      selectedBuildingProperties: undefined,
      storyboardStepIssues: played.issues,
    }));
    const known = new Set(get().issues.map((issue) => `${issue.file} ${issue.path}`));
    get().addIssues(played.issues.filter((issue) => !known.has(`${issue.file} ${issue.path}`)));
    get().requestCamera(step.camera, flightSeconds);
  };
  const current = () => {
    const { storyboardId, storyboardStepIndex } = get().view;
    return storyboardId === undefined ? undefined : { storyboardId, index: storyboardStepIndex ?? 0 };
  };
  return {
    setStoryboards(storyboards) {
      set({ storyboards: [...storyboards] });
      const shown = current();
      // A link named a storyboard step before the documents arrived: the camera jumps there.
      if (shown) show(shown.storyboardId, shown.index, 0);
    },
    showStoryboardStep(storyboardId, stepIndex, flightSeconds = STEP_FLIGHT_SECONDS) {
      show(storyboardId, stepIndex, flightSeconds);
    },
    nextStoryboardStep() {
      const shown = current();
      if (shown) show(shown.storyboardId, shown.index + 1, STEP_FLIGHT_SECONDS);
    },
    previousStoryboardStep() {
      const shown = current();
      if (shown) show(shown.storyboardId, shown.index - 1, STEP_FLIGHT_SECONDS);
    },
    closeStoryboard() {
      set((state) => ({
        view: { ...state.view, storyboardId: undefined, storyboardStepIndex: undefined },
        presenting: false,
        storyboardStepIssues: [],
      }));
    },
    setPresenting(presenting) {
      set({ presenting });
    },
  };
}
