/**
 * The Cadangan screen: where backups live, the daily automatic backup's status, how many are
 * kept, "make a backup now", the list of backups (newest first) with a preview-and-restore for
 * each, restoring from a file on disk, and saving a copy elsewhere (in a browser the backups live
 * in the browser itself, so downloading one is how it leaves the browser). The backups live on
 * this computer: the screen says so, and when the last copy was saved outside it.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { formatDateTime } from '../../../../shared/format/date';
import { joinList } from '../../../../shared/format/list';
import { formatBytes, formatNumber } from '../../../../shared/format/number';
import { fieldErrorMap } from '../../../../shared/format/zod-messages';
import { wholeNumberText } from '../../../../shared/format/whole-number';
import { usePlatform } from '../../app/platform-context';
import { ConfirmDialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { errorText, useNotify } from '../../components/notices';
import { BACKUP_REASON_LABELS, parseBackupFileName } from '../../platform/backup-names';
import type { BackupEntry, PlatformInfo } from '../../platform/types';
import { useBackupService, useBackupState } from './backup-context';
import { BackupProgress } from './backup-progress';
import type { DailyStatus, OutsideCopy } from './backup-service';
import { RestoreDialog, type RestoreSource } from './restore-dialog';

const takenAt = (e: BackupEntry): number =>
  parseBackupFileName(e.name)?.takenAt.getTime() ?? e.createdAt;

const reasonOf = (e: BackupEntry): string => {
  const parsed = parseBackupFileName(e.name);
  return parsed ? BACKUP_REASON_LABELS[parsed.reason] : 'Lainnya';
};

/**
 * What each row's buttons name: when the backup was made and its kind, with the file name where
 * two rows would still read the same (made in one minute). By the time alone, the daily backup,
 * a backup made by hand and the one kept before a restore, all in one minute, each read
 * "Pratinjau dan pulihkan cadangan 8 Desember 2026 pukul 06.29" to a screen reader.
 */
export function backupRowNames(entries: readonly BackupEntry[]): string[] {
  const names = entries.map(
    (e) => `cadangan ${formatDateTime(takenAt(e))} (${reasonOf(e).toLocaleLowerCase('id-ID')})`,
  );
  return names.map((n, i) =>
    names.indexOf(n) === names.lastIndexOf(n) ? n : `${n}, berkas ${entries[i]!.name}`,
  );
}

/** The backup the data has not changed since: by when it was made, else by its file name. */
function sinceText(name: string): string {
  const parsed = parseBackupFileName(name);
  return parsed
    ? `cadangan terakhir, yang dibuat ${formatDateTime(parsed.takenAt)}`
    : `cadangan "${name}"`;
}

export function DailyLine({ daily }: { daily: DailyStatus | null }) {
  if (!daily) return <p>Cadangan harian diperiksa saat aplikasi dibuka dan setiap 10 menit.</p>;
  switch (daily.kind) {
    case 'done':
      return <p>Cadangan harian hari ini dibuat {formatDateTime(daily.at)}.</p>;
    case 'unchanged':
      return (
        <p>
          Cadangan harian hari ini tidak dibuat karena data tidak berubah sejak{' '}
          {sinceText(daily.since)}.
        </p>
      );
    case 'empty':
      return <p>Belum ada evaluasi, jadi belum ada yang perlu dicadangkan.</p>;
    case 'failed':
      return (
        <div className="alert danger" role="alert">
          Cadangan harian gagal dibuat ({formatDateTime(daily.at)}): {daily.message} Aplikasi
          mencoba lagi setiap 10 menit.
        </div>
      );
  }
}

/** When a backup was made, from its file name; its name in quotes when that cannot be read. */
function backupWhen(name: string): string {
  const parsed = parseBackupFileName(name);
  return parsed ? `yang dibuat ${formatDateTime(parsed.takenAt)}` : `"${name}"`;
}

