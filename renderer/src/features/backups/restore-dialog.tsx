/**
 * The preview of a backup before it is restored, and the restore itself. The backup is checked in
 * full first (every table and file against its hash); the preview then says what it holds and
 * what would happen to each evaluation on this computer. Restoring needs an explicit
 * confirmation, keeps the current data as a backup first, and replaces the data in one
 * transaction (db/backup.ts).
 */
import { useEffect, useRef, useState } from 'react';
import type { EvaluationSummary, RestoreSelection } from '../../../../shared/backup';
import { planCounts, restorePlan, type RestorePlanItem } from '../../../../shared/backup';
import type { BundleProgress } from '../../../../shared/bundle/progress';
import { formatDateTime } from '../../../../shared/format/date';
import { joinList } from '../../../../shared/format/list';
import { formatBytes, formatNumber } from '../../../../shared/format/number';
import {
  evaluationName,
  labelsTellingApart,
  LIMITS,
  type Evaluation,
  type EvaluationId,
  type EvaluationIdentity,
} from '../../../../shared/assessment';
import { instrumentShortName, type InstrumentRef } from '../../../../shared/instrument';
import { Dialog } from '../../components/dialog';
import { errorText, useNotify } from '../../components/notices';
import {
  currentSummaries,
  readBackup,
  type BackupPreview,
  type RestoreResult,
} from '../../db/backup';
import { db } from '../../db/db';
import { originText, type OriginFacts } from '../evaluations/evaluation-origin';
import { useBackupService } from './backup-context';
import { BackupProgress } from './backup-progress';

export interface RestoreSource {
  /** Distinguishes two previews of the same file (the dialog is keyed by it). */
  id: number;
  /** The backup's file name, as the user knows it. */
  name: string;
  load: () => Promise<Blob>;
}

type Phase =
  | { kind: 'checking'; progress: BundleProgress | null }
  | { kind: 'failed'; message: string }
  | {
      kind: 'ready';
      blob: Blob;
      preview: BackupPreview;
      current: EvaluationSummary[];
      /** How each evaluation came to be, from the backup and from this computer, by id. */
      origins: Origins;
      /** Each evaluation's instrument, from the backup and from this computer, by id. */
      instruments: Instruments;
      /** The evaluations on this computer by instansi, year and label. */
      here: EvaluationIdentity[];
      /** Work here newer than the backup's copy of each evaluation in both, by id. */
      newer: Readonly<Record<string, NewerWork>>;
    }
  | { kind: 'done'; result: RestoreResult };

/** Lines shown of a long list of skipped rows; the rest are counted. */
const SKIPPED_SHOWN = 10;

/** The rows a restore leaves out (a bad row never costs the rest of the backup). */
function SkippedRows({ skipped, done }: { skipped: readonly string[]; done: boolean }) {
  if (skipped.length === 0) return null;
  return (
    <div className="alert warn" role={done ? 'alert' : undefined}>
      <p>
        <strong>
          {done ? 'Dilewati saat pemulihan' : 'Akan dilewati'} ({skipped.length} catatan):
        </strong>{' '}
        baris berikut tidak sah dan tidak dipulihkan; isi cadangan lainnya{' '}
        {done ? 'sudah dipulihkan' : 'tetap dipulihkan'}.
      </p>
      <ul>
        {skipped.slice(0, SKIPPED_SHOWN).map((line) => (
          <li key={line}>{line}</li>
        ))}
        {skipped.length > SKIPPED_SHOWN && <li>dan {skipped.length - SKIPPED_SHOWN} lainnya.</li>}
      </ul>
    </div>
  );
}

const selectionOf = (m: RestoreSelection['mode'], ids: ReadonlySet<string>): RestoreSelection =>
  m === 'all' ? { mode: 'all' } : { mode: 'selected', ids: [...ids] };

type Origins = Readonly<Record<string, OriginFacts>>;
type Instruments = Readonly<Record<string, InstrumentRef>>;

/** What tells one evaluation from another of its instansi and year: its instrument, its origin. */
interface Told {
  origins: Origins;
  instruments: Instruments;
}

const titleOf = (e: EvaluationSummary): string =>
  `${e.instansi || 'Evaluasi tanpa nama instansi'}${e.year !== null ? ` ${e.year}` : ''}`;

const instrumentOf = (e: EvaluationSummary, instruments: Instruments): string | null => {
  const ref = instruments[e.id];
  return ref ? instrumentShortName(ref) : null;
};

