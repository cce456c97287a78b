/**
 * The coordinator's merge: pick two or more .spbe files (each validated completely, password
 * asked when needed) and optionally one evaluation of this computer as the base; see what merges
 * by itself (identical, one-sided, newer answers, with where each came from) and settle every
 * conflict on its own card with a reason; confirm differences of instansi or year; then the
 * result is stored as a NEW evaluation in one transaction (inputs untouched), with the merge
 * record for the Berita Acara Rekonsiliasi. The work in progress (files, base, signer, decisions
 * and reasons) is kept as a draft in IndexedDB as it changes and offered back when the
 * coordinator returns; leaving with work not yet kept asks first.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import {
  evaluationName,
  type EvaluationId,
  type EvaluationSnapshot,
  type Member,
  type MemberId,
} from '../../../../shared/assessment';
import { describeScope, isBundleError } from '../../../../shared/bundle';
import { formatDateTime } from '../../../../shared/format/date';
import { findPack, isDecimalScale } from '../../../../shared/instrument';
import {
  analyzeMerge,
  applyMerge,
  baseAnswerer,
  valueCell,
  MergeError,
  provenanceHowLabel,
  sourceFromBase,
  sourceFromBundle,
  type MergeAnalysis,
  type Resolution,
} from '../../../../shared/merge';
import { usePlatform } from '../../app/platform-context';
import { routes } from '../../app/routes';
import { errorText, useNotify } from '../../components/notices';
import { TableScroll } from '../../components/table-scroll';
import { TaskProgress, useTaskProgress } from '../../components/task-progress';
import { useLeaveGuard } from '../../components/use-leave-guard';
import type { OpenedImport } from '../../db/commands/import';
import { currentMemberKey } from '../../db/commands/members';
import { saveMerge, type MergeDraft, type MergeDraftInput } from '../../db/commands/merge';
import { db } from '../../db/db';
import { useEvaluations } from '../../db/queries/hooks';
import { readTombstones } from '../../db/commands/export';
import { readSnapshot } from '../../db/snapshot';
import type { PickedFile } from '../../platform/types';
import { BundleOpener } from '../exchange/bundle-opener';
import { originLine } from '../evaluations/evaluation-origin';
import { dropMerge, peekMerge } from '../exchange/hand-over';
import { ConflictCard } from './conflict-card';
import { DeletionPanel, toDeletionDecision, type DeletionDraft } from './deletion-card';
import { emptyDecision, toResolution, type DecisionDraft } from './decision';
import { defaultSigner, disputingParties, fileIndex, signerWithName } from './merge-inputs';
import { useMergeDraft } from './use-merge-draft';

/** One loaded file as the merge reads it (cloneable: kept in the draft as it is). */
type Input = MergeDraftInput;

const inputOf = (id: string, label: string, o: OpenedImport): Input => ({
  id,
  label,
  manifest: o.bundle.manifest,
  manifestHash: o.bundle.manifestHash,
  encrypted: o.bundle.encrypted,
  blobs: o.blobs,
});

/** The merging user's member record: "Saya" of this evaluation on this computer, if chosen. */
async function meOf(snapshot: EvaluationSnapshot | null): Promise<Member | null> {
  if (!snapshot) return null;
  const id = snapshot.evaluation.id;
  const chosen = (await db.settings.get(currentMemberKey(id)))?.value;
  if (typeof chosen !== 'string') return null;
  return (
    (await db.members.get(chosen as MemberId)) ??
    snapshot.members.find((m) => m.id === chosen) ??
    null
  );
}

const uniqueLabel = (name: string, taken: readonly string[]): string => {
  if (!taken.includes(name)) return name;
  for (let n = 2; ; n += 1) if (!taken.includes(`${name} (${n})`)) return `${name} (${n})`;
};

/**
 * The merge screen, started afresh by each navigation to it: files handed over while it is open
 * (the team folder's "Buka penggabungan" in the status bar) are taken like those handed before.
 */
export function MergePage() {
  return <MergeScreen key={useLocation().key} />;
}

