import type { ScenarioDocument, ScenarioVariant } from '../domain/scenarios/scenarioSchema';
import type { ViewState } from '../domain/view/viewState';
import {
  createScenarioChangeGuardActions,
  INITIAL_SCENARIO_CHANGE_GUARD_STATE,
  type ScenarioChange,
  type ScenarioChangeGuardActions,
  type ScenarioChangeGuardState,
} from './scenarioChangeGuard';
import {
  activeEdit,
  createScenarioEditActions,
  INITIAL_SCENARIO_EDIT_STATE,
  type ScenarioEditActions,
  type ScenarioEditState,
} from './scenarioEditing';

/** The planning quarters the server offers, and which variant each one last showed (for the combined figures). */
export interface ScenarioState extends ScenarioEditState, ScenarioChangeGuardState {
  scenarios: readonly ScenarioDocument[];
  /** Per quarter, the variant chosen last; the open quarter's is `view.variantId`. */
  chosenVariants: Readonly<Record<string, string>>;
  /** Per quarter, the ids of its variants saved on the server (merged into `scenarios` after the document's own). */
  savedVariantIds: Readonly<Record<string, readonly string[]>>;
}

export interface ScenarioActions extends ScenarioEditActions, ScenarioChangeGuardActions {
  setScenarios(scenarios: readonly ScenarioDocument[]): void;
  /** Opens a quarter with a variant (default: the one chosen last, else its first); undefined closes it. */
  openScenario(scenarioId: string | undefined, variantId?: string): void;
  /** Adds variants saved on the server to a quarter (ids it has already are skipped) and marks them as saved. */
  addSavedVariants(scenarioId: string, variants: readonly ScenarioVariant[]): void;
  /** After a save: adds the new variant, opens it and ends editing. */
  finishEditingAsSaved(scenarioId: string, variant: ScenarioVariant): void;
  /** After a rename on the server: the saved variant with its new title replaces the old one. */
  renameSavedVariant(scenarioId: string, variant: ScenarioVariant): void;
  /** After a delete on the server: the saved variant leaves the quarter; when it was open, the first one opens. */
  removeSavedVariant(scenarioId: string, variantId: string): void;
}

type SliceState = ScenarioState & { view: ViewState };
type SetState = (partial: (state: SliceState) => Partial<SliceState>) => void;

export const INITIAL_SCENARIO_STATE: ScenarioState = {
  scenarios: [],
  chosenVariants: {},
  savedVariantIds: {},
  ...INITIAL_SCENARIO_EDIT_STATE,
  ...INITIAL_SCENARIO_CHANGE_GUARD_STATE,
};

function withSavedVariants(
  state: SliceState,
  scenarioId: string,
  variants: readonly ScenarioVariant[],
): Partial<SliceState> {
  const scenario = state.scenarios.find((entry) => entry.id === scenarioId);
  if (!scenario) return {};
  const known = new Set(scenario.variants.map((variant) => variant.id));
  const added = variants.filter((variant) => !known.has(variant.id));
  if (added.length === 0) return {};
  return {
    scenarios: state.scenarios.map((entry) =>
      entry === scenario ? { ...scenario, variants: [...scenario.variants, ...added] } : entry,
    ),
    savedVariantIds: {
      ...state.savedVariantIds,
      [scenarioId]: [...(state.savedVariantIds[scenarioId] ?? []), ...added.map((variant) => variant.id)],
    },
  };
}

