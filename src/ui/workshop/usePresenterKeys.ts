import { useEffect } from 'react';

/** Keys of keyboards and presentation clickers (which send Page Up/Down) that move between steps. */
const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

/** Whether a key press belongs to a text field (typing a comment must not change the step). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** While `active`, arrows, Page Up/Down and space move between steps and Esc leaves; returns nothing, cleans up itself. */
export function usePresenterKeys(
  active: boolean,
  handlers: { next(): void; previous(): void; leave(): void },
): void {
  const { next, previous, leave } = handlers;
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (NEXT_KEYS.has(event.key)) next();
      else if (PREVIOUS_KEYS.has(event.key)) previous();
      else if (event.key === 'Escape') leave();
      else return;
      event.preventDefault();
    };
    // A focused button would also take the space bar as a click on key-up: the step moves once, not twice.
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ' && !isTyping(event.target)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('keyup', onKeyUp);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('keyup', onKeyUp);
    };
  }, [active, next, previous, leave]);
}
