import { useId, type KeyboardEvent } from 'react';

interface EditNumberFieldProps {
  label: string;
  /** The current value; the field shows it again after every change from elsewhere (undo, drag). */
  value: number;
  min: number;
  max: number;
  step: number;
  /** Called with a valid, changed value on Enter or when the field loses focus. */
  onCommit(value: number): void;
  /** Extra description read with the field, e.g. the unit or the allowed range. */
  hint?: string;
}

/** A number input for the editor that commits on Enter or blur, so typing "12" is one edit, not two. */
export function EditNumberField({ label, value, min, max, step, onCommit, hint }: EditNumberFieldProps) {
  const id = useId();
  const shown = Number(value.toFixed(2));
  const commit = (input: HTMLInputElement) => {
    const next = Number(input.value);
    if (input.value.trim() === '' || !Number.isFinite(next) || next < min || next > max) {
      input.value = String(shown);
      return;
    }
    if (next !== shown) onCommit(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(event.currentTarget);
    }
  };
  return (
    <div className="field edit-field">
      <label htmlFor={id}>{label}</label>
      <input
        // A new key shows the new value when it changes from elsewhere (an uncontrolled input keeps the draft).
        key={shown}
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        defaultValue={shown}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onBlur={(event) => commit(event.currentTarget)}
        onKeyDown={onKeyDown}
      />
      {hint && (
        <span id={`${id}-hint`} className="note">
          {hint}
        </span>
      )}
    </div>
  );
}
