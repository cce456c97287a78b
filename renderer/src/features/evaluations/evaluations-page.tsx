/**
 * The evaluations on this computer: several side by side, with progress and index, and the
 * actions on each (open, duplicate to a new year, archive, delete with confirmation).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  instansiKindLabel,
  type Answer,
  type Evaluation,
  type EvaluationId,
} from '../../../../shared/assessment';
import { findPack } from '../../../../shared/instrument';
import { score } from '../../../../shared/scoring';
import { ConfirmDialog, Dialog } from '../../components/dialog';
import { errorText, useNotify } from '../../components/notices';
import { RatingBadge } from '../../components/rating-badge';
import { ANONYMOUS } from '../../db/commands/actor';
import { deleteEvaluation, duplicateEvaluation, setArchived } from '../../db/commands/evaluations';
import { db } from '../../db/db';
import { useEvaluations } from '../../db/queries/hooks';
import { usePlatform } from '../../app/platform-context';
import { handOverForImport } from '../exchange/hand-over';

function Summary({ evaluation, answers }: { evaluation: Evaluation; answers: Answer[] }) {
  const pack = findPack(evaluation.instrument.id, evaluation.instrument.version);
  const result = useMemo(() => {
    if (!pack) return null;
    const values: Record<number, number | null> = {};
    for (const a of answers) values[a.indicator] = a.value;
    return score(pack, values);
  }, [pack, answers]);
  if (!pack || !result) return <span className="badge danger">Instrumen tidak dikenal</span>;
  return (
    <>
      <td className="num">
        {result.answered}/{result.total}
      </td>
      <td>
        <RatingBadge overall={result.overall} />
      </td>
    </>
  );
}

function DuplicateDialog({ source, onClose }: { source: Evaluation | null; onClose: () => void }) {
  const [year, setYear] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const navigate = useNavigate();
  if (!source) return null;
  const value = year || String(source.year + 1);
  return (
    <Dialog
      open={source !== null}
      title={`Salin evaluasi ${source.year} ke tahun baru`}
      onClose={onClose}
    >
      <p>
        Jawaban, penjelasan, tautan bukti dukung, dan tim tahun {source.year} disalin sebagai titik
        awal. Setiap jawaban yang disalin ditandai <strong>perlu ditinjau</strong>.
      </p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const target = Number(value);
          if (!Number.isInteger(target) || target < 2018 || target > 2100) {
            notify('danger', 'Tahun tidak sah.');
            return;
          }
          setBusy(true);
          try {
            const id = await duplicateEvaluation(source.id, target, ANONYMOUS);
            notify('ok', `Evaluasi tahun ${target} dibuat dari tahun ${source.year}.`);
            onClose();
            void navigate(`/evaluasi/${id}`);
          } catch (err) {
            notify('danger', errorText(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <div className="field">
          <label htmlFor="tahun-salinan">Tahun evaluasi baru</label>
          <input
            id="tahun-salinan"
            inputMode="numeric"
            value={value}
            onChange={(e) => setYear(e.target.value)}
          />
        </div>
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Batal
          </button>
          <button type="submit" disabled={busy}>
            Salin
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function EvaluationsPage() {
  const evaluations = useEvaluations();
  const answers = useLiveQuery(() => db.answers.toArray(), []);
  const [showArchived, setShowArchived] = useState(false);
  const [duplicating, setDuplicating] = useState<Evaluation | null>(null);
  const [deleting, setDeleting] = useState<Evaluation | null>(null);
  const notify = useNotify();
  const platform = usePlatform();
  const navigate = useNavigate();
  // The picker opens on the click itself (browsers allow it only on a user gesture).
  const openBundleFile = async () => {
    const files = await platform.pickFiles({
      kind: 'bundle',
      multiple: false,
      title: 'Buka berkas .spbe',
    });
    const file = files?.[0];
    if (!file) return;
    handOverForImport(file);
    void navigate('/impor');
  };

  const byEvaluation = useMemo(() => {
    const map = new Map<EvaluationId, Answer[]>();
    for (const a of answers ?? []) map.set(a.evaluationId, [...(map.get(a.evaluationId) ?? []), a]);
    return map;
  }, [answers]);

  if (!evaluations) return <p role="status">Memuat daftar evaluasi…</p>;
  const visible = evaluations
    .filter((e) => showArchived || e.status === 'active')
    .sort((a, b) => b.year - a.year || a.instansi.name.localeCompare(b.instansi.name));
  const archivedCount = evaluations.filter((e) => e.status === 'archived').length;

  return (
    <section aria-labelledby="judul-evaluasi">
      <div className="page-header">
        <div>
          <h1 id="judul-evaluasi">Daftar Evaluasi</h1>
          <p>Penilaian mandiri SPBE yang tersimpan di komputer ini.</p>
        </div>
        <div className="row-actions">
          <button type="button" className="secondary" onClick={() => void openBundleFile()}>
            Buka berkas .spbe
          </button>
          <Link className="button secondary" to="/gabung">
            Gabungkan berkas asesor
          </Link>
          <Link className="button" to="/evaluasi/baru">
            Buat evaluasi baru
          </Link>
        </div>
      </div>
      {archivedCount > 0 && (
        <label className="inline-check">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.target.checked)}
          />{' '}
          Tampilkan evaluasi yang diarsipkan ({archivedCount})
        </label>
      )}
      {visible.length === 0 ? (
        <div className="card empty">
          <h2>Belum ada evaluasi</h2>
          <p>Buat evaluasi baru untuk instansi Anda, atau buka berkas .spbe dari asesor lain.</p>
        </div>
      ) : (
        <table>
          <caption className="visually-hidden">Daftar evaluasi</caption>
          <thead>
            <tr>
              <th scope="col">Tahun</th>
              <th scope="col">Instansi</th>
              <th scope="col">Instrumen</th>
              <th scope="col" className="num">
                Terjawab
              </th>
              <th scope="col">Indeks</th>
              <th scope="col">Tindakan</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((e) => (
              <tr key={e.id}>
                <td>{e.year}</td>
                <td>
                  <Link to={`/evaluasi/${e.id}`}>{e.instansi.name}</Link>
                  <div className="small muted">
                    {instansiKindLabel[e.instansi.kind]}
                    {e.status === 'archived' && <span className="badge warn"> Diarsipkan</span>}
                  </div>
                </td>
                <td className="small">
                  {findPack(e.instrument.id)?.shortTitle ?? e.instrument.id}
                </td>
                <Summary evaluation={e} answers={byEvaluation.get(e.id) ?? []} />
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setDuplicating(e)}
                      aria-label={`Salin evaluasi ${e.instansi.name} ${e.year} ke tahun baru`}
                    >
                      Salin ke tahun baru
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={`${e.status === 'archived' ? 'Pulihkan' : 'Arsipkan'} evaluasi ${e.instansi.name} ${e.year}`}
                      onClick={async () => {
                        try {
                          await setArchived(e.id, e.status === 'active', ANONYMOUS);
                          notify(
                            'ok',
                            e.status === 'active'
                              ? 'Evaluasi diarsipkan.'
                              : 'Evaluasi dipulihkan dari arsip.',
                          );
                        } catch (err) {
                          notify('danger', errorText(err));
                        }
                      }}
                    >
                      {e.status === 'archived' ? 'Pulihkan' : 'Arsipkan'}
                    </button>
                    <button
                      type="button"
                      className="secondary danger-text"
                      onClick={() => setDeleting(e)}
                      aria-label={`Hapus evaluasi ${e.instansi.name} ${e.year}`}
                    >
                      Hapus
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DuplicateDialog source={duplicating} onClose={() => setDuplicating(null)} />
      <ConfirmDialog
        open={deleting !== null}
        title="Hapus evaluasi?"
        danger
        confirmLabel="Hapus permanen"
        message={
          deleting && (
            <p>
              Evaluasi <strong>{deleting.instansi.name}</strong> tahun {deleting.year} beserta
              seluruh jawaban, bukti dukung, tim, dan riwayatnya akan dihapus dari komputer ini.
              Tindakan ini tidak dapat dibatalkan. Ekspor berkas .spbe terlebih dahulu bila masih
              diperlukan.
            </p>
          )
        }
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          const target = deleting;
          setDeleting(null);
          if (!target) return;
          try {
            await deleteEvaluation(target.id);
            notify('ok', `Evaluasi ${target.instansi.name} ${target.year} dihapus.`);
          } catch (err) {
            notify('danger', errorText(err));
          }
        }}
      />
    </section>
  );
}
