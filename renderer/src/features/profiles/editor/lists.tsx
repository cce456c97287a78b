/** What the profile editor's lists share: the list's own message, a row's remove button, new ids. */
import { useReadOnly } from './form';

/** The schema's message about a list as a whole ("Id tim "tim-1" ganda"). */
export function ListError({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error}
    </p>
  );
}

/** "Hapus tim 2", hidden in a read-only profile. */
export function RemoveButton({ label, onRemove }: { label: string; onRemove: () => void }) {
  const readOnly = useReadOnly();
  if (readOnly) return null;
  return (
    <button type="button" className="secondary" onClick={onRemove}>
      Hapus {label}
    </button>
  );
}

/** An id for a new item of a list: "tim-2", unique in the list. */
export function nextId(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n += 1) {
    const id = `${prefix}-${n}`;
    if (!taken.includes(id)) return id;
  }
}
