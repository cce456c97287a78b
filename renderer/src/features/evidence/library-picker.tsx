/**
 * "Tautkan dokumen dari pustaka" on an indicator's page: a library of hundreds of documents is
 * narrowed by typing ("Cari dokumen": title, file name, number, date, kind), the choice list
 * shows only the documents that match, in title order, and "Tautkan" links the one chosen.
 * A search that leaves one document chooses it, so typing and Enter link it.
 */
import { useState } from 'react';
import type { Evidence, EvidenceId } from '../../../../shared/assessment';
import { formatNumber } from '../../../../shared/format/number';
import { documentLabel } from './evidence-view';
import { matchesEvidence, queryWords } from './evidence-match';
import { sortEvidence } from './library-order';

const noIndicators: ReadonlyMap<string, readonly number[]> = new Map();

export function LibraryPicker({
  documents,
  idBase,
  onLink,
}: {
  /** The library's documents not yet linked to this indicator. */
  documents: readonly Evidence[];
  /** A prefix for the ids of the fields (unique per indicator). */
  idBase: string;
  /** Links the document; resolves true once it is linked. */
  onLink: (id: EvidenceId) => Promise<boolean>;
}) {
  const [query, setQuery] = useState('');
  const [choice, setChoice] = useState<EvidenceId | ''>('');
  const words = queryWords(query);
  const shown = sortEvidence(
    documents.filter((d) => matchesEvidence(d, words)),
    'judul',
    noIndicators,
  );
  // A choice the search has hidden (or another user has linked meanwhile) is no choice.
  const chosen = shown.some((d) => d.id === choice) ? choice : '';
  const statusId = `${idBase}-hasil`;
  const count = formatNumber(documents.length, 0);

  return (
    <form
      className="inline-form library-picker"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!chosen) return;
        if (await onLink(chosen)) {
          setChoice('');
          setQuery('');
        }
      }}
    >
      <div className="field library-picker-search">
        <label htmlFor={`${idBase}-cari`}>Cari dokumen</label>
        <input
          id={`${idBase}-cari`}
          type="search"
          value={query}
          placeholder="Judul, nomor, nama berkas…"
          aria-describedby={statusId}
          onChange={(e) => {
            const next = e.target.value;
            setQuery(next);
            const left = documents.filter((d) => matchesEvidence(d, queryWords(next)));
            if (left.length === 1 && next.trim() !== '') setChoice(left[0]!.id);
            else if (!left.some((d) => d.id === choice)) setChoice('');
          }}
        />
      </div>
      <div className="field library-picker-choice">
        <label htmlFor={idBase}>Tautkan dokumen dari pustaka</label>
        <select
          id={idBase}
          value={chosen}
          onChange={(e) => {
            const picked = e.target.value;
            setChoice(shown.find((d) => d.id === picked)?.id ?? '');
          }}
        >
          <option value="">
            {shown.length === 0 ? '— tidak ada dokumen yang cocok —' : '— pilih dokumen —'}
          </option>
          {shown.map((d) => (
            <option key={d.id} value={d.id}>
              {documentLabel(d)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="secondary" disabled={!chosen}>
        Tautkan
      </button>
      <p id={statusId} role="status" className="small library-picker-status">
        {words.length === 0
          ? ''
          : shown.length === 0
            ? `Tidak ada dokumen yang cocok dengan "${query.trim()}". Periksa ejaannya atau hapus sebagian kata pencarian.`
            : `Menampilkan ${formatNumber(shown.length, 0)} dari ${count} dokumen yang belum ditautkan ke indikator ini.`}
      </p>
    </form>
  );
}
