/**
 * The pack's own notes on a topic (an indicator, the scales, the sources): what its authors
 * corrected in a copied text, where the sources disagree, what the pack assumes. Each says which
 * kind it is and, where the pack gives it, its source (folded: the references are technical), so
 * the reader knows why a text differs from the copy they hold.
 */
import type { PackNote } from '../../../../shared/instrument';

const kindLabel: Record<PackNote['kind'], string> = {
  correction: 'Koreksi salinan',
  discrepancy: 'Perbedaan antarsumber',
  assumption: 'Asumsi paket',
  info: 'Keterangan',
};

export function PackNotes({ notes, label }: { notes: readonly PackNote[]; label: string }) {
  if (notes.length === 0) return null;
  return (
    <ul aria-label={label}>
      {notes.map((n, i) => (
        <li key={i}>
          <strong>{kindLabel[n.kind]}:</strong> {n.text}
          {n.source && (
            <details className="small muted">
              <summary>Sumber catatan</summary>
              <p className="source-text">{n.source}</p>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
