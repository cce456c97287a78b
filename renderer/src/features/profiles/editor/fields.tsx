/**
 * The profile editor's inputs, each bound to one value of the profile by its path: they
 * translate between what a person types and the profile's types (an empty optional text is
 * null, a list is one item per line, indicator numbers as "29-31") and show the schema's
 * Indonesian message at the field it concerns.
 */
import { useState, type ReactNode } from 'react';
import { Field } from '../../../components/field';
import { useProfileValue, type PathTo } from './form';

interface Labelled {
  label: string;
  hint?: ReactNode;
}

export function TextInput({
  name,
  label,
  hint,
  list,
}: Labelled & { name: PathTo<string>; list?: string }) {
  const { value, onChange, error, ref } = useProfileValue(name);
  return (
    <Field label={label} hint={hint} error={error}>
      <input ref={ref} value={value} onChange={(e) => onChange(e.target.value)} list={list} />
    </Field>
  );
}

/** A text that the profile keeps as null when empty ("not given by the regulation"). */
export function OptionalText({ name, label, hint }: Labelled & { name: PathTo<string | null> }) {
  const { value, onChange, error, ref } = useProfileValue(name);
  return (
    <Field
      label={label}
      hint={hint ?? 'Kosongkan bila peraturan tidak menyebutkannya'}
      error={error}
    >
      <input
        ref={ref}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      />
    </Field>
  );
}

export function TextArea({
  name,
  label,
  hint,
  rows = 3,
}: Labelled & { name: PathTo<string>; rows?: number }) {
  const { value, onChange, error, ref } = useProfileValue(name);
  return (
    <Field label={label} hint={hint} error={error}>
      <textarea ref={ref} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}

export function OptionalDate({ name, label }: { name: PathTo<string | null>; label: string }) {
  const { value, onChange, error, ref } = useProfileValue(name);
  return (
    <Field label={label} hint="Kosongkan bila tidak tertulis dalam teks" error={error}>
      <input
        ref={ref}
        type="date"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
      />
    </Field>
  );
}

export function OptionalYear({ name, label }: { name: PathTo<number | null>; label: string }) {
  const { value, onChange, error, ref } = useProfileValue(name);
  const parse = (t: string): number | null => (t.trim() === '' ? null : Number(t.trim()));
  const [text, setText] = useSynced(value, parse, (v) => (v === null ? '' : String(v)), Object.is);
  return (
    <Field label={label} hint="Kosongkan bila tidak tertulis dalam teks" error={error}>
      <input
        ref={ref}
        inputMode="numeric"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          // Whatever was typed goes on ("20", "abc" → NaN) so the schema can say what is wrong.
          onChange(parse(e.target.value));
        }}
      />
    </Field>
  );
}

/** A choice among fixed values, with their labels. */
export function Select<V extends string | number>({
  name,
  label,
  hint,
  options,
  parse,
}: Labelled & {
  name: PathTo<V>;
  options: readonly (readonly [V, string])[];
  /** The value of an option's text ("3" → 3, or the text itself). */
  parse: (text: string) => V;
}) {
  const { value, onChange, error, ref } = useProfileValue(name);
  return (
    <Field label={label} hint={hint} error={error}>
      <select ref={ref} value={value} onChange={(e) => onChange(parse(e.target.value))}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * The text of an input that shows a value in its own notation ("29, 30, 31"): kept as typed while
 * it means the value, replaced when the value changed from elsewhere (an item above was removed).
 */
function useSynced<T>(
  value: T,
  parse: (text: string) => T,
  show: (value: T) => string,
  same: (a: T, b: T) => boolean,
): [string, (text: string) => void] {
  const [text, setText] = useState(() => show(value));
  if (!same(parse(text), value)) {
    // Adjusting state while rendering is React's documented way to follow a prop.
    setText(show(value));
  }
  return [text, setText];
}

const sameList = <T,>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

const parseLines = (text: string): string[] =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');

function parseNumbers(text: string): { numbers: number[]; wrong: string[] } {
  const numbers: number[] = [];
  const wrong: string[] = [];
  for (const part of text.split(/[,;\s]+/).filter(Boolean)) {
    const range = /^(\d+)[-–](\d+)$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to >= from && to - from < 100) {
        for (let n = from; n <= to; n += 1) numbers.push(n);
        continue;
      }
    }
    if (/^\d+$/.test(part)) numbers.push(Number(part));
    else wrong.push(part);
  }
  return { numbers: [...new Set(numbers)], wrong };
}

/** A list of short texts, one per line. */
export function LinesInput({
  name,
  label,
  hint,
  rows = 3,
}: Labelled & { name: PathTo<string[]>; rows?: number }) {
  const { value, onChange, ref, itemError: error } = useProfileValue<string[]>(name);
  // The typed text is kept as typed (a trailing new line included); the profile gets the lines.
  const [text, setText] = useSynced(value, parseLines, (v) => v.join('\n'), sameList);
  return (
    <Field label={label} hint={hint ?? 'Satu per baris'} error={error}>
      <textarea
        ref={ref}
        rows={rows}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseLines(e.target.value));
        }}
      />
    </Field>
  );
}

/** Indicator numbers as "29, 30, 31" or "29-31". */
export function NumbersInput({ name, label }: { name: PathTo<number[]>; label: string }) {
  const { value, onChange, ref, itemError: error } = useProfileValue<number[]>(name);
  const [text, setText] = useSynced(
    value,
    (t) => parseNumbers(t).numbers,
    (v) => v.join(', '),
    sameList,
  );
  const wrong = parseNumbers(text).wrong;
  return (
    <Field
      label={label}
      hint="Nomor indikator dipisah koma, atau rentang seperti 29-31"
      error={wrong.length > 0 ? `Bukan nomor indikator: ${wrong.join(', ')}` : error}
    >
      <input
        ref={ref}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseNumbers(e.target.value).numbers);
        }}
      />
    </Field>
  );
}
