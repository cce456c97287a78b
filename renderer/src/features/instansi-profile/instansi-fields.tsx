/**
 * The instansi field set, defined once: what an evaluation's instansi profile holds (name, kind,
 * region, province, head of region, Sekda, ICT agency, address, logo), as both the "new
 * evaluation" form and the instansi profile page edit it with react-hook-form and the shared zod
 * schema (`instansiInputSchema`, under the form's `instansi` key). The regional profile editor
 * shows the part a region's regulation gives (name, kind, region, province, head-of-region title)
 * from the same fields, under its own `instansi` key. The head-of-region title is free text
 * because each region's own regulation writes it its own way ("Walikota", "Wali Kota",
 * "Bupati"); a new kind proposes its usual title unless the user wrote their own.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import {
  instansiKindLabel,
  instansiKinds,
  type Instansi,
  type instansiInputSchema,
} from '../../../../shared/assessment';
import { Field } from '../../components/field';
import { FileChooser } from '../../components/file-chooser';
import { logoProblem } from '../../db/commands/evaluations';

/** The instansi as its form holds it (before validation): everything but the logo's hash. */
type InstansiFormValues = z.input<typeof instansiInputSchema>;

/** What a form editing the instansi holds: `instansi`, validated by `instansiInputSchema`. */
interface InstansiSection {
  instansi: InstansiFormValues;
}

/**
 * What every form showing these fields holds under `instansi`: the part a regulation gives. A
 * regional profile keeps a province its regulation does not name as null.
 */
interface RegionSection {
  instansi: Pick<InstansiFormValues, 'name' | 'kind' | 'regionName' | 'headOfRegionTitle'> & {
    province?: string | null | undefined;
  };
}

const defaultHeadTitle: Record<Instansi['kind'], string> = {
  kota: 'Wali Kota',
  kabupaten: 'Bupati',
  provinsi: 'Gubernur',
};

/** The instansi of a new evaluation started without a regional profile. */
export const blankInstansi = (): InstansiFormValues => ({
  name: '',
  kind: 'kota',
  regionName: '',
  province: '',
  headOfRegionTitle: defaultHeadTitle.kota,
  headOfRegionName: '',
  sekdaName: '',
  sekdaNip: '',
  ictAgencyName: 'Dinas Komunikasi dan Informatika',
  ictAgencyAbbreviation: 'Diskominfo',
  address: '',
});

/** A stored instansi as its form edits it (the logo is chosen apart, as a file). */
export function instansiFormValues(instansi: Instansi): InstansiFormValues {
  const { logoHash: _logo, ...values } = instansi;
  return values;
}

/**
 * The instansi fields and the logo of a form whose values hold `instansi` (checked where the
 * form is passed). The logo is a file, kept by the form's owner until it saves. With `regional`,
 * only the fields a regulation gives, followed by `children` (the articles they are read from),
 * an empty province being null.
 */
