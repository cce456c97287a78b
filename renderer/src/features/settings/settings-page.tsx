/**
 * Settings of this computer: evidence size limit, the team folder (features/team-folder), and the state of the browser storage (with,
 * in the browser build, the request for persistent storage).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { DEFAULT_MAX_EVIDENCE_BYTES } from '../../../../shared/assessment';
import { formatBytes, formatNumber } from '../../../../shared/format/number';
import { fieldErrorMap } from '../../../../shared/format/zod-messages';
import { wholeNumberText } from '../../../../shared/format/whole-number';
import { usePlatform } from '../../app/platform-context';
import { Field } from '../../components/field';
import { errorText, useNotify } from '../../components/notices';
import { MAX_EVIDENCE_SETTING } from '../../db/commands/evidence';
import { db } from '../../db/db';
import { guardWrite } from '../../db/errors';
import { useSetting } from '../../db/queries/hooks';
import { TeamFolderSection } from '../team-folder/team-folder-section';

const MB = 1024 * 1024;

/** Asks the browser to keep this site's data (navigator.storage.persist) and says the answer. */
function PersistRequest({
  persisted,
  onResult,
}: {
  persisted: boolean | null;
  onResult: (persisted: boolean) => void;
}) {
  const [answer, setAnswer] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!navigator.storage?.persist) {
    return (
      <p className="small muted">
        Peramban ini tidak menyediakan permintaan penyimpanan permanen. Buat cadangan secara
        berkala.
      </p>
    );
  }
  return (
    <div className="inline-form">
      {persisted !== true && (
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              const granted = await navigator.storage.persist();
              onResult(granted);
              setAnswer(
                granted
                  ? 'Peramban mengizinkan penyimpanan permanen: data tidak akan dihapus otomatis.'
                  : 'Peramban belum mengizinkan penyimpanan permanen. Peramban biasanya mengizinkannya untuk situs yang sering dibuka, ditandai, atau dipasang sebagai aplikasi; coba lagi nanti dan tetap buat cadangan secara berkala.',
              );
            } catch (err) {
              setAnswer(`Permintaan penyimpanan permanen gagal: ${errorText(err)}`);
            } finally {
              setBusy(false);
            }
          }}
        >
          Minta penyimpanan permanen
        </button>
      )}
      <span role="status" className="small">
        {answer}
      </span>
    </div>
  );
}

function StorageInfo() {
  const platform = usePlatform();
  const [asked, setAsked] = useState(false);
  const [estimate, setEstimate] = useState<{
    usage?: number;
    quota?: number;
    persisted: boolean | null;
  } | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const e = navigator.storage?.estimate ? await navigator.storage.estimate() : {};
      const persisted = navigator.storage?.persisted ? await navigator.storage.persisted() : null;
      if (live) setEstimate({ ...e, persisted });
    })();
    return () => {
      live = false;
    };
  }, []);
  if (!estimate) return <p role="status">Memeriksa penyimpanan…</p>;
  return (
    <>
      <dl className="facts">
        <dt>Terpakai</dt>
        <dd>{estimate.usage !== undefined ? formatBytes(estimate.usage) : 'tidak diketahui'}</dd>
        {/* The quota is what may be stored in all, not what is still free. */}
        <dt>Batas penyimpanan</dt>
        <dd>
          {estimate.quota === undefined
            ? 'tidak diketahui'
            : estimate.usage === undefined
              ? formatBytes(estimate.quota)
              : `${formatBytes(estimate.quota)}, tersisa ${formatBytes(Math.max(0, estimate.quota - estimate.usage))}`}
        </dd>
        <dt>Penyimpanan tetap</dt>
        <dd>
          {estimate.persisted === true
            ? 'Ya: data tidak akan dihapus otomatis saat ruang penyimpanan menipis.'
            : estimate.persisted === false
              ? platform.kind === 'web'
                ? 'Belum diizinkan: peramban dapat menghapus data saat ruang penyimpanan menipis. Buat cadangan secara berkala.'
                : // The desktop app has no browser to speak of; the storage engine under it may still evict.
                  'Belum ditandai tetap: bila ruang disk hampir penuh, data dapat terhapus otomatis. Buat cadangan secara berkala dan simpan salinannya di luar komputer ini.'
              : 'Tidak diketahui'}
        </dd>
      </dl>
      {platform.kind === 'web' && (estimate.persisted !== true || asked) && (
        <PersistRequest
          persisted={estimate.persisted}
          onResult={(persisted) => {
            setAsked(true);
            setEstimate({ ...estimate, persisted });
          }}
        />
      )}
    </>
  );
}

const MAX_MB = 4096;
/** The limit as typed, in whole MB: "1,5", "0" and "abc" are refused with the allowed range. */
const limitFormSchema = z.object({
  mb: wholeNumberText(MAX_MB, 'MB'),
});
type LimitForm = z.infer<typeof limitFormSchema>;

export function SettingsPage() {
  const notify = useNotify();
  const stored = useSetting<number>(MAX_EVIDENCE_SETTING, DEFAULT_MAX_EVIDENCE_BYTES);
  const storedMb = String(Math.round(stored / MB));
  const { register, handleSubmit, formState, reset } = useForm<LimitForm>({
    resolver: zodResolver(limitFormSchema, { error: fieldErrorMap }),
    defaultValues: { mb: storedMb },
  });
  // The stored value arrives after the first render: shown unless the user is typing.
  const { isDirty } = formState;
  useEffect(() => {
    if (!isDirty) reset({ mb: storedMb });
  }, [storedMb, isDirty, reset]);
  const submit = handleSubmit(async ({ mb }) => {
    const n = Number(mb);
    try {
      await guardWrite('Pengaturan', () =>
        db.settings.put({ key: MAX_EVIDENCE_SETTING, value: n * MB }),
      );
      reset({ mb: String(n) });
      notify('ok', `Batas ukuran berkas bukti dukung: ${formatNumber(n, 0)} MB.`);
    } catch (err) {
      notify('danger', errorText(err));
    }
  });

  return (
    <section aria-labelledby="judul-pengaturan">
      <h1 id="judul-pengaturan">Pengaturan</h1>
      <form className="card" onSubmit={submit} noValidate>
        <h2>Bukti dukung</h2>
        <Field
          label="Batas ukuran satu berkas (MB)"
          hint={`Bilangan bulat 1–${formatNumber(MAX_MB, 0)}. Bawaan ${formatBytes(DEFAULT_MAX_EVIDENCE_BYTES)}. Berkas yang lebih besar ditolak dengan pesan.`}
          error={formState.errors.mb?.message}
        >
          <input {...register('mb')} inputMode="numeric" />
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={formState.isSubmitting}>
            Simpan pengaturan
          </button>
        </div>
      </form>
      <TeamFolderSection />
      <div className="card">
        <h2>Penyimpanan data</h2>
        <StorageInfo />
      </div>
    </section>
  );
}
