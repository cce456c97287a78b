/**
 * Creating an evaluation: first the regional profile it starts from (which fills the instansi
 * fields as its regulation writes them and brings the regulation as the first evidence), then
 * year, instrument pack, instansi profile and logo. The year proposes the pack (PermenPANRB
 * 8/2026 from 2026, 59/2020 before) until the user picks one by hand; a profile never forces it.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { evaluationName, newEvaluationInputSchema, readYear } from '../../../../shared/assessment';
import {
  findPack,
  packChoiceKey,
  packChoiceLabel,
  packFromChoiceKey,
  packYearNote,
  proposedPack,
  selectablePacks,
} from '../../../../shared/instrument';
import {
  builtInProfiles,
  profileInstansiDefaults,
  type Profile,
} from '../../../../shared/profiles';
import { routes } from '../../app/routes';
import { ConfirmDialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { errorText, useNotify } from '../../components/notices';
import { useLeaveGuard } from '../../components/use-leave-guard';
import { ANONYMOUS } from '../../db/commands/actor';
import { createEvaluation, sameInstansiYear } from '../../db/commands/evaluations';
import { BLANK_PROFILE, ProfilePicker, ProfileSummary } from '../profiles/profile-picker';
import { useCustomProfiles } from '../profiles/use-profiles';
import { blankInstansi, InstansiFields } from '../instansi-profile/instansi-fields';
import { fieldErrorMap } from '../../../../shared/format/zod-messages';

type FormInput = z.input<typeof newEvaluationInputSchema>;
type FormOutput = z.output<typeof newEvaluationInputSchema>;

export function NewEvaluationPage() {
  const [search] = useSearchParams();
  const customRows = useCustomProfiles();
  const custom = useMemo(() => customRows?.flatMap((r) => (r.ok ? [r.profile] : [])), [customRows]);
  // The form starts once the user's profiles are known, so "?profil=<id>" can name one of them.
  if (custom === undefined) return <p role="status">Memuat profil daerah…</p>;
  return <NewEvaluationForm custom={custom} initialProfileId={search.get('profil')} />;
}

function NewEvaluationForm({
  custom,
  initialProfileId,
}: {
  custom: readonly Profile[];
  /** From a link of the profiles screen ("?profil=kota-balikpapan"). */
  initialProfileId: string | null;
}) {
  const navigate = useNavigate();
  const notify = useNotify();
  const [logo, setLogo] = useState<Blob | null>(null);
  // Once the user picks a pack by hand, a new year no longer proposes one.
  const [packByHand, setPackByHand] = useState(false);
  const builtIn = builtInProfiles();
  const find = (id: string | null): Profile | null =>
    id ? (builtIn.find((p) => p.id === id) ?? custom.find((p) => p.id === id) ?? null) : null;
  const [profileId, setProfileId] = useState<string>(
    () => find(initialProfileId)?.id ?? BLANK_PROFILE,
  );
  const profile = find(profileId);

  /**
   * The form's values for a profile (or none), keeping what does not come from a profile. The
   * profile's instrument (59/2020 for the regional regulations) does not choose the pack: the
   * year does, or the user.
   */
  const valuesFor = (chosen: Profile | null, current?: FormInput): FormInput => {
    const year = current?.year ?? new Date().getFullYear();
    const proposed = proposedPack(Number(year));
    return {
      year,
      instrumentId: current?.instrumentId ?? proposed.id,
      instrumentVersion: current?.instrumentVersion ?? proposed.version,
      profileId: chosen?.id ?? null,
      instansi: current ? switchedInstansi(current.instansi, chosen) : filledBy(chosen),
    };
  };
  const filledBy = (chosen: Profile | null): FormInput['instansi'] =>
    chosen ? profileInstansiDefaults(chosen) : blankInstansi();
  /**
   * The instansi after `chosen` replaces the profile chosen before: what the new regulation
   * states is taken; a field the user typed or changed, which it does not state (names, NIP,
   * address, a province or Diskominfo the profile leaves open), stays, as the chosen logo does;
   * what the earlier choice filled in and nobody touched follows the new choice.
   */
  const switchedInstansi = (
    typed: FormInput['instansi'],
    chosen: Profile | null,
  ): FormInput['instansi'] => {
    const before = filledBy(profile);
    const after = filledBy(chosen);
    const stated = chosen ? profileInstansiDefaults(chosen) : null;
    const out = { ...after };
    for (const key of Object.keys(after) as (keyof typeof after)[]) {
      const touched = typed[key] !== before[key];
      const given = key === 'kind' ? stated !== null : Boolean(stated?.[key]);
      if (touched && !given) Object.assign(out, { [key]: typed[key] });
    }
    return out;
  };
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(newEvaluationInputSchema, { error: fieldErrorMap }),
    defaultValues: valuesFor(profile),
  });
  const {
    register,
    handleSubmit,
    control,
    setValue,
    getValues,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = form;

  // Choosing a profile fills the instansi as its regulation writes it; "blank" clears what the
  // earlier profile filled. What the user typed and the regulation does not state is kept.
  const chooseProfile = (id: string) => {
    const chosen = find(id);
    setProfileId(chosen ? chosen.id : BLANK_PROFILE);
    reset(valuesFor(chosen, getValues()), { keepDefaultValues: true });
  };

  // A new year proposes its pack, unless the user chose one by hand.
  const year = useWatch({ control, name: 'year' });
  useEffect(() => {
    const typed = readYear(year);
    if (packByHand || !typed.ok) return;
    const proposed = proposedPack(typed.year);
    if (
      getValues('instrumentId') !== proposed.id ||
      getValues('instrumentVersion') !== proposed.version
    ) {
      setValue('instrumentId', proposed.id);
      setValue('instrumentVersion', proposed.version);
    }
  }, [year, packByHand, getValues, setValue]);
  const instrumentId = useWatch({ control, name: 'instrumentId' });
  const instrumentVersion = useWatch({ control, name: 'instrumentVersion' });
  const chosenPack = findPack(instrumentId, instrumentVersion) ?? findPack(instrumentId);
  const typedYear = readYear(year);
  // A pack outside its years (59/2020 for 2026) is said where it is chosen, not found later.
  const yearNote = chosenPack && typedYear.ok ? packYearNote(chosenPack, typedYear.year) : null;
  const draftNote =
    chosenPack?.status === 'draft'
      ? `${chosenPack.shortTitle} disusun dari sumber sekunder; cocokkan dengan salinan resmi.`
      : null;

  // A second evaluation of the same instansi and year is asked for, then created with a label.
  const [duplicate, setDuplicate] = useState<{ input: FormOutput; existing: string[] } | null>(
    null,
  );
  const [created, setCreated] = useState(false);
  const create = async (input: FormOutput) => {
    try {
      const id = await createEvaluation(input, ANONYMOUS, logo, profile);
      const created = (await sameInstansiYear(input.instansi.name, input.year)).find(
        (e) => e.id === id,
      );
      notify(
        'ok',
        `Evaluasi ${created ? evaluationName(created) : input.instansi.name} tahun ${input.year} dibuat.`,
      );
      setCreated(true);
      void navigate(routes.evaluation.team({ evaluationId: id }));
    } catch (e) {
      notify('danger', errorText(e));
    }
  };
  const onSubmit = handleSubmit(async (input) => {
    const existing = await sameInstansiYear(input.instansi.name, input.year).catch(() => []);
    if (existing.length > 0) {
      setDuplicate({ input, existing: existing.map((e) => evaluationName(e)) });
      return;
    }
    await create(input);
  });

  // A logo chosen is input too, kept apart from the form until the evaluation is created.
  const leaveGuard = useLeaveGuard((isDirty || logo !== null) && !isSubmitting && !created);
  return (
    <section aria-labelledby="judul-baru">
      {leaveGuard}
      <div className="page-header">
        <div>
          <h1 id="judul-baru">Evaluasi baru</h1>
          <p>Satu evaluasi mencakup satu instansi, satu tahun, dan satu instrumen.</p>
        </div>
      </div>
      <form className="card" onSubmit={onSubmit} noValidate>
        <ProfilePicker
          builtIn={builtIn}
          custom={custom}
          value={profileId}
          onChange={chooseProfile}
        />
        {profile && <ProfileSummary profile={profile} instrumentId={instrumentId} />}
        <div className="grid-2">
          <Field label="Tahun evaluasi" error={errors.year?.message}>
            <input {...register('year')} inputMode="numeric" />
          </Field>
          <Field
            label="Instrumen"
            error={errors.instrumentId?.message}
            hint={
              yearNote || draftNote ? (
                <>
                  {yearNote && <span className="hint-warn">{yearNote}</span>}
                  {yearNote && draftNote && ' '}
                  {draftNote}
                </>
              ) : undefined
            }
          >
            <select
              value={chosenPack ? packChoiceKey(chosenPack) : instrumentId}
              onChange={(e) => {
                const picked = packFromChoiceKey(e.target.value);
                if (!picked) return;
                setPackByHand(true);
                setValue('instrumentId', picked.id, { shouldValidate: true });
                setValue('instrumentVersion', picked.version);
              }}
            >
              {selectablePacks().map((p) => (
                <option key={packChoiceKey(p)} value={packChoiceKey(p)}>
                  {packChoiceLabel(p)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <InstansiFields form={form} logo={logo} onLogoChange={setLogo} />
        <div className="form-actions">
          <button type="submit" disabled={isSubmitting}>
            Buat evaluasi
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={duplicate !== null}
        title="Evaluasi dengan instansi dan tahun yang sama sudah ada"
        message={
          duplicate && (
            <p>
              Sudah ada evaluasi {duplicate.existing.join(', ')} tahun {duplicate.input.year}.
              Evaluasi baru akan diberi nama &quot;{duplicate.input.instansi.name} (salinan{' '}
              {duplicate.existing.length + 1})&quot; agar dapat dibedakan. Tetap buat?
            </p>
          )
        }
        confirmLabel="Tetap buat evaluasi"
        onCancel={() => setDuplicate(null)}
        onConfirm={() => {
          const pending = duplicate;
          setDuplicate(null);
          if (pending) void create(pending.input);
        }}
      />
    </section>
  );
}
