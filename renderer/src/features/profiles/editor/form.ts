/**
 * What the parts of the profile editor share: the form's value type (the profile, validated by
 * `profileSchema` through react-hook-form), typed paths into it, the hooks that bind one value or
 * one list of the profile, and the two contexts (read-only, the regulation's articles).
 */
import { createContext, useCallback, useContext } from 'react';
import {
  get,
  useController,
  useFieldArray,
  useFormContext,
  useFormState,
  useWatch,
  type FieldArray,
  type FieldArrayPath,
  type FieldErrors,
  type FieldPath,
  type FieldPathByValue,
  type PathValue,
} from 'react-hook-form';
import type { Profile, RegulationSections } from '../../../../../shared/profiles';

/** A path of the profile whose value has type V: `PathTo<string>` is "instansi.name", … */
export type PathTo<V> = FieldPathByValue<Profile, V>;

/**
 * A path below a path held in a variable ("mapping.3" + "argument"). TypeScript cannot check a
 * path built at run time, so this is the one place that says what it holds.
 */
export const at = <V>(base: string, ...keys: (string | number)[]): PathTo<V> =>
  [base, ...keys].join('.') as PathTo<V>;

/** One value of the profile with its schema message (after a save was attempted). */
export function useProfileValue<V>(name: PathTo<V>): {
  value: V;
  onChange: (value: V) => void;
  /** The message about this value itself. */
  error: string | undefined;
  /** For a list of texts or numbers: the message about it or else about one of its items. */
  itemError: string | undefined;
  ref: (element: HTMLElement | null) => void;
} {
  const { field, fieldState } = useController<Profile, PathTo<V>>({ name });
  return {
    // useController types the value by the path's union; PathTo<V> says it is V.
    value: field.value as V,
    onChange: field.onChange,
    error: fieldState.error?.message,
    itemError: firstMessage(fieldState.error),
    ref: field.ref,
  };
}

/** The first message in an error or below it (the items of a list of texts). */
function firstMessage(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const own = (error as { message?: unknown }).message;
  if (typeof own === 'string') return own;
  for (const [key, item] of Object.entries(error)) {
    // A FieldError's `ref` is the input element, not an error below it.
    if (key === 'ref') continue;
    const found = firstMessage(item);
    if (found) return found;
  }
  return undefined;
}

/**
 * A part of the profile that holds other inputs (an optional citation, a stated fact): watched
 * and replaced whole, not registered as a field of its own.
 */
export function useProfilePart<V>(name: PathTo<V>): [V, (value: V) => void] {
  const { setValue } = useFormContext<Profile>();
  // useWatch types the value by the path's union; PathTo<V> says it is V.
  const value = useWatch<Profile, PathTo<V>>({ name }) as V;
  const set = useCallback(
    (next: V) => setValue(name, next as PathValue<Profile, PathTo<V>>, { shouldDirty: true }),
    [name, setValue],
  );
  return [value, set];
}

/** An item of one of the profile's lists (teams, citations, rules, mapping entries, …). */
export type ListItem = FieldArray<Profile, FieldArrayPath<Profile>>;

/** A list of the profile as react-hook-form's field array: keys for its rows and its edits. */
export function useProfileList<V extends ListItem>(name: PathTo<V[]>) {
  // PathTo<V[]> names an array of objects: a field array path.
  const list = useFieldArray<Profile>({ name: name as FieldArrayPath<Profile> });
  return {
    keys: list.fields.map((f) => f.id),
    append: (value: V) => list.append(value),
    remove: list.remove,
    /** Replaces the row (a new key: its inputs start over). */
    replace: (index: number, value: V) => list.update(index, value),
  };
}

/**
 * The schema's message about a list or an object as a whole ("Sebutkan paling sedikit satu
 * pasal", a level range in the wrong order): the resolver files a list's under `root` once the
 * list has rows, on the list itself before.
 */
export function partError(errors: FieldErrors<Profile>, name: string): string | undefined {
  const error: unknown = get(errors, name);
  if (typeof error !== 'object' || error === null) return undefined;
  const root: unknown = (error as { root?: unknown }).root;
  const message = (x: unknown) =>
    typeof x === 'object' && x !== null && typeof (x as { message?: unknown }).message === 'string'
      ? (x as { message: string }).message
      : undefined;
  return message(root) ?? message(error);
}

/** The message about a list or an object as a whole, re-rendering only when it changes. */
export function usePartError(name: string): string | undefined {
  const { errors } = useFormState<Profile>({ name: name as FieldPath<Profile> });
  return partError(errors, name);
}

/** The regulation being edited, split into articles, for checking quotes as they are typed. */
export const SectionsContext = createContext<RegulationSections | null>(null);

/** Whether the editor is read-only (a built-in profile). */
export const ReadOnlyContext = createContext(false);
export const useReadOnly = (): boolean => useContext(ReadOnlyContext);
