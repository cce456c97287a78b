/**
 * One profile: a built-in one shown read-only (with "Salin menjadi profil sendiri"), a custom one
 * to edit, or a new one started blank.
 */
import { Link, useNavigate, useParams } from 'react-router';
import { blankProfile, type Profile } from '../../../../shared/profiles';
import { routes } from '../../app/routes';
import { ProfileEditor } from './editor/profile-editor';
import { useDuplicateProfile } from './profiles-page';
import { regulationShortName } from './profile-text';
import { useExportProfile } from './use-profile-files';
import { useProfileLookup } from './use-profiles';

const newProfile = (): Profile =>
  blankProfile({ id: '', name: '', kind: 'kota', regionName: '', headOfRegionTitle: 'Wali Kota' });

function Header({ title, intro }: { title: string; intro: string }) {
  return (
    <div className="page-header">
      <div>
        <p className="small">
          <Link to={routes.regionalProfiles()}>← Profil Daerah</Link>
        </p>
        <h1 id="judul-profil">{title}</h1>
        <p>{intro}</p>
      </div>
    </div>
  );
}

export function NewProfilePage() {
  const navigate = useNavigate();
  return (
    <section aria-labelledby="judul-profil">
      <Header
        title="Profil daerah baru"
        intro="Isi data dari peraturan SPBE daerah Anda. Fakta yang tidak tertulis dalam teks dibiarkan kosong."
      />
      <ProfileEditor
        initial={newProfile()}
        mode="new"
        onSaved={(p) =>
          void navigate(routes.regionalProfile({ profileId: p.id }), { replace: true })
        }
      />
    </section>
  );
}

export function ProfileEditorPage() {
  const { profileId } = useParams();
  const lookup = useProfileLookup(profileId);
  const exportProfile = useExportProfile();
  const duplicate = useDuplicateProfile();
  if (lookup.state === 'loading' || lookup.state === 'none') {
    return <p role="status">Memuat profil…</p>;
  }
  if (lookup.state === 'missing' || lookup.state === 'invalid') {
    return (
      <section aria-labelledby="judul-profil">
        <Header title="Profil tidak ditemukan" intro={`Tidak ada profil daerah "${lookup.id}".`} />
        {lookup.state === 'invalid' && (
          <div className="alert danger" role="alert">
            <p>Profil tersimpan tetapi tidak sah lagi:</p>
            <ul className="small">
              {lookup.errors.slice(0, 20).map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          </div>
        )}
      </section>
    );
  }
  const { profile, builtIn } = lookup;
  return (
    <section aria-labelledby="judul-profil">
      <Header
        title={`Profil ${profile.instansi.name}`}
        intro={
          builtIn
            ? `Profil bawaan dari ${regulationShortName(profile)}; hanya dapat dibaca. Salin untuk mengubahnya.`
            : `Profil buatan pengguna (id ${profile.id}).`
        }
      />
      <ProfileEditor
        key={`${profile.id}:${builtIn}`}
        initial={profile}
        mode={builtIn ? 'builtIn' : 'edit'}
        actions={(dirty) => (
          <>
            <Link className="button secondary" to={routes.newEvaluation({ profil: profile.id })}>
              Buat evaluasi dari profil ini
            </Link>
            {builtIn && (
              <button type="button" className="secondary" onClick={() => void duplicate(profile)}>
                Salin menjadi profil sendiri
              </button>
            )}
            <button
              type="button"
              className="secondary"
              disabled={dirty}
              title={dirty ? 'Simpan perubahan lebih dahulu' : undefined}
              onClick={() => void exportProfile(profile)}
            >
              Ekspor profil…
            </button>
          </>
        )}
      />
    </section>
  );
}
