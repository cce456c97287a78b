/**
 * The coordinator's merge: pick two or more .spbe files (each validated completely, password
 * asked when needed) and optionally one evaluation of this computer as the base; see what merges
 * by itself (identical, one-sided, newer answers, with where each came from) and settle every
 * conflict on its own card with a reason; confirm differences of instansi or year; then the
 * result is stored as a NEW evaluation in one transaction (inputs untouched), with the merge
 * record for the Berita Acara Rekonsiliasi.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { EvaluationId, EvaluationSnapshot } from '../../../../shared/assessment';
import { describeScope, isBundleError } from '../../../../shared/bundle';
import { formatDateTime } from '../../../../shared/format/date';
import { findPack, isDecimalScale } from '../../../../shared/instrument';
import {
  analyzeMerge,
  applyMerge,
  valueCell,
  MergeError,
  provenanceHowLabel,
  sourceFromBase,
  sourceFromBundle,
  type MergeAnalysis,
  type Resolution,
} from '../../../../shared/merge';
import { usePlatform } from '../../app/platform-context';
import { errorText, useNotify } from '../../components/notices';
import { TaskProgress, useTaskProgress } from '../../components/task-progress';
import type { OpenedImport } from '../../db/commands/import';
import { saveMerge } from '../../db/commands/merge';
import { useEvaluations } from '../../db/queries/hooks';
import { readSnapshot } from '../../db/snapshot';
import type { PickedFile } from '../../platform/types';
import { BundleOpener } from '../exchange/bundle-opener';
import { dropMerge, peekMerge } from '../exchange/hand-over';
import { ConflictCard } from './conflict-card';
import { emptyDecision, toResolution, type DecisionDraft } from './decision';

interface Input {
  /** Stable within the page: the merge source id. */
  id: string;
  label: string;
  opened: OpenedImport;
}

/** Who usually signs as Koordinator SPBE: a team member with that role, else the Sekda. */
function coordinatorOf(snapshot: EvaluationSnapshot | null | undefined): {
  name: string;
  nip: string;
} {
  if (!snapshot) return { name: '', nip: '' };
  const m = snapshot.members.find((x) => x.role === 'coordinator');
  if (m) return { name: m.name, nip: m.nip };
  return {
    name: snapshot.evaluation.instansi.sekdaName,
    nip: snapshot.evaluation.instansi.sekdaNip,
  };
}

const uniqueLabel = (name: string, taken: readonly string[]): string => {
  if (!taken.includes(name)) return name;
  for (let n = 2; ; n += 1) if (!taken.includes(`${name} (${n})`)) return `${name} (${n})`;
};

