/**
 * Editing the open variant in a workshop (part of the scenario slice): the edit history, the selected massing,
 * a drag in progress and the issues of the last refused edit. All plain data; the viewer and the panels render
 * `shownVariant(state)`, so the massings and the key figures follow every edit at once.
 */
import {
  canUndo,
  createEditHistory,
  recordMassingEdit,
  recordVariantReplacement,
  redoMassingEdit,
  undoMassingEdit,
  type EditHistory,
} from '../domain/scenarios/editHistory';
import { placeForNewMassing } from '../domain/scenarios/massingMeasures';
import {
  applyMassingEdit,
  createRectangularMassing,
  nextFreeElementId,
  type EditIssue,
  type MassingEdit,
} from '../domain/scenarios/massingEdits';
import type { ScenarioDocument, ScenarioVariant } from '../domain/scenarios/scenarioSchema';
import type { ViewState } from '../domain/view/viewState';

/** The variant being edited: which one it started from, its history, and what is selected. */
export interface ScenarioEdit {
  scenarioId: string;
  /** The variant the edits started from (the open one, `view.variantId`). */
  baseVariantId: string;
  history: EditHistory;
  selectedMassingId: string | undefined;
  /** Why the last edit was refused (each names the JSON path in the variant); empty after a successful one. */
  issues: readonly EditIssue[];
  /** While a massing is dragged on the model: the variant before the drag; the drag ends as one undo step. */
  dragStart: { massingId: string; variant: ScenarioVariant } | undefined;
}

export interface ScenarioEditState {
  scenarioEdit: ScenarioEdit | undefined;
}

export interface ScenarioEditActions {
  /** Starts editing the open variant (a no-op when nothing is open or editing is under way). */
  startEditing(): void;
  /** Ends editing; unsaved edits are dropped (the panel asks first). */
  stopEditing(): void;
  selectMassing(massingId: string | undefined): void;
  /** Applies and records an edit; returns the issues when it was refused (the variant is then unchanged). */
  editMassing(edit: MassingEdit): readonly EditIssue[];
  /** Adds a default box (housing, 4 storeys) at the centre of the view inside the site, selected to move it. */
  addMassingInView(): readonly EditIssue[];
  undoEdit(): void;
  redoEdit(): void;
  /** Starts dragging a massing on the model (selects it). */
  beginMassingDrag(massingId: string): void;
  /** Moves the dragged massing to this offset from where the drag began (a live preview, not yet recorded). */
  dragMassing(eastMeters: number, northMeters: number): void;
  /** Ends the drag as one recorded move (nothing when it did not move). */
  endMassingDrag(): void;
  /** Replaces the edited variant by an imported one as one undoable step; starts editing if needed. */
  replaceEditedVariant(variant: ScenarioVariant): void;
}

type State = ScenarioEditState & { view: ViewState; scenarios: readonly ScenarioDocument[] };
type SetState = (partial: (state: State) => Partial<State>) => void;

export const INITIAL_SCENARIO_EDIT_STATE: ScenarioEditState = { scenarioEdit: undefined };

/** The open quarter's document, if any. */
export function openScenarioDocument(state: Pick<State, 'view' | 'scenarios'>): ScenarioDocument | undefined {
  return state.scenarios.find((entry) => entry.id === state.view.scenarioId);
}

/** The edit under way for the open variant; undefined when the open variant is not being edited. */
export function activeEdit(state: Pick<State, 'view' | 'scenarioEdit'>): ScenarioEdit | undefined {
  const edit = state.scenarioEdit;
  return edit && edit.scenarioId === state.view.scenarioId && edit.baseVariantId === state.view.variantId
    ? edit
    : undefined;
}

/** What the model and the key figures show: the edited variant while editing, else the open variant. */
export function shownVariant(
  state: Pick<State, 'view' | 'scenarios' | 'scenarioEdit'>,
): ScenarioVariant | undefined {
  const edit = activeEdit(state);
  if (edit) return edit.history.present;
  return openScenarioDocument(state)?.variants.find((variant) => variant.id === state.view.variantId);
}

/** Whether the edit has changes that are not saved (something to undo). */
export function hasUnsavedEdits(state: Pick<State, 'view' | 'scenarioEdit'>): boolean {
  const edit = activeEdit(state);
  return edit !== undefined && canUndo(edit.history);
}

