import { useId, useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number;
  step: number;
  min?: number;
  max?: number;
  unit?: string;
  /** Whether the last value typed here was refused (the reason is shown by the editor). */
  invalid?: boolean;
  onCommit(value: number): void;
}

/**
 * A labelled number input that hands every readable value on at once (arrow keys step it), while what is being
 * typed stays as typed even when the store refuses it.
 */
export function NumberField({ label, value, step, min, max, unit, invalid, onCommit }: NumberFieldProps) {
  const id = useId();
  // What was typed, for the value it was typed over; once the value changes elsewhere, the value shows.
  const [typed, setTyped] = useState({ text: String(value), over: value });
  const text = typed.over === value || Number(typed.text) === value ? typed.text : String(value);
  return (
    <div className="number-field">
      <label htmlFor={id}>
        {label}
        {unit && <span className="note"> ({unit})</span>}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step={step}
        min={min}
        max={max}
        value={text}
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          setTyped({ text: event.target.value, over: value });
          const number = event.target.valueAsNumber;
          if (Number.isFinite(number)) onCommit(number);
        }}
      />
    </div>
  );
}
