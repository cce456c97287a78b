/**
 * The first step of a new evaluation: which regional profile it starts from (a built-in one, one
 * of the user's own, or none), and what that profile brings with it.
 */
import { useId } from 'react';
import { findPack } from '../../../../shared/instrument';
import {
  mappingOf,
  noMappingText,
  regulationCitation,
  regulationEvidencePlan,
  type Profile,
} from '../../../../shared/profiles';
import { formatIndicatorList } from '../../../../shared/assessment';
import { supportingLinks } from '../../db/commands/evaluations';
import { regulationDates, regulationShortName } from './profile-text';

export const BLANK_PROFILE = '';

interface Option {
  value: string;
  label: string;
  description: string;
}

function optionOf(profile: Profile, builtIn: boolean): Option {
  return {
    value: profile.id,
    label: builtIn ? profile.instansi.name : `${profile.instansi.name} (profil ${profile.id})`,
    description:
      profile.regulation.text.trim() !== '' || profile.regulation.kind !== null
        ? regulationCitation(profile)
        : 'Profil buatan pengguna tanpa data peraturan',
  };
}

export function ProfilePicker({
  builtIn,
  custom,
  value,
  onChange,
}: {
  builtIn: readonly Profile[];
  custom: readonly Profile[] | undefined;
  value: string;
  onChange: (id: string) => void;
}) {
  const id = useId();
  const groups: Array<{ title: string; options: Option[] }> = [
    {
      title: 'Tanpa profil',
      options: [
        {
          value: BLANK_PROFILE,
          label: 'Profil kosong (instansi lain)',
          description:
            'Isi data instansi sendiri. Peraturan daerah dapat ditambahkan kemudian sebagai bukti dukung.',
        },
      ],
    },
    { title: 'Profil bawaan aplikasi', options: builtIn.map((p) => optionOf(p, true)) },
  ];
  if (custom && custom.length > 0) {
    groups.push({
      title: 'Profil buatan pengguna',
      options: custom.map((p) => optionOf(p, false)),
    });
  }
  return (
    <fieldset className="fieldset profile-picker">
      <legend>Profil daerah</legend>
      <p className="small muted">
        Pilih pemerintah daerah Anda bila tersedia: data instansi, sebutan kepala daerah sesuai
        peraturannya dan perangkat daerah bidang TIK terisi otomatis, dan peraturan SPBE daerah
        menjadi bukti dukung pertama evaluasi.
      </p>
      {groups.map((g) => (
        <div key={g.title} role="group" aria-label={g.title}>
          <p className="profile-group-title">{g.title}</p>
          <div className="profile-options">
            {g.options.map((o) => {
              const optionId = `${id}-${o.value || 'kosong'}`;
              return (
                <label
                  key={o.value}
                  className={`profile-option${value === o.value ? ' chosen' : ''}`}
                  htmlFor={optionId}
                >
                  <input
                    id={optionId}
                    type="radio"
                    name={`${id}-profil`}
                    value={o.value}
                    checked={value === o.value}
                    onChange={() => onChange(o.value)}
                    aria-labelledby={`${optionId}-name`}
                    aria-describedby={`${optionId}-desc`}
                  />
                  <span>
                    <span className="profile-option-name" id={`${optionId}-name`}>
                      {o.label}
                    </span>
                    <span className="small muted profile-option-desc" id={`${optionId}-desc`}>
                      {o.description}
                    </span>
                  </span>
                </label>
              );
            })}
          </div>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * What the chosen profile fills in and adds, with the articles it rests on; `instrumentId` is the
 * new evaluation's instrument (the profile's own by default), whose mapping the links follow.
 */
export function ProfileSummary({
  profile,
  instrumentId = profile.instrumentId,
}: {
  profile: Profile;
  instrumentId?: string;
}) {
  const plan = regulationEvidencePlan(profile, instrumentId);
  const links = plan ? supportingLinks(profile, plan, instrumentId) : [];
  const pack = findPack(instrumentId);
  const unmapped = pack !== undefined && mappingOf(profile, instrumentId) === null;
  const { instansi, ictAgency, coordinator, evaluation } = profile;
  return (
    <section className="alert info profile-summary" aria-label="Ringkasan profil daerah">
      <p>
        <strong>{regulationShortName(profile)}</strong>
        {profile.regulation.title && <> tentang {profile.regulation.title}</>} (
        {regulationDates(profile)}).
      </p>
      <dl className="facts small">
        <dt>Sebutan kepala daerah</dt>
        <dd>
          {instansi.headOfRegionTitle}
          {instansi.headOfRegionTitleSource && (
            <>
              {' '}
              ({instansi.headOfRegionTitleSource.ref}: “{instansi.headOfRegionTitleSource.quote}”)
            </>
          )}
        </dd>
        <dt>Perangkat daerah bidang TIK</dt>
        <dd>
          {ictAgency.name ?? 'tidak disebut dalam peraturan'}
          {ictAgency.abbreviation && <> ({ictAgency.abbreviation})</>}
        </dd>
        {coordinator && (
          <>
            <dt>Koordinator SPBE</dt>
            <dd>{coordinator.value}</dd>
          </>
        )}
        {evaluation.performedBy && (
          <>
            <dt>Pelaksana pemantauan dan evaluasi</dt>
            <dd>{evaluation.performedBy.value}</dd>
          </>
        )}
        {evaluation.reportsTo && (
          <>
            <dt>Hasil dilaporkan kepada</dt>
            <dd>{evaluation.reportsTo.value}</dd>
          </>
        )}
      </dl>
      {plan ? (
        <p className="small">
          Salinan teks peraturan akan disimpan sebagai bukti dukung “{plan.document.title}”
          {links.length > 0 && (
            <>
              {' '}
              dan ditautkan ke indikator {formatIndicatorList(links.map((l) => l.indicator))}{' '}
              beserta pasal yang mengaturnya
            </>
          )}
          . Lampirkan juga pindaian dokumen resmi yang ditandatangani.
        </p>
      ) : (
        <p className="small">
          Profil ini tidak memuat teks peraturan, sehingga tidak ada bukti dukung yang ditambahkan.
        </p>
      )}
      {unmapped && <p className="small muted">{noMappingText(pack.shortTitle)}.</p>}
    </section>
  );
}
