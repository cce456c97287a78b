/**
 * The profile editor: the profile as a react-hook-form form validated by `profileSchema`
 * (zodResolver, Indonesian messages at each field and in the summary), then by the save command
 * (instrument numbers, a built-in id). After a first attempt to save, every change checks the
 * whole profile again, so the summary follows the typing. A built-in profile is shown with every
 * control disabled. The sections live in their own modules; this one owns the form, the save,
 * the identity (id and instrument) and the notes.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormProvider, useForm, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { builtInPacks, findPack } from '../../../../../shared/instrument';
import {
  profileSchema,
  relabelProblem,
  splitArticles,
  type Profile,
  type ProfileInput,
} from '../../../../../shared/profiles';
import { Field } from '../../../components/field';
import { errorText, useNotify } from '../../../components/notices';
import { InvalidProfileInputError, saveCustomProfile } from '../../../db/commands/profiles';
import { LinesInput } from './fields';
import { ReadOnlyContext, SectionsContext } from './form';
import { MappingPart } from './mapping';
import { ObligationsEditor } from './obligations';
import {
  ArrangementSection,
  IctAgencySection,
  InstansiSection,
  RegulationSection,
} from './sections';
import { ProblemSummary } from './summary';
import { TeamsEditor } from './teams';
import { fieldErrorMap } from '../../../../../shared/format/zod-messages';
import { useLeaveGuard } from '../../../components/use-leave-guard';

/** "kota-balikpapan" from the kind and region name. */
export const suggestedProfileId = (p: Pick<Profile['instansi'], 'kind' | 'regionName'>): string =>
  `${p.kind}-${p.regionName}`
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

type Mode = 'new' | 'edit' | 'builtIn';

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** The regulation's articles, split again only when its text changes. */
function SectionsProvider({ children }: { children: ReactNode }) {
  const text = useWatch<Profile, 'regulation.text'>({ name: 'regulation.text' });
  const sections = useMemo(() => splitArticles(text), [text]);
  return <SectionsContext.Provider value={sections}>{children}</SectionsContext.Provider>;
}

function Legend() {
  const name = useWatch<Profile, 'instansi.name'>({ name: 'instansi.name' });
  return <legend className="visually-hidden">Profil daerah {name}</legend>;
}

function IdentityPart({ mode, onIdTyped }: { mode: Mode; onIdTyped: () => void }) {
  const { register } = useFormContext<Profile>();
  const { errors } = useFormState<Profile>({ name: ['id', 'instrumentId'] });
  const instrumentId = useWatch<Profile, 'instrumentId'>({ name: 'instrumentId' });
  return (
    <div className="grid-2">
      <Field
        label="Id profil"
        hint={
          mode === 'new'
            ? 'Huruf kecil, angka dan tanda hubung, contoh: "kota-balikpapan". Tidak dapat diubah setelah disimpan.'
            : 'Tidak dapat diubah: evaluasi merujuk profil dengan id ini.'
        }
        error={errors.id?.message}
      >
        <input {...register('id', { onChange: onIdTyped })} readOnly={mode !== 'new'} />
      </Field>
      <Field label="Instrumen" error={errors.instrumentId?.message}>
        <select {...register('instrumentId')}>
          {builtInPacks().map((p) => (
            <option key={`${p.id}@${p.version}`} value={p.id}>
              {p.shortTitle} — {p.title}
            </option>
          ))}
          {!findPack(instrumentId) && <option value={instrumentId}>{instrumentId}</option>}
        </select>
      </Field>
    </div>
  );
}

/** The obligations, with the rules' levels taken from the profile's instrument. */
function ObligationsPart() {
  const instrumentId = useWatch<Profile, 'instrumentId'>({ name: 'instrumentId' });
  return <ObligationsEditor pack={findPack(instrumentId)} />;
}

/** Asks before the editor is left with unsaved changes (another screen, a reload, closing). */
function UnsavedGuard({ readOnly }: { readOnly: boolean }) {
  const { isDirty, isSubmitting } = useFormState<Profile>();
  return <>{useLeaveGuard(!readOnly && isDirty && !isSubmitting)}</>;
}

function SaveBar({
  readOnly,
  actions,
}: {
  readOnly: boolean;
  actions: ((dirty: boolean) => ReactNode) | undefined;
}) {
  const { isDirty, isSubmitting } = useFormState<Profile>();
  return (
    <div className="form-actions sticky-actions">
      {isDirty && !readOnly && (
        <span className="badge warn">Ada perubahan yang belum disimpan</span>
      )}
      {actions?.(isDirty)}
      {!readOnly && (
        <button type="submit" disabled={isSubmitting}>
          Simpan profil
        </button>
      )}
    </div>
  );
}

