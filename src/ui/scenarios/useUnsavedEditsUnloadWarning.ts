import { useEffect } from 'react';
import { hasUnsavedEdits } from '../../store/scenarioEditing';
import { useTwinStore } from '../../store/StoreContext';

/**
 * While the open variant has unsaved workshop edits, the browser asks before the page is left or reloaded
 * (`beforeunload`; browsers show their own wording). Mounted once for the whole app, whatever panel is open.
 */
export function useUnsavedEditsUnloadWarning(): void {
  const unsaved = useTwinStore(hasUnsavedEdits);
  useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
