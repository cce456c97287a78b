/**
 * Controlled inputs of the profile editor. The editor keeps the profile being edited as one value
 * and validates it with the profile's zod schema (`shared/profiles`); these inputs only translate
 * between what a person types and the profile's types (an empty optional text is null, a list is
 * one item per line) and show the schema's Indonesian message at the field it concerns.
 */
import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { checkQuote, type Citation, type RegulationSections } from '../../../../../shared/profiles';
import { Field } from '../../../components/field';

type Key = string | number;

/** The schema's messages by path, and the part of them under one place in the profile. */
export class ErrorScope {
  constructor(
    private readonly messages: ReadonlyMap<string, string[]>,
    private readonly prefix: readonly Key[] = [],
  ) {}

  static of(issues: readonly z.core.$ZodIssue[] | null): ErrorScope {
    const map = new Map<string, string[]>();
    for (const issue of issues ?? []) {
      const key = issue.path.map(String).join('.');
      map.set(key, [...(map.get(key) ?? []), issue.message]);
    }
    return new ErrorScope(map);
  }

  private readonly scopes = new Map<string, ErrorScope>();

  /** The same object for the same path, so memoised sections re-render only when they must. */
  scope(...path: Key[]): ErrorScope {
    const key = path.map(String).join('.');
    let scope = this.scopes.get(key);
    if (!scope) {
      scope = new ErrorScope(this.messages, [...this.prefix, ...path]);
      this.scopes.set(key, scope);
    }
    return scope;
  }

  /** The first message exactly at this path (below the scope), if any. */
  at(...path: Key[]): string | undefined {
    return this.messages.get([...this.prefix, ...path].map(String).join('.'))?.[0];
  }
}

/** The regulation being edited, split into articles, for checking quotes as they are typed. */
export const SectionsContext = createContext<RegulationSections | null>(null);

/** Whether the editor is read-only (a built-in profile). */
export const ReadOnlyContext = createContext(false);
export const useReadOnly = (): boolean => useContext(ReadOnlyContext);

export function TextInput({
  label,
  value,
  onChange,
  error,
  hint,
  list,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  list?: string;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      <input value={value} onChange={(e) => onChange(e.target.value)} list={list} />
    </Field>
  );
}

/** A text that the profile keeps as null when empty ("not given by the regulation"). */
export function OptionalText({
  label,
  value,
  onChange,
  error,
  hint,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string | undefined;
  hint?: ReactNode;
}) {
  return (
    <Field
      label={label}
      hint={hint ?? 'Kosongkan bila peraturan tidak menyebutkannya'}
      error={error}
    >
      <input
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      />
    </Field>
  );
}

export function TextArea({
  label,
  value,
  onChange,
  error,
  hint,
  rows = 3,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  rows?: number;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      <textarea rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}

export function OptionalDate({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string | undefined;
}) {
  return (
    <Field label={label} hint="Kosongkan bila tidak tertulis dalam teks" error={error}>
      <input type="date" value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} />
    </Field>
  );
}

export function OptionalYear({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | undefined;
}) {
  const parse = (t: string): number | null => (t.trim() === '' ? null : Number(t.trim()));
  const [text, setText] = useSynced(value, parse, (v) => (v === null ? '' : String(v)), Object.is);
  return (
    <Field label={label} hint="Kosongkan bila tidak tertulis dalam teks" error={error}>
      <input
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
  label,
  value,
  onChange,
  error,
  hint,
  rows = 3,
}: {
  label: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
  hint?: ReactNode;
  rows?: number;
}) {
  // The typed text is kept as typed (a trailing new line included); the profile gets the lines.
  const [text, setText] = useSynced(value, parseLines, (v) => v.join('\n'), sameList);
  return (
    <Field label={label} hint={hint ?? 'Satu per baris'} error={error}>
      <textarea
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
export function NumbersInput({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: readonly number[];
  onChange: (value: number[]) => void;
  error?: string | undefined;
}) {
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
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseNumbers(e.target.value).numbers);
        }}
      />
    </Field>
  );
}

/** Whether a quote stands in the article it cites, in the text being edited. */
function QuoteStatus({ citation }: { citation: Citation }) {
  const sections = useContext(SectionsContext);
  if (!sections || sections.articles.length === 0) return null;
  if (citation.ref.trim() === '' || citation.quote.trim() === '') return null;
  const result = checkQuote(sections, citation.ref.trim(), citation.quote);
  return result.ok ? (
    <p className="small quote-ok">Kutipan ditemukan pada {citation.ref.trim()}.</p>
  ) : (
    <p className="small quote-warn">{result.error}</p>
  );
}

