import type { ScenarioDocument } from '../domain/scenarios/scenarioSchema';
import type { ViewState } from '../domain/view/viewState';

/** The planning quarters the server offers, and which variant each one last showed (for the combined figures). */
export interface ScenarioState {
  scenarios: readonly ScenarioDocument[];
  /** Per quarter, the variant chosen last; the open quarter's is `view.variantId`. */
  chosenVariants: Readonly<Record<string, string>>;
}

export interface ScenarioActions {
  setScenarios(scenarios: readonly ScenarioDocument[]): void;
  /** Opens a quarter with a variant (default: the one chosen last, else its first); undefined closes it. */
  openScenario(scenarioId: string | undefined, variantId?: string): void;
}

type SetState = (
  partial: (state: ScenarioState & { view: ViewState }) => Partial<ScenarioState & { view: ViewState }>,
) => void;

export const INITIAL_SCENARIO_STATE: ScenarioState = { scenarios: [], chosenVariants: {} };

export function createScenarioActions(set: SetState): ScenarioActions {
  return {
    setScenarios(scenarios) {
      set(() => ({ scenarios: [...scenarios] }));
    },
    openScenario(scenarioId, variantId) {
      set((state) => {
        if (scenarioId === undefined)
          return { view: { ...state.view, scenarioId: undefined, variantId: undefined } };
        const scenario = state.scenarios.find((entry) => entry.id === scenarioId);
        const known = (id: string | undefined) => scenario?.variants.some((variant) => variant.id === id);
        const chosen = [variantId, state.chosenVariants[scenarioId]].find(known) ?? scenario?.variants[0]?.id;
        return {
          view: { ...state.view, scenarioId, variantId: chosen },
          chosenVariants: chosen ? { ...state.chosenVariants, [scenarioId]: chosen } : state.chosenVariants,
        };
      });
    },
  };
}
