/**
 * One conflicting indicator on the conflict screen: every assessor's version side by side (value
 * as its pack writes it, the entered source index when the versions differ on it, justification,
 * agency, evidence, when it was changed), the butir whose statuses differ, the pack's criteria of
 * the levels in question, and the coordinator's decision: take one version or write the settled
 * answer, always with a reason.
 */
import { useId } from 'react';
import { formatDateTime } from '../../../../shared/format/date';
import {
  findIndicator,
  formatValue,
  isDecimalScale,
  levelOfValue,
  parseValue,
  valueNoun,
  type InstrumentPack,
} from '../../../../shared/instrument';
import { sameButir, type Answer } from '../../../../shared/assessment';
import {
  butirDifferences,
  externalsDiffer,
  externalText,
  valueText,
  type Conflict,
  type ConflictSide,
  type ConflictStart,
} from '../../../../shared/merge';
import { writtenValueMissing, type DecisionDraft } from './decision';
import './merge.css';

const personOf = (side: ConflictSide): string =>
  side.assessor?.name ?? (side.exporters.join(', ') || side.sourceLabels.join(', '));

/**
 * Each side's name: the assessor, with where the version comes from when two sides would
 * otherwise read the same (one person's answer in two files).
 */
function sideNames(sides: readonly ConflictSide[]): Map<string, string> {
  const people = sides.map(personOf);
  return new Map(
    sides.map((side, i) => {
      const person = people[i]!;
      const twice = people.filter((p) => p === person).length > 1;
      return [side.sourceId, twice ? `${person} (${side.sourceLabels.join(', ')})` : person];
    }),
  );
}

/** A justification shortened to tell versions apart in one line. */
function excerpt(text: string, max = 80): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** The parts of an answer in which the versions differ, in words, in the order shown. */
function differingParts(answers: readonly Answer[], noun: string): string[] {
  const first = answers[0]!;
  const differs = (same: (a: Answer) => boolean) => answers.some((a) => !same(a));
  return [
    ...(differs((a) => a.value === first.value) ? [noun] : []),
    ...(externalsDiffer(answers) ? [`${noun} sumber`] : []),
    ...(differs((a) => a.justification.trim() === first.justification.trim())
      ? ['penjelasan']
      : []),
    ...(differs((a) => a.agency.trim() === first.agency.trim()) ? ['perangkat daerah'] : []),
    ...(differs((a) => sameButir(a.butir, first.butir)) ? ['status butir'] : []),
  ];
}

/**
 * The common starting point in words: only a version every side grew from is a starting value;
 * otherwise the card says there was none, or that it cannot be known.
 */
function startText(start: ConflictStart, pack: InstrumentPack): string {
  switch (start.kind) {
    case 'known':
      return `${start.value === null ? 'belum diisi' : formatValue(pack, start.value)} (asal bersama semua versi, tersimpan pada ${start.sourceLabels.join(', ')})`;
    case 'none':
      return 'tidak ada (setiap versi diisi terpisah, tidak berasal dari jawaban yang sama).';
    case 'unknown':
      return 'tidak diketahui (jawaban asal bersama tidak tersimpan pada evaluasi atau berkas yang digabung).';
  }
}