/**
 * The title with the instrument and how the evaluation came to be: two of one instansi and year
 * (one on PermenPANRB 59/2020, one on 8/2026; the one sent out and the merged one) differ by them.
 */
const namedOf = (e: EvaluationSummary, { origins, instruments }: Told): string => {
  const instrument = instrumentOf(e, instruments);
  const origin = origins[e.id];
  return `${titleOf(e)}${instrument ? `, ${instrument}` : ''}${origin ? ` (${originText(origin)})` : ''}`;
};

/** The name an added evaluation gets, and the instansi and year it shares with another. */
interface AddedAs {
  name: string;
  instansi: string;
  year: number;
}

/**
 * The names the chosen evaluations not on this computer are added under where one of the same
 * instansi and year would bear the same name: as the restore labels them ("salinan 2"), by id.
 * A restore of all the data takes the backup's names as they are.
 */
function addedNames(
  plan: readonly RestorePlanItem[],
  preview: BackupPreview,
  here: readonly EvaluationIdentity[],
  mode: RestoreSelection['mode'],
): Map<string, AddedAs> {
  if (mode === 'all') return new Map();
  const action = new Map(plan.map((i) => [i.id, i.action]));
  // In the order of the backup's rows, as the restore adds them.
  const inBackup = Object.values(preview.identities);
  const labels = labelsTellingApart(
    inBackup.filter((e) => action.get(e.id) === 'add'),
    [
      ...here.filter((e) => action.get(e.id) === 'keep'),
      ...inBackup.filter((e) => action.get(e.id) === 'replace'),
    ],
  );
  const out = new Map<string, AddedAs>();
  for (const [id, label] of labels) {
    const e = preview.identities[id];
    if (e)
      out.set(id, {
        name: evaluationName({ ...e, label }),
        instansi: e.instansi.name,
        year: e.year,
      });
  }
  return out;
}

/** The evaluations on this computer: how each came to be. */
function currentOrigins(rows: readonly Evaluation[]): Record<string, OriginFacts> {
  return Object.fromEntries(
    rows.map((e) => [e.id, { origin: e.origin, createdAt: e.createdAt }] as const),
  );
}

/** The evaluations on this computer: the instrument of each. */
function currentInstruments(rows: readonly Evaluation[]): Record<string, InstrumentRef> {
  return Object.fromEntries(rows.map((e) => [e.id, e.instrument] as const));
}

const changedAt = (at: number | null): string =>
  at === null ? 'tidak diketahui' : formatDateTime(at);

/** What a restore takes from an evaluation here: work done after the backup's copy changed. */
interface NewerWork {
  /** When the backup's copy last changed (the backup's time when it does not say). */
  since: number;
  /** Answers changed and documents added here after that. */
  answers: number;
  documents: number;
}

/** The work on this computer newer than each backup evaluation's copy, by id. */
async function newerWork(
  backup: readonly EvaluationSummary[],
  takenAt: number,
): Promise<Record<string, NewerWork>> {
  const out: Record<string, NewerWork> = {};
  await db.transaction('r', db.answers, db.evidence, async () => {
    for (const e of backup) {
      const id = e.id as EvaluationId;
      const since = e.updatedAt ?? takenAt;
      out[e.id] = {
        since,
        answers: await db.answers
          .where('evaluationId')
          .equals(id)
          .filter((a) => a.updatedAt > since)
          .count(),
        documents: await db.evidence
          .where('evaluationId')
          .equals(id)
          .filter((d) => d.addedAt > since)
          .count(),
      };
    }
  });
  return out;
}

/** "2 jawaban yang diubah dan 1 dokumen yang ditambahkan", or null when nothing is counted. */
function lostText({ answers, documents }: NewerWork): string | null {
  const parts = [
    answers > 0 && `${formatNumber(answers, 0)} jawaban yang diubah`,
    documents > 0 && `${formatNumber(documents, 0)} dokumen yang ditambahkan`,
  ].filter((p): p is string => typeof p === 'string');
  return parts.length > 0 ? joinList(parts) : null;
}

const KEPT = 'semuanya tetap tersimpan di cadangan “Sebelum pemulihan”';

