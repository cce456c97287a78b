/**
 * Where every answer of a merged evaluation came from: the merge's inputs, and per indicator how
 * its answer was settled (the same in all files, from one file, the newer version, or decided by
 * the coordinator with the reason), the deletions applied (and the files whose deletions could
 * not be seen), with the way to the Berita Acara Rekonsiliasi.
 */
import { Link } from 'react-router';
import { formatDateTime } from '../../../../shared/format/date';
import {
  blindInputsSentence,
  provenanceHowLabel,
  provenanceSourcesText,
  valueCell,
} from '../../../../shared/merge';
import { isDecimalScale, type InstrumentPack } from '../../../../shared/instrument';
import { routes } from '../../app/routes';
import type { StoredMerge } from '../../db/commands/merge';

export function MergeSummary({ merge, pack }: { merge: StoredMerge; pack: InstrumentPack }) {
  const { record } = merge;
  const label = (id: string): string => record.inputs.find((i) => i.sourceId === id)?.label ?? id;
  const mergedValue = new Map(merge.answers.map((a) => [a.indicator, a.value]));
  const decision = new Map(record.conflicts.map((c) => [c.indicator, c]));
  const blind = blindInputsSentence(record.blindInputs ?? []);
  return (
    <section className="card" aria-labelledby="judul-asal-gabungan">
      <h3 id="judul-asal-gabungan">Hasil penggabungan</h3>
      <p>
        Evaluasi ini dibuat dengan menggabungkan {record.inputs.length} sumber pada{' '}
        {formatDateTime(record.mergedAt)}:{' '}
        {record.inputs
          .map((i) => `${i.label}${i.exportedBy ? ` (${i.exportedBy})` : ''}`)
          .join(', ')}
        . {record.conflicts.length} perbedaan diputuskan koordinator.
        {record.deletions && record.deletions.length > 0 && (
          <>
            {' '}
            Penghapusan yang diterapkan:{' '}
            {record.deletions
              .filter((d) => d.decision?.choice !== 'keep')
              .map((d) => `${d.label} (oleh ${d.deletedBy || '—'})`)
              .join(', ') || 'tidak ada'}
            .
          </>
        )}
      </p>
      {blind && <p className="alert warn">{blind}</p>}
      <p>
        <Link className="button" to={routes.minutes({ mergeId: record.id })}>
          Lihat Berita Acara Rekonsiliasi
        </Link>
      </p>
      <details>
        <summary>Asal jawaban setiap indikator ({record.provenance.length})</summary>
        <table>
          <caption className="visually-hidden">Asal jawaban setiap indikator</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Indikator
              </th>
              <th scope="col">{isDecimalScale(pack) ? 'Nilai' : 'Tingkat'} saat digabung</th>
              <th scope="col">Cara</th>
              <th scope="col">Dari berkas</th>
            </tr>
          </thead>
          <tbody>
            {record.provenance.map((p) => {
              const value = mergedValue.get(p.indicator) ?? null;
              const d = decision.get(p.indicator);
              return (
                <tr key={p.indicator}>
                  <td className="num">{p.indicator}</td>
                  <td>{valueCell(pack, p.indicator, value)}</td>
                  <td>
                    {provenanceHowLabel[p.how]}
                    {d && <div className="small muted">Alasan: {d.reason}</div>}
                  </td>
                  <td>
                    {provenanceSourcesText(record, p)}
                    {p.superseded.length > 0 && (
                      <div className="small muted">
                        menggantikan versi lama dari {p.superseded.map(label).join('; ')}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </section>
  );
}