const listText = (xs: readonly string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} dan ${xs[xs.length - 1]}`;

export function ConflictCard({
  conflict,
  pack,
  draft,
  onChange,
  problems,
  isLocal = () => false,
}: {
  conflict: Conflict;
  pack: InstrumentPack;
  /** True for a source that is an evaluation on this computer, not a file (the base). */
  isLocal?: (sourceId: string) => boolean;
  draft: DecisionDraft;
  onChange: (next: DecisionDraft) => void;
  /** What is still missing; empty when the decision is complete. */
  problems: string[];
}) {
  const id = useId();
  const entry = findIndicator(pack, conflict.indicator);
  const decided = problems.length === 0;
  const values = [
    ...new Set(conflict.sides.map((s) => s.answer.value).filter((v): v is number => v !== null)),
  ].sort((a, b) => a - b);
  // Each level in dispute once, with the values that fall in it: on a decimal scale two
  // different values (2,50 and 3,10) can share one level and its criteria.
  const criteria: { level: number; name: string; text: string | null; values: number[] }[] = [];
  for (const v of entry ? values : []) {
    const level = entry && levelOfValue(pack, entry.scale, v);
    const text = level && entry.indicator.levels.find((l) => l.level === level.level);
    if (!level || !text) continue;
    const same = criteria.find((c) => c.level === level.level);
    if (same) same.values.push(v);
    else
      criteria.push({
        level: level.level,
        name: level.name,
        text: text.criteria || null,
        values: [v],
      });
  }
  const decimal = isDecimalScale(pack);
  const levelText = (value: number | null): string => valueText(pack, conflict.indicator, value);
  const answers = conflict.sides.map((s) => s.answer);
  const showExternal = externalsDiffer(answers);
  const butir = butirDifferences(pack, conflict.indicator, answers);
  const names = sideNames(conflict.sides);
  const sideName = (side: ConflictSide): string => names.get(side.sourceId) ?? personOf(side);
  const noun = valueNoun(pack);
  const parts = differingParts(answers, noun);
  // Same value on every side: the choice is between what they wrote, so each choice names it.
  const sameValue = !parts.includes(noun);
  const choiceDetail = (side: ConflictSide): string => {
    if (!sameValue) return '';
    const a = side.answer;
    if (parts.includes('penjelasan'))
      return a.justification.trim() === ''
        ? ', tanpa penjelasan'
        : `, dengan penjelasan "${excerpt(a.justification)}"`;
    if (parts.includes('perangkat daerah'))
      return a.agency.trim() === ''
        ? ', tanpa perangkat daerah'
        : `, perangkat daerah ${a.agency.trim()}`;
    if (parts.includes(`${noun} sumber`))
      return `, ${noun} sumber ${externalText(pack, conflict.indicator, a.external) ?? 'belum diisi'}`;
    return '';
  };
  const set = (patch: Partial<DecisionDraft>) => onChange({ ...draft, ...patch });
  const valueMissing = draft.choice === 'written' && draft.value.trim() === '';
  // Said at the field, as an empty one is: "6,00" or "2,555" was told only at the card's foot.
  const read = draft.choice === 'written' && !valueMissing ? parseValue(pack, draft.value) : null;
  const valueError = valueMissing
    ? writtenValueMissing(pack)
    : read && !read.ok
      ? `Nilai yang ditetapkan tidak sah: ${read.message}.`
      : null;
  const chooseWritten = () => {
    if (draft.choice === 'written') return;
    // Start from the most recently changed version: the coordinator usually edits, not retypes.
    const latest = [...conflict.sides].sort((a, b) => b.answer.updatedAt - a.answer.updatedAt)[0];
    set({
      choice: 'written',
      value:
        draft.value ||
        (latest?.answer.value === null || latest?.answer.value === undefined
          ? ''
          : isDecimalScale(pack)
            ? formatValue(pack, latest.answer.value)
            : String(latest.answer.value)),
      justification: draft.justification || latest?.answer.justification || '',
      agency: draft.agency || latest?.answer.agency || '',
    });
  };
  const title = `Indikator ${conflict.indicator}. ${conflict.indicatorName}`;
  // Every card has the same choices: heard out of its group ("Tetapkan jawaban lain" on each
  // card, one version's name and level on two cards), a choice names its indicator.
  const forIndicator = (
    <>
      {' '}
      <span className="visually-hidden">untuk indikator {conflict.indicator}</span>
    </>
  );

  return (
    <article className="card conflict" aria-labelledby={`${id}-judul`}>
      <div className="conflict-head">
        <h3 id={`${id}-judul`}>{title}</h3>
        <span className={decided ? 'badge ok' : 'badge warn'}>
          {decided ? 'Sudah diputuskan' : 'Belum diputuskan'}
        </span>
      </div>
      {conflict.start && (
        <p className="small conflict-base">
          <strong>{noun === 'nilai' ? 'Nilai' : 'Tingkat'} awal bersama:</strong>{' '}
          {startText(conflict.start, pack)}
        </p>
      )}
      <p className="small conflict-diff">
        {sameValue ? (
          <>
            <strong>
              {noun === 'nilai' ? 'Nilai' : 'Tingkat'} sama pada semua versi:{' '}
              {levelText(answers[0]?.value ?? null)}.
            </strong>{' '}
            Yang berbeda hanya {listText(parts)}.
          </>
        ) : (
          <>
            <strong>Yang berbeda:</strong> {listText(parts)}.
          </>
        )}
      </p>
      <div className="conflict-sides">
        {conflict.sides.map((side) => (
          <section
            key={side.sourceId}
            className="conflict-side"
            aria-label={`Versi ${sideName(side)} untuk indikator ${conflict.indicator}`}
          >
            <h4>{sideName(side)}</h4>
            <p className="small muted">
              {side.sourceIds
                .map((sourceId, i) => {
                  const label = side.sourceLabels[i] ?? sourceId;
                  return isLocal(sourceId) ? label : `Berkas ${label}`;
                })
                .join(', ')}{' '}
              · diubah {formatDateTime(side.answer.updatedAt)}
            </p>
            <p className="conflict-level">{levelText(side.answer.value)}</p>
            {showExternal && (
              <p className="small">
                <strong>Nilai sumber:</strong>{' '}
                {externalText(pack, conflict.indicator, side.answer.external) ?? 'belum diisi'}
              </p>
            )}
            <p className="small">
              <strong>Penjelasan:</strong>
            </p>
            <p className="conflict-text">{side.answer.justification.trim() || '—'}</p>
            {side.answer.agency.trim() && (
              <p className="small">
                <strong>Perangkat daerah:</strong> {side.answer.agency}
              </p>
            )}
            <p className="small">
              <strong>Bukti dukung:</strong> {side.evidence.length === 0 && 'tidak ada'}
            </p>
            {side.evidence.length > 0 && (
              <ul className="small">
                {side.evidence.map((e) => (
                  <li key={e.hash}>
                    {e.title || e.fileName}
                    {e.title && e.title !== e.fileName && (
                      <span className="muted"> ({e.fileName})</span>
                    )}
                    {e.levels.length > 0 && ` — tingkat ${e.levels.join(', ')}`}
                    {e.note && ` — ${e.note}`}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>

      {butir.length > 0 && (
        <table className="small">
          <caption>Status butir yang berbeda</caption>
          <thead>
            <tr>
              <th scope="col">Butir</th>
              {conflict.sides.map((side) => (
                <th key={side.sourceId} scope="col">
                  {sideName(side)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {butir.map((b) => (
              <tr key={b.code}>
                <th scope="row">
                  {b.code}
                  {b.text && <span className="muted"> {b.text}</span>}
                </th>
                {b.statuses.map((status, i) => (
                  <td key={conflict.sides[i]?.sourceId ?? i}>{status}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {criteria.length > 0 && (
        <details className="conflict-criteria" open>
          <summary>Kriteria tingkat yang dipersoalkan</summary>
          <ul className="plain">
            {criteria.map((c) => (
              <li key={c.level} className="level-card">
                <strong>
                  Tingkat {c.level} — {c.name}
                  {decimal && ` (nilai ${c.values.map((v) => formatValue(pack, v)).join(' dan ')})`}
                  :
                </strong>{' '}
                {c.text ?? 'kriteria belum tersedia'}
              </li>
            ))}
          </ul>
        </details>
      )}

      <fieldset className="fieldset conflict-decision">
        <legend>Keputusan koordinator untuk indikator {conflict.indicator}</legend>
        {conflict.sides.map((side) => (
          <label key={side.sourceId} className="inline-check">
            <input
              type="radio"
              name={`${id}-pilihan`}
              checked={draft.choice === `side:${side.sourceId}`}
              onChange={() => set({ choice: `side:${side.sourceId}` })}
            />{' '}
            Ambil versi {sideName(side)}: {levelText(side.answer.value)}
            {choiceDetail(side)}
            {forIndicator}
          </label>
        ))}
        <label className="inline-check">
          <input
            type="radio"
            name={`${id}-pilihan`}
            checked={draft.choice === 'written'}
            onChange={chooseWritten}
          />{' '}
          Tetapkan jawaban lain
          {forIndicator}
        </label>

        {draft.choice === 'written' && entry && (
          <div className="conflict-written">
            <div className="field">
              <label htmlFor={`${id}-tingkat`}>
                {isDecimalScale(pack) ? 'Nilai yang ditetapkan' : 'Tingkat yang ditetapkan'}{' '}
                (indikator {conflict.indicator})
              </label>
              {pack.valueScale.kind === 'integer' ? (
                <select
                  id={`${id}-tingkat`}
                  value={draft.value}
                  onChange={(e) => set({ value: e.target.value })}
                  aria-invalid={valueError ? true : undefined}
                  aria-describedby={valueError ? `${id}-tingkat-galat` : undefined}
                >
                  <option value="">— pilih tingkat —</option>
                  {entry.scale.levels.map((l) => (
                    <option key={l.level} value={String(l.level)}>
                      Tingkat {l.level} — {l.name}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`${id}-tingkat`}
                  inputMode="decimal"
                  value={draft.value}
                  onChange={(e) => set({ value: e.target.value })}
                  aria-invalid={valueError ? true : undefined}
                  aria-describedby={valueError ? `${id}-tingkat-galat` : undefined}
                />
              )}
              {valueError && (
                <span className="error" id={`${id}-tingkat-galat`}>
                  {valueError}
                </span>
              )}
            </div>
            <div className="field">
              <label htmlFor={`${id}-penjelasan`}>
                Penjelasan yang ditetapkan (indikator {conflict.indicator})
              </label>
              <textarea
                id={`${id}-penjelasan`}
                value={draft.justification}
                onChange={(e) => set({ justification: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-pd`}>
                Perangkat daerah penanggung jawab (indikator {conflict.indicator})
              </label>
              <input
                id={`${id}-pd`}
                value={draft.agency}
                onChange={(e) => set({ agency: e.target.value })}
              />
            </div>
          </div>
        )}

        <div className="field">
          <label htmlFor={`${id}-alasan`}>Alasan keputusan (indikator {conflict.indicator})</label>
          <textarea
            id={`${id}-alasan`}
            value={draft.reason}
            onChange={(e) => set({ reason: e.target.value })}
            aria-describedby={`${id}-alasan-petunjuk`}
          />
          <span className="hint" id={`${id}-alasan-petunjuk`}>
            Wajib diisi; dicatat dalam riwayat dan Berita Acara Rekonsiliasi.
          </span>
        </div>
        {!decided && (
          <p className="small muted" aria-live="polite">
            Belum lengkap: {problems.join(' ')}
          </p>
        )}
      </fieldset>
    </article>
  );
}
