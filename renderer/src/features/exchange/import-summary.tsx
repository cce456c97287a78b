/**
 * The summary of a validated bundle, before anything is written: what the file is (instansi,
 * year, who exported it and when, what it holds), what importing it would change here, the
 * questions to confirm (another instansi or year), and only the safe ways to import it:
 * a new evaluation; an update when no answer changed on both sides; otherwise a merge or a copy.
 * The write itself is one transaction with a progress bar and a Cancel button.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { snapshotValues, type EvaluationId } from '../../../../shared/assessment';
import { formatValue } from '../../../../shared/instrument';
import { indexLine } from '../../../../shared/scoring';
import {
  confirmationText,
  isBundleError,
  type ImportConfirmation,
} from '../../../../shared/bundle';
import { formatDateTime } from '../../../../shared/format/date';
import { formatBytes, formatNumber } from '../../../../shared/format/number';
import { rangeProse } from '../../../../shared/report/text';
import { routes } from '../../app/routes';
import { errorText, useNotify } from '../../components/notices';
import { TaskProgress, useTaskProgress } from '../../components/task-progress';
import { ANONYMOUS } from '../../db/commands/actor';
import { useAnswers } from '../../db/queries/hooks';
import {
  commitImport,
  previewImport,
  type ImportMode,
  type ImportResult,
  type OpenedImport,
} from '../../db/commands/import';

const confirmLabel = (c: ImportConfirmation): string => {
  switch (c.kind) {
    case 'otherInstansi':
      return 'Ya, impor evaluasi instansi lain ini';
    case 'otherYear':
      return 'Ya, impor evaluasi tahun lain ini';
    case 'targetDiffers':
      return c.field === 'instansi'
        ? 'Ya, tetap gunakan meskipun nama instansinya berbeda'
        : 'Ya, tetap gunakan meskipun tahunnya berbeda';
  }
};

const list = (ns: readonly number[]): string => rangeProse(ns);

export function ImportSummary({
  opened,
  onImported,
  onMerge,
  onCancel,
}: {
  opened: OpenedImport;
  onImported: (result: ImportResult) => void;
  /** Settle conflicts through the merge screen, with this evaluation as the base. */
  onMerge: (baseId: EvaluationId) => void;
  onCancel: () => void;
}) {
  const preview = useLiveQuery(() => previewImport(opened), [opened]);
  const localAnswers = useAnswers((preview?.target?.id ?? '') as EvaluationId);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { progress, report, reset } = useTaskProgress();
  const controller = useRef<AbortController | null>(null);
  const notify = useNotify();
  const headingId = useId();
  const m = opened.bundle.manifest;
  const s = m.snapshot;

  if (!preview) return <p role="status">Menyiapkan ringkasan…</p>;
  const { plan, target } = preview;
  /** The name a new evaluation or a copy gets beside one of the same name here, if it changes. */
  const labelled = preview.labelledName;
  const c = plan.changes;
  const d = preview.deletions;
  const confirmations = [...plan.confirmations, ...preview.copyConfirmations].filter(
    (x, i, all) => all.findIndex((y) => confirmationText(y) === confirmationText(x)) === i,
  );
  const confirmed = confirmations.every((x) => checked.has(confirmationText(x)));
  const conflicts = plan.action === 'update' && c.answersInConflict.length > 0;

  const run = async (mode: ImportMode) => {
    const ctl = new AbortController();
    controller.current = ctl;
    setError(null);
    setSaving(true);
    reset();
    try {
      const result = await commitImport(opened, {
        mode,
        confirmed,
        actor: ANONYMOUS,
        signal: ctl.signal,
        onStep: (label) => report({ label, done: 0, total: 0 }),
      });
      onImported(result);
    } catch (e) {
      if (isBundleError(e) && e.code === 'aborted') {
        notify('info', 'Impor dibatalkan. Tidak ada data yang diubah.');
      } else {
        setError(errorText(e));
      }
    } finally {
      setSaving(false);
    }
  };

  const answered = s.answers.filter((a) => a.value !== null || a.justification.trim() !== '');
  const pack = opened.bundle.pack;
  // An assessor's part ("only mine") may leave some of its indicators open: the coordinator
  // should know before relying on it.
  const valued = new Set(s.answers.filter((a) => a.value !== null).map((a) => a.indicator));
  const unanswered =
    m.scope.kind === 'indicators' ? m.scope.indicators.filter((n) => !valued.has(n)) : [];
  const fileValue = new Map(s.answers.map((a) => [a.indicator, a.value]));
  const localValue = new Map((localAnswers ?? []).map((a) => [a.indicator, a.value]));
  const shown = (v: number | null | undefined): string =>
    v === null || v === undefined ? 'kosong' : formatValue(pack, v);
  /** "3 (di sini 2,50; berkas 2,75)": the values behind a changed or disputed answer. */
  const withValues = (ns: readonly number[]): string =>
    ns
      .map((n) =>
        localValue.get(n) === fileValue.get(n)
          ? String(n)
          : `${n} (di sini ${shown(localValue.get(n))}; berkas ${shown(fileValue.get(n))})`,
      )
      .join(', ');
  return (
    <div className="import-summary">
      <section className="card" aria-labelledby={headingId}>
        <h2 id={headingId}>Ringkasan berkas</h2>
        <dl className="facts">
          <dt>Berkas</dt>
          <dd>
            {opened.fileName} ({formatBytes(opened.bundle.fileSize)})
            {opened.bundle.encrypted && ', dilindungi kata sandi'}
          </dd>
          <dt>Instansi</dt>
          <dd>{s.evaluation.instansi.name}</dd>
          <dt>Tahun</dt>
          <dd>{s.evaluation.year}</dd>
          <dt>Instrumen</dt>
          <dd>
            {opened.bundle.pack.shortTitle} (versi {opened.bundle.pack.version})
          </dd>
          <dt>Diekspor oleh</dt>
          <dd>
            {m.exportedBy.name}
            {m.exportedBy.nip && ` (NIP ${m.exportedBy.nip})`}
          </dd>
          <dt>Waktu ekspor</dt>
          <dd>{formatDateTime(m.exportedAt)}</dd>
          <dt>Dibuat dengan</dt>
          <dd>
            {m.app.name} versi {m.app.version}
          </dd>
          <dt>Nilai dalam berkas</dt>
          <dd>{indexLine(pack, snapshotValues(s))}</dd>
          <dt>Cakupan</dt>
          <dd>
            {plan.summary.scope}
            {unanswered.length > 0 &&
              `; belum dijawab di berkas ini: indikator ${list(unanswered)}`}
          </dd>
          <dt>Isi</dt>
          <dd>
            {answered.length} jawaban terisi · {s.evidence.length} dokumen bukti dukung (
            {m.evidenceIncluded ? 'isi berkas disertakan' : 'hanya keterangan, tanpa isi berkas'}) ·{' '}
            {s.members.length} anggota tim · {formatNumber(s.audit.length, 0)} catatan riwayat
          </dd>
        </dl>
      </section>

      <section className="card" aria-labelledby={`${headingId}-ubah`}>
        <h2 id={`${headingId}-ubah`}>Yang akan berubah di komputer ini</h2>
        {plan.action === 'create' || !target ? (
          <p>
            Evaluasi ini belum ada di komputer ini. Impor membuat evaluasi baru berisi{' '}
            {answered.length} jawaban, {s.evidence.length} dokumen, dan {s.members.length} anggota
            tim. Evaluasi lain tidak berubah.
            {labelled && (
              <>
                {' '}
                Evaluasi baru itu diberi nama “{labelled}” karena sudah ada evaluasi{' '}
                {s.evaluation.instansi.name} tahun {s.evaluation.year} dengan nama yang sama.
              </>
            )}
          </p>
        ) : (
          <>
            <p>
              Evaluasi ini sudah ada di komputer ini:{' '}
              <Link to={routes.evaluation.dashboard({ evaluationId: target.id })}>
                {target.instansi.name} {target.year}
              </Link>{' '}
              (terakhir diubah {formatDateTime(target.updatedAt)}).
            </p>
            <ul className="change-list">
              {c.answersAdded.length > 0 && (
                <li>
                  {c.answersAdded.length} jawaban baru dari berkas: indikator {list(c.answersAdded)}
                  .
                </li>
              )}
              {c.answersChanged.length > 0 && (
                <li>
                  {c.answersChanged.length} jawaban di berkas lebih baru dan akan menggantikan versi
                  di sini: indikator {withValues(c.answersChanged)}.
                </li>
              )}
              {c.answersUnchanged.length > 0 && (
                <li>{c.answersUnchanged.length} jawaban sama di kedua pihak.</li>
              )}
              {c.answersKeptLocal.length > 0 && (
                <li>
                  {c.answersKeptLocal.length} jawaban di komputer ini lebih baru dan tetap
                  dipertahankan: indikator {list(c.answersKeptLocal)}.
                </li>
              )}
              {c.answersInConflict.length > 0 && (
                <li>
                  <strong>
                    {c.answersInConflict.length} jawaban diubah di kedua pihak sejak terakhir
                    dipertukarkan: indikator {withValues(c.answersInConflict)}.
                  </strong>
                </li>
              )}
              {d && d.applied.length > 0 && (
                <li>
                  <strong>
                    {d.applied.length} penghapusan dari berkas diterapkan di sini:{' '}
                    {d.applied.join(', ')}.
                  </strong>
                </li>
              )}
              {d && d.notRestored.length > 0 && (
                <li>
                  {d.notRestored.length} hal yang sudah dihapus di sini tidak dikembalikan oleh
                  berkas: {d.notRestored.join(', ')}.
                </li>
              )}
              {d && d.conflicts.length > 0 && (
                <li>
                  {d.conflicts.length} penghapusan berbenturan dengan perubahan di pihak lain dan
                  tidak diterapkan (putuskan lewat penggabungan): {d.conflicts.join(', ')}.
                </li>
              )}
              {d?.unseen && (
                <li>
                  Berkas ini dibuat oleh versi aplikasi yang belum mencatat penghapusan: penghapusan
                  di berkas itu tidak dapat diketahui.
                </li>
              )}
              <li>
                Dokumen, tautan bukti, anggota tim, dan catatan riwayat yang belum ada ditambahkan;
                {d && d.applied.length > 0 ? ' selain penghapusan di atas,' : ''} tidak ada yang
                dihapus. Profil instansi di komputer ini tidak berubah.
              </li>
            </ul>
            {labelled && (
              <p>
                Bila diimpor sebagai salinan terpisah, salinan itu diberi nama “{labelled}” karena
                sudah ada evaluasi {s.evaluation.instansi.name} tahun {s.evaluation.year} dengan
                nama yang sama.
              </p>
            )}
          </>
        )}
        {preview.filesToStore > 0 && (
          <p>
            {preview.filesToStore} berkas bukti dukung baru ({formatBytes(preview.bytesToStore)})
            akan disimpan; berkas yang sudah ada di komputer ini tidak disimpan dua kali.
          </p>
        )}
        {preview.documentsWithoutBytes > 0 && (
          <p className="alert warn">
            {preview.documentsWithoutBytes} dokumen bukti dukung tidak disertai isi berkasnya dan
            belum ada di komputer ini: hanya keterangannya yang tersimpan.
          </p>
        )}
        {conflicts && (
          <p className="alert warn">
            Karena ada jawaban yang berbeda di kedua pihak, evaluasi tidak diperbarui langsung agar
            tidak ada pekerjaan yang hilang. Gabungkan berkas ini dengan evaluasi yang ada untuk
            memutuskan setiap perbedaan, atau impor sebagai salinan terpisah.
          </p>
        )}
      </section>

      {confirmations.length > 0 && (
        <fieldset className="card fieldset">
          <legend>Perlu konfirmasi</legend>
          {confirmations.map((x) => {
            const key = confirmationText(x);
            return (
              <div key={key} className="alert warn">
                <p>{key}</p>
                <label className="inline-check">
                  <input
                    type="checkbox"
                    checked={checked.has(key)}
                    onChange={(e) => {
                      const next = new Set(checked);
                      if (e.target.checked) next.add(key);
                      else next.delete(key);
                      setChecked(next);
                    }}
                  />{' '}
                  {confirmLabel(x)}
                </label>
              </div>
            );
          })}
        </fieldset>
      )}

      {error && (
        <div className="alert danger" role="alert">
          {error}
        </div>
      )}
      {saving ? (
        <TaskProgress
          title="Menyimpan hasil impor"
          state={progress}
          onCancel={() => controller.current?.abort()}
        />
      ) : (
        <div className="form-actions">
          <button type="button" className="secondary" onClick={onCancel}>
            Batal
          </button>
          {(plan.action === 'create' || !target) && (
            <button type="button" disabled={!confirmed} onClick={() => void run('create')}>
              Impor sebagai evaluasi baru
            </button>
          )}
          {plan.action === 'update' && target && (
            <>
              <button
                type="button"
                className="secondary"
                disabled={!confirmed}
                onClick={() => void run('copy')}
              >
                Impor sebagai salinan terpisah
              </button>
              {conflicts ? (
                <button type="button" disabled={!confirmed} onClick={() => onMerge(target.id)}>
                  Gabungkan dengan evaluasi yang ada…
                </button>
              ) : (
                <button type="button" disabled={!confirmed} onClick={() => void run('update')}>
                  Perbarui evaluasi yang ada
                </button>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
