/**
 * The documents behind one indicator: which are linked, to which levels, and what the guideline
 * expects per level. Adding a file here stores it in the vault and links it in one step.
 * On a pack with butir (Pemdi) a linked document also names the butir it answers.
 */
import { useEffect, useRef, useState } from 'react';
import {
  evidenceKindLabel,
  evidenceSupport,
  type Evidence,
  type EvidenceId,
  type EvidenceLink,
} from '../../../../shared/assessment';
import {
  formatValue,
  isDecimalScale,
  type Indicator,
  type InstrumentPack,
  type LevelScale,
} from '../../../../shared/instrument';
import { errorText, useNotify } from '../../components/notices';
import {
  linkEvidence,
  unlinkEvidence,
  updateLink,
  updateLinkButir,
} from '../../db/commands/evidence';
import { useWorkspace } from '../workspace/workspace-context';
import { DropZone } from './drop-zone';
import { documentLabel, PreviewDialog } from './evidence-view';
import { LibraryPicker } from './library-picker';
import { useAddFiles } from './use-add-files';
import './evidence.css';

/** The butir a linked document answers, as checkboxes grouped by level (Pemdi only). */
function ButirChecks({
  link,
  indicator,
  fileName,
}: {
  link: EvidenceLink;
  indicator: Indicator;
  fileName: string;
}) {
  const { actor } = useWorkspace();
  const notify = useNotify();
  const [codes, setCodes] = useState(link.butir ?? []);
  // What the database holds replaces what was shown, in place: the row is not remounted, so the
  // checkbox just ticked keeps the focus and "Menjawab butir" stays open.
  const stored = (link.butir ?? []).join();
  const [shown, setShown] = useState(stored);
  if (shown !== stored) {
    setShown(stored);
    setCodes(link.butir ?? []);
  }
  const toggle = async (code: string, on: boolean) => {
    const next = on ? [...codes, code] : codes.filter((c) => c !== code);
    setCodes(next);
    try {
      await updateLinkButir(link.id, next, actor);
    } catch (e) {
      setCodes(link.butir ?? []);
      notify('danger', errorText(e));
    }
  };
  return (
    <details className="butir-checks">
      <summary className="small">
        Menjawab butir{codes.length > 0 ? `: ${[...codes].sort().join(', ')}` : ''}
      </summary>
      {indicator.levels
        .filter((l) => l.butir.length > 0)
        .map((l) => (
          <fieldset key={l.level} className="butir-level">
            <legend className="small">Tingkat {l.level}</legend>
            {l.butir.map((b) => {
              const textId = `${link.id}-butir-${b.code}`;
              return (
                <label key={b.code} className="butir-check small">
                  <input
                    type="checkbox"
                    checked={codes.includes(b.code)}
                    onChange={(e) => void toggle(b.code, e.target.checked)}
                    aria-label={`${fileName} menjawab butir ${b.code}`}
                    aria-describedby={textId}
                  />
                  <span className="butir-code">{b.code}</span>
                  <span className="butir-text" id={textId}>
                    {b.text}
                  </span>
                </label>
              );
            })}
          </fieldset>
        ))}
    </details>
  );
}

/**
 * Where the focus goes when a row's "Lepaskan" removes the row (and the focused button with it,
 * which left the focus on <body>): the next row's "Lepaskan", else the previous one's, else the
 * section's "Tambah berkas…".
 */
function focusAfterUnlink(button: HTMLElement): HTMLElement | null {
  const row = button.closest('li');
  const sibling = (row?.nextElementSibling ?? row?.previousElementSibling)?.querySelector(
    '.link-unlink',
  );
  if (sibling instanceof HTMLElement) return sibling;
  return button.closest('section')?.querySelector<HTMLElement>('.drop-zone button') ?? null;
}