function opened(state: SliceState, scenarioId: string | undefined, variantId?: string): Partial<SliceState> {
  // Any change of quarter or variant answers a pending question (e.g. a storyboard step while the dialog is open).
  if (scenarioId === undefined)
    return {
      view: { ...state.view, scenarioId: undefined, variantId: undefined },
      scenarioEdit: undefined,
      pendingScenarioChange: undefined,
    };
  const scenario = state.scenarios.find((entry) => entry.id === scenarioId);
  const known = (id: string | undefined) => scenario?.variants.some((variant) => variant.id === id);
  const chosen = [variantId, state.chosenVariants[scenarioId]].find(known) ?? scenario?.variants[0]?.id;
  const view = { ...state.view, scenarioId, variantId: chosen };
  return {
    view,
    chosenVariants: chosen ? { ...state.chosenVariants, [scenarioId]: chosen } : state.chosenVariants,
    // Another variant or quarter ends the edit (the panel asks first when it has unsaved changes).
    scenarioEdit: activeEdit({ view, scenarioEdit: state.scenarioEdit }),
    pendingScenarioChange: undefined,
  };
}

/** What a guarded change does when it goes through (see scenarioChangeGuard). */
function changed(state: SliceState, change: ScenarioChange): Partial<SliceState> {
  if (change.kind === 'stopEditing') return { scenarioEdit: undefined };
  return change.kind === 'close'
    ? opened(state, undefined)
    : opened(state, change.scenarioId, change.variantId);
}

function withoutSavedVariant(state: SliceState, scenarioId: string, variantId: string): Partial<SliceState> {
  const scenario = state.scenarios.find((entry) => entry.id === scenarioId);
  if (!scenario || !state.savedVariantIds[scenarioId]?.includes(variantId)) return {};
  const rest = { ...scenario, variants: scenario.variants.filter((variant) => variant.id !== variantId) };
  const chosenVariants = { ...state.chosenVariants };
  if (chosenVariants[scenarioId] === variantId) delete chosenVariants[scenarioId];
  const next: SliceState = {
    ...state,
    scenarios: state.scenarios.map((entry) => (entry === scenario ? rest : entry)),
    savedVariantIds: {
      ...state.savedVariantIds,
      [scenarioId]: state.savedVariantIds[scenarioId].filter((id) => id !== variantId),
    },
    chosenVariants,
  };
  const wasOpen = state.view.scenarioId === scenarioId && state.view.variantId === variantId;
  const editOfIt =
    state.scenarioEdit?.scenarioId === scenarioId && state.scenarioEdit.baseVariantId === variantId;
  return {
    scenarios: next.scenarios,
    savedVariantIds: next.savedVariantIds,
    chosenVariants,
    ...(wasOpen ? opened(next, scenarioId) : {}),
    ...(editOfIt ? { scenarioEdit: undefined } : {}),
  };
}

export function createScenarioActions(set: SetState): ScenarioActions {
  return {
    ...createScenarioEditActions(set),
    ...createScenarioChangeGuardActions(set, changed),
    setScenarios(scenarios) {
      set(() => ({
        scenarios: [...scenarios],
        savedVariantIds: {},
        scenarioEdit: undefined,
        pendingScenarioChange: undefined,
      }));
    },
    openScenario(scenarioId, variantId) {
      set((state) => opened(state, scenarioId, variantId));
    },
    addSavedVariants(scenarioId, variants) {
      set((state) => withSavedVariants(state, scenarioId, variants));
    },
    finishEditingAsSaved(scenarioId, variant) {
      set((state) => {
        const merged = { ...state, ...withSavedVariants(state, scenarioId, [variant]) };
        return { ...merged, ...opened(merged, scenarioId, variant.id), scenarioEdit: undefined };
      });
    },
    renameSavedVariant(scenarioId, variant) {
      set((state) => {
        if (!state.savedVariantIds[scenarioId]?.includes(variant.id)) return {};
        return {
          scenarios: state.scenarios.map((entry) =>
            entry.id === scenarioId
              ? {
                  ...entry,
                  variants: entry.variants.map((candidate) =>
                    candidate.id === variant.id ? variant : candidate,
                  ),
                }
              : entry,
          ),
        };
      });
    },
    removeSavedVariant(scenarioId, variantId) {
      set((state) => withoutSavedVariant(state, scenarioId, variantId));
    },
  };
}