/**
 * What is known of the copies saved outside the backup store: when the last one was saved, where
 * to, which backup it holds, and whether a newer backup has not been copied since. `entries` are
 * the backups in the store, newest first.
 */
export function OutsideCopyLine({
  kind,
  lastCopy,
  entries,
}: {
  kind: PlatformInfo['kind'];
  lastCopy: OutsideCopy | null;
  entries: readonly BackupEntry[];
}) {
  const web = kind === 'web';
  if (!lastCopy) {
    if (entries.length === 0) return null;
    return (
      <div className="alert warn">
        {web
          ? 'Belum ada cadangan yang diunduh dari peramban ini.'
          : 'Belum ada salinan cadangan yang disimpan dari komputer ini.'}
      </div>
    );
  }
  const copied = parseBackupFileName(lastCopy.backupName)?.takenAt.getTime() ?? lastCopy.at;
  const newest = entries[0];
  const newer = newest && takenAt(newest) > copied ? newest : undefined;
  return (
    <>
      <p>
        {web
          ? `Cadangan terakhir diunduh ${formatDateTime(lastCopy.at)}: cadangan ${backupWhen(lastCopy.backupName)}.`
          : `Salinan terakhir disimpan ${formatDateTime(lastCopy.at)}${lastCopy.path ? ` ke ${lastCopy.path}` : ''}: cadangan ${backupWhen(lastCopy.backupName)}.`}
      </p>
      {newer && (
        <div className="alert warn">
          Sesudah itu dibuat cadangan yang lebih baru ({formatDateTime(takenAt(newer))});{' '}
          {web ? 'unduh juga cadangan itu.' : 'simpan juga salinannya.'}
        </div>
      )}
    </>
  );
}

const MAX_KEEP = 1000;
/** How many backups to keep, as typed: "0", "2,5" and "100000" are refused with the range. */
const keepFormSchema = z.object({
  keep: wholeNumberText(MAX_KEEP),
});
type KeepFormValues = z.infer<typeof keepFormSchema>;

/** Backups named in the question before the oldest are removed; the rest are counted. */
const DOOMED_SHOWN = 5;

/** What saving a lower number removes at once: the oldest backups beyond it. */
interface Lowering {
  keep: number;
  doomed: BackupEntry[];
}

function loweringText({ doomed }: Lowering): string {
  const oldestFirst = [...doomed].sort((a, b) => takenAt(a) - takenAt(b));
  const named = oldestFirst.slice(0, DOOMED_SHOWN).map((e) => formatDateTime(takenAt(e)));
  const rest = oldestFirst.length - named.length;
  const list =
    rest > 0 ? `${named.join(', ')}, dan ${formatNumber(rest, 0)} lainnya` : joinList(named);
  return `${formatNumber(doomed.length, 0)} cadangan tertua langsung dihapus: ${list}. Cadangan yang dihapus tidak dapat dipulihkan lagi.`;
}