function MergeScreen() {
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
  // Two handed files of one name (the same file twice) are told apart as picked ones are.
  const [inputs, setInputs] = useState<Input[]>(() =>
    (handed?.bundles ?? []).reduce<Input[]>(
      (list, opened, i) => [
        ...list,
        inputOf(
          String(i + 1),
          uniqueLabel(
            opened.fileName,
            list.map((x) => x.label),
          ),
          opened,
        ),
      ],
      [],
    ),
  );
  const [queue, setQueue] = useState<PickedFile[]>([]);
  const [baseId, setBaseId] = useState<string>(handed?.baseId ?? params.get('dasar') ?? '');
  const base = useLiveQuery(
    async () => (baseId ? await readSnapshot(baseId as EvaluationId) : null),
    [baseId],
  );
  // Deletions made in the base travel into the merge like the files' own (shared/merge/tombstones).
  const baseTombstones = useLiveQuery(
    async () => (baseId ? await readTombstones(baseId as EvaluationId) : []),
    [baseId],
  );
  const [deletionDrafts, setDeletionDrafts] = useState<Record<string, DeletionDraft>>({});
  const [coordinator, setCoordinator] = useState<{ name: string; nip: string } | null>(null);
  const [confirmMismatch, setConfirmMismatch] = useState(false);
  const [drafts, setDrafts] = useState<Record<number, DecisionDraft>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { progress, report, reset } = useTaskProgress();
  const controller = useRef<AbortController | null>(null);
  // Where the keyboard focus goes when the element that held it is gone (a file taken out, the
  // password step closed, the draft offer answered): it fell to <body>, and a keyboard user
  // started again at the top of the window. Only a focus lost with that element is moved.
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<{ from: Element | null; to: () => HTMLElement | null } | null>(null);
  useEffect(() => {
    const pending = focusAfter.current;
    if (!pending) return;
    if (pending.from?.isConnected) {
      // Not gone yet (or the focus moved on by itself): wait, or forget it.
      if (document.activeElement !== pending.from) focusAfter.current = null;
      return;
    }
    focusAfter.current = null;
    if (!document.activeElement || document.activeElement === document.body) pending.to()?.focus();
  });
  const moveFocusTo = (to: () => HTMLElement | null) => {
    const from = document.activeElement;
    // Already lost (the password form gives way to the progress before the file is opened).
    focusAfter.current = { from: from === document.body ? null : from, to };
  };
  const toAddButton = () => moveFocusTo(() => addButton.current);
  /** Takes a file out; the focus goes to the next file's "Keluarkan" (or the one before, or "Tambah"). */
  const removeInput = (id: string) => {
    const at = inputs.findIndex((x) => x.id === id);
    const neighbour = inputs[at + 1] ?? inputs[at - 1];
    moveFocusTo(
      () =>
        (neighbour && document.querySelector<HTMLElement>(`[data-keluarkan="${neighbour.id}"]`)) ||
        addButton.current,
    );
    setInputs((list) => list.filter((x) => x.id !== id));
  };

  const firstSnapshot = base ?? inputs[0]?.manifest.snapshot ?? null;
  const me = useLiveQuery(() => meOf(firstSnapshot), [firstSnapshot]);

  const work = useMemo(
    (): MergeDraft | null =>
      inputs.length === 0
        ? null
        : {
            inputs,
            baseId,
            coordinator,
            confirmMismatch,
            decisions: drafts,
            deletions: deletionDrafts,
          },
    [inputs, baseId, coordinator, confirmMismatch, drafts, deletionDrafts],
  );
  const draft = useMergeDraft(work);
  const leaveGuard = useLeaveGuard(draft.unsaved && !saving);
  const resume = async (keep: boolean) => {
    const stored = draft.offer;
    toAddButton();
    await draft.answer(keep);
    if (!keep || !stored?.ok) return;
    const d = stored.draft;
    // Files on the screen when the offer is answered (handed over by the team folder, which took
    // them out of its queue) join the draft's; replaced by it, they were lost to the coordinator.
    let next = Math.max(nextId.current, ...d.inputs.map((i) => Number(i.id) + 1));
    const kept = new Set(d.inputs.map((i) => i.manifestHash));
    const joined = [...d.inputs];
    for (const i of inputs) {
      if (kept.has(i.manifestHash)) continue;
      kept.add(i.manifestHash);
      const label = uniqueLabel(
        i.label,
        joined.map((x) => x.label),
      );
      joined.push({ ...i, id: String(next), label });
      next += 1;
    }
    setInputs(joined);
    setBaseId(d.baseId || baseId);
    setCoordinator(d.coordinator);
    setConfirmMismatch(d.confirmMismatch);
    setDrafts(d.decisions);
    setDeletionDrafts(d.deletions);
    setQueue([]);
    nextId.current = next;
  };

  const pack = useMemo(() => {
    const s = base ?? inputs[0]?.manifest.snapshot;
    return s ? findPack(s.evaluation.instrument.id, s.evaluation.instrument.version) : undefined;
  }, [base, inputs]);

  const analysis = useMemo(():
    { ok: MergeAnalysis } | { error: string; remove: string[] } | null => {
    if (!pack) return null;
    const sources = inputs.map((i) => sourceFromBundle(i.id, i.label, i));
    if (sources.length + (base ? 1 : 0) < 2) return null;
    try {
      return {
        ok: analyzeMerge({
          pack,
          base: base ? sourceFromBase(base, baseTombstones ?? []) : null,
          inputs: sources,
        }),
      };
    } catch (e) {
      if (e instanceof MergeError) return { error: e.message, remove: e.sourceIds };
      throw e;
    }
  }, [pack, inputs, base, baseTombstones]);

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
      inputOf(
        id,
        uniqueLabel(
          o.fileName,
          list.map((i) => i.label),
        ),
        o,
      ),
    ]);
    setQueue((q) => q.slice(1));
    toAddButton();
  };

  const a = analysis && 'ok' in analysis ? analysis.ok : null;
  const parties = useMemo(
    () =>
      disputingParties(
        inputs.map((i) => i.manifest.exportedBy.name),
        a?.conflicts ?? [],
      ),
    [inputs, a],
  );
  const signer = coordinator ?? defaultSigner(me ?? null, firstSnapshot, parties);
  const openDeletions = a
    ? a.deletions.conflicts.filter(
        (c) => !toDeletionDecision(c, deletionDrafts[c.key], { memberId: null, name: '—' }, 0).ok,
      ).length
    : 0;
  const openConflicts =
    (a ? a.conflicts.filter((c) => !checks.get(c.indicator)?.ok).length : 0) + openDeletions;
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
    const deletionDecisions = a.deletions.conflicts.map((c) => {
      const r = toDeletionDecision(c, deletionDrafts[c.key], by, at);
      if (!r.ok) throw new Error(r.problems.join(' '));
      return r.decision;
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
        deletionDecisions,
      });
      const blobs = new Map<string, Blob>();
      for (const i of inputs) for (const [h, b] of i.blobs) blobs.set(h, b);
      draft.stop();
      await saveMerge(result, blobs, {
        coordinator: { name: signer.name.trim(), nip: signer.nip.trim() },
        baseEvaluationId: base ? base.evaluation.id : null,
        signal: ctl.signal,
        onStep: (label) => report({ label, done: 0, total: 0 }),
      });
      notify(
        'ok',
        `Penggabungan tersimpan sebagai evaluasi baru (${result.record.totals.answers} jawaban, ${result.record.conflicts.length} keputusan).`,
      );
      void navigate(routes.minutes({ mergeId: result.record.id }));
    } catch (e) {
      draft.resume();
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
  /** A source of an answer, crediting who gave the coordinator's evaluation's copy (as the minutes). */
  const originLabel = (id: string, copies: MergeAnalysis['outcomes'][number]['copies']): string => {
    const source = a?.sources.find((s) => s.id === id);
    const copy = copies.find((c) => c.sourceId === id);
    const who = source && copy ? baseAnswerer(source, copy.answer) : null;
    return who ? `${sourceLabel(id)}: jawaban ${who}` : sourceLabel(id);
  };
  const active = (evaluations ?? []).filter((e) => e.status === 'active');
  const chosenBase = active.find((e) => e.id === baseId);

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

      {leaveGuard}
      {draft.offer?.ok && (
        <div className="alert info" role="region" aria-label="Penggabungan yang belum selesai">
          <p>
            Lanjutkan penggabungan yang belum selesai (disimpan{' '}
            {formatDateTime(draft.offer.savedAt)})?
          </p>
          <div className="form-actions">
            <button type="button" onClick={() => void resume(true)}>
              Lanjutkan
            </button>
            <button type="button" className="secondary" onClick={() => void resume(false)}>
              Buang
            </button>
          </div>
        </div>
      )}
      {draft.offer && !draft.offer.ok && (
        <div className="alert warn" role="region" aria-label="Penggabungan yang belum selesai">
          <p>
            Draf penggabungan yang disimpan {formatDateTime(draft.offer.savedAt)} tidak dapat dibaca
            lagi. Buang draf itu untuk mulai dari berkas .spbe para asesor.
          </p>
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => void resume(false)}>
              Buang
            </button>
          </div>
        </div>
      )}

      <section className="card" aria-labelledby="judul-berkas-gabung">
        <h2 id="judul-berkas-gabung">1. Berkas yang digabung</h2>
        {inputs.length > 0 ? (
          <TableScroll label="Tabel berkas yang digabung (dapat digeser ke samping)">
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
                  <th scope="col">Indeks dan predikat berkas</th>
                  <th scope="col">Tindakan</th>
                </tr>
              </thead>
              <tbody>
                {inputs.map((i) => {
                  const m = i.manifest;
                  const own = fileIndex(m.snapshot);
                  return (
                    <tr key={i.id}>
                      <td>
                        <span className="file-name">{i.label}</span>
                        {i.encrypted && <span className="badge"> dilindungi kata sandi</span>}
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
                        {own.index === null ? (
                          'belum dapat dihitung'
                        ) : (
                          <>
                            <strong>{own.index}</strong> ({own.rating}
                            {own.exactDisplay && `; tepatnya ${own.exactDisplay}`})
                            {own.provisional && (
                              <div className="small muted">
                                sementara: {own.answered} dari {own.total} indikator terjawab
                              </div>
                            )}
                          </>
                        )}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={`Keluarkan ${i.label} dari penggabungan`}
                          data-keluarkan={i.id}
                          onClick={() => removeInput(i.id)}
                        >
                          Keluarkan
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p className="muted">
            Belum ada berkas. Tambahkan paling sedikit dua berkas .spbe, atau satu berkas bila
            evaluasi dasar di komputer ini dipilih.
          </p>
        )}
        {queue[0] && (
          <BundleOpener
            key={`${queue[0].name}:${queue[0].size}:${queue[0].lastModified}:${queue.length}`}
            file={queue[0]}
            onOpened={opened}
            onClose={() => {
              setQueue((q) => q.slice(1));
              toAddButton();
            }}
          />
        )}
        <div className="form-actions start">
          {/* Unavailable while a file is being opened, yet focusable: disabled, it dropped the focus. */}
          <button
            ref={addButton}
            type="button"
            aria-disabled={queue.length > 0}
            onClick={() => {
              if (queue.length === 0) void addFiles();
            }}
          >
            Tambah berkas .spbe…
          </button>
          {inputs.length > 0 && (
            <p className="small muted" role="status">
              {draft.error
                ? `Draf penggabungan tidak tersimpan: ${draft.error}`
                : draft.savedAt !== null && !draft.unsaved
                  ? `Draf penggabungan tersimpan ${formatDateTime(draft.savedAt)}; pekerjaan ini dapat dilanjutkan nanti.`
                  : draft.offer
                    ? 'Jawab tawaran draf di atas sebelum pekerjaan ini disimpan sebagai draf.'
                    : 'Menyimpan draf penggabungan…'}
            </p>
          )}
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="gabung-dasar">Evaluasi dasar di komputer ini (opsional)</label>
            <select
              id="gabung-dasar"
              value={baseId}
              onChange={(e) => setBaseId(e.target.value)}
              aria-describedby={chosenBase ? 'gabung-dasar-dipilih' : undefined}
            >
              <option value="">— tanpa evaluasi dasar —</option>
              {active.map((e) => (
                <option key={e.id} value={e.id}>
                  {evaluationName(e)} {e.year} — {originLine(e)}
                </option>
              ))}
            </select>
            {chosenBase && (
              // The closed list shows only what fits its column: the choice in full, wrapped.
              <span className="hint" id="gabung-dasar-dipilih">
                Dipilih: {evaluationName(chosenBase)} {chosenBase.year} — {originLine(chosenBase)}
              </span>
            )}
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
                onChange={(e) =>
                  setCoordinator(signerWithName(signer, e.target.value, firstSnapshot, me ?? null))
                }
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
          <p>{analysis.error}</p>
          {/* The files to take out, each with its own "Keluarkan" right here. */}
          {inputs.some((i) => analysis.remove.includes(i.id)) && (
            <div className="form-actions start">
              {inputs
                .filter((i) => analysis.remove.includes(i.id))
                .map((i) => (
                  <button
                    key={i.id}
                    type="button"
                    className="secondary"
                    aria-label={`Keluarkan ${i.label} dari penggabungan`}
                    onClick={() => removeInput(i.id)}
                  >
                    Keluarkan {i.label}
                  </button>
                ))}
            </div>
          )}
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
              <TableScroll label="Tabel jawaban yang digabung otomatis (dapat digeser ke samping)">
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
                                {o.from.map((id) => originLabel(id, o.copies)).join(', ')}
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
              </TableScroll>
            </details>
          </section>

          {(a.deletions.applied.length > 0 ||
            a.deletions.conflicts.length > 0 ||
            a.deletions.blind.length > 0) && (
            <DeletionPanel
              plan={a.deletions}
              sourceLabel={sourceLabel}
              drafts={deletionDrafts}
              onChange={(key, next) => setDeletionDrafts((d) => ({ ...d, [key]: next }))}
            />
          )}

          {a.conflicts.length > 0 && (
            <section aria-labelledby="judul-konflik">
              <h2 id="judul-konflik">3. Perbedaan yang perlu diputuskan ({a.conflicts.length})</h2>
              {a.conflicts.map((c) => (
                <ConflictCard
                  key={c.indicator}
                  conflict={c}
                  pack={pack}
                  draft={drafts[c.indicator] ?? emptyDecision}
                  isLocal={(id) => a.sources.some((s) => s.id === id && s.local === true)}
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