export function ProfileEditor({
  initial,
  mode,
  onSaved,
  actions,
}: {
  initial: Profile;
  /** new: not stored yet (the id may be chosen); edit: a stored custom profile; builtIn: read-only. */
  mode: Mode;
  onSaved?: (profile: Profile) => void;
  /** Buttons shown next to "Simpan" (export, duplicate, …), given whether there are unsaved changes. */
  actions?: (dirty: boolean) => ReactNode;
}) {
  const notify = useNotify();
  const readOnly = mode === 'builtIn';
  const form = useForm<ProfileInput, unknown, Profile>({
    resolver: zodResolver(profileSchema, { error: fieldErrorMap }, { mode: 'sync' }),
    defaultValues: initial,
    // Checked on "Simpan", then on every change by the subscription below (the whole profile:
    // a duplicate id or a level range concerns more than the field typed in).
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const { subscribe, getValues, setValue, trigger, reset, handleSubmit } = form;
  const [saveErrors, setSaveErrors] = useState<string[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  // The id follows the region's name until it is typed (only a new profile's can be).
  const idTyped = useRef(mode !== 'new' || initial.id !== '');
  const attempted = useRef(false);

  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ name }) => {
          if (name?.startsWith('instansi.') && !idTyped.current) {
            setValue('id', suggestedProfileId(getValues('instansi')), { shouldDirty: true });
          }
          if (attempted.current) void trigger();
        },
      }),
    [subscribe, getValues, setValue, trigger],
  );

  const save = async (profile: Profile) => {
    setSaveErrors([]);
    try {
      const { profile: saved, warnings: found } = await saveCustomProfile(
        profile,
        mode === 'new' ? 'create' : 'update',
      );
      setWarnings(found);
      attempted.current = false;
      reset(saved);
      notify('ok', `Profil daerah "${saved.id}" disimpan.`);
      onSaved?.(saved);
    } catch (e) {
      attempted.current = true;
      setSaveErrors(
        e instanceof InvalidProfileInputError ? e.errors.map(relabelProblem) : [errorText(e)],
      );
      summaryRef.current?.focus();
    }
  };
  const refused = () => {
    attempted.current = true;
    setSaveErrors([]);
    summaryRef.current?.focus();
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    if (readOnly) event.preventDefault();
    else void handleSubmit(save, refused)(event);
  };

  return (
    <FormProvider {...form}>
      <ReadOnlyContext.Provider value={readOnly}>
        <SectionsProvider>
          <UnsavedGuard readOnly={readOnly} />
          <ProblemSummary summaryRef={summaryRef} saveErrors={saveErrors} warnings={warnings} />
          <form noValidate onSubmit={submit}>
            <fieldset disabled={readOnly} className="plain-fieldset">
              <Legend />
              <Part id="profil-identitas" title="Identitas profil">
                <IdentityPart mode={mode} onIdTyped={() => (idTyped.current = true)} />
              </Part>
              <Part id="profil-instansi" title="Instansi">
                <InstansiSection />
              </Part>
              <Part id="profil-peraturan" title="Peraturan SPBE daerah">
                <RegulationSection />
              </Part>
              <Part id="profil-tik" title="Perangkat daerah bidang TIK">
                <IctAgencySection />
              </Part>
              <Part id="profil-evaluasi" title="Koordinator, pelaksana dan pelaporan evaluasi">
                <ArrangementSection />
              </Part>
              <Part id="profil-tim" title="Tim yang dibentuk peraturan">
                <TeamsEditor />
              </Part>
              <Part id="profil-kewajiban" title="Kewajiban dan aturan pemeriksaan kepatuhan">
                <ObligationsPart />
              </Part>
              <Part id="profil-pemetaan" title="Pemetaan pasal ke indikator">
                <p className="small muted">
                  Untuk setiap indikator: pasal yang mengatur topiknya beserta kutipannya, apa yang
                  diatur, dan argumen tingkat dari kriteria instrumen. Argumen ini tampil sebagai
                  saran pada formulir penilaian; tingkat tetap dipilih asesor.
                </p>
                <MappingPart />
              </Part>
              <Part id="profil-catatan" title="Catatan">
                <LinesInput
                  label="Catatan tentang teks dan pembacaannya"
                  hint="Satu catatan per baris: kekeliruan ketik, bagian yang hilang, hal yang meragukan"
                  rows={4}
                  name="notes"
                />
              </Part>
            </fieldset>
            <SaveBar readOnly={readOnly} actions={actions} />
          </form>
        </SectionsProvider>
      </ReadOnlyContext.Provider>
    </FormProvider>
  );
}
