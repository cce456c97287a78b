/**
 * The parts of the scoring form for a decimal pack (Indeks Pemdi): the value typed with a decimal
 * comma, the level cards as guidance (range, criteria, kondisi, butir with their status), the
 * entry of another agency's index for external-index indicators, and the advisory estimate from
 * accepted butir. Nothing here sets the value by itself: only the user's typing or a button.
 */
import {
  butirStatuses,
  butirStatusLabel,
  type ButirState,
  type ButirStatus,
  type Evidence,
  type EvidenceLink,
} from '../../../../shared/assessment';
import { butirProgress, type LevelButirProgress } from '../../../../shared/assessment/butir';
import {
  cautionFor,
  confidenceLabel,
  convertExternal,
  formatExternalInput,
  formatValue,
  levelFloor,
  levelOfValue,
  levelRangeText,
  type ExternalIndex,
  type Indicator,
  type InstrumentPack,
  type LevelScale,
} from '../../../../shared/instrument';
import { documentLabel } from '../evidence/evidence-view';
import { SourceNote } from '../instrument/source-note';

/**
 * The value field: "Nilai indikator (1,00–5,00)", read with parseValue by the form, which writes
 * a value read cleanly back in the pack's notation when the field is left ("3.5" → "3,50").
 */
export function DecimalValueField({
  pack,
  text,
  error,
  onText,
  onBlur,
}: {
  pack: InstrumentPack;
  text: string;
  error: string | null;
  onText: (text: string) => void;
  onBlur: () => void;
}) {
  const { min, max } = pack.valueScale;
  return (
    <div className="field value-field">
      <label htmlFor="nilai-indikator">
        Nilai indikator ({formatValue(pack, min)}–{formatValue(pack, max)})
      </label>
      <input
        id="nilai-indikator"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(e) => onText(e.target.value)}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'nilai-indikator-galat' : 'nilai-indikator-hint'}
      />
      {error ? (
        <span className="error" id="nilai-indikator-galat" role="alert">
          {error}
        </span>
      ) : (
        <span className="hint" id="nilai-indikator-hint">
          Tulis dengan koma desimal, misalnya {formatValue(pack, 2.75)}. Kosongkan bila belum
          dinilai.
        </span>
      )}
    </div>
  );
}

export interface ExternalDraft {
  input: string;
  year: string;
  note: string;
}

/**
 * The source index of an external-index indicator, its year and a note, with the conversion
 * shown live ("Indeks SDI 68,75 → nilai 3,75"). The form converts and saves.
 */