function newEdit(state: State): ScenarioEdit | undefined {
  const scenario = openScenarioDocument(state);
  const variant = scenario?.variants.find((entry) => entry.id === state.view.variantId);
  if (!scenario || !variant) return undefined;
  return {
    scenarioId: scenario.id,
    baseVariantId: variant.id,
    history: createEditHistory(variant),
    selectedMassingId: undefined,
    issues: [],
    dragStart: undefined,
  };
}

export function createScenarioEditActions(set: SetState): ScenarioEditActions {
  /** Changes the active edit; states without one are left as they are. */
  const update = (change: (edit: ScenarioEdit, state: State) => Partial<ScenarioEdit> | undefined) =>
    set((state) => {
      const edit = activeEdit(state);
      const changes = edit && change(edit, state);
      return edit && changes ? { scenarioEdit: { ...edit, ...changes } } : {};
    });
  const record = (edit: MassingEdit, select?: string): readonly EditIssue[] => {
    let issues: readonly EditIssue[] = [];
    update((current) => {
      const result = recordMassingEdit(current.history, edit);
      issues = result.issues;
      if (result.issues.length > 0) return { issues: result.issues };
      const selected = select ?? current.selectedMassingId;
      const stillThere = result.history.present.massings.some((massing) => massing.id === selected);
      return { history: result.history, issues: [], selectedMassingId: stillThere ? selected : undefined };
    });
    return issues;
  };
  /** After undo or redo the selection stays if its massing still exists. */
  const step = (move: (history: EditHistory) => EditHistory) =>
    update((current) => {
      const history = move(current.history);
      if (history === current.history) return undefined;
      const stillThere = history.present.massings.some((massing) => massing.id === current.selectedMassingId);
      return {
        history,
        issues: [],
        dragStart: undefined,
        selectedMassingId: stillThere ? current.selectedMassingId : undefined,
      };
    });

  return {
    startEditing() {
      set((state) => (activeEdit(state) ? {} : { scenarioEdit: newEdit(state) }));
    },
    stopEditing() {
      set(() => ({ scenarioEdit: undefined }));
    },
    selectMassing(massingId) {
      update(() => ({ selectedMassingId: massingId }));
    },
    editMassing(edit) {
      return record(edit);
    },
    addMassingInView() {
      let issues: readonly EditIssue[] = [];
      set((state) => {
        const edit = activeEdit(state);
        const scenario = openScenarioDocument(state);
        if (!edit || !scenario) return {};
        const massing = createRectangularMassing({
          id: nextFreeElementId(edit.history.present, 'massing'),
          centre: placeForNewMassing(scenario, state.view.camera),
          lengthMeters: 30,
          widthMeters: 12,
        });
        const result = recordMassingEdit(edit.history, { kind: 'addMassing', massing });
        issues = result.issues;
        return {
          scenarioEdit:
            result.issues.length > 0
              ? { ...edit, issues: result.issues }
              : { ...edit, history: result.history, issues: [], selectedMassingId: massing.id },
        };
      });
      return issues;
    },
    undoEdit() {
      step(undoMassingEdit);
    },
    redoEdit() {
      step(redoMassingEdit);
    },
    beginMassingDrag(massingId) {
      update((current) =>
        current.history.present.massings.some((massing) => massing.id === massingId)
          ? { selectedMassingId: massingId, dragStart: { massingId, variant: current.history.present } }
          : undefined,
      );
    },
    dragMassing(eastMeters, northMeters) {
      update((current) => {
        if (!current.dragStart) return undefined;
        const moved = applyMassingEdit(current.dragStart.variant, {
          kind: 'moveMassing',
          massingId: current.dragStart.massingId,
          eastMeters,
          northMeters,
        });
        return moved.variant ? { history: { ...current.history, present: moved.variant } } : undefined;
      });
    },
    endMassingDrag() {
      update((current) => {
        const start = current.dragStart;
        if (!start) return undefined;
        if (current.history.present === start.variant) return { dragStart: undefined };
        // The preview replaced the present; record the whole drag as one step from the state before it.
        const history = recordVariantReplacement(
          { ...current.history, present: start.variant },
          current.history.present,
        );
        return { history, dragStart: undefined, issues: [] };
      });
    },
    replaceEditedVariant(variant) {
      set((state) => {
        const edit = activeEdit(state) ?? newEdit(state);
        if (!edit) return {};
        return {
          scenarioEdit: {
            ...edit,
            history: recordVariantReplacement(edit.history, variant),
            selectedMassingId: undefined,
            issues: [],
            dragStart: undefined,
          },
        };
      });
    },
  };
}
