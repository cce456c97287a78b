/**
 * The "Pertukaran" tab of an evaluation: where it came from (imported file or merge, with the
 * provenance of every merged answer and the Berita Acara), the export of .spbe files, and the
 * way to merge assessors' files with this evaluation as the base.
 */
import { Link } from 'react-router';
import { formatDateTime } from '../../../../shared/format/date';
import { routes } from '../../app/routes';
import { MergeSummary } from '../merge/merge-summary';
import { useMergeOfEvaluation } from '../merge/use-merge';
import { useWorkspace } from '../workspace/workspace-context';
import { ExportPanel } from './export-panel';

export function ExchangePage() {
  const { evaluation, pack } = useWorkspace();
  const origin = evaluation.origin;
  const merge = useMergeOfEvaluation(evaluation.id, origin.kind === 'merged');
  return (
    <section aria-labelledby="judul-pertukaran">
      <h2 id="judul-pertukaran">Pertukaran berkas</h2>
      <p className="muted">
        Kirim evaluasi ini sebagai berkas .spbe, atau gabungkan berkas para asesor. Setiap ekspor
        dan impor tercatat di Riwayat.
      </p>
      {origin.kind === 'imported' && (
        <p className="alert info">
          Evaluasi ini diimpor dari berkas {origin.fileName}, diekspor oleh {origin.exportedBy} pada{' '}
          {formatDateTime(origin.exportedAt)}.
        </p>
      )}
      {origin.kind === 'merged' && merge && <MergeSummary merge={merge} pack={pack} />}
      <ExportPanel />
      <section className="card" aria-labelledby="judul-gabung-dari-sini">
        <h3 id="judul-gabung-dari-sini">Gabungkan berkas asesor</h3>
        <p className="muted">
          Koordinator menyatukan berkas .spbe para asesor menjadi satu evaluasi baru; evaluasi ini
          dapat menjadi dasarnya dan tidak diubah. Berkas .spbe yang berisi evaluasi ini juga dapat
          dibuka langsung untuk memperbarui evaluasi ini.
        </p>
        <div className="row-actions">
          <Link className="button" to={routes.merge({ dasar: evaluation.id })}>
            Gabungkan dengan evaluasi ini sebagai dasar
          </Link>
          <Link className="button secondary" to={routes.import()}>
            Buka berkas .spbe
          </Link>
        </div>
      </section>
    </section>
  );
}