export function ExternalValueField({
  pack,
  external,
  draft,
  inputError,
  yearError,
  awaiting,
  counted,
  onDraft,
}: {
  pack: InstrumentPack;
  external: ExternalIndex;
  draft: ExternalDraft;
  inputError: string | null;
  yearError: string | null;
  awaiting: boolean;
  /** Whether the index counts the assumed value now (not while nothing is assessed). */
  counted: boolean;
  onDraft: (draft: ExternalDraft) => void;
}) {
  const input = draft.input.trim() === '' ? null : Number(draft.input.trim().replace(',', '.'));
  const converted = input === null || inputError ? null : convertExternal(pack, external, input);
  const caution = cautionFor(pack, external.confidence);
  return (
    <section className="card external-value" aria-labelledby="indeks-eksternal-judul">
      <h3 id="indeks-eksternal-judul">Nilai dari {external.name}</h3>
      <p className="small muted">
        Nilai indikator ini dikonversi dari {external.shortName} (
        {formatExternalInput(external.min)}–{formatExternalInput(external.max)}), tidak diisi
        langsung.
      </p>
      <div className="grid-3">
        <div className="field">
          <label htmlFor="indeks-eksternal">
            {external.shortName} ({formatExternalInput(external.min)}–
            {formatExternalInput(external.max)})
          </label>
          <input
            id="indeks-eksternal"
            inputMode="decimal"
            autoComplete="off"
            value={draft.input}
            onChange={(e) => onDraft({ ...draft, input: e.target.value })}
            aria-invalid={inputError ? true : undefined}
            aria-describedby={inputError ? 'indeks-eksternal-galat' : undefined}
          />
          {inputError && (
            <span className="error" id="indeks-eksternal-galat" role="alert">
              {inputError}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="indeks-eksternal-tahun">Tahun evaluasi {external.shortName}</label>
          <input
            id="indeks-eksternal-tahun"
            inputMode="numeric"
            autoComplete="off"
            value={draft.year}
            disabled={input === null}
            onChange={(e) => onDraft({ ...draft, year: e.target.value })}
            aria-invalid={yearError ? true : undefined}
            aria-describedby={yearError ? 'indeks-eksternal-tahun-galat' : undefined}
          />
          {yearError && (
            <span className="error" id="indeks-eksternal-tahun-galat" role="alert">
              {yearError}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="indeks-eksternal-catatan">Keterangan sumber</label>
          <input
            id="indeks-eksternal-catatan"
            autoComplete="off"
            value={draft.note}
            disabled={input === null}
            onChange={(e) => onDraft({ ...draft, note: e.target.value })}
          />
        </div>
      </div>
      {converted?.ok ? (
        <p className="external-conversion" aria-live="polite">
          {external.shortName} {formatExternalInput(input!)} → nilai{' '}
          {formatValue(pack, converted.value)}
        </p>
      ) : (
        awaiting && (
          <p className="external-conversion awaiting">
            {counted
              ? `Menunggu nilai eksternal — dihitung ${formatValue(pack, external.assumedValue)}`
              : `Menunggu nilai eksternal — nilai anggapan ${formatValue(pack, external.assumedValue)} baru dihitung setelah ada indikator yang dinilai`}
          </p>
        )
      )}
      <SourceNote what="konversi" confidence={external.confidence} source={external.source} />
      {caution && <p className="small caution">{caution}</p>}
    </section>
  );
}

function ButirList({
  levelNumber,
  indicator,
  butir,
  docs,
  onButir,
}: {
  levelNumber: number;
  indicator: Indicator;
  butir: ButirState;
  docs: Map<string, Evidence[]>;
  onButir: (code: string, status: ButirStatus) => void;
}) {
  const items = indicator.levels.find((l) => l.level === levelNumber)?.butir ?? [];
  if (items.length === 0) return <p className="small muted">Butir bukti belum tersedia.</p>;
  return (
    <ul className="butir-list">
      {items.map((b) => {
        const id = `butir-${b.code}`;
        const linked = docs.get(b.code) ?? [];
        return (
          <li key={b.code}>
            <label htmlFor={id} className="small">
              <strong>{b.code}</strong> {b.text}
            </label>
            <select
              id={id}
              value={butir[b.code] ?? 'belum'}
              onChange={(e) => onButir(b.code, e.target.value as ButirStatus)}
            >
              {butirStatuses.map((s) => (
                <option key={s} value={s}>
                  {butirStatusLabel[s]}
                </option>
              ))}
            </select>
            {b.note && <span className="small muted"> {b.note}</span>}
            {linked.length > 0 && (
              <span className="small"> Dokumen: {linked.map(documentLabel).join('; ')}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function progressText(p: LevelButirProgress): string {
  if (p.unknown)
    return 'Butir tingkat ini belum diketahui dari sumber; tidak menahan tingkat di atasnya';
  if (p.complete) return 'Lengkap';
  if (p.ownComplete && p.blockedBy !== null)
    return `Tertahan: tingkat ${p.blockedBy} belum lengkap`;
  return `${p.accepted} dari ${p.total} butir diterima`;
}

/**
 * The levels of a decimal pack as guidance: name, range, criteria (or "Kriteria belum tersedia"),
 * kondisi and butir. The card holding the current value is highlighted; "Pakai nilai 2,50" sets
 * the value to the level's floor only when clicked.
 */
export function LevelGuide({
  pack,
  indicator,
  scale,
  value,
  canApply,
  onApply,
  butir,
  onButir,
  links,
  evidenceById,
}: {
  pack: InstrumentPack;
  indicator: Indicator;
  scale: LevelScale;
  value: number | null;
  canApply: boolean;
  onApply: (value: number) => void;
  butir: ButirState;
  onButir: (code: string, status: ButirStatus) => void;
  links: EvidenceLink[];
  evidenceById: Map<string, Evidence>;
}) {
  const current = value === null ? undefined : levelOfValue(pack, scale, value);
  const progress = butirProgress(indicator, butir);
  const tracked = progress.some((p) => p.total > 0);
  const docs = new Map<string, Evidence[]>();
  for (const l of links) {
    const doc = evidenceById.get(l.evidenceId);
    if (!doc) continue;
    for (const code of l.butir ?? []) docs.set(code, [...(docs.get(code) ?? []), doc]);
  }
  // One quiet caution for the whole guide, naming the levels below high confidence.
  const unsure = indicator.levels.filter((l) => cautionFor(pack, l.confidence) !== null);
  const caution = unsure.length > 0 ? cautionFor(pack, unsure[0]!.confidence) : null;

  return (
    <section className="card level-guide" aria-labelledby="panduan-tingkat">
      <h3 id="panduan-tingkat">Panduan tingkat kematangan</h3>
      {caution && (
        <p className="small caution">
          Kriteria tingkat {unsure.map((l) => l.level).join(', ')} belum berkeyakinan tinggi.{' '}
          {caution}
        </p>
      )}
      <div className="level-grid guide-grid">
        {scale.levels.map((l) => {
          const text = indicator.levels.find((x) => x.level === l.level);
          const here = current?.level === l.level;
          const floor = levelFloor(pack, l);
          const p = progress.find((x) => x.level === l.level);
          return (
            <article
              key={l.level}
              className={`level-card guide${here ? ' chosen' : ''}`}
              aria-current={here ? 'true' : undefined}
              aria-labelledby={`tingkat-${l.level}-judul`}
            >
              <h4 id={`tingkat-${l.level}-judul`}>
                Tingkat {l.level} — {l.name}
              </h4>
              <p className="small muted">
                Rentang {levelRangeText(pack, l)}
                {here && <strong> · nilai saat ini</strong>}
                {text?.confidence && text.confidence !== 'high' && (
                  <> · keyakinan {confidenceLabel[text.confidence]}</>
                )}
              </p>
              <p className="level-criteria pre-line">
                {text?.criteria ?? 'Kriteria belum tersedia'}
              </p>
              {text && text.conditions.length > 0 && (
                <details>
                  <summary className="small">Kondisi</summary>
                  <ul className="small">
                    {text.conditions.map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                </details>
              )}
              {tracked && p && (
                <>
                  <p className={`small butir-progress${p.complete ? ' done' : ''}`}>
                    Butir: {progressText(p)}
                  </p>
                  <ButirList
                    levelNumber={l.level}
                    indicator={indicator}
                    butir={butir}
                    docs={docs}
                    onButir={onButir}
                  />
                </>
              )}
              {canApply && value !== floor && (
                <button type="button" className="secondary" onClick={() => onApply(floor)}>
                  Pakai nilai {formatValue(pack, floor)}
                </button>
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}
