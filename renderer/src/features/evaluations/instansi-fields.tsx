/**
 * The instansi profile fields (name, kind, head of region, Sekda, ICT agency), shared by the
 * "new evaluation" form and the profile editor. The head-of-region title is free text because
 * each region's own regulation writes it its own way ("Walikota", "Wali Kota", "Bupati").
 */
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { instansiKindLabel, instansiKinds, type Instansi } from '../../../../shared/assessment';
import { Field } from '../../components/field';
import { FileChooser } from '../../components/file-chooser';

export type InstansiForm = Omit<Instansi, 'logoHash'>;

export const defaultHeadTitle: Record<Instansi['kind'], string> = {
  kota: 'Wali Kota',
  kabupaten: 'Bupati',
  provinsi: 'Gubernur',
};

export function InstansiFields({
  register,
  errors,
  prefix,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared by two forms whose roots differ; paths are checked by `prefix`
  register: UseFormRegister<any>;
  errors: FieldErrors<InstansiForm> | undefined;
  prefix: string;
}) {
  const p = (name: keyof InstansiForm) => `${prefix}${name}`;
  return (
    <fieldset className="fieldset">
      <legend>Instansi</legend>
      <div className="grid-2">
        <Field
          label="Nama instansi"
          hint='Contoh: "Pemerintah Kota Balikpapan"'
          error={errors?.name?.message}
        >
          <input {...register(p('name'))} autoComplete="organization" />
        </Field>
        <Field label="Jenis pemerintah daerah" error={errors?.kind?.message}>
          <select {...register(p('kind'))}>
            {instansiKinds.map((k) => (
              <option key={k} value={k}>
                {instansiKindLabel[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Nama daerah"
          hint='Tanpa awalan, contoh: "Balikpapan"'
          error={errors?.regionName?.message}
        >
          <input {...register(p('regionName'))} />
        </Field>
        <Field label="Provinsi" error={errors?.province?.message}>
          <input {...register(p('province'))} />
        </Field>
        <Field
          label="Sebutan kepala daerah"
          hint="Sesuai peraturan daerah Anda: Walikota, Wali Kota, Bupati, atau Gubernur"
          error={errors?.headOfRegionTitle?.message}
        >
          <input {...register(p('headOfRegionTitle'))} list="sebutan-kepala-daerah" />
        </Field>
        <datalist id="sebutan-kepala-daerah">
          <option value="Wali Kota" />
          <option value="Walikota" />
          <option value="Bupati" />
          <option value="Gubernur" />
        </datalist>
        <Field label="Nama kepala daerah" error={errors?.headOfRegionName?.message}>
          <input {...register(p('headOfRegionName'))} />
        </Field>
        <Field label="Nama Sekretaris Daerah" error={errors?.sekdaName?.message}>
          <input {...register(p('sekdaName'))} />
        </Field>
        <Field label="NIP Sekretaris Daerah" error={errors?.sekdaNip?.message}>
          <input {...register(p('sekdaNip'))} inputMode="numeric" />
        </Field>
        <Field
          label="Nama dinas yang membidangi TIK"
          hint='Contoh: "Dinas Komunikasi dan Informatika"'
          error={errors?.ictAgencyName?.message}
        >
          <input {...register(p('ictAgencyName'))} />
        </Field>
        <Field
          label="Singkatan dinas"
          hint='Contoh: "Diskominfo"'
          error={errors?.ictAgencyAbbreviation?.message}
        >
          <input {...register(p('ictAgencyAbbreviation'))} />
        </Field>
      </div>
      <Field label="Alamat kantor" error={errors?.address?.message}>
        <input {...register(p('address'))} />
      </Field>
    </fieldset>
  );
}

/** Logo picker with a preview; returns the chosen image through onChange. */
export function LogoInput({
  current,
  onChange,
}: {
  current: Blob | null;
  onChange: (logo: Blob | null) => void;
}) {
  const url = current ? URL.createObjectURL(current) : null;
  return (
    <div className="field">
      <FileChooser
        id="logo-instansi"
        label="Logo instansi"
        buttonText={current ? 'Ganti logo…' : 'Pilih logo…'}
        accept="image/png,image/jpeg,image/svg+xml,image/webp"
        chosen={
          current ? (current instanceof File ? current.name : 'Logo tersimpan') : 'Belum ada logo'
        }
        onFile={onChange}
      />
      {(url || current) && (
        <div className="logo-row">
          {url && (
            <img
              src={url}
              alt="Pratinjau logo instansi"
              className="logo-preview"
              onLoad={() => URL.revokeObjectURL(url)}
            />
          )}
          <button type="button" className="secondary" onClick={() => onChange(null)}>
            Hapus logo
          </button>
        </div>
      )}
      <span className="hint">
        PNG, JPEG, SVG atau WebP, paling besar 5 MB. Dipakai pada sampul laporan.
      </span>
    </div>
  );
}
