/**
 * Guarding unsaved workshop edits (part of the scenario slice): switching the variant or the quarter, closing the
 * quarter or stopping editing would drop the edits, so while there are unsaved ones such a change is held as a
 * question (`pendingScenarioChange`) until the user discards the edits or cancels; the panel shows the question as a
 * dialog. Changes that keep the edit (choosing the variant already open) go through at once.
 */
import type { ViewState } from '../domain/view/viewState';
import { activeEdit, hasUnsavedEdits, type ScenarioEdit } from './scenarioEditing';

/** A change that would end the edit under way. */
export type ScenarioChange =
  { kind: 'open'; scenarioId: string; variantId?: string } | { kind: 'close' } | { kind: 'stopEditing' };

export interface ScenarioChangeGuardState {
  /** A change waiting for the answer to "discard unsaved edits?"; undefined when nothing is asked. */
  pendingScenarioChange: ScenarioChange | undefined;
}

export interface ScenarioChangeGuardActions {
  /**
   * Opens a quarter and variant, closes the quarter (`undefined`) or, with `stopEditing`, ends editing; when that
   * would drop unsaved edits it is held as a question instead. Returns whether the change was made now.
   */
  requestScenarioChange(change: ScenarioChange): boolean;
  /** Makes the pending change, dropping the unsaved edits. */
  discardEditsAndContinue(): void;
  /** Forgets the pending change; the edits stay as they are. */
  cancelScenarioChange(): void;
}

type State = ScenarioChangeGuardState & { view: ViewState; scenarioEdit: ScenarioEdit | undefined };
type SetState<S> = (partial: (state: S) => Partial<S>) => void;

export const INITIAL_SCENARIO_CHANGE_GUARD_STATE: ScenarioChangeGuardState = {
  pendingScenarioChange: undefined,
};

/**
 * The guard's actions over the slice's own way of making a change (`applyChange` returns the new state's parts, as
 * `openScenario` and `stopEditing` would).
 */
export function createScenarioChangeGuardActions<S extends State>(
  set: SetState<S>,
  applyChange: (state: S, change: ScenarioChange) => Partial<S>,
): ScenarioChangeGuardActions {
  return {
    requestScenarioChange(change) {
      let made = false;
      set((state) => {
        const next = applyChange(state, change);
        const view = next.view ?? state.view;
        const scenarioEdit = 'scenarioEdit' in next ? next.scenarioEdit : state.scenarioEdit;
        const endsEdit = activeEdit(state) !== undefined && activeEdit({ view, scenarioEdit }) === undefined;
        if (endsEdit && hasUnsavedEdits(state)) return { pendingScenarioChange: change } as Partial<S>;
        made = true;
        return { ...next, pendingScenarioChange: undefined };
      });
      return made;
    },
    discardEditsAndContinue() {
      set((state) => {
        const change = state.pendingScenarioChange;
        if (!change) return {};
        return { ...applyChange(state, change), scenarioEdit: undefined, pendingScenarioChange: undefined };
      });
    },
    cancelScenarioChange() {
      set(() => ({ pendingScenarioChange: undefined }) as Partial<S>);
    },
  };
}
