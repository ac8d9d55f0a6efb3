/**
 * Undo and redo for a variant being edited: immutable snapshots. Each edit shares every untouched massing with
 * the snapshot before it, so a long history costs little memory.
 */
import { applyMassingEdit, type EditIssue, type MassingEdit } from './massingEdits';
import type { ScenarioVariant } from './scenarioSchema';

export interface EditHistory {
  /** Earlier states, oldest first. */
  past: readonly ScenarioVariant[];
  present: ScenarioVariant;
  /** Undone states, the next redo first. */
  future: readonly ScenarioVariant[];
  /** How many undo steps are kept. */
  limit: number;
}

/** A fresh history for a variant; up to `limit` steps can be undone (100 by default). */
export function createEditHistory(variant: ScenarioVariant, limit = 100): EditHistory {
  return { past: [], present: variant, future: [], limit };
}

/** Applies an edit and records it; a refused edit leaves the history as it was (the same object) and says why. */
export function recordMassingEdit(
  history: EditHistory,
  edit: MassingEdit,
): { history: EditHistory; issues: EditIssue[] } {
  const result = applyMassingEdit(history.present, edit);
  if (!result.variant) return { history, issues: result.issues };
  const past = [...history.past, history.present];
  return {
    history: {
      past: past.length > history.limit ? past.slice(past.length - history.limit) : past,
      present: result.variant,
      future: [],
      limit: history.limit,
    },
    issues: [],
  };
}

export function canUndo(history: EditHistory): boolean {
  return history.past.length > 0;
}

export function canRedo(history: EditHistory): boolean {
  return history.future.length > 0;
}

/** Steps back one edit; the same history when there is nothing to undo. */
export function undoMassingEdit(history: EditHistory): EditHistory {
  const previous = history.past[history.past.length - 1];
  if (!previous) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    limit: history.limit,
  };
}

/** Steps forward one undone edit; the same history when there is nothing to redo. */
export function redoMassingEdit(history: EditHistory): EditHistory {
  const next = history.future[0];
  if (!next) return history;
  return {
    past: [...history.past, history.present],
    present: next,
    future: history.future.slice(1),
    limit: history.limit,
  };
}

/**
 * Replaces the whole variant as one undoable step (e.g. an imported GeoJSON); the same history when the
 * variant is the present one already.
 */
export function recordVariantReplacement(history: EditHistory, variant: ScenarioVariant): EditHistory {
  if (variant === history.present) return history;
  const past = [...history.past, history.present];
  return {
    past: past.length > history.limit ? past.slice(past.length - history.limit) : past,
    present: variant,
    future: [],
    limit: history.limit,
  };
}