function PlanLine({
  item,
  newer,
  told,
  addedAs,
}: {
  item: RestorePlanItem;
  newer: NewerWork | undefined;
  told: Told;
  /** The name an added evaluation gets to tell it apart from one of its instansi and year. */
  addedAs: AddedAs | undefined;
}) {
  const e = (item.backup ?? item.current)!;
  const title = namedOf(e, told);
  const now = item.current;
  switch (item.action) {
    case 'replace': {
      const lost =
        newer && now!.updatedAt !== null && now!.updatedAt > newer.since ? newer : undefined;
      const counted = lost && lostText(lost);
      return (
        <li>
          <strong>{title}</strong>: diganti dengan isi cadangan. Data sekarang: {now!.answered}{' '}
          jawaban terisi, {now!.documents} dokumen, terakhir diubah {changedAt(now!.updatedAt)}. Di
          cadangan: {item.backup!.answered} jawaban terisi, {item.backup!.documents} dokumen.
          {lost && (
            <span className="danger-text">
              {' '}
              {counted
                ? `Yang hilang dari data: ${counted} sesudah ${formatDateTime(lost.since)}, saat salinan di cadangan terakhir diubah; ${KEPT}.`
                : `Perubahan sesudah ${formatDateTime(lost.since)}, saat salinan di cadangan terakhir diubah, akan hilang dari data; ${KEPT}.`}
            </span>
          )}
        </li>
      );
    }
    case 'add':
      return addedAs === undefined ? (
        <li>
          <strong>{title}</strong>: ditambahkan (tidak ada di data sekarang).
        </li>
      ) : (
        <li>
          <strong>{title}</strong>: ditambahkan sebagai “{addedAs.name}” karena sudah ada evaluasi{' '}
          {addedAs.instansi} tahun {addedAs.year} dengan nama yang sama.
        </li>
      );
    case 'remove':
      return (
        <li>
          <strong>{title}</strong>: <span className="danger-text">dihapus</span> dari data sekarang
          karena tidak ada di cadangan, dengan {now!.answered} jawaban terisi dan {now!.documents}{' '}
          dokumen; {KEPT}.
        </li>
      );
    case 'keep':
      return (
        <li>
          <strong>{title}</strong>: tidak berubah.
        </li>
      );
  }
}

