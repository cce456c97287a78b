/**
 * The export form of an evaluation: every indicator or only the current member's, with or
 * without the evidence bytes, optionally protected by a password (AES-256, entered twice). The
 * file streams to where the user chooses, with a progress bar and a Cancel button; a cancelled
 * export leaves no file and changes nothing.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState } from 'react';
import { describeScope, isBundleError, scopeOf } from '../../../../shared/bundle';
import { formatBytes } from '../../../../shared/format/number';
import { rangeProse } from '../../../../shared/report/text';
import { usePlatform } from '../../app/platform-context';
import { errorText, useNotify } from '../../components/notices';
import { TaskProgress, useTaskProgress } from '../../components/task-progress';
import { storedHashes } from '../../db/commands/store-snapshot';
import { useWorkspace } from '../workspace/workspace-context';
import { exportEvaluation, exportFileName } from './export-bundle';

const MIN_PASSWORD = 8;

export function ExportPanel() {
  const {
    evaluation,
    pack,
    evidence,
    linksByIndicator,
    currentMember,
    actor,
    result: scores,
  } = useWorkspace();
  const platform = usePlatform();
  const notify = useNotify();
  const id = useId();
  const [scope, setScope] = useState<'all' | 'mine'>('all');
  const [includeEvidence, setIncludeEvidence] = useState(true);
  const [protect, setProtect] = useState(false);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const { progress, report, reset } = useTaskProgress();
  const controller = useRef<AbortController | null>(null);

  const mine = [...(currentMember?.indicators ?? [])].sort((a, b) => a - b);
  const canMine = mine.length > 0;
  const onlyMine = scope === 'mine' && canMine;
  // Of their indicators, those still open (an awaited external value is not an answer yet).
  const unanswered = mine.filter((n) => {
    const score = scores.indicators.find((i) => i.number === n);
    return !score || score.value === null || score.awaitingExternal;
  });
  // The documents the file carries: on "only mine", those linked to these indicators.
  const linked = new Set(
    mine.flatMap((n) => (linksByIndicator.get(n) ?? []).map((l) => l.evidenceId)),
  );
  const sent = onlyMine ? evidence.filter((e) => linked.has(e.id)) : evidence;
  const logoHash = evaluation.instansi.logoHash;
  const hashes = [
    ...new Set([...sent.map((e) => e.hash as string), ...(logoHash ? [logoHash] : [])]),
  ];
  const missing = useLiveQuery(async () => {
    const present = await storedHashes(hashes);
    return hashes.filter((h) => !present.has(h)).length;
  }, [hashes.join()]);
  const bytes = [...new Map(sent.map((e) => [e.hash, e.size])).values()].reduce((s, n) => s + n, 0);
  const withEvidence = includeEvidence && (missing ?? 0) === 0;

  const submit = async () => {
    const problems: Record<string, string> = {};
    if (!currentMember && name.trim() === '') problems.name = 'Nama pengekspor wajib diisi.';
    if (protect) {
      if (password.length < MIN_PASSWORD)
        problems.password = `Kata sandi paling sedikit ${MIN_PASSWORD} karakter.`;
      else if (password !== repeat) problems.repeat = 'Kedua kata sandi tidak sama.';
    }
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const indicators = onlyMine ? mine : undefined;
    const exporter = currentMember
      ? { memberId: currentMember.id, name: currentMember.name, nip: currentMember.nip }
      : { memberId: null, name: name.trim(), nip: '' };
    const ctl = new AbortController();
    controller.current = ctl;
    setFailure(null);
    setResult(null);
    setRunning(true);
    reset();
    try {
      const outcome = await exportEvaluation(
        platform,
        {
          evaluationId: evaluation.id,
          pack,
          indicators,
          includeEvidence: withEvidence,
          password: protect ? password : undefined,
          exporter,
          actor: currentMember ? actor : { id: null, name: exporter.name },
          suggestedName: exportFileName(
            evaluation,
            pack,
            exporter.name,
            new Date(),
            Boolean(indicators),
          ),
        },
        {
          signal: ctl.signal,
          onProgress: (p) => report({ label: p.label, done: p.bytesDone, total: p.bytesTotal }),
        },
      );
      if (!outcome) return;
      const text = `Berkas ${outcome.saved.name} tersimpan (${formatBytes(outcome.saved.size)}): ${describeScope(scopeOf(indicators))}, ${outcome.result.manifest.snapshot.answers.length} jawaban${withEvidence ? ', dengan isi bukti dukung' : ''}${protect ? ', dilindungi kata sandi' : ''}. Perubahan berikutnya dicatat sebagai revisi baru.`;
      setResult(text);
      setPassword('');
      setRepeat('');
      notify('ok', `Berkas ${outcome.saved.name} tersimpan.`);
    } catch (e) {
      if (isBundleError(e) && e.code === 'aborted') {
        notify('info', 'Ekspor dibatalkan. Tidak ada berkas yang ditulis.');
      } else {
        setFailure(errorText(e));
      }
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-judul`}>
      <h3 id={`${id}-judul`}>Ekspor berkas .spbe</h3>
      <p className="muted">
        Kirim hasil penilaian kepada koordinator atau asesor lain. Berkas memuat evaluasi, jawaban,
        tim, keterangan bukti dukung beserta sidik SHA-256-nya, dan riwayat perubahan.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="fieldset">
          <legend>Cakupan</legend>
          <label className="inline-check">
            <input
              type="radio"
              name={`${id}-cakupan`}
              checked={scope === 'all'}
              onChange={() => setScope('all')}
            />{' '}
            Semua indikator
          </label>
          <label className="inline-check">
            <input
              type="radio"
              name={`${id}-cakupan`}
              checked={scope === 'mine'}
              disabled={!canMine}
              onChange={() => setScope('mine')}
              aria-describedby={`${id}-saya`}
            />{' '}
            Hanya indikator saya
          </label>
          <p className="hint small muted" id={`${id}-saya`}>
            {canMine
              ? `Indikator tugas ${currentMember?.name}: ${rangeProse(mine)}; ${unanswered.length > 0 ? `belum dijawab: indikator ${rangeProse(unanswered)}` : 'semuanya sudah dijawab'}.`
              : currentMember
                ? `${currentMember.name} belum ditugaskan pada indikator mana pun (atur di Tim Asesor).`
                : 'Pilih nama Anda di bagian atas untuk mengekspor indikator tugas Anda saja.'}
          </p>
        </fieldset>

        <label className="inline-check">
          <input
            type="checkbox"
            checked={withEvidence}
            disabled={(missing ?? 0) > 0 || sent.length === 0}
            onChange={(e) => setIncludeEvidence(e.target.checked)}
            aria-describedby={`${id}-bukti`}
          />{' '}
          Sertakan isi berkas bukti dukung
        </label>
        <p className="hint small muted" id={`${id}-bukti`}>
          {evidence.length === 0
            ? 'Evaluasi ini belum memiliki dokumen bukti dukung.'
            : sent.length === 0
              ? `Belum ada dokumen yang ditautkan ke indikator ${rangeProse(mine)}.`
              : (missing ?? 0) > 0
                ? `${missing} berkas tidak ada di komputer ini (diterima tanpa isi), jadi hanya keterangan dan sidik dokumen yang dapat diekspor.`
                : `${sent.length} dokumen${onlyMine ? ` (yang ditautkan ke indikator ${rangeProse(mine)})` : ''}, ${formatBytes(bytes)}. Tanpa isi berkas, hanya keterangan dan sidik dokumen yang dikirim.`}
        </p>

        <label className="inline-check">
          <input type="checkbox" checked={protect} onChange={(e) => setProtect(e.target.checked)} />{' '}
          Lindungi dengan kata sandi (AES-256)
        </label>
        {protect && (
          <div className="grid-2">
            <div className="field">
              <label htmlFor={`${id}-sandi`}>Kata sandi</label>
              <input
                id={`${id}-sandi`}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={errors.password ? true : undefined}
                aria-describedby={`${id}-sandi-petunjuk${errors.password ? ` ${id}-sandi-galat` : ''}`}
              />
              <span className="hint" id={`${id}-sandi-petunjuk`}>
                Paling sedikit {MIN_PASSWORD} karakter. Sampaikan kepada penerima melalui jalur
                lain, bukan bersama berkasnya.
              </span>
              {errors.password && (
                <span className="error" id={`${id}-sandi-galat`} role="alert">
                  {errors.password}
                </span>
              )}
            </div>
            <div className="field">
              <label htmlFor={`${id}-ulang`}>Ulangi kata sandi</label>
              <input
                id={`${id}-ulang`}
                type="password"
                autoComplete="new-password"
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
                aria-invalid={errors.repeat ? true : undefined}
                aria-describedby={errors.repeat ? `${id}-ulang-galat` : undefined}
              />
              {errors.repeat && (
                <span className="error" id={`${id}-ulang-galat`} role="alert">
                  {errors.repeat}
                </span>
              )}
            </div>
          </div>
        )}

        {!currentMember && (
          <div className="field">
            <label htmlFor={`${id}-nama`}>Nama pengekspor</label>
            <input
              id={`${id}-nama`}
              value={name}
              maxLength={120}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={`${id}-nama-petunjuk${errors.name ? ` ${id}-nama-galat` : ''}`}
            />
            <span className="hint" id={`${id}-nama-petunjuk`}>
              Tercatat di berkas sebagai pengirim. Atau pilih nama Anda di bagian atas.
            </span>
            {errors.name && (
              <span className="error" id={`${id}-nama-galat`} role="alert">
                {errors.name}
              </span>
            )}
          </div>
        )}

        {failure && (
          <div className="alert danger" role="alert">
            Ekspor gagal: {failure} Tidak ada berkas yang ditulis dan data tidak berubah.
          </div>
        )}
        {result && <p className="alert ok">{result}</p>}
        {running ? (
          <TaskProgress
            title="Ekspor berkas .spbe"
            state={progress}
            onCancel={() => controller.current?.abort()}
          />
        ) : (
          <div className="form-actions">
            <button type="submit">Ekspor berkas .spbe</button>
          </div>
        )}
      </form>
    </section>
  );
}