export function MergePage() {
  const [params] = useSearchParams();
  const platform = usePlatform();
  const navigate = useNavigate();
  const notify = useNotify();
  const evaluations = useEvaluations();
  // Bundles handed over by the import screen (a conflicting update): read once, then dropped.
  const [handed] = useState(() => peekMerge());
  useEffect(() => {
    if (handed) dropMerge();
  }, [handed]);
  const nextId = useRef((handed?.bundles.length ?? 0) + 1);
  const [inputs, setInputs] = useState<Input[]>(() =>
    (handed?.bundles ?? []).map((opened, i) => ({
      id: String(i + 1),
      label: opened.fileName,
      opened,
    })),
  );
  const [queue, setQueue] = useState<PickedFile[]>([]);
  const [baseId, setBaseId] = useState<string>(handed?.baseId ?? params.get('dasar') ?? '');
  const base = useLiveQuery(
    async () => (baseId ? await readSnapshot(baseId as EvaluationId) : null),
    [baseId],
  );
  const [coordinator, setCoordinator] = useState<{ name: string; nip: string } | null>(null);
  const [confirmMismatch, setConfirmMismatch] = useState(false);
  const [drafts, setDrafts] = useState<Record<number, DecisionDraft>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { progress, report, reset } = useTaskProgress();
  const controller = useRef<AbortController | null>(null);

  const firstSnapshot = base ?? inputs[0]?.opened.bundle.manifest.snapshot ?? null;
  const signer = coordinator ?? coordinatorOf(firstSnapshot);

  const pack = useMemo(() => {
    const s = base ?? inputs[0]?.opened.bundle.manifest.snapshot;
    return s ? findPack(s.evaluation.instrument.id, s.evaluation.instrument.version) : undefined;
  }, [base, inputs]);

  const analysis = useMemo((): { ok: MergeAnalysis } | { error: string } | null => {
    if (!pack) return null;
    const sources = inputs.map((i) => sourceFromBundle(i.id, i.label, i.opened.bundle));
    if (sources.length + (base ? 1 : 0) < 2) return null;
    try {
      return {
        ok: analyzeMerge({ pack, base: base ? sourceFromBase(base) : null, inputs: sources }),
      };
    } catch (e) {
      if (e instanceof MergeError) return { error: e.message };
      throw e;
    }
  }, [pack, inputs, base]);

  // Each card's completeness (who decides is checked on its own field, the time at saving).
  const checks = useMemo(() => {
    const a = analysis && 'ok' in analysis ? analysis.ok : null;
    const by = { memberId: null, name: '—' };
    return new Map(
      (a?.conflicts ?? []).map((c) => [
        c.indicator,
        toResolution(c, drafts[c.indicator], by, 0, pack),
      ]),
    );
  }, [analysis, drafts, pack]);

  const addFiles = async () => {
    const files = await platform.pickFiles({
      kind: 'bundle',
      multiple: true,
      title: 'Pilih berkas .spbe yang akan digabung',
    });
    if (files && files.length > 0) setQueue((q) => [...q, ...files]);
  };
  const opened = (o: OpenedImport) => {
    const id = String(nextId.current);
    nextId.current += 1;
    setInputs((list) => [
      ...list,
      {
        id,
        label: uniqueLabel(
          o.fileName,
          list.map((i) => i.label),
        ),
        opened: o,
      },
    ]);
    setQueue((q) => q.slice(1));
  };

  const a = analysis && 'ok' in analysis ? analysis.ok : null;
  const openConflicts = a ? a.conflicts.filter((c) => !checks.get(c.indicator)?.ok).length : 0;
  const mismatchOk = !a || a.mismatches.length === 0 || confirmMismatch;
  const ready = a !== null && openConflicts === 0 && mismatchOk && signer.name.trim() !== '';

  const save = async () => {
    if (!a || !ready) return;
    const at = Date.now();
    const by: Resolution['decidedBy'] = { memberId: null, name: signer.name.trim() };
    const resolutions = a.conflicts.map((c) => {
      const r = toResolution(c, drafts[c.indicator], by, at, pack);
      if (!r.ok) throw new Error(r.problems.join(' '));
      return r.resolution;
    });
    const ctl = new AbortController();
    controller.current = ctl;
    setSaving(true);
    setFailure(null);
    reset();
    try {
      report({ label: 'Menyusun evaluasi gabungan', done: 0, total: 0 });
      const result = applyMerge(a, resolutions, {
        confirmMismatches: confirmMismatch,
        now: at,
        mergedBy: by,
      });
      const blobs = new Map<string, Blob>();
      for (const i of inputs) for (const [h, b] of i.opened.blobs) blobs.set(h, b);
      await saveMerge(result, blobs, {
        coordinator: { name: signer.name.trim(), nip: signer.nip.trim() },
        signal: ctl.signal,
        onStep: (label) => report({ label, done: 0, total: 0 }),
      });
      notify(
        'ok',
        `Penggabungan tersimpan sebagai evaluasi baru (${result.record.totals.answers} jawaban, ${result.record.conflicts.length} keputusan).`,
      );
      void navigate(`/gabungan/${result.record.id}`);
    } catch (e) {
      if (isBundleError(e) && e.code === 'aborted') {
        notify('info', 'Penyimpanan penggabungan dibatalkan. Tidak ada data yang diubah.');
      } else {
        setFailure(errorText(e));
      }
    } finally {
      setSaving(false);
    }
  };

  const sourceLabel = (id: string): string => a?.sources.find((s) => s.id === id)?.label ?? id;
  const active = (evaluations ?? []).filter((e) => e.status === 'active');

  return (
    <section aria-labelledby="judul-gabung">
      <div className="page-header">
        <div>
          <h1 id="judul-gabung">Gabungkan Berkas Asesor</h1>
          <p>
            Satukan berkas .spbe para asesor menjadi satu evaluasi baru. Jawaban yang sama atau
            hanya diisi satu pihak digabung langsung; setiap perbedaan Anda putuskan dengan alasan.
            Berkas dan evaluasi asal tidak diubah.
          </p>
        </div>
      </div>

      <section className="card" aria-labelledby="judul-berkas-gabung">
        <h2 id="judul-berkas-gabung">1. Berkas yang digabung</h2>
        {inputs.length > 0 ? (
          <table>
            <caption className="visually-hidden">Berkas yang akan digabung</caption>
            <thead>
              <tr>
                <th scope="col">Berkas</th>
                <th scope="col">Instansi dan tahun</th>
                <th scope="col">Diekspor oleh</th>
                <th scope="col">Cakupan</th>
                <th scope="col" className="num">
                  Jawaban
                </th>
                <th scope="col">Tindakan</th>
              </tr>
            </thead>
            <tbody>
              {inputs.map((i) => {
                const m = i.opened.bundle.manifest;
                return (
                  <tr key={i.id}>
                    <td>
                      {i.label}
                      {i.opened.bundle.encrypted && (
                        <span className="badge"> dilindungi kata sandi</span>
                      )}
                    </td>
                    <td>
                      {m.snapshot.evaluation.instansi.name} {m.snapshot.evaluation.year}
                    </td>
                    <td>
                      {m.exportedBy.name}
                      <div className="small muted">{formatDateTime(m.exportedAt)}</div>
                    </td>
                    <td>{describeScope(m.scope)}</td>
                    <td className="num">
                      {m.snapshot.answers.filter((x) => x.value !== null).length}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`Keluarkan ${i.label} dari penggabungan`}
                        onClick={() => setInputs((list) => list.filter((x) => x.id !== i.id))}
                      >
                        Keluarkan
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p className="muted">Belum ada berkas. Tambahkan paling sedikit dua berkas .spbe.</p>
        )}
        {queue[0] && (
          <BundleOpener
            key={`${queue[0].name}:${queue[0].size}:${queue[0].lastModified}:${queue.length}`}
            file={queue[0]}
            onOpened={opened}
            onClose={() => setQueue((q) => q.slice(1))}
          />
        )}
        <div className="form-actions">
          <button type="button" onClick={() => void addFiles()} disabled={queue.length > 0}>
            Tambah berkas .spbe…
          </button>
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="gabung-dasar">Evaluasi dasar di komputer ini (opsional)</label>
            <select id="gabung-dasar" value={baseId} onChange={(e) => setBaseId(e.target.value)}>
              <option value="">— tanpa evaluasi dasar —</option>
              {active.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.instansi.name} {e.year}
                </option>
              ))}
            </select>
            <span className="hint">
              Misalnya evaluasi koordinator yang dulu dikirim kepada para asesor. Evaluasi ini ikut
              dibandingkan dan tidak diubah.
            </span>
          </div>
          <div>
            <div className="field">
              <label htmlFor="gabung-koordinator">Nama koordinator</label>
              <input
                id="gabung-koordinator"
                value={signer.name}
                maxLength={120}
                onChange={(e) => setCoordinator({ ...signer, name: e.target.value })}
                aria-invalid={signer.name.trim() === '' ? true : undefined}
              />
              <span className="hint">
                Wajib diisi: yang memutuskan perbedaan dan menandatangani berita acara.
              </span>
            </div>
            <div className="field">
              <label htmlFor="gabung-nip">NIP koordinator</label>
              <input
                id="gabung-nip"
                inputMode="numeric"
                value={signer.nip}
                maxLength={30}
                onChange={(e) => setCoordinator({ ...signer, nip: e.target.value })}
              />
            </div>
          </div>
        </div>
      </section>

      {analysis && 'error' in analysis && (
        <div className="alert danger" role="alert">
          {analysis.error}
        </div>
      )}

      {a && pack && (
        <>
          <section className="card" aria-labelledby="judul-analisis">
            <h2 id="judul-analisis">2. Hasil analisis</h2>
            <p>
              {a.outcomes.length} indikator dibandingkan dari {a.sources.length} sumber:{' '}
              {a.outcomes.length - a.conflicts.length} digabung otomatis, {a.conflicts.length}{' '}
              berbeda dan perlu diputuskan.
            </p>
            {a.mismatches.length > 0 && (
              <div className="alert warn">
                <p>
                  <strong>Berkas yang digabung tidak sejenis:</strong>
                </p>
                <ul>
                  {a.mismatches.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
                <label className="inline-check">
                  <input
                    type="checkbox"
                    checked={confirmMismatch}
                    onChange={(e) => setConfirmMismatch(e.target.checked)}
                  />{' '}
                  Saya sudah memeriksa perbedaan ini dan tetap ingin menggabungkan
                </label>
              </div>
            )}
            <details>
              <summary>
                Jawaban yang digabung otomatis ({a.outcomes.length - a.conflicts.length})
              </summary>
              <table>
                <caption className="visually-hidden">Jawaban yang digabung otomatis</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Indikator
                    </th>
                    <th scope="col">{isDecimalScale(pack) ? 'Nilai' : 'Tingkat'}</th>
                    <th scope="col">Cara</th>
                    <th scope="col">Asal</th>
                  </tr>
                </thead>
                <tbody>
                  {a.outcomes.flatMap((o) =>
                    o.kind === 'auto'
                      ? [
                          <tr key={o.indicator}>
                            <td className="num">{o.indicator}</td>
                            <td>{valueCell(pack, o.indicator, o.answer.value)}</td>
                            <td>{provenanceHowLabel[o.how]}</td>
                            <td>
                              {o.from.map(sourceLabel).join(', ')}
                              {o.superseded.length > 0 && (
                                <div className="small muted">
                                  menggantikan versi lama dari{' '}
                                  {o.superseded.map(sourceLabel).join(', ')}
                                </div>
                              )}
                            </td>
                          </tr>,
                        ]
                      : [],
                  )}
                </tbody>
              </table>
            </details>
          </section>

          {a.conflicts.length > 0 && (
            <section aria-labelledby="judul-konflik">
              <h2 id="judul-konflik">3. Perbedaan yang perlu diputuskan ({a.conflicts.length})</h2>
              {a.conflicts.map((c) => (
                <ConflictCard
                  key={c.indicator}
                  conflict={c}
                  pack={pack}
                  draft={drafts[c.indicator] ?? emptyDecision}
                  onChange={(next) => setDrafts((d) => ({ ...d, [c.indicator]: next }))}
                  problems={(() => {
                    const check = checks.get(c.indicator);
                    return !check || check.ok ? [] : check.problems;
                  })()}
                />
              ))}
            </section>
          )}

          {failure && (
            <div className="alert danger" role="alert">
              Penggabungan tidak disimpan: {failure} Tidak ada data yang diubah.
            </div>
          )}
          {saving ? (
            <TaskProgress
              title="Menyimpan hasil penggabungan"
              state={progress}
              onCancel={() => controller.current?.abort()}
            />
          ) : (
            <div className="form-actions">
              {!ready && (
                <p className="small muted" aria-live="polite">
                  {openConflicts > 0
                    ? `${openConflicts} perbedaan belum diputuskan.`
                    : !mismatchOk
                      ? 'Konfirmasi perbedaan instansi atau tahun terlebih dahulu.'
                      : 'Isi nama koordinator.'}
                </p>
              )}
              <button type="button" disabled={!ready} onClick={() => void save()}>
                Simpan hasil penggabungan
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
