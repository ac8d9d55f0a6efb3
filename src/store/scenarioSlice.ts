import type { ScenarioDocument, ScenarioVariant } from '../domain/scenarios/scenarioSchema';
import type { ViewState } from '../domain/view/viewState';
import {
  activeEdit,
  createScenarioEditActions,
  INITIAL_SCENARIO_EDIT_STATE,
  type ScenarioEditActions,
  type ScenarioEditState,
} from './scenarioEditing';

/** The planning quarters the server offers, and which variant each one last showed (for the combined figures). */
export interface ScenarioState extends ScenarioEditState {
  scenarios: readonly ScenarioDocument[];
  /** Per quarter, the variant chosen last; the open quarter's is `view.variantId`. */
  chosenVariants: Readonly<Record<string, string>>;
  /** Per quarter, the ids of its variants saved on the server (merged into `scenarios` after the document's own). */
  savedVariantIds: Readonly<Record<string, readonly string[]>>;
}

export interface ScenarioActions extends ScenarioEditActions {
  setScenarios(scenarios: readonly ScenarioDocument[]): void;
  /** Opens a quarter with a variant (default: the one chosen last, else its first); undefined closes it. */
  openScenario(scenarioId: string | undefined, variantId?: string): void;
  /** Adds variants saved on the server to a quarter (ids it has already are skipped) and marks them as saved. */
  addSavedVariants(scenarioId: string, variants: readonly ScenarioVariant[]): void;
  /** After a save: adds the new variant, opens it and ends editing. */
  finishEditingAsSaved(scenarioId: string, variant: ScenarioVariant): void;
}

type SliceState = ScenarioState & { view: ViewState };
type SetState = (partial: (state: SliceState) => Partial<SliceState>) => void;

export const INITIAL_SCENARIO_STATE: ScenarioState = {
  scenarios: [],
  chosenVariants: {},
  savedVariantIds: {},
  ...INITIAL_SCENARIO_EDIT_STATE,
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
  if (scenarioId === undefined)
    return { view: { ...state.view, scenarioId: undefined, variantId: undefined }, scenarioEdit: undefined };
  const scenario = state.scenarios.find((entry) => entry.id === scenarioId);
  const known = (id: string | undefined) => scenario?.variants.some((variant) => variant.id === id);
  const chosen = [variantId, state.chosenVariants[scenarioId]].find(known) ?? scenario?.variants[0]?.id;
  const view = { ...state.view, scenarioId, variantId: chosen };
  return {
    view,
    chosenVariants: chosen ? { ...state.chosenVariants, [scenarioId]: chosen } : state.chosenVariants,
    // Another variant or quarter ends the edit (the panel asks first when it has unsaved changes).
    scenarioEdit: activeEdit({ view, scenarioEdit: state.scenarioEdit }),
  };
}

export function createScenarioActions(set: SetState): ScenarioActions {
  return {
    ...createScenarioEditActions(set),
    setScenarios(scenarios) {
      set(() => ({ scenarios: [...scenarios], savedVariantIds: {}, scenarioEdit: undefined }));
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
  };
}