/** Mount one per backup to preview (a `key` per source): its state starts fresh each time. */
export function RestoreDialog({ source, onClose }: { source: RestoreSource; onClose: () => void }) {
  const service = useBackupService();
  const notify = useNotify();
  const [phase, setPhase] = useState<Phase>({ kind: 'checking', progress: null });
  const [mode, setMode] = useState<RestoreSelection['mode']>('all');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [understood, setUnderstood] = useState(false);
  const [restoring, setRestoring] = useState<BundleProgress | null | false>(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    void (async () => {
      try {
        const blob = await source.load();
        const preview = await readBackup(blob, {
          signal: controller.signal,
          onProgress: (progress) => {
            if (!controller.signal.aborted) setPhase({ kind: 'checking', progress });
          },
        });
        const current = await currentSummaries();
        const here = await db.evaluations.toArray();
        // The backup's word wins for an evaluation in both: it is the one restored.
        const origins = { ...currentOrigins(here), ...preview.origins };
        const instruments = { ...currentInstruments(here), ...preview.instruments };
        const newer = await newerWork(preview.evaluations, preview.manifest.createdAt);
        if (!controller.signal.aborted)
          setPhase({ kind: 'ready', blob, preview, current, origins, instruments, here, newer });
      } catch (e) {
        if (!controller.signal.aborted) setPhase({ kind: 'failed', message: errorText(e) });
      }
    })();
    return () => controller.abort();
  }, [source]);

  /** A changed choice changes what is lost: the consent given for the last one is asked again. */
  const choose = (m: RestoreSelection['mode'], ids: ReadonlySet<string>) => {
    setMode(m);
    setChosen(ids);
    setUnderstood(false);
  };

  // The check's "Batalkan" (then "Pulihkan cadangan") leaves with its phase: the focus, left on
  // the page body, goes to the new phase's first control instead.
  const phaseFocus = useRef<HTMLElement | null>(null);
  const focusOnPhase = (el: HTMLElement | null) => {
    phaseFocus.current = el;
  };
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) phaseFocus.current?.focus();
  }, [phase.kind]);

  const selection = selectionOf(mode, chosen);
  const plan =
    phase.kind === 'ready' ? restorePlan(phase.preview.evaluations, phase.current, selection) : [];
  const added =
    phase.kind === 'ready' ? addedNames(plan, phase.preview, phase.here, mode) : new Map();

  const close = () => {
    if (restoring === false) onClose();
  };

  const restore = async () => {
    if (phase.kind !== 'ready') return;
    setFailure(null);
    setRestoring(null);
    const unsubscribe = service.subscribe((s) => {
      if (s.activity.kind === 'running' && s.activity.what === 'restore') {
        setRestoring(s.activity.progress);
      }
    });
    try {
      const result = await service.restore(phase.blob, {
        selection,
        expectedManifestHash: phase.preview.manifestHash,
        sourceName: source.name,
      });
      notify(
        'ok',
        `Cadangan dipulihkan. Data sebelum pemulihan disimpan sebagai cadangan ${result.safetyBackup.name}.`,
      );
      setRestoring(false);
      // What was left out or shortened is said in the dialog before it closes.
      if (result.skipped.length > 0 || result.shortenedNames > 0)
        setPhase({ kind: 'done', result });
      else onClose();
    } catch (e) {
      setFailure(errorText(e));
      setRestoring(false);
    } finally {
      unsubscribe();
    }
  };

  const counts = planCounts(plan);
  const canRestore =
    phase.kind === 'ready' &&
    understood &&
    restoring === false &&
    (mode === 'all' || chosen.size > 0);

  return (
    <Dialog open title={`Pratinjau cadangan ${source.name}`} onClose={close} wide>
      {phase.kind === 'checking' && (
        <>
          <BackupProgress label="Memeriksa berkas cadangan" progress={phase.progress} />
          <div className="dialog-actions">
            {/* Closing aborts the check (the effect's cleanup); nothing is stored before a yes. */}
            <button type="button" className="secondary" onClick={close}>
              Batalkan
            </button>
          </div>
        </>
      )}
      {phase.kind === 'failed' && (
        <>
          <div className="alert danger" role="alert">
            <p>
              <strong>Cadangan ini tidak dapat dipulihkan.</strong> {phase.message}
            </p>
            <p>Data di komputer ini tidak diubah.</p>
          </div>
          <div className="dialog-actions">
            <button type="button" className="secondary" onClick={close} ref={focusOnPhase}>
              Tutup
            </button>
          </div>
        </>
      )}
      {phase.kind === 'done' && (
        <>
          <p role="status">
            Cadangan dipulihkan. Data sebelum pemulihan disimpan sebagai cadangan{' '}
            {phase.result.safetyBackup.name}.
          </p>
          {phase.result.shortenedNames > 0 && (
            <p>
              {phase.result.shortenedNames} nama berkas bukti dukung melebihi{' '}
              {LIMITS.evidenceFileName} karakter dan dipendekkan; nama aslinya dicatat di riwayat
              perubahan evaluasinya.
            </p>
          )}
          <SkippedRows skipped={phase.result.skipped} done />
          <div className="dialog-actions">
            <button type="button" onClick={onClose} ref={focusOnPhase}>
              Tutup
            </button>
          </div>
        </>
      )}
      {phase.kind === 'ready' && (
        <>
          <dl className="facts">
            <dt>Dibuat</dt>
            <dd>{formatDateTime(phase.preview.manifest.createdAt)}</dd>
            <dt>Oleh aplikasi</dt>
            <dd>
              {phase.preview.manifest.app.name} {phase.preview.manifest.app.version}
            </dd>
            <dt>Skema basis data</dt>
            <dd>
              Versi {phase.preview.manifest.database.version}
              {phase.preview.olderSchema &&
                ' (lebih lama dari aplikasi ini; datanya diperbarui ke skema sekarang saat dipulihkan)'}
            </dd>
            <dt>Isi</dt>
            <dd>
              {phase.preview.evaluations.length} evaluasi, {phase.preview.files} berkas tersimpan (
              {formatBytes(phase.preview.fileBytes)}); ukuran berkas cadangan{' '}
              {formatBytes(phase.preview.fileSize)}.{' '}
              {phase.preview.skipped.length === 0
                ? 'Semua isi sudah diperiksa dan utuh.'
                : 'Semua isi sudah diperiksa; sebagian baris tidak sah dan akan dilewati.'}
            </dd>
          </dl>
          <SkippedRows skipped={phase.preview.skipped} done={false} />

          <fieldset className="fieldset">
            <legend>Cara memulihkan</legend>
            <label className="inline-check">
              <input
                type="radio"
                name="cara-pulihkan"
                checked={mode === 'all'}
                ref={focusOnPhase}
                onChange={() => choose('all', chosen)}
              />
              Ganti seluruh data dengan isi cadangan (termasuk pengaturan dan profil daerah)
            </label>
            <label className="inline-check">
              <input
                type="radio"
                name="cara-pulihkan"
                checked={mode === 'selected'}
                onChange={() => choose('selected', chosen)}
                disabled={phase.preview.evaluations.length === 0}
              />
              Pulihkan evaluasi yang dipilih saja; data lain tetap seperti sekarang
            </label>
          </fieldset>

          <table>
            <caption>Evaluasi di dalam cadangan</caption>
            <thead>
              <tr>
                {mode === 'selected' && <th scope="col">Pulihkan</th>}
                <th scope="col">Instansi</th>
                <th scope="col">Tahun</th>
                <th scope="col">Instrumen</th>
                <th scope="col" className="num">
                  Jawaban terisi
                </th>
                <th scope="col" className="num">
                  Dokumen
                </th>
                <th scope="col">Terakhir diubah</th>
              </tr>
            </thead>
            <tbody>
              {phase.preview.evaluations.length === 0 && (
                <tr>
                  <td colSpan={mode === 'selected' ? 7 : 6}>Cadangan ini tidak memuat evaluasi.</td>
                </tr>
              )}
              {phase.preview.evaluations.map((e) => (
                <tr key={e.id}>
                  {mode === 'selected' && (
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Pulihkan ${namedOf(e, phase)}`}
                        checked={chosen.has(e.id)}
                        onChange={(ev) => {
                          const next = new Set(chosen);
                          if (ev.target.checked) next.add(e.id);
                          else next.delete(e.id);
                          choose(mode, next);
                        }}
                      />
                    </td>
                  )}
                  <td>
                    {e.instansi || '—'}
                    {phase.origins[e.id] && (
                      <div className="small muted">{originText(phase.origins[e.id]!)}</div>
                    )}
                  </td>
                  <td>{e.year ?? '—'}</td>
                  <td>{instrumentOf(e, phase.instruments) ?? '—'}</td>
                  <td className="num">{e.answered}</td>
                  <td className="num">
                    {e.documents} ({formatBytes(e.documentBytes)})
                  </td>
                  <td>{changedAt(e.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <section aria-labelledby="akibat-pemulihan" className="restore-plan">
            <h3 id="akibat-pemulihan">Yang akan terjadi pada data di komputer ini</h3>
            {plan.length === 0 ? (
              <p>Pilih sedikitnya satu evaluasi untuk dipulihkan.</p>
            ) : (
              <ul>
                {plan.map((item) => (
                  <PlanLine
                    key={item.id}
                    item={item}
                    newer={phase.newer[item.id]}
                    told={phase}
                    addedAs={added.get(item.id)}
                  />
                ))}
                {mode === 'all' && (
                  <li>Pengaturan dan profil daerah diganti dengan yang ada di cadangan.</li>
                )}
              </ul>
            )}
            <p>
              Sebelum memulihkan, aplikasi menyimpan data sekarang sebagai cadangan “Sebelum
              pemulihan”, sehingga pemulihan ini dapat dibatalkan dengan memulihkan cadangan itu.
            </p>
          </section>

          {failure && (
            <div className="alert danger" role="alert">
              <p>
                <strong>Pemulihan gagal.</strong> {failure}
              </p>
            </div>
          )}
          {restoring !== false && (
            <BackupProgress label="Memulihkan cadangan" progress={restoring} />
          )}

          <label className="inline-check">
            <input
              type="checkbox"
              checked={understood}
              onChange={(e) => setUnderstood(e.target.checked)}
              disabled={restoring !== false}
            />
            Saya mengerti:{' '}
            {[
              counts.replace > 0 && `${counts.replace} evaluasi diganti`,
              counts.add > 0 && `${counts.add} ditambahkan`,
              counts.remove > 0 && `${counts.remove} dihapus`,
            ]
              .filter(Boolean)
              .join(', ') || 'data diganti dengan isi cadangan'}
            .
          </label>
          <div className="dialog-actions">
            <button
              type="button"
              className="secondary"
              onClick={close}
              disabled={restoring !== false}
            >
              Batal
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => void restore()}
              disabled={!canRestore}
            >
              Pulihkan cadangan
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