/** One article reference with its verbatim phrase. */
function CitationFields({
  legend,
  value,
  onChange,
  onRemove,
  errors,
}: {
  legend: string;
  value: Citation;
  onChange: (value: Citation) => void;
  onRemove?: () => void;
  errors: ErrorScope;
}) {
  const readOnly = useReadOnly();
  return (
    <fieldset className="fieldset citation">
      <legend>{legend}</legend>
      <div className="citation-grid">
        <TextInput
          label="Rujukan"
          value={value.ref}
          onChange={(ref) => onChange({ ...value, ref })}
          error={errors.at('ref')}
        />
        <TextArea
          label="Kutipan"
          rows={2}
          value={value.quote}
          onChange={(quote) => onChange({ ...value, quote })}
          error={errors.at('quote')}
        />
      </div>
      <QuoteStatus citation={value} />
      {onRemove && !readOnly && (
        <button type="button" className="secondary" onClick={onRemove}>
          Hapus {legend.toLowerCase()}
        </button>
      )}
    </fieldset>
  );
}

/** A list of citations (the articles a fact rests on). */
export function CitationsEditor({
  label,
  value,
  onChange,
  errors,
}: {
  label: string;
  value: readonly Citation[];
  onChange: (value: Citation[]) => void;
  errors: ErrorScope;
}) {
  const readOnly = useReadOnly();
  const id = useId();
  return (
    <div className="citations" role="group" aria-labelledby={id}>
      <p className="citations-label" id={id}>
        {label}
      </p>
      {errors.at() && (
        <p className="error" role="alert">
          {errors.at()}
        </p>
      )}
      {value.length === 0 ? (
        <p className="small muted">Belum ada pasal.</p>
      ) : (
        !readOnly && (
          <p className="small muted">
            Rujukan seperti “Pasal 5 ayat (2)”, “Pasal 1 angka 6”, “Pembukaan” atau “Penutup”;
            kutipan disalin persis dari teks peraturan.
          </p>
        )
      )}
      {value.map((c, i) => (
        <CitationFields
          key={i}
          legend={`Pasal ${i + 1}`}
          value={c}
          errors={errors.scope(i)}
          onChange={(next) => onChange(value.map((x, k) => (k === i ? next : x)))}
          onRemove={() => onChange(value.filter((_, k) => k !== i))}
        />
      ))}
      {!readOnly && (
        <button
          type="button"
          className="secondary"
          onClick={() => onChange([...value, { ref: '', quote: '' }])}
        >
          Tambah pasal: {label.toLowerCase()}
        </button>
      )}
    </div>
  );
}

/** A <details> whose content is only rendered once opened (long criteria, many of them). */
export function LazyDetails({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children}
    </details>
  );
}

/** A citation the profile may leave out (null). */
export function OptionalCitation({
  label,
  value,
  onChange,
  errors,
}: {
  label: string;
  value: Citation | null;
  onChange: (value: Citation | null) => void;
  errors: ErrorScope;
}) {
  return (
    <div className="optional-block">
      <label className="inline-check">
        <input
          type="checkbox"
          checked={value !== null}
          onChange={(e) => onChange(e.target.checked ? { ref: '', quote: '' } : null)}
        />
        {label}
      </label>
      {value && <CitationFields legend={label} value={value} onChange={onChange} errors={errors} />}
    </div>
  );
}

/** A fact in words with its articles, which the regulation may not state (null). */
export function OptionalFact({
  label,
  hint,
  value,
  onChange,
  errors,
}: {
  label: string;
  hint?: string;
  value: { value: string; articles: Citation[] } | null;
  onChange: (value: { value: string; articles: Citation[] } | null) => void;
  errors: ErrorScope;
}) {
  return (
    <fieldset className="fieldset">
      <legend>{label}</legend>
      <label className="inline-check">
        <input
          type="checkbox"
          checked={value !== null}
          onChange={(e) => onChange(e.target.checked ? { value: '', articles: [] } : null)}
        />
        Diatur dalam peraturan
      </label>
      {value && (
        <>
          <TextInput
            label={`Isi: ${label.toLowerCase()}`}
            hint={hint}
            value={value.value}
            onChange={(v) => onChange({ ...value, value: v })}
            error={errors.at('value')}
          />
          <CitationsEditor
            label={`Dasar: ${label.toLowerCase()}`}
            value={value.articles}
            onChange={(articles) => onChange({ ...value, articles })}
            errors={errors.scope('articles')}
          />
        </>
      )}
    </fieldset>
  );
}