function LinkRow({
  link,
  evidence,
  scale,
  indicator,
}: {
  link: EvidenceLink;
  evidence: Evidence | undefined;
  scale: LevelScale;
  indicator: Indicator;
}) {
  const { actor } = useWorkspace();
  const notify = useNotify();
  const [preview, setPreview] = useState(false);
  // Shown at once; the database's answer replaces it in place. Keyed by the stored levels, the
  // row was remounted on every tick, and a keyboard user's focus fell to the top of the window.
  const [levels, setLevels] = useState(link.levels);
  const stored = link.levels.join();
  const [shown, setShown] = useState(stored);
  if (shown !== stored) {
    setShown(stored);
    setLevels(link.levels);
  }
  if (!evidence) return null;
  const toggle = async (level: number, on: boolean) => {
    const next = on ? [...levels, level] : levels.filter((l) => l !== level);
    setLevels(next);
    try {
      await updateLink(link.id, next, link.note, actor);
    } catch (e) {
      setLevels(link.levels);
      notify('danger', errorText(e));
    }
  };
  return (
    <li className="link-row" data-evidence={link.evidenceId}>
      <div>
        <button type="button" className="link" onClick={() => setPreview(true)}>
          {documentLabel(evidence)}
        </button>
        <span className="small muted"> · {evidenceKindLabel[evidence.kind]}</span>
      </div>
      <fieldset className="level-checks">
        <legend className="small">Mendukung tingkat</legend>
        {scale.levels.map((l) => (
          <label key={l.level} className="inline-check">
            <input
              type="checkbox"
              checked={levels.includes(l.level)}
              onChange={(e) => void toggle(l.level, e.target.checked)}
              aria-label={`${evidence.fileName} mendukung tingkat ${l.level}`}
            />
            {l.level}
          </label>
        ))}
      </fieldset>
      {indicator.levels.some((l) => l.butir.length > 0) && (
        <ButirChecks link={link} indicator={indicator} fileName={evidence.fileName} />
      )}
      <input
        key={link.note}
        className="link-note"
        aria-label={`Bagian dokumen ${evidence.fileName} (misalnya pasal)`}
        placeholder="Bagian dokumen, mis. Pasal 5 ayat (2)"
        defaultValue={link.note}
        onBlur={(e) => {
          if (e.target.value !== link.note) {
            void updateLink(link.id, levels, e.target.value, actor).catch((err: unknown) =>
              notify('danger', errorText(err)),
            );
          }
        }}
      />
      <button
        type="button"
        className="secondary link-unlink"
        aria-label={`Lepaskan ${evidence.fileName} dari indikator ini`}
        onClick={async (e) => {
          const next = focusAfterUnlink(e.currentTarget);
          try {
            await unlinkEvidence(link.id, actor);
            if (next?.isConnected) next.focus();
            notify('info', `Tautan "${evidence.fileName}" dilepas. Dokumen tetap ada di pustaka.`);
          } catch (e) {
            notify('danger', errorText(e));
          }
        }}
      >
        <span aria-hidden="true">✕</span> Lepaskan
      </button>
      <PreviewDialog evidence={preview ? evidence : null} onClose={() => setPreview(false)} />
    </li>
  );
}

/**
 * What the answer claims, in the pack's words: "Tingkat 4 dipilih" where a level is chosen
 * (59/2020), "Nilai 3,50 (tingkat Berkembang) diisi" where a value is typed (Pemdi).
 */
function claimText(
  pack: InstrumentPack,
  scale: LevelScale,
  level: number,
  value: number | null,
): string {
  if (!isDecimalScale(pack) || value === null) return `Tingkat ${level} dipilih`;
  const name = scale.levels.find((l) => l.level === level)?.name ?? String(level);
  return `Nilai ${formatValue(pack, value)} (tingkat ${name}) diisi`;
}

