/**
 * Citations in the profile editor: one article reference with its verbatim phrase (checked
 * against the regulation's text as it is typed), the list of them a fact rests on, a citation
 * the profile may leave out, and a fact in words with its articles.
 */
import { useContext, useId } from 'react';
import { useWatch } from 'react-hook-form';
import {
  checkQuote,
  type Citation,
  type Profile,
  type StatedFact,
} from '../../../../../shared/profiles';
import { TextArea, TextInput } from './fields';
import {
  at,
  SectionsContext,
  usePartError,
  useProfileList,
  useProfilePart,
  useReadOnly,
  type PathTo,
} from './form';

/** Whether a quote stands in the article it cites, in the text being edited. */
function QuoteStatus({ name }: { name: PathTo<Citation> }) {
  const sections = useContext(SectionsContext);
  const [ref = '', quote = ''] = useWatch<Profile, [PathTo<string>, PathTo<string>]>({
    name: [at<string>(name, 'ref'), at<string>(name, 'quote')],
  });
  if (!sections || sections.articles.length === 0) return null;
  if (ref.trim() === '' || quote.trim() === '') return null;
  const result = checkQuote(sections, ref.trim(), quote);
  return result.ok ? (
    <p className="small quote-ok">Kutipan ditemukan pada {ref.trim()}.</p>
  ) : (
    <p className="small quote-warn">{result.error}</p>
  );
}

/** One article reference with its verbatim phrase. */
function CitationFields({
  legend,
  name,
  onRemove,
}: {
  legend: string;
  name: PathTo<Citation>;
  onRemove?: () => void;
}) {
  const readOnly = useReadOnly();
  return (
    <fieldset className="fieldset citation">
      <legend>{legend}</legend>
      <div className="citation-grid">
        <TextInput label="Rujukan" name={at(name, 'ref')} />
        <TextArea label="Kutipan" rows={2} name={at(name, 'quote')} />
      </div>
      <QuoteStatus name={name} />
      {onRemove && !readOnly && (
        <button type="button" className="secondary" onClick={onRemove}>
          Hapus {legend.toLowerCase()}
        </button>
      )}
    </fieldset>
  );
}

/** A list of citations (the articles a fact rests on). */
export function CitationsEditor({ label, name }: { label: string; name: PathTo<Citation[]> }) {
  const readOnly = useReadOnly();
  const id = useId();
  const list = useProfileList<Citation>(name);
  const error = usePartError(name);
  return (
    <div className="citations" role="group" aria-labelledby={id}>
      <p className="citations-label" id={id}>
        {label}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {list.keys.length === 0 ? (
        <p className="small muted">Belum ada pasal.</p>
      ) : (
        !readOnly && (
          <p className="small muted">
            Rujukan seperti “Pasal 5 ayat (2)”, “Pasal 1 angka 6”, “Pembukaan” atau “Penutup”;
            kutipan disalin persis dari teks peraturan.
          </p>
        )
      )}
      {list.keys.map((key, i) => (
        <CitationFields
          key={key}
          legend={`Pasal ${i + 1}`}
          name={at(name, i)}
          onRemove={() => list.remove(i)}
        />
      ))}
      {!readOnly && (
        <button
          type="button"
          className="secondary"
          onClick={() => list.append({ ref: '', quote: '' })}
        >
          Tambah pasal: {label.toLowerCase()}
        </button>
      )}
    </div>
  );
}

/** A citation the profile may leave out (null). */
export function OptionalCitation({
  label,
  name,
}: {
  label: string;
  name: PathTo<Citation | null>;
}) {
  const [value, onChange] = useProfilePart(name);
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
      {value && <CitationFields legend={label} name={at(name)} />}
    </div>
  );
}

/** A fact in words with its articles, which the regulation may not state (null). */
export function OptionalFact({
  label,
  hint,
  name,
}: {
  label: string;
  hint?: string;
  name: PathTo<StatedFact | null>;
}) {
  const [value, onChange] = useProfilePart(name);
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
          <TextInput label={`Isi: ${label.toLowerCase()}`} hint={hint} name={at(name, 'value')} />
          <CitationsEditor label={`Dasar: ${label.toLowerCase()}`} name={at(name, 'articles')} />
        </>
      )}
    </fieldset>
  );
}
