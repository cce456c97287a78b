/**
 * The evaluations on this computer: several side by side, with progress and index, and the
 * actions on each (open, duplicate to a new year, archive, delete with confirmation). A copy into
 * another instrument carries the team, instansi and documents only, then offers the crosswalk's
 * suggestions, each linked only when the user ticks it.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  copyLabel,
  evaluationName,
  instansiKindLabel,
  readYear,
  snapshotValues,
  type Answer,
  type Evaluation,
  type EvaluationId,
} from '../../../../shared/assessment';
import {
  findIndicator,
  findPack,
  packChoiceKey,
  packChoiceLabel,
  packFromChoiceKey,
  packYearNote,
  proposedPack,
  selectablePacks,
} from '../../../../shared/instrument';
import { compareText } from '../../../../shared/format/list';
import { formatNumber } from '../../../../shared/format/number';
import { checkValues, score } from '../../../../shared/scoring';
import { routes } from '../../app/routes';
import { ConfirmDialog, Dialog } from '../../components/dialog';
import { instansiChoices, instansiKey } from './instansi-filter';
import { errorText, useNotify } from '../../components/notices';
import { RatingBadge } from '../../components/rating-badge';
import { ANONYMOUS } from '../../db/commands/actor';
import {
  crosswalkSuggestions,
  deleteEvaluation,
  duplicateEvaluation,
  linkSuggestions,
  sameInstansiYear,
  setArchived,
} from '../../db/commands/evaluations';
import { db } from '../../db/db';
import { useEvaluations } from '../../db/queries/hooks';
import { usePlatform } from '../../app/platform-context';
import { useFocusAfterRemoval } from '../../components/focus-after-removal';
import { handOverForImport } from '../exchange/hand-over';
import { useBackupService } from '../backups/backup-context';
import { lastChangeText, originText } from './evaluation-origin';

/**
 * The answered count and the index of one evaluation (two cells). Stored values its pack refuses
 * (e.g. written by an older build) are said in the row instead of scored, so one damaged
 * evaluation does not take the whole list down with it: the others stay open, and this one can
 * still be opened, exported or deleted.
 */
function Summary({ evaluation, answers }: { evaluation: Evaluation; answers: Answer[] }) {
  const pack = findPack(evaluation.instrument.id, evaluation.instrument.version);
  const result = useMemo(() => {
    if (!pack) return null;
    const values = snapshotValues({ answers });
    const problems = checkValues(pack, values);
    return problems.length > 0 ? { problems } : { score: score(pack, values) };
  }, [pack, answers]);
  if (!pack || !result) {
    return (
      <td colSpan={2}>
        <span className="badge danger">Instrumen tidak dikenal</span>
      </td>
    );
  }
  if (result.problems) {
    return (
      <td colSpan={2}>
        <span className="badge danger">Jawaban tidak sah</span>{' '}
        <span className="small muted">
          {result.problems.length === 1
            ? result.problems[0]
            : `${result.problems[0]}, dan ${formatNumber(result.problems.length - 1, 0)} masalah lain`}
        </span>
      </td>
    );
  }
  return (
    <>
      <td className="num">
        {result.score.answered}/{result.score.total}
      </td>
      <td>
        <span className="small muted">{pack.indexLabel}</span>{' '}
        <RatingBadge overall={result.score.overall} />
      </td>
    </>
  );
}