export function IndicatorEvidence({
  indicator,
  scale,
  level,
  value,
}: {
  indicator: Indicator;
  scale: LevelScale;
  /** The level the answer's value falls in. */
  level: number | null;
  /** The answer's value (a level on 59/2020, a decimal on Pemdi). */
  value: number | null;
}) {
  const { linksByIndicator, evidenceById, evidence, evaluation, actor, pack } = useWorkspace();
  const notify = useNotify();
  const links = linksByIndicator.get(indicator.number) ?? [];
  const defaultLevels = level ? [level] : [];
  const { add, pick, busy, dialog } = useAddFiles({
    indicator: indicator.number,
    levels: defaultLevels,
  });
  // A document linked from the library: its new row takes the focus once it shows (the
  // "Tautkan" button, disabled again or gone with the last unlinked document, dropped it).
  const [linked, setLinked] = useState<EvidenceId | null>(null);
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (linked === null) return;
    const row = section.current?.querySelector(`li[data-evidence="${CSS.escape(linked)}"]`);
    const target = row?.querySelector<HTMLElement>('button');
    if (!target) return;
    target.focus();
    setLinked(null);
  }, [linked, links.length]);
  const support = evidenceSupport(indicator, level, links);
  const unlinked = evidence.filter((e) => !links.some((l) => l.evidenceId === e.id));

  return (
    <section className="card" aria-labelledby={`bukti-${indicator.number}`} ref={section}>
      <h3 id={`bukti-${indicator.number}`}>Bukti dukung indikator {indicator.number}</h3>
      {links.length === 0 ? (
        <p className="muted">Belum ada dokumen yang ditautkan.</p>
      ) : (
        <ul className="link-list" aria-label="Dokumen tertaut">
          {links.map((l) => (
            <LinkRow
              key={l.id}
              link={l}
              evidence={evidenceById.get(l.evidenceId)}
              scale={scale}
              indicator={indicator}
            />
          ))}
        </ul>
      )}
      <DropZone
        onFiles={(files) => void add(files)}
        onPick={() => void pick()}
        busy={busy}
        label="Tambah berkas…"
      />
      {dialog}
      {unlinked.length > 0 && (
        <LibraryPicker
          documents={unlinked}
          idBase={`pustaka-${indicator.number}`}
          onLink={async (id) => {
            try {
              await linkEvidence(evaluation.id, id, indicator.number, defaultLevels, '', actor);
              setLinked(id);
              return true;
            } catch (err) {
              notify('danger', errorText(err));
              return false;
            }
          }}
        />
      )}

      <h4>Daftar periksa bukti per tingkat</h4>
      {support.unsupported.length > 0 && level !== null && (
        // Not a live region: it changed, and was read out, at every digit of a value typed.
        <p className="alert warn">
          {claimText(pack, scale, level, value)}, tetapi tingkat {support.unsupported.join(', ')}{' '}
          belum didukung dokumen. Tingkat kematangan bersifat kumulatif: setiap tingkat memerlukan
          pemenuhan tingkat di bawahnya.
        </p>
      )}
      <ol className="support-list">
        {support.levels.map((s) => {
          const name = scale.levels.find((l) => l.level === s.level)?.name ?? '';
          const docs = s.evidenceIds
            .map((id) => evidenceById.get(id))
            .filter((d): d is Evidence => d !== undefined);
          return (
            <li key={s.level} className={s.claimed ? 'claimed' : undefined}>
              <strong>
                Tingkat {s.level} — {name}
              </strong>{' '}
              {s.level === 1 ? (
                <span className="badge">Tingkat dasar</span>
              ) : docs.length > 0 ? (
                <span className="badge ok">Didukung {docs.length} dokumen</span>
              ) : s.claimed ? (
                <span className="badge danger">Belum ada dokumen</span>
              ) : (
                <span className="badge">Belum ada dokumen</span>
              )}
              <ul className="small">
                {s.guidance.map((g, i) => (
                  <li key={i}>{g}</li>
                ))}
              </ul>
              {docs.length > 0 && (
                <p className="small">Dokumen: {docs.map((d) => documentLabel(d)).join('; ')}</p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
