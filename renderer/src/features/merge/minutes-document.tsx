/**
 * The Berita Acara Rekonsiliasi as a document, from the content shared/merge builds
 * (`reconciliationMinutes`): the same words on screen and on paper. Laid out for A4 by
 * minutes.css: tables never split inside a row, headers repeat on each page, each conflict's
 * table stays with its decision, and the signature block stays whole.
 */
import { useMemo } from 'react';
import type { InstrumentPack } from '../../../../shared/instrument';
import {
  reconciliationMinutes,
  type MinutesBlock,
  type ReconciliationMinutes,
} from '../../../../shared/merge';
import type { StoredMerge } from '../../db/commands/merge';
import './minutes.css';

/** The minutes of a stored merge; null when its evaluation is gone (the place is read from it). */
export function useMinutes(
  merge: StoredMerge | null | undefined,
  pack: InstrumentPack | undefined,
  /** Where it is signed (the regional profile's "Ditetapkan di"); the region's name when null. */
  place: string | null,
): ReconciliationMinutes | null {
  return useMemo(() => {
    if (!merge?.evaluation || !pack) return null;
    // NIPs and jabatan of the signers from the merged team (the record keeps names only).
    const nipByName = Object.fromEntries(
      merge.members.filter((m) => m.nip.trim() !== '').map((m) => [m.name.trim(), m.nip]),
    );
    const positionByName = Object.fromEntries(
      merge.members
        .filter((m) => m.position.trim() !== '')
        .map((m) => [m.name.trim(), m.position.trim()]),
    );
    return reconciliationMinutes(
      merge.record,
      { evaluation: merge.evaluation, answers: merge.answers },
      pack,
      {
        coordinator: merge.coordinator,
        nipByName,
        positionByName,
        ...(place ? { place } : {}),
      },
    );
  }, [merge, pack, place]);
}

/** Groups each table with the paragraphs after it, so a conflict prints as one block. */
function groups(blocks: readonly MinutesBlock[]): MinutesBlock[][] {
  const out: MinutesBlock[][] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (b.kind === 'table' || !last) out.push([b]);
    else last.push(b);
  }
  return out;
}

const isHash = (text: string): boolean => /^[0-9a-f]{64}$/.test(text);

function Table({ block }: { block: Extract<MinutesBlock, { kind: 'table' }> }) {
  const { table, caption } = block;
  return (
    <table className="minutes-table">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c.header} scope="col" className={c.align === 'right' ? 'num' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) => (
              <td
                key={i}
                className={
                  table.columns[i]?.align === 'right'
                    ? 'num'
                    : isHash(cell)
                      ? 'hash'
                      : table.columns[i]?.fileNames
                        ? 'file-names'
                        : undefined
                }
              >
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MinutesDocument({ minutes }: { minutes: ReconciliationMinutes }) {
  return (
    <article className="minutes" aria-labelledby="judul-berita-acara">
      <header className="minutes-head">
        <h1 id="judul-berita-acara">{minutes.title}</h1>
        <p className="minutes-subtitle">
          {/* Spaces between the lines: the text reads whole where the lines are not set apart. */}
          {minutes.subtitleLines.map((line, i) => (
            <span key={line} className="minutes-subtitle-line">
              {i > 0 && ' '}
              {line}
            </span>
          ))}
        </p>
        <p className="minutes-number">{minutes.numberLine}</p>
      </header>
      {minutes.opening.map((p) => (
        <p key={p}>{p}</p>
      ))}
      {minutes.sections.map((section) => (
        <section key={section.heading} className="minutes-section">
          <h2>{section.heading}</h2>
          {groups(section.blocks).map((group, g) => (
            <div key={g} className="minutes-group">
              {group.map((b, i) =>
                b.kind === 'table' ? <Table key={i} block={b} /> : <p key={i}>{b.text}</p>,
              )}
            </div>
          ))}
        </section>
      ))}
      {/* The closing stays on the page of the signatures it introduces. */}
      <div className="minutes-signatures">
        {minutes.closing.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <p className="minutes-place">{minutes.placeAndDate}</p>
        <ul className="plain signature-grid" aria-label="Tanda tangan">
          {minutes.signatures.map((s, i) => (
            <li key={`${s.role}-${s.name}-${i}`} className="signature">
              <p>{s.role}</p>
              {s.position && <p className="signature-position">{s.position}</p>}
              <div className="signature-space" aria-hidden="true" />
              <p className="signature-name">{s.name || '..............................'}</p>
              <p>NIP {s.nip || '..............................'}</p>
            </li>
          ))}
        </ul>
      </div>
    </article>
  );
}
