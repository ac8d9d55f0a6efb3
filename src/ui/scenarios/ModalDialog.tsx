import { useEffect, useRef, type ReactNode } from 'react';
import './scenarioEditor.css';

/**
 * A modal dialog on the native `<dialog>` element: the browser keeps focus inside it, puts focus on its first
 * control and closes it on Escape (then `onCancel`). Named by `labelledBy` and described by `describedBy`.
 */
export function ModalDialog({
  labelledBy,
  describedBy,
  onCancel,
  children,
}: {
  labelledBy: string;
  describedBy?: string;
  onCancel(): void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  // The latest handler, so the dialog opens once per mount however often its owner renders.
  const cancelHandler = useRef(onCancel);
  useEffect(() => {
    cancelHandler.current = onCancel;
  });
  useEffect(() => {
    const element = dialog.current;
    if (!element) return undefined;
    if (!element.open) element.showModal();
    const cancel = (event: Event) => {
      event.preventDefault();
      cancelHandler.current();
    };
    element.addEventListener('cancel', cancel);
    return () => {
      element.removeEventListener('cancel', cancel);
      if (element.open) element.close();
    };
  }, []);
  return (
    <dialog ref={dialog} className="modal-dialog" aria-labelledby={labelledBy} aria-describedby={describedBy}>
      {children}
    </dialog>
  );
}
