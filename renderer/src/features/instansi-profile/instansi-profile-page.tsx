/**
 * The instansi profile of one evaluation (its Profil Instansi tab): the instansi field set
 * (instansi-fields.tsx, shared with the new-evaluation form), the logo, the year and the period.
 * Not the regional profiles of features/profiles, which describe a region and its regulation.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import {
  checkPeriodOrder,
  instansiInputSchema,
  isoDateSchema,
  yearInputSchema,
} from '../../../../shared/assessment';
import { readYear } from '../../../../shared/assessment';
import { packYearNote } from '../../../../shared/instrument';
import { Field } from '../../components/field';
import { errorText, useNotify } from '../../components/notices';
import { useLeaveGuard } from '../../components/use-leave-guard';
import { updateEvaluation } from '../../db/commands/evaluations';
import { useBlob } from '../../db/queries/hooks';
import { useWorkspace } from '../workspace/workspace-context';
import { InstansiFields, instansiFormValues } from './instansi-fields';
import { fieldErrorMap } from '../../../../shared/format/zod-messages';

const profileFormSchema = z
  .object({
    year: yearInputSchema,
    periodStart: isoDateSchema.nullable(),
    periodEnd: isoDateSchema.nullable(),
    instansi: instansiInputSchema,
  })
  .superRefine(checkPeriodOrder);

export function InstansiProfilePage() {
  const { evaluation, actor, pack } = useWorkspace();
  const notify = useNotify();
  const storedLogo = useBlob(evaluation.instansi.logoHash);
  const [logo, setLogo] = useState<Blob | null | undefined>(undefined);
  const form = useForm<
    z.input<typeof profileFormSchema>,
    unknown,
    z.output<typeof profileFormSchema>
  >({
    resolver: zodResolver(profileFormSchema, { error: fieldErrorMap }),
    defaultValues: {
      year: evaluation.year,
      periodStart: evaluation.periodStart,
      periodEnd: evaluation.periodEnd,
      instansi: instansiFormValues(evaluation.instansi),
    },
  });
  const { register, handleSubmit, formState, reset, getValues } = form;
  const submit = handleSubmit(async (values) => {
    try {
      await updateEvaluation(evaluation.id, values, actor, logo);
      setLogo(undefined);
      reset(getValues());
      notify('ok', 'Profil instansi disimpan.');
    } catch (e) {
      notify('danger', errorText(e));
    }
  });
  const leaveGuard = useLeaveGuard(
    (formState.isDirty || logo !== undefined) && !formState.isSubmitting,
  );
  const nullIfEmpty = { setValueAs: (v: string | null) => (v ? v : null) };
  // A year outside the instrument's own (2025 on PermenPANRB 8/2026) is said where it is typed,
  // as the new-evaluation form says it; the instrument itself is not chosen on this page.
  const year = readYear(useWatch({ control: form.control, name: 'year' }));
  const yearNote = year.ok ? packYearNote(pack, year.year, { check: 'year' }) : null;
  return (
    <section aria-labelledby="judul-profil">
      <h2 id="judul-profil">Profil instansi dan periode penilaian</h2>
      {leaveGuard}
      <form className="card" onSubmit={submit} noValidate>
        {/* The year and the two ends of the period on one row (on a laptop the instansi grid
            below has three columns, where a spacer for two sent the period's end to a row of
            its own). */}
        <div className="period-row">
          <Field
            label="Tahun evaluasi"
            hint={yearNote ? <span className="hint-warn">{yearNote}</span> : undefined}
            error={formState.errors.year?.message}
          >
            <input {...register('year')} inputMode="numeric" />
          </Field>
          <Field
            label="Awal periode penilaian mandiri"
            error={formState.errors.periodStart?.message}
          >
            <input type="date" {...register('periodStart', nullIfEmpty)} />
          </Field>
          <Field
            label="Akhir periode penilaian mandiri"
            error={formState.errors.periodEnd?.message}
          >
            <input type="date" {...register('periodEnd', nullIfEmpty)} />
          </Field>
        </div>
        <InstansiFields
          form={form}
          logo={logo === undefined ? (storedLogo ?? null) : logo}
          onLogoChange={setLogo}
        />
        <div className="form-actions">
          <button type="submit" disabled={formState.isSubmitting}>
            Simpan profil
          </button>
        </div>
      </form>
    </section>
  );
}
