import { useEffect } from 'react';
import type { TwinStore } from '../../store/createTwinStore';

/** Fields where the keys keep their usual meaning (undo in a text field, arrows in a list). */
function isFormField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

const ARROWS: Record<string, [east: number, north: number]> = {
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};

/**
 * While editing: Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo (⌘ on a Mac), and the arrow keys move the selected
 * massing by 1 m (10 m with Shift), except where a form field needs those keys itself.
 */
export function useEditShortcuts(store: TwinStore, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isFormField(event.target) || event.altKey) return;
      const key = event.key.toLowerCase();
      const state = store.getState();
      if (event.ctrlKey || event.metaKey) {
        if (key === 'z' && !event.shiftKey) state.undoEdit();
        else if (key === 'y' || (key === 'z' && event.shiftKey)) state.redoEdit();
        else return;
        event.preventDefault();
        return;
      }
      const arrow = ARROWS[event.key];
      const massingId = state.scenarioEdit?.selectedMassingId;
      if (!arrow || !massingId) return;
      const meters = event.shiftKey ? 10 : 1;
      state.editMassing({
        kind: 'moveMassing',
        massingId,
        eastMeters: arrow[0] * meters,
        northMeters: arrow[1] * meters,
      });
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store, active]);
}