export function KeepForm() {
  const platform = usePlatform();
  const notify = useNotify();
  const service = useBackupService();
  const [lowering, setLowering] = useState<Lowering | null>(null);
  const { register, handleSubmit, formState, reset } = useForm<KeepFormValues>({
    resolver: zodResolver(keepFormSchema, { error: fieldErrorMap }),
    defaultValues: { keep: '' },
  });
  useEffect(() => {
    let live = true;
    platform.backups.keep().then(
      (n) => live && reset({ keep: String(n) }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [platform, reset]);
  const save = async (keep: number) => {
    try {
      const saved = await platform.backups.setKeep(keep);
      reset({ keep: String(saved) });
      service.changed();
      notify('ok', `Aplikasi menyimpan ${formatNumber(saved, 0)} cadangan terbaru.`);
    } catch (err) {
      notify('danger', errorText(err));
    }
  };
  const submit = handleSubmit(async ({ keep }) => {
    const n = Number(keep);
    let doomed: BackupEntry[];
    try {
      // The store lists newest first and removes what lies beyond the number, at once.
      doomed = (await platform.backups.list()).slice(n);
    } catch (err) {
      notify('danger', errorText(err));
      return;
    }
    if (doomed.length > 0) setLowering({ keep: n, doomed });
    else await save(n);
  });
  return (
    <form className="inline-form keep-form" onSubmit={submit} noValidate>
      <Field
        label="Jumlah cadangan yang disimpan"
        hint={`Bilangan bulat 1–${formatNumber(MAX_KEEP, 0)}. Cadangan tertua di atas jumlah ini langsung dihapus saat jumlah disimpan, dan setiap kali cadangan baru dibuat.`}
        error={formState.errors.keep?.message}
      >
        <input {...register('keep')} inputMode="numeric" />
      </Field>
      <button type="submit" className="secondary" disabled={formState.isSubmitting}>
        Simpan jumlah
      </button>
      <ConfirmDialog
        open={lowering !== null}
        title="Hapus cadangan lama?"
        message={lowering && <p>{loweringText(lowering)}</p>}
        confirmLabel={`Hapus ${formatNumber(lowering?.doomed.length ?? 0, 0)} cadangan dan simpan`}
        danger
        onCancel={() => setLowering(null)}
        onConfirm={() => {
          if (!lowering) return;
          setLowering(null);
          void save(lowering.keep);
        }}
      />
    </form>
  );
}

export function BackupsPage() {
  const platform = usePlatform();
  const service = useBackupService();
  const { activity, daily, revision, lastCopy } = useBackupState();
  const notify = useNotify();
  const [info, setInfo] = useState<PlatformInfo | null>(null);
  const [entries, setEntries] = useState<BackupEntry[] | null>(null);
  const rowNames = backupRowNames(entries ?? []);
  const [listError, setListError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<RestoreSource | null>(null);

  useEffect(() => {
    let live = true;
    platform.info().then(
      (i) => live && setInfo(i),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [platform]);

  useEffect(() => {
    let live = true;
    platform.backups.list().then(
      (list) => {
        if (!live) return;
        setEntries([...list].sort((a, b) => takenAt(b) - takenAt(a)));
        setListError(null);
      },
      (e: unknown) => live && setListError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [platform, revision]);

  const busy = activity.kind === 'running';
  const web = platform.kind === 'web';

  const backupNow = async () => {
    try {
      const entry = await service.takeBackup();
      notify('ok', `Cadangan dibuat: ${entry.name} (${formatBytes(entry.size)}).`);
    } catch (e) {
      notify('danger', `Cadangan gagal dibuat: ${errorText(e)}`);
    }
  };

  const saveCopy = async (entry: BackupEntry) => {
    try {
      const saved = await platform.saveFile(
        { kind: 'bundle', suggestedName: entry.name, title: 'Simpan salinan cadangan' },
        async (sink, signal) => {
          const file = await platform.backups.read(entry.name);
          await file.stream().pipeTo(sink, { signal });
        },
      );
      if (saved) {
        service.copySaved(entry.name, saved.path);
        notify(
          'ok',
          saved.path
            ? `Salinan cadangan disimpan di ${saved.path}.`
            : `Cadangan ${saved.name} diunduh.`,
        );
      }
    } catch (e) {
      notify('danger', `Salinan cadangan gagal disimpan: ${errorText(e)}`);
    }
  };

  const restoreFromFile = async () => {
    try {
      const files = await platform.pickFiles({
        kind: 'bundle',
        multiple: false,
        title: 'Pilih berkas cadangan',
      });
      const file = files?.[0];
      if (file) setRestoring({ id: Date.now(), name: file.name, load: () => file.blob() });
    } catch (e) {
      notify('danger', errorText(e));
    }
  };

  return (
    <section aria-labelledby="judul-cadangan">
      <div className="page-header">
        <div>
          <h1 id="judul-cadangan">Cadangan</h1>
          <p>
            Cadangan memuat seluruh data aplikasi: semua evaluasi, jawaban, bukti dukung, tim,
            riwayat, profil daerah, dan pengaturan.
          </p>
        </div>
      </div>

      {web && (
        <div className="alert info">
          Di versi peramban, cadangan tersimpan di peramban ini dan ikut terhapus bila data situs
          dihapus. Unduh cadangan secara berkala untuk menyimpannya di luar peramban.
        </div>
      )}

      <div className="card">
        <h2>Cadangan otomatis</h2>
        {info && <p>Lokasi: {info.backupLocation}.</p>}
        <DailyLine daily={daily} />
        <KeepForm />
        {activity.kind === 'running' && (
          <BackupProgress
            label={
              activity.what === 'restore'
                ? 'Memulihkan cadangan'
                : activity.reason === 'harian'
                  ? 'Membuat cadangan harian'
                  : 'Membuat cadangan'
            }
            progress={activity.progress}
          />
        )}
        <div className="form-actions">
          <button type="button" onClick={() => void backupNow()} disabled={busy}>
            Buat cadangan sekarang
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => void restoreFromFile()}
            disabled={busy}
          >
            Pulihkan dari berkas…
          </button>
        </div>
      </div>

      <div className="card">
        <h2>{web ? 'Salinan di luar peramban' : 'Salinan di luar komputer ini'}</h2>
        {!web && (
          <p>
            Cadangan otomatis tersimpan di komputer ini saja: bila komputer rusak, hilang, atau
            diganti, cadangan ikut hilang. Simpan salinan cadangan terbaru secara berkala ke
            flashdisk, folder jaringan, atau komputer lain dengan tombol “Simpan salinan…” di daftar
            cadangan. Di komputer baru, pasang aplikasi lalu pulihkan salinan itu dengan “Pulihkan
            dari berkas…”.
          </p>
        )}
        {entries && <OutsideCopyLine kind={platform.kind} lastCopy={lastCopy} entries={entries} />}
      </div>

      <div className="card">
        <h2>Daftar cadangan</h2>
        {listError && (
          <div className="alert danger" role="alert">
            Daftar cadangan tidak dapat dibaca: {listError}
          </div>
        )}
        {!entries && !listError && <p role="status">Memuat daftar cadangan…</p>}
        {entries && entries.length === 0 && <p>Belum ada cadangan.</p>}
        {entries && entries.length > 0 && (
          <table>
            <caption className="visually-hidden">Cadangan tersimpan, terbaru lebih dahulu</caption>
            <thead>
              <tr>
                <th scope="col">Dibuat</th>
                <th scope="col">Jenis</th>
                <th scope="col" className="num">
                  Ukuran
                </th>
                <th scope="col">Tindakan</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, i) => {
                const when = formatDateTime(takenAt(entry));
                const named = rowNames[i]!;
                return (
                  <tr key={entry.name}>
                    <td>
                      {when}
                      <br />
                      <span className="muted small file-name">{entry.name}</span>
                    </td>
                    <td>{reasonOf(entry)}</td>
                    <td className="num">{formatBytes(entry.size)}</td>
                    <td>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="secondary"
                          disabled={busy}
                          aria-label={`Pratinjau dan pulihkan ${named}`}
                          onClick={() =>
                            setRestoring({
                              id: Date.now(),
                              name: entry.name,
                              load: async () => (await platform.backups.read(entry.name)).blob(),
                            })
                          }
                        >
                          Pratinjau dan pulihkan
                        </button>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={`${web ? 'Unduh' : 'Simpan salinan'} ${named}`}
                          onClick={() => void saveCopy(entry)}
                        >
                          {web ? 'Unduh' : 'Simpan salinan…'}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      {restoring && (
        <RestoreDialog key={restoring.id} source={restoring} onClose={() => setRestoring(null)} />
      )}
    </section>
  );
}
