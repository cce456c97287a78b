/**
 * One document, many indicators, from the Bukti Dukung library: which indicators the document
 * supports (number, name and levels, each with a way to its page), linking it to one more
 * indicator after another, and letting go of one link without losing the document or its other
 * links. A regulation (a Perbup tentang SPBE, an SK Tim) is stored once and backs several
 * indicators; going to each indicator's page to link it, and having no place to see them all,
 * was the only way before.
 *
 * A link made here backs the level the indicator's answer stands at (as a link made on the
 * indicator's page does); levels, butir and the part of the document are set on that page.
 */
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Evidence, EvidenceLink } from '../../../../shared/assessment';
import { findIndicator, levelOfValue } from '../../../../shared/instrument';
import { routes } from '../../app/routes';
import { Dialog } from '../../components/dialog';
import { errorText, useNotify } from '../../components/notices';
import { linkEvidence, unlinkEvidence } from '../../db/commands/evidence';
import { useWorkspace } from '../workspace/workspace-context';

const SELECT_ID = 'tautkan-ke-indikator';

export function DocumentLinksDialog({
  evidence,
  onClose,
}: {
  evidence: Evidence;
  onClose: () => void;
}) {
  const { evaluation, pack, answers, links: allLinks, actor, result } = useWorkspace();
  const notify = useNotify();
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const label = evidence.title.trim() || evidence.fileName;
  const links = allLinks
    .filter((l) => l.evidenceId === evidence.id)
    .sort((a, b) => a.indicator - b.indicator);
  const linked = new Set(links.map((l) => l.indicator));
  const open = result.indicators.filter((i) => !linked.has(i.number));
  const nameOf = (n: number) => result.indicators.find((i) => i.number === n)?.name ?? '';

  /** The level the indicator's answer stands at (none when unanswered). */
  const answerLevels = (n: number): number[] => {
    const value = answers.get(n)?.value;
    const entry = findIndicator(pack, n);
    if (value === null || value === undefined || !entry) return [];
    const level = levelOfValue(pack, entry.scale, value)?.level;
    return level === undefined ? [] : [level];
  };

  const link = async () => {
    const n = Number(chosen);
    if (!chosen || !Number.isInteger(n)) return;
    setBusy(true);
    try {
      const levels = answerLevels(n);
      await linkEvidence(evaluation.id, evidence.id, n, levels, '', actor);
      setChosen('');
      notify(
        'ok',
        `"${label}" ditautkan ke indikator ${n}${levels.length > 0 ? ` (mendukung tingkat ${levels.join(', ')})` : ''}.`,
      );
    } catch (e) {
      notify('danger', errorText(e));
    } finally {
      setBusy(false);
      // The button is disabled again until another indicator is chosen: the choice is next.
      document.getElementById(SELECT_ID)?.focus();
    }
  };

  const unlink = async (l: EvidenceLink, index: number) => {
    // The focus goes to the next link's "Lepaskan", else the one before, else the choice.
    const buttons = [...(list.current?.querySelectorAll<HTMLElement>('button') ?? [])];
    const next = buttons[index + 1] ?? buttons[index - 1] ?? null;
    try {
      await unlinkEvidence(l.id, actor);
      const rest = links.filter((x) => x.id !== l.id).map((x) => x.indicator);
      notify(
        'info',
        `Tautan "${label}" ke indikator ${l.indicator} dilepas. Dokumen tetap ada di pustaka${rest.length > 0 ? ` dan tetap tertaut ke indikator ${rest.join(', ')}` : ''}.`,
      );
      (next?.isConnected ? next : document.getElementById(SELECT_ID))?.focus();
    } catch (e) {
      notify('danger', errorText(e));
    }
  };

  return (
    <Dialog open wide title={`Indikator yang didukung: ${label}`} onClose={onClose}>
      {links.length === 0 ? (
        <p className="muted">Dokumen ini belum ditautkan ke indikator.</p>
      ) : (
        <>
          <p>Dokumen ini mendukung {links.length} indikator.</p>
          <ul className="plain document-links" aria-label="Indikator yang didukung" ref={list}>
            {links.map((l, i) => (
              <li key={l.id}>
                <Link
                  to={routes.evaluation.indicator({
                    evaluationId: evaluation.id,
                    number: l.indicator,
                  })}
                >
                  Indikator {l.indicator}. {nameOf(l.indicator)}
                </Link>
                <span className="small muted">
                  {' '}
                  ·{' '}
                  {l.levels.length > 0
                    ? `mendukung tingkat ${l.levels.join(', ')}`
                    : 'belum ditandai tingkatnya'}
                  {l.note.trim() ? ` · ${l.note.trim()}` : ''}
                </span>{' '}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void unlink(l, i)}
                  aria-label={`Lepaskan dari indikator ${l.indicator}`}
                >
                  <span aria-hidden="true">✕</span> Lepaskan
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {open.length > 0 && (
        <div className="library-picker">
          <div className="field">
            <label htmlFor={SELECT_ID}>Tautkan ke indikator</label>
            <select
              id={SELECT_ID}
              value={chosen}
              onChange={(e) => setChosen(e.target.value)}
              data-autofocus
            >
              <option value="">— pilih indikator —</option>
              {open.map((i) => (
                <option key={i.number} value={i.number}>
                  {i.number}. {i.name}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={() => void link()} disabled={!chosen || busy}>
            Tautkan
          </button>
        </div>
      )}
      <p className="small muted">
        Tingkat yang didukung dan bagian dokumen (pasal) diatur di halaman indikatornya.
      </p>
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose}>
          Selesai
        </button>
      </div>
    </Dialog>
  );
}
