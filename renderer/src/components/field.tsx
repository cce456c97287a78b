/** A labelled form field with its hint and error, wired for assistive technology. */
import { cloneElement, useId, type ReactElement, type ReactNode } from 'react';
import { capitalized } from '../../../shared/format/text';

/**
 * An error beside a field is a sentence of its own. Shared checks word theirs to follow a field's
 * name ("Awal periode: tahun pada tanggal harus …" in a file's refusal), so the first letter is
 * raised here.
 */
const sentence = capitalized;

export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactElement<{ id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }>;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
      })}
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <span className="error" id={errorId} role="alert">
          {sentence(error)}
        </span>
      )}
    </div>
  );
}
