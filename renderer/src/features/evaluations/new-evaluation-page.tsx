/** Creating an evaluation: year, instrument pack, instansi profile and logo. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { newEvaluationInputSchema } from '../../../../shared/assessment';
import { builtInPacks, defaultPack } from '../../../../shared/instrument';
import { Field } from '../../components/field';
import { errorText, useNotify } from '../../components/notices';
import { ANONYMOUS } from '../../db/commands/actor';
import { createEvaluation } from '../../db/commands/evaluations';
import { defaultHeadTitle, InstansiFields, LogoInput } from './instansi-fields';

type FormInput = z.input<typeof newEvaluationInputSchema>;
type FormOutput = z.output<typeof newEvaluationInputSchema>;

export function NewEvaluationPage() {
  const navigate = useNavigate();
  const notify = useNotify();
  const [logo, setLogo] = useState<Blob | null>(null);
  const pack = defaultPack();
  const {
    register,
    handleSubmit,
    control,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(newEvaluationInputSchema),
    defaultValues: {
      year: new Date().getFullYear(),
      instrumentId: pack.id,
      instrumentVersion: pack.version,
      profileId: null,
      instansi: {
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
      },
    },
  });

  // A new kind suggests its usual head-of-region title, unless the user wrote their own.
  const kind = useWatch({ control, name: 'instansi.kind' });
  useEffect(() => {
    const title = getValues('instansi.headOfRegionTitle');
    if (!title || Object.values(defaultHeadTitle).includes(title)) {
      setValue('instansi.headOfRegionTitle', defaultHeadTitle[kind ?? 'kota']);
    }
  }, [kind, getValues, setValue]);

  const onSubmit = handleSubmit(async (input) => {
    try {
      const id = await createEvaluation(input, ANONYMOUS, logo);
      notify('ok', `Evaluasi ${input.instansi.name} tahun ${input.year} dibuat.`);
      void navigate(`/evaluasi/${id}/tim`);
    } catch (e) {
      notify('danger', errorText(e));
    }
  });

  return (
    <section aria-labelledby="judul-baru">
      <div className="page-header">
        <div>
          <h1 id="judul-baru">Evaluasi baru</h1>
          <p>Satu evaluasi mencakup satu instansi, satu tahun, dan satu instrumen.</p>
        </div>
      </div>
      <form className="card" onSubmit={onSubmit} noValidate>
        <div className="grid-2">
          <Field label="Tahun evaluasi" error={errors.year?.message}>
            <input {...register('year')} inputMode="numeric" />
          </Field>
          <Field label="Instrumen" error={errors.instrumentId?.message}>
            <select
              {...register('instrumentId', {
                onChange: (e: { target: { value: string } }) =>
                  setValue(
                    'instrumentVersion',
                    builtInPacks().find((p) => p.id === e.target.value)?.version ?? '',
                  ),
              })}
            >
              {builtInPacks().map((p) => (
                <option key={`${p.id}@${p.version}`} value={p.id}>
                  {p.shortTitle} — {p.title}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <InstansiFields register={register} errors={errors.instansi} prefix="instansi." />
        <LogoInput current={logo} onChange={setLogo} />
        <div className="form-actions">
          <button type="submit" disabled={isSubmitting}>
            Buat evaluasi
          </button>
        </div>
      </form>
    </section>
  );
}