function DuplicateDialog({
  source,
  onClose,
  onCopied,
}: {
  source: Evaluation | null;
  onClose: () => void;
  /** After a copy into another instrument, with the new evaluation's id. */
  onCopied: (id: EvaluationId, source: Evaluation) => void;
}) {
  // null until the user types: the year after the source's is proposed (an emptied field stays empty).
  const [year, setYear] = useState<string | null>(null);
  const [packId, setPackId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The evaluations already there for the instansi and the target year, once the user was told.
  const [existing, setExisting] = useState<Evaluation[] | null>(null);
  const notify = useNotify();
  const navigate = useNavigate();
  if (!source) return null;
  const value = year ?? String(source.year + 1);
  const readYearResult = readYear(value);
  const validYear = readYearResult.ok;
  const yearNumber = readYearResult.ok ? readYearResult.year : Number.NaN;
  // The target year proposes its pack until the user picks one.
  const target =
    (packId ? packFromChoiceKey(packId) : undefined) ??
    (validYear ? proposedPack(yearNumber) : findPack(source.instrument.id)) ??
    proposedPack(source.year);
  const sourcePack = findPack(source.instrument.id, source.instrument.version);
  // The copy's instrument outside its years (59/2020 for 2026) is said beside the choice.
  const yearNote = validYear ? packYearNote(target, yearNumber) : null;
  const packNoteIds =
    [
      yearNote ? 'instrumen-salinan-tahun' : null,
      target.status === 'draft' ? 'instrumen-salinan-draf' : null,
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  const crossPack = target.id !== source.instrument.id;
  const versionChange = !crossPack && target.version !== source.instrument.version;
  const close = () => {
    setYear(null);
    setPackId(null);
    setExisting(null);
    onClose();
  };
  return (
    <Dialog
      open={source !== null}
      title={`Salin evaluasi ${source.year} ke tahun baru`}
      onClose={close}
    >
      {crossPack ? (
        <p>
          Instrumen berbeda ({sourcePack?.shortTitle ?? source.instrument.id} → {target.shortTitle}
          ): hanya tim, profil instansi, dan dokumen bukti dukung tahun {source.year} yang disalin.
          Nilai, jawaban, dan tautan bukti tidak disalin; setelah penyalinan ditampilkan saran
          padanan indikator untuk dokumen yang dapat Anda tautkan.
        </p>
      ) : (
        <p>
          Jawaban, penjelasan, tautan bukti dukung, dan tim tahun {source.year} disalin sebagai
          titik awal. Setiap jawaban yang disalin ditandai <strong>perlu ditinjau</strong>.
          {versionChange &&
            ` Versi instrumen berubah (${source.instrument.version} → ${target.version}): jawaban untuk indikator yang tidak ada di versi baru, atau nilai yang tidak sah pada versi baru, tidak disalin.`}
        </p>
      )}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!validYear) return;
          setBusy(true);
          try {
            if (existing === null) {
              const same = await sameInstansiYear(source.instansi.name, yearNumber);
              if (same.length > 0) {
                // Asked once; the next "Salin" (now "Tetap salin") makes the labelled copy.
                setExisting(same);
                return;
              }
            }
            const id = await duplicateEvaluation(source.id, yearNumber, ANONYMOUS, {
              id: target.id,
              version: target.version,
            });
            notify('ok', `Evaluasi tahun ${yearNumber} dibuat dari tahun ${source.year}.`);
            close();
            if (crossPack) onCopied(id, source);
            else void navigate(routes.evaluation.dashboard({ evaluationId: id }));
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
            onChange={(e) => {
              setYear(e.target.value);
              setExisting(null);
            }}
            aria-invalid={validYear ? undefined : true}
            aria-describedby={validYear ? undefined : 'tahun-salinan-galat'}
          />
          {!readYearResult.ok && (
            <span className="error" id="tahun-salinan-galat">
              {readYearResult.message}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="instrumen-salinan">Instrumen evaluasi baru</label>
          <select
            id="instrumen-salinan"
            value={packChoiceKey(target)}
            onChange={(e) => setPackId(e.target.value)}
            aria-describedby={packNoteIds}
          >
            {selectablePacks().map((p) => (
              <option key={packChoiceKey(p)} value={packChoiceKey(p)}>
                {packChoiceLabel(p)}
              </option>
            ))}
          </select>
          {yearNote && (
            <span className="hint hint-warn" id="instrumen-salinan-tahun">
              {yearNote}
            </span>
          )}
          {target.status === 'draft' && (
            <span className="hint" id="instrumen-salinan-draf">
              {target.shortTitle} disusun dari sumber sekunder; cocokkan dengan salinan resmi.
            </span>
          )}
        </div>
        {existing && existing.length > 0 && (
          <div className="alert warn" role="alert">
            Sudah ada evaluasi {existing.map((x) => evaluationName(x)).join(', ')} tahun{' '}
            {yearNumber}. Salinan akan diberi nama &quot;{source.instansi.name} (
            {copyLabel(existing.length + 1)})&quot; agar dapat dibedakan. Tetap salin?
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={close}>
            Batal
          </button>
          <button type="submit" disabled={busy || !validYear}>
            {existing && existing.length > 0 ? 'Tetap salin' : 'Salin'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * The crosswalk suggestions of a copy into another instrument: each document with the target
 * indicators it may serve, unticked; only the ticked ones are linked.
 */
function CrosswalkDialog({
  copied,
  onClose,
}: {
  copied: { id: EvaluationId; source: Evaluation } | null;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const notify = useNotify();
  const id = copied?.id;
  const loaded = useLiveQuery(async () => {
    if (!id) return null;
    const evaluation = await db.evaluations.get(id);
    return { suggestions: await crosswalkSuggestions(id), instrument: evaluation?.instrument };
  }, [id]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  if (!copied) return null;
  const pack = findPack(copied.source.instrument.id, copied.source.instrument.version);
  const suggestions = loaded?.suggestions;
  const target = loaded?.instrument
    ? findPack(loaded.instrument.id, loaded.instrument.version)
    : undefined;
  const key = (evidenceId: string, indicator: number) => `${evidenceId}#${indicator}`;
  const finish = () => {
    setChosen(new Set());
    onClose();
    void navigate(routes.evaluation.dashboard({ evaluationId: copied.id }));
  };
  const indicatorName = (n: number) => {
    const entry = target ? findIndicator(target, n) : undefined;
    if (!entry) return `Indikator ${n}`;
    const code = entry.indicator.code ?? String(n);
    return `${code} ${entry.indicator.name}`;
  };
  const sourceName = (n: number) => {
    const entry = pack ? findIndicator(pack, n) : undefined;
    return entry ? `${n}. ${entry.indicator.name}` : `Indikator ${n}`;
  };
  return (
    <Dialog open title="Saran padanan indikator" onClose={finish} wide>
      {!loaded ? (
        <p role="status">Memuat saran padanan…</p>
      ) : !suggestions || suggestions.length === 0 ? (
        <p>
          Tidak ada dokumen tahun {copied.source.year} yang tertaut ke indikator dengan padanan pada
          instrumen baru. Tautkan dokumen secara manual dari pustaka bukti dukung.
        </p>
      ) : (
        <>
          <p>
            Dokumen berikut tertaut ke indikator {pack?.shortTitle ?? copied.source.instrument.id}{' '}
            pada evaluasi {copied.source.year}. Padanan ini hanya saran: centang indikator{' '}
            {target?.shortTitle ?? ''} yang benar-benar didukung dokumen, lalu pilih{' '}
            <strong>Tautkan yang dipilih</strong>.
          </p>
          {suggestions.map((s) => (
            <fieldset key={s.evidenceId}>
              <legend>{s.title || s.fileName}</legend>
              <p className="small muted">
                Semula tertaut ke: {s.fromIndicators.map(sourceName).join('; ')}
              </p>
              {s.toIndicators.map((n) => {
                const k = key(s.evidenceId, n);
                return (
                  <label key={k} className="inline-check">
                    <input
                      type="checkbox"
                      checked={chosen.has(k)}
                      aria-label={`Tautkan ${s.title || s.fileName} ke ${indicatorName(n)}`}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.target.checked) next.add(k);
                        else next.delete(k);
                        setChosen(next);
                      }}
                    />{' '}
                    {indicatorName(n)}
                  </label>
                );
              })}
            </fieldset>
          ))}
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={finish}>
          Lewati
        </button>
        {suggestions && suggestions.length > 0 && (
          <button
            type="button"
            disabled={busy || chosen.size === 0}
            onClick={async () => {
              setBusy(true);
              try {
                const picked = (suggestions ?? []).flatMap((s) =>
                  s.toIndicators
                    .filter((n) => chosen.has(key(s.evidenceId, n)))
                    .map((indicator) => ({ evidenceId: s.evidenceId, indicator })),
                );
                await linkSuggestions(copied.id, picked, ANONYMOUS);
                notify('ok', `${picked.length} tautan bukti dukung dibuat dari saran padanan.`);
                finish();
              } catch (err) {
                notify('danger', errorText(err));
              } finally {
                setBusy(false);
              }
            }}
          >
            Tautkan yang dipilih
          </button>
        )}
      </div>
    </Dialog>
  );
}

/** The row actions that take a row out of the list (the focus then moves to a neighbour's). */
type RowAction = 'arsip' | 'hapus';

export function EvaluationsPage() {
  const evaluations = useEvaluations();
  const answers = useLiveQuery(() => db.answers.toArray(), []);
  const [showArchived, setShowArchived] = useState(false);
  /** The instansi chosen in "Instansi"; '' = all. */
  const [instansi, setInstansi] = useState('');
  const [duplicating, setDuplicating] = useState<Evaluation | null>(null);
  const [deleting, setDeleting] = useState<Evaluation | null>(null);
  /** An evaluation whose backup before deletion failed: deleted only if the user says so. */
  const [unbacked, setUnbacked] = useState<{ target: Evaluation; message: string } | null>(null);
  const backups = useBackupService();
  /** The evaluation whose backup before deletion is being written (it can take minutes). */
  const [backingUp, setBackingUp] = useState<Evaluation | null>(null);
  const [copied, setCopied] = useState<{ id: EvaluationId; source: Evaluation } | null>(null);
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
    void navigate(routes.import());
  };

  // Where the keyboard focus goes when the row that held it is gone (archived while archived
  // rows are hidden, or deleted): it fell to <body>, and a keyboard user started again at the
  // top of the window. It goes to the same action on the next row (or the one before), else to
  // "Tampilkan evaluasi yang diarsipkan" or "Buat evaluasi baru".
  const focusAfterRef = useFocusAfterRemoval();
  const rowAction = (action: RowAction, id: EvaluationId) =>
    document.querySelector<HTMLElement>(`[data-row-action="${action}"][data-evaluation="${id}"]`);
  /** Once `e`'s row leaves the list, the focus goes to `action` on a neighbouring row. */
  const keepFocusNear = (e: Evaluation, action: RowAction, shown: readonly Evaluation[]) => {
    const from = rowAction(action, e.id);
    if (!from) return;
    const at = shown.findIndex((x) => x.id === e.id);
    const neighbours = [shown[at + 1], shown[at - 1]].filter((x) => x !== undefined);
    focusAfterRef.current = {
      from,
      to: () =>
        neighbours.map((n) => rowAction(action, n.id)).find((el) => el !== null) ??
        document.querySelector<HTMLElement>('[data-focus-fallback="arsip"]') ??
        document.querySelector<HTMLElement>('[data-focus-fallback="baru"]'),
    };
  };

  const byEvaluation = useMemo(() => {
    const map = new Map<EvaluationId, Answer[]>();
    for (const a of answers ?? []) map.set(a.evaluationId, [...(map.get(a.evaluationId) ?? []), a]);
    return map;
  }, [answers]);

  if (!evaluations) return <p role="status">Memuat daftar evaluasi…</p>;
  const listed = evaluations.filter((e) => showArchived || e.status === 'active');
  const choices = instansiChoices(listed);
  // A chosen instansi whose rows are all gone (archived while hidden, deleted) shows them all.
  const chosen = choices.some((c) => c.key === instansi) ? instansi : '';
  const visible = listed
    .filter((e) => chosen === '' || instansiKey(e) === chosen)
    // Newest year first; in a year by name as an Indonesian reader looks for it ("salinan 2"
    // before "salinan 10", case aside).
    .sort((a, b) => b.year - a.year || compareText(evaluationName(a), evaluationName(b)));
  const archived = evaluations.filter((e) => e.status === 'archived');
  // "Tampilkan evaluasi yang diarsipkan (n)" counts what ticking it adds to the list: the archived
  // evaluations of the chosen instansi. The box stays while any instansi has one, so it does not
  // come and go (with its tick) as the choice changes.
  const archivedCount = archived.filter((e) => chosen === '' || instansiKey(e) === chosen).length;

  /** Deletes `target`; the notice names the backup that still holds it. */
  const remove = async (target: Evaluation, backupName: string | null) => {
    keepFocusNear(target, 'hapus', visible);
    try {
      await deleteEvaluation(target.id);
      notify(
        'ok',
        backupName
          ? `Evaluasi ${evaluationName(target)} ${target.year} dihapus. Evaluasi ini masih ada di cadangan ${backupName} dan dapat dipulihkan dari layar Cadangan.`
          : `Evaluasi ${evaluationName(target)} ${target.year} dihapus.`,
      );
    } catch (err) {
      focusAfterRef.current = null;
      notify('danger', errorText(err));
    }
  };

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
          <Link className="button secondary" to={routes.merge()}>
            Gabungkan berkas asesor
          </Link>
          <Link className="button" to={routes.newEvaluation()} data-focus-fallback="baru">
            Buat evaluasi baru
          </Link>
        </div>
      </div>
      {backingUp && (
        <p role="status">
          Membuat cadangan sebelum menghapus evaluasi {evaluationName(backingUp)} tahun{' '}
          {backingUp.year}…
        </p>
      )}
      {archived.length > 0 && (
        <label className="inline-check">
          <input
            type="checkbox"
            data-focus-fallback="arsip"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.target.checked)}
          />{' '}
          Tampilkan evaluasi yang diarsipkan ({archivedCount})
        </label>
      )}
      {choices.length > 1 && (
        <div className="filters">
          <div className="field">
            <label htmlFor="daftar-instansi">Instansi</label>
            <select
              id="daftar-instansi"
              value={chosen}
              onChange={(e) => setInstansi(e.target.value)}
            >
              <option value="">Semua instansi ({listed.length} evaluasi)</option>
              {choices.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name} ({c.count} evaluasi)
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {visible.length === 0 ? (
        <div className="card empty">
          {archived.length > 0 ? (
            <>
              <h2>Semua evaluasi diarsipkan</h2>
              <p>
                Centang “Tampilkan evaluasi yang diarsipkan” untuk melihatnya, buat evaluasi baru,
                atau buka berkas .spbe dari asesor lain.
              </p>
            </>
          ) : (
            <>
              <h2>Belum ada evaluasi</h2>
              <p>
                Buat evaluasi baru untuk instansi Anda, atau buka berkas .spbe dari asesor lain.
              </p>
              <p>
                Komputer baru? Pulihkan cadangan dari komputer lama (salinan berkas cadangan di
                flashdisk atau folder jaringan) dengan “Pulihkan dari berkas…”.{' '}
                <Link to={routes.backups()}>Buka layar Cadangan</Link>
              </p>
            </>
          )}
        </div>
      ) : (
        <table className="evaluation-list">
          <caption className="visually-hidden">Daftar evaluasi</caption>
          <thead>
            <tr>
              <th scope="col">Tahun</th>
              <th scope="col" className="instansi">
                Instansi
              </th>
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
                  <Link to={routes.evaluation.dashboard({ evaluationId: e.id })}>
                    {evaluationName(e)}
                  </Link>
                  <div className="small muted">
                    {instansiKindLabel[e.instansi.kind]}
                    {e.status === 'archived' && (
                      <>
                        {' '}
                        <span className="badge warn">Diarsipkan</span>
                      </>
                    )}
                  </div>
                  {/* Two phrases: a narrow column breaks the line between them, not inside. */}
                  <div className="small muted">
                    <span className="phrase">{originText(e)} ·</span>{' '}
                    <span className="phrase">{lastChangeText(e.updatedAt)}</span>
                  </div>
                </td>
                <td className="small">
                  {findPack(e.instrument.id, e.instrument.version)?.shortTitle ??
                    findPack(e.instrument.id)?.shortTitle ??
                    e.instrument.id}
                </td>
                <Summary evaluation={e} answers={byEvaluation.get(e.id) ?? []} />
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setDuplicating(e)}
                      aria-label={`Salin evaluasi ${evaluationName(e)} ${e.year} ke tahun baru`}
                    >
                      Salin ke tahun baru
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      data-row-action="arsip"
                      data-evaluation={e.id}
                      aria-label={`${e.status === 'archived' ? 'Pulihkan' : 'Arsipkan'} evaluasi ${evaluationName(e)} ${e.year}`}
                      onClick={async () => {
                        // Archived while archived rows are hidden, the row leaves the list.
                        if (e.status === 'active' && !showArchived) {
                          keepFocusNear(e, 'arsip', visible);
                        }
                        try {
                          await setArchived(e.id, e.status === 'active', ANONYMOUS);
                          notify(
                            'ok',
                            e.status === 'active'
                              ? 'Evaluasi diarsipkan.'
                              : 'Evaluasi dipulihkan dari arsip.',
                          );
                        } catch (err) {
                          focusAfterRef.current = null;
                          notify('danger', errorText(err));
                        }
                      }}
                    >
                      {e.status === 'archived' ? 'Pulihkan' : 'Arsipkan'}
                    </button>
                    <button
                      type="button"
                      className="secondary danger-text"
                      data-row-action="hapus"
                      data-evaluation={e.id}
                      // Asked once: its backup before deletion is being written.
                      onClick={() => backingUp?.id !== e.id && setDeleting(e)}
                      aria-label={`Hapus evaluasi ${evaluationName(e)} ${e.year}`}
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
      <DuplicateDialog
        source={duplicating}
        onClose={() => setDuplicating(null)}
        onCopied={(id, source) => setCopied({ id, source })}
      />
      <CrosswalkDialog copied={copied} onClose={() => setCopied(null)} />
      <ConfirmDialog
        open={deleting !== null}
        title="Hapus evaluasi?"
        danger
        confirmLabel="Hapus permanen"
        message={
          deleting && (
            <p>
              Evaluasi <strong>{evaluationName(deleting)}</strong> tahun {deleting.year} beserta
              seluruh jawaban, bukti dukung, tim, dan riwayatnya akan dihapus dari komputer ini.
              Sebelumnya aplikasi memastikan seluruh data tersimpan dalam cadangan (bila data
              berubah sejak cadangan terakhir, dibuat cadangan “Sebelum penghapusan evaluasi”): bila
              penghapusan ini keliru, pulihkan evaluasi ini saja dari cadangan itu di layar
              Cadangan.
            </p>
          )
        }
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          const target = deleting;
          setDeleting(null);
          if (!target) return;
          let backupName: string;
          setBackingUp(target);
          try {
            backupName = await backups.backupBeforeDelete();
          } catch (err) {
            // Nothing is deleted without the user's word once the backup could not be made.
            setUnbacked({ target, message: errorText(err) });
            return;
          } finally {
            setBackingUp(null);
          }
          await remove(target, backupName);
        }}
      />
      <ConfirmDialog
        open={unbacked !== null}
        title="Hapus tanpa cadangan?"
        danger
        confirmLabel="Hapus tanpa cadangan"
        message={
          unbacked && (
            <p>
              Cadangan sebelum penghapusan gagal dibuat: {unbacked.message} Evaluasi{' '}
              <strong>{evaluationName(unbacked.target)}</strong> tahun {unbacked.target.year} belum
              dihapus. Bila dihapus sekarang, evaluasi ini tidak dapat dipulihkan kecuali dari
              cadangan yang lebih lama atau berkas .spbe hasil ekspor.
            </p>
          )
        }
        onCancel={() => setUnbacked(null)}
        onConfirm={() => {
          const target = unbacked?.target;
          setUnbacked(null);
          if (target) void remove(target, null);
        }}
      />
    </section>
  );
}
