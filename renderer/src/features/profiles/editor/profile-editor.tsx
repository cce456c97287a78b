/**
 * The profile editor: the whole profile as one value, validated with the profile's zod schema
 * (Indonesian messages at each field and in a summary), then by the save command (instrument
 * numbers, a built-in id). Quotes are checked against the regulation text as they are typed.
 * A built-in profile is shown with every control disabled.
 */
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { z } from 'zod';
import { builtInPacks, findPack } from '../../../../../shared/instrument';
import {
  mappedInstrumentIds,
  mappingOf,
  noMappingText,
  profileSchema,
  splitArticles,
  type Profile,
} from '../../../../../shared/profiles';
import { Field } from '../../../components/field';
import { errorText, useNotify } from '../../../components/notices';
import { InvalidProfileInputError, saveCustomProfile } from '../../../db/commands/profiles';
import { ErrorScope, LinesInput, ReadOnlyContext, SectionsContext } from './fields';
import {
  ArrangementSection,
  IctAgencySection,
  InstansiSection,
  MappingEditor,
  ObligationsEditor,
  RegulationSection,
  TeamsEditor,
} from './sections';

const sectionLabel: Record<string, string> = {
  formatVersion: 'Versi format',
  id: 'Id profil',
  instrumentId: 'Instrumen',
  instansi: 'Instansi',
  ictAgency: 'Perangkat daerah bidang TIK',
  coordinator: 'Koordinator SPBE',
  regulation: 'Peraturan',
  evaluation: 'Pemantauan dan evaluasi',
  teams: 'Tim',
  obligations: 'Kewajiban',
  mapping: 'Pemetaan',
  otherMappings: 'Pemetaan instrumen lain',
  notes: 'Catatan',
};

/** "Pemetaan 3: Argumen tingkat wajib diisi" for an issue at mapping[2].argument. */
function issueText(issue: z.core.$ZodIssue): string {
  const [head, index] = issue.path;
  const where = sectionLabel[String(head)] ?? String(head ?? '');
  const n = typeof index === 'number' ? ` ${index + 1}` : '';
  return where ? `${where}${n}: ${issue.message}` : issue.message;
}

