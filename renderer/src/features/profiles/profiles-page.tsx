/**
 * Regional profiles on this computer: the built-in ones (read-only; can be viewed, exported,
 * duplicated into the user's own) and the user's own (edit, export, delete), importing a profile
 * file from a neighbouring government, and starting an evaluation from any of them.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../../shared/format/date';
import { builtInProfiles, type Profile } from '../../../../shared/profiles';
import { routes } from '../../app/routes';
import { ConfirmDialog } from '../../components/dialog';
import { errorText, useNotify } from '../../components/notices';
import {
  deleteCustomProfile,
  duplicateAsCustomProfile,
  type CustomProfile,
} from '../../db/commands/profiles';
import { db } from '../../db/db';
import { mappingSummary, regulationShortName } from './profile-text';
import { useExportProfile, useImportProfile } from './use-profile-files';
import { useCustomProfiles } from './use-profiles';

export function useDuplicateProfile(): (profile: Profile) => Promise<void> {
  const navigate = useNavigate();
  const notify = useNotify();
  return async (profile) => {
    try {
      const copy = await duplicateAsCustomProfile(profile);
      notify('ok', `Salinan profil dibuat dengan id "${copy.id}".`);
      void navigate(routes.regionalProfile({ profileId: copy.id }));
    } catch (e) {
      notify('danger', errorText(e));
    }
  };
}

function ProfileActions({ profile, builtIn }: { profile: Profile; builtIn: boolean }) {
  const exportProfile = useExportProfile();
  const duplicate = useDuplicateProfile();
  const name = profile.instansi.name;
  return (
    <div className="row-actions">
      <Link className="button secondary" to={routes.regionalProfile({ profileId: profile.id })}>
        {builtIn ? 'Lihat' : 'Ubah'}
        <span className="visually-hidden"> profil {name}</span>
      </Link>
      <button
        type="button"
        className="secondary"
        onClick={() => void exportProfile(profile)}
        aria-label={`Ekspor profil ${name} (${profile.id})`}
      >
        Ekspor
      </button>
      {builtIn && (
        <button
          type="button"
          className="secondary"
          onClick={() => void duplicate(profile)}
          aria-label={`Salin profil ${name} menjadi profil sendiri`}
        >
          Salin
        </button>
      )}
      <Link className="button secondary" to={routes.newEvaluation({ profil: profile.id })}>
        Buat evaluasi<span className="visually-hidden"> dari profil {name}</span>
      </Link>
    </div>
  );
}

function regulationCell(profile: Profile): string {
  return profile.regulation.kind !== null || profile.regulation.number !== null
    ? regulationShortName(profile)
    : 'Belum ada data peraturan';
}

export function ProfilesPage() {
  const custom = useCustomProfiles();
  const notify = useNotify();
  const { state, pick, confirmReplace, cancelReplace } = useImportProfile();
  const [deleting, setDeleting] = useState<CustomProfile | null>(null);
  const usedBy = useLiveQuery(
    async () => (deleting ? db.evaluations.filter((e) => e.profileId === deleting.id).count() : 0),
    [deleting],
    0,
  );

  return (
    <section aria-labelledby="judul-profil-daerah">
      <div className="page-header">
        <div>
          <h1 id="judul-profil-daerah">Profil Daerah</h1>
          <p>
            Profil daerah memuat peraturan SPBE daerah, pemetaan pasalnya ke indikator, dan
            kewajiban yang diperiksa pada dasbor. Evaluasi baru dimulai dari salah satu profil.
          </p>
        </div>
        <div className="row-actions">
          <Link className="button" to={routes.newRegionalProfile()}>
            Profil baru
          </Link>
          <button type="button" className="secondary" onClick={() => void pick()}>
            Impor profil…
          </button>
        </div>
      </div>

      {state.errors.length > 0 && (
        <div className="alert danger" role="alert">
          <p>
            <strong>Berkas profil tidak diimpor.</strong> Tidak ada yang berubah.
          </p>
          <ul className="small">
            {state.errors.slice(0, 20).map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {state.warnings.length > 0 && (
        <div className="alert warn" role="status">
          <p>Profil diimpor. Kutipan yang tidak ditemukan dalam teks peraturannya:</p>
          <ul className="small">
            {state.warnings.slice(0, 20).map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}

      <section className="card" aria-labelledby="judul-profil-bawaan">
        <h2 id="judul-profil-bawaan">Profil bawaan</h2>
        <p className="small muted">
          Disusun dari teks peraturan SPBE daerah; setiap fakta mengutip pasalnya. Profil bawaan
          tidak dapat diubah, tetapi dapat disalin menjadi profil sendiri.
        </p>
        <table>
          <caption className="visually-hidden">Profil bawaan</caption>
          <thead>
            <tr>
              <th scope="col">Daerah</th>
              <th scope="col">Peraturan</th>
              <th scope="col">Kepala daerah</th>
              <th scope="col">Tindakan</th>
            </tr>
          </thead>
          <tbody>
            {builtInProfiles().map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.instansi.name}</th>
                <td>
                  {regulationCell(p)}
                  <div className="small muted">{mappingSummary(p)}</div>
                </td>
                <td>{p.instansi.headOfRegionTitle}</td>
                <td>
                  <ProfileActions profile={p} builtIn />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="judul-profil-sendiri">
        <h2 id="judul-profil-sendiri">Profil buatan pengguna</h2>
        {custom === undefined ? (
          <p role="status">Memuat profil…</p>
        ) : custom.length === 0 ? (
          <p className="muted">
            Belum ada. Buat profil untuk daerah Anda, salin profil bawaan, atau impor berkas profil
            dari daerah lain.
          </p>
        ) : (
          <table>
            <caption className="visually-hidden">Profil buatan pengguna</caption>
            <thead>
              <tr>
                <th scope="col">Daerah</th>
                <th scope="col">Peraturan</th>
                <th scope="col">Diubah</th>
                <th scope="col">Tindakan</th>
              </tr>
            </thead>
            <tbody>
              {custom.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    {row.ok ? row.profile.instansi.name : row.id}
                    <div className="small muted file-name">id: {row.id}</div>
                  </th>
                  <td>
                    {row.ok ? (
                      <>
                        {regulationCell(row.profile)}
                        <div className="small muted">{mappingSummary(row.profile)}</div>
                      </>
                    ) : (
                      <span className="badge danger">Tidak sah: {row.errors[0]}</span>
                    )}
                  </td>
                  <td className="small">{formatDateTime(row.updatedAt)}</td>
                  <td>
                    <div className="row-actions">
                      {row.ok && <ProfileActions profile={row.profile} builtIn={false} />}
                      <button
                        type="button"
                        className="secondary danger-text"
                        onClick={() => setDeleting(row)}
                        aria-label={`Hapus profil ${row.ok ? row.profile.instansi.name : row.id} (${row.id})`}
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
      </section>

      <ConfirmDialog
        open={state.pending !== null}
        title="Ganti profil yang sudah ada?"
        message={
          state.pending && (
            <p>
              Profil dengan id “{state.pending.profile.id}” sudah ada di komputer ini. Isinya akan
              diganti dengan berkas yang diimpor ({state.pending.profile.instansi.name}).
            </p>
          )
        }
        confirmLabel="Ganti profil"
        onConfirm={() => void confirmReplace()}
        onCancel={cancelReplace}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Hapus profil daerah?"
        danger
        message={
          deleting && (
            <>
              <p>
                Profil “{deleting.id}” dihapus dari komputer ini. Evaluasi yang sudah dibuat tetap
                ada beserta bukti dukungnya.
              </p>
              {usedBy > 0 && (
                <p className="alert warn">
                  {usedBy} evaluasi dibuat dari profil ini; pasal peraturan daerah dan pemeriksaan
                  kepatuhannya tidak tampil lagi sampai profil diimpor kembali. Ekspor profil lebih
                  dahulu bila masih diperlukan.
                </p>
              )}
            </>
          )
        }
        confirmLabel="Hapus profil"
        onConfirm={async () => {
          const target = deleting;
          setDeleting(null);
          if (!target) return;
          try {
            await deleteCustomProfile(target.id);
            notify('info', `Profil "${target.id}" dihapus.`);
          } catch (e) {
            notify('danger', errorText(e));
          }
        }}
        onCancel={() => setDeleting(null)}
      />
    </section>
  );
}
