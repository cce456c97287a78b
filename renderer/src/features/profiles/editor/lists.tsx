/**
 * What the profile editor's lists share: the list's own message, a row's remove button, new ids,
 * and the frame of a list of items with ids (teams, obligations).
 */
import { Fragment, type ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import type { Profile } from '../../../../../shared/profiles';
import { usePartError, useProfileList, useReadOnly, type ListItem, type PathTo } from './form';

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

/**
 * A list of the profile whose items carry ids ("tim-1", "kewajiban-2"): the list's message, a
 * line when it is empty, its rows, and (unless read-only) a button adding a blank item under the
 * next free id.
 */
export function IdList<V extends ListItem & { id: string }>(props: {
  name: PathTo<V[]>;
  idPrefix: string;
  /** "Belum ada tim." */
  empty: string;
  /** "Tambah tim" */
  addLabel: string;
  blank: (id: string) => V;
  row: (index: number, onRemove: () => void) => ReactNode;
}) {
  const readOnly = useReadOnly();
  const list = useProfileList<V>(props.name);
  const error = usePartError(props.name);
  const { getValues } = useFormContext<Profile>();
  const add = (): void => {
    const taken = (getValues(props.name) as V[]).map((item) => item.id);
    list.append(props.blank(nextId(props.idPrefix, taken)));
  };
  return (
    <>
      <ListError error={error} />
      {list.keys.length === 0 && <p className="muted">{props.empty}</p>}
      {list.keys.map((key, i) => (
        <Fragment key={key}>{props.row(i, () => list.remove(i))}</Fragment>
      ))}
      {!readOnly && (
        <button type="button" className="secondary" onClick={add}>
          {props.addLabel}
        </button>
      )}
    </>
  );
}