/** "kota-balikpapan" from the kind and region name. */
export const suggestedProfileId = (p: Pick<Profile['instansi'], 'kind' | 'regionName'>): string =>
  `${p.kind}-${p.regionName}`
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
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
  mode: 'new' | 'edit' | 'builtIn';
  onSaved?: (profile: Profile) => void;
  /** Buttons shown next to "Simpan" (export, duplicate, …), given whether there are unsaved changes. */
  actions?: (dirty: boolean) => ReactNode;
}) {
  const notify = useNotify();
  const readOnly = mode === 'builtIn';
  const [draft, setDraft] = useState<Profile>(initial);
  const [saved, setSaved] = useState<Profile>(initial);
  const [attempted, setAttempted] = useState(false);
  const [saveErrors, setSaveErrors] = useState<string[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [idTouched, setIdTouched] = useState(mode !== 'new' || initial.id !== '');
  const summaryRef = useRef<HTMLDivElement>(null);
  const dirty = draft !== saved;

  const issues = useMemo(() => {
    if (!attempted) return null;
    const result = profileSchema.safeParse(draft, { error: z.locales.id().localeError });
    return result.success ? [] : result.error.issues;
  }, [attempted, draft]);
  // The same messages give the same scope object, so unchanged sections are not re-rendered.
  const issuesKey = JSON.stringify(issues?.map((i) => [i.path, i.message]) ?? null);
  const errors = useMemo(
    () => ErrorScope.of(issues),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the messages, not the array
    [issuesKey],
  );
  const sections = useMemo(() => splitArticles(draft.regulation.text), [draft.regulation.text]);
  const pack = findPack(draft.instrumentId);

  const setInstansi = useCallback(
    (instansi: Profile['instansi']) =>
      setDraft((d) => ({
        ...d,
        instansi,
        id: idTouched ? d.id : suggestedProfileId(instansi),
      })),
    [idTouched],
  );
  const setIct = useCallback(
    (ictAgency: Profile['ictAgency']) => setDraft((d) => ({ ...d, ictAgency })),
    [],
  );
  const setRegulation = useCallback(
    (regulation: Profile['regulation']) => setDraft((d) => ({ ...d, regulation })),
    [],
  );
  const setArrangement = useCallback(
    (next: Pick<Profile, 'coordinator' | 'evaluation'>) => setDraft((d) => ({ ...d, ...next })),
    [],
  );
  const setTeams = useCallback((teams: Profile['teams']) => setDraft((d) => ({ ...d, teams })), []);
  const setObligations = useCallback(
    (obligations: Profile['obligations']) => setDraft((d) => ({ ...d, obligations })),
    [],
  );
  // Which instrument's mapping is being edited: the profile's own or another built-in one.
  const [mappingInstrument, setMappingInstrument] = useState<string | null>(null);
  const shownInstrument = mappingInstrument ?? draft.instrumentId;
  const mappingPack = findPack(shownInstrument);
  const setMapping = useCallback(
    (update: (mapping: Profile['mapping']) => Profile['mapping']) =>
      setDraft((d) => {
        const id = mappingInstrument ?? d.instrumentId;
        if (id === d.instrumentId) return { ...d, mapping: update(d.mapping) };
        const others = d.otherMappings ?? [];
        const next = update(mappingOf(d, id) ?? []);
        const replaced = others.some((m) => m.instrumentId === id)
          ? others.map((m) => (m.instrumentId === id ? { instrumentId: id, mapping: next } : m))
          : [...others, { instrumentId: id, mapping: next }];
        // An emptied mapping of another instrument is dropped: "not mapped", not "maps nothing".
        return { ...d, otherMappings: replaced.filter((m) => m.mapping.length > 0) };
      }),
    [mappingInstrument],
  );

  const save = async () => {
    setAttempted(true);
    setSaveErrors([]);
    const result = profileSchema.safeParse(draft);
    if (!result.success) {
      summaryRef.current?.focus();
      return;
    }
    setSaving(true);
    try {
      const { profile, warnings: found } = await saveCustomProfile(
        draft,
        mode === 'new' ? 'create' : 'update',
      );
      setWarnings(found);
      setSaved(draft);
      notify('ok', `Profil daerah "${profile.id}" disimpan.`);
      onSaved?.(profile);
    } catch (e) {
      if (e instanceof InvalidProfileInputError) setSaveErrors(e.errors);
      else setSaveErrors([errorText(e)]);
      summaryRef.current?.focus();
    } finally {
      setSaving(false);
    }
  };

  const problems = [...(issues ?? []).map(issueText), ...saveErrors];

  return (
    <ReadOnlyContext.Provider value={readOnly}>
      <SectionsContext.Provider value={sections}>
        <div ref={summaryRef} tabIndex={-1} className="editor-summary">
          {problems.length > 0 && (
            <div className="alert danger" role="alert">
              <p>
                <strong>Profil belum dapat disimpan ({problems.length} masalah):</strong>
              </p>
              <ul className="small">
                {problems.slice(0, 30).map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
                {problems.length > 30 && <li>… dan {problems.length - 30} masalah lain.</li>}
              </ul>
            </div>
          )}
          {warnings.length > 0 && (
            <div className="alert warn" role="status">
              <p>
                <strong>Profil disimpan. Kutipan yang tidak ditemukan dalam teks peraturan:</strong>
              </p>
              <ul className="small">
                {warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!readOnly) void save();
          }}
        >
          <fieldset disabled={readOnly} className="plain-fieldset">
            <legend className="visually-hidden">Profil daerah {draft.instansi.name}</legend>
            <Part id="profil-identitas" title="Identitas profil">
              <div className="grid-2">
                <Field
                  label="Id profil"
                  hint={
                    mode === 'new'
                      ? 'Huruf kecil, angka dan tanda hubung, contoh: "kota-balikpapan". Tidak dapat diubah setelah disimpan.'
                      : 'Tidak dapat diubah: evaluasi merujuk profil dengan id ini.'
                  }
                  error={errors.at('id')}
                >
                  <input
                    value={draft.id}
                    readOnly={mode !== 'new'}
                    onChange={(e) => {
                      setIdTouched(true);
                      setDraft((d) => ({ ...d, id: e.target.value }));
                    }}
                  />
                </Field>
                <Field label="Instrumen" error={errors.at('instrumentId')}>
                  <select
                    value={draft.instrumentId}
                    onChange={(e) => setDraft((d) => ({ ...d, instrumentId: e.target.value }))}
                  >
                    {builtInPacks().map((p) => (
                      <option key={`${p.id}@${p.version}`} value={p.id}>
                        {p.shortTitle} — {p.title}
                      </option>
                    ))}
                    {!pack && <option value={draft.instrumentId}>{draft.instrumentId}</option>}
                  </select>
                </Field>
              </div>
            </Part>
            <Part id="profil-instansi" title="Instansi">
              <InstansiSection
                value={draft.instansi}
                onChange={setInstansi}
                errors={errors.scope('instansi')}
              />
            </Part>
            <Part id="profil-peraturan" title="Peraturan SPBE daerah">
              <RegulationSection
                value={draft.regulation}
                onChange={setRegulation}
                errors={errors.scope('regulation')}
              />
            </Part>
            <Part id="profil-tik" title="Perangkat daerah bidang TIK">
              <IctAgencySection
                value={draft.ictAgency}
                onChange={setIct}
                errors={errors.scope('ictAgency')}
              />
            </Part>
            <Part id="profil-evaluasi" title="Koordinator, pelaksana dan pelaporan evaluasi">
              <ArrangementSection
                coordinator={draft.coordinator}
                evaluation={draft.evaluation}
                onChange={setArrangement}
                errors={errors}
              />
            </Part>
            <Part id="profil-tim" title="Tim yang dibentuk peraturan">
              <TeamsEditor value={draft.teams} onChange={setTeams} errors={errors.scope('teams')} />
            </Part>
            <Part id="profil-kewajiban" title="Kewajiban dan aturan pemeriksaan kepatuhan">
              <ObligationsEditor
                value={draft.obligations}
                onChange={setObligations}
                errors={errors.scope('obligations')}
                pack={pack}
              />
            </Part>
            <Part id="profil-pemetaan" title="Pemetaan pasal ke indikator">
              <p className="small muted">
                Untuk setiap indikator: pasal yang mengatur topiknya beserta kutipannya, apa yang
                diatur, dan argumen tingkat dari kriteria instrumen. Argumen ini tampil sebagai
                saran pada formulir penilaian; tingkat tetap dipilih asesor.
              </p>
              <Field label="Instrumen yang dipetakan">
                <select
                  value={shownInstrument}
                  onChange={(e) => setMappingInstrument(e.target.value)}
                >
                  {[
                    ...new Set([...mappedInstrumentIds(draft), ...builtInPacks().map((p) => p.id)]),
                  ].map((id) => (
                    <option key={id} value={id}>
                      {findPack(id)?.shortTitle ?? id}
                      {id === draft.instrumentId ? ' (instrumen profil)' : ''}
                    </option>
                  ))}
                </select>
              </Field>
              {mappingPack && mappingOf(draft, shownInstrument) === null && (
                <p className="small muted">{noMappingText(mappingPack.shortTitle)}.</p>
              )}
              <MappingEditor
                key={shownInstrument}
                value={mappingOf(draft, shownInstrument) ?? []}
                onChange={setMapping}
                errors={
                  shownInstrument === draft.instrumentId
                    ? errors.scope('mapping')
                    : errors.scope(
                        'otherMappings',
                        (draft.otherMappings ?? []).findIndex(
                          (m) => m.instrumentId === shownInstrument,
                        ),
                        'mapping',
                      )
                }
                pack={mappingPack}
              />
            </Part>
            <Part id="profil-catatan" title="Catatan">
              <LinesInput
                label="Catatan tentang teks dan pembacaannya"
                hint="Satu catatan per baris: kekeliruan ketik, bagian yang hilang, hal yang meragukan"
                rows={4}
                value={draft.notes}
                onChange={(notes) => setDraft((d) => ({ ...d, notes }))}
                error={errors.at('notes')}
              />
            </Part>
          </fieldset>
          <div className="form-actions sticky-actions">
            {dirty && !readOnly && (
              <span className="badge warn">Ada perubahan yang belum disimpan</span>
            )}
            {actions?.(dirty)}
            {!readOnly && (
              <button type="submit" disabled={saving}>
                Simpan profil
              </button>
            )}
          </div>
        </form>
      </SectionsContext.Provider>
    </ReadOnlyContext.Provider>
  );
}