export function InstansiFields<T extends InstansiSection, TOutput>(
  props: {
    form: UseFormReturn<T, unknown, TOutput>;
    logo: Blob | null;
    onLogoChange: (logo: Blob | null) => void;
  } & { regional?: never; children?: never },
): ReactNode;
export function InstansiFields<T extends RegionSection, TOutput>(props: {
  form: UseFormReturn<T, unknown, TOutput>;
  regional: true;
  children?: ReactNode;
}): ReactNode;
export function InstansiFields({
  form,
  logo,
  onLogoChange,
  regional,
  children,
}: {
  form: UseFormReturn<RegionSection, unknown, unknown>;
  logo?: Blob | null;
  onLogoChange?: (logo: Blob | null) => void;
  regional?: boolean;
  children?: ReactNode;
}) {
  // One cast: the paths below are checked against InstansiSection; a regional form registers
  // only those that RegionSection holds too.
  const { register, control, getValues, setValue, formState } =
    form as unknown as UseFormReturn<InstansiSection>;
  const errors = formState.errors.instansi;

  // A new kind suggests its usual head-of-region title, unless the user wrote their own.
  const kind = useWatch({ control, name: 'instansi.kind' });
  const shownKind = useRef(kind);
  useEffect(() => {
    if (shownKind.current === kind) return;
    shownKind.current = kind;
    const title = getValues('instansi.headOfRegionTitle');
    if (!title || Object.values(defaultHeadTitle).includes(title)) {
      setValue('instansi.headOfRegionTitle', defaultHeadTitle[kind ?? 'kota']);
    }
  }, [kind, getValues, setValue]);

  const regionFields = (
    <>
      <Field
        label="Nama instansi"
        hint='Contoh: "Pemerintah Kota Balikpapan"'
        error={errors?.name?.message}
      >
        <input {...register('instansi.name')} autoComplete="organization" />
      </Field>
      <Field label="Jenis pemerintah daerah" error={errors?.kind?.message}>
        <select {...register('instansi.kind')}>
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
        <input {...register('instansi.regionName')} />
      </Field>
      <Field
        label="Provinsi"
        hint={regional ? 'Kosongkan bila peraturan tidak menyebutkannya' : undefined}
        error={errors?.province?.message}
      >
        <input
          {...register(
            'instansi.province',
            // A regional profile says "not named by the regulation" with null, not ''.
            regional ? { setValueAs: (v: string | null) => (v ? v : null) } : undefined,
          )}
        />
      </Field>
      <Field
        label="Sebutan kepala daerah"
        hint="Sesuai peraturan daerah Anda: Walikota, Wali Kota, Bupati, atau Gubernur"
        error={errors?.headOfRegionTitle?.message}
      >
        <input {...register('instansi.headOfRegionTitle')} list="sebutan-kepala-daerah" />
      </Field>
      <datalist id="sebutan-kepala-daerah">
        <option value="Wali Kota" />
        <option value="Walikota" />
        <option value="Bupati" />
        <option value="Gubernur" />
      </datalist>
    </>
  );

  if (regional) {
    return (
      <div className="grid-2">
        {regionFields}
        {children}
      </div>
    );
  }
  return (
    <>
      <fieldset className="fieldset">
        <legend>Instansi</legend>
        <div className="grid-2">
          {regionFields}
          <Field label="Nama kepala daerah" error={errors?.headOfRegionName?.message}>
            <input {...register('instansi.headOfRegionName')} />
          </Field>
          <Field label="Nama Sekretaris Daerah" error={errors?.sekdaName?.message}>
            <input {...register('instansi.sekdaName')} />
          </Field>
          <Field label="NIP Sekretaris Daerah" error={errors?.sekdaNip?.message}>
            <input {...register('instansi.sekdaNip')} inputMode="numeric" />
          </Field>
          <Field
            label="Nama dinas yang membidangi TIK"
            hint='Contoh: "Dinas Komunikasi dan Informatika"'
            error={errors?.ictAgencyName?.message}
          >
            <input {...register('instansi.ictAgencyName')} />
          </Field>
          <Field
            label="Singkatan dinas"
            hint='Contoh: "Diskominfo"'
            error={errors?.ictAgencyAbbreviation?.message}
          >
            <input {...register('instansi.ictAgencyAbbreviation')} />
          </Field>
        </div>
        <Field label="Alamat kantor" error={errors?.address?.message}>
          <input {...register('instansi.address')} />
        </Field>
      </fieldset>
      <LogoInput current={logo ?? null} onChange={onLogoChange ?? (() => undefined)} />
    </>
  );
}

/** Logo picker with a preview; returns the chosen image through onChange. */
function LogoInput({
  current,
  onChange,
}: {
  current: Blob | null;
  onChange: (logo: Blob | null) => void;
}) {
  const url = current ? URL.createObjectURL(current) : null;
  // A file that cannot be the logo is refused when chosen, said under the button; the logo
  // already there stays.
  const [refusal, setRefusal] = useState<string | null>(null);
  const choose = async (file: File) => {
    const problem = await logoProblem(file);
    setRefusal(
      problem === null
        ? null
        : `Berkas "${file.name}" tidak dipakai: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`,
    );
    if (problem === null) onChange(file);
  };
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
        onFile={(file) => void choose(file)}
      />
      {refusal && (
        <span className="error" role="alert">
          {refusal}
        </span>
      )}
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
