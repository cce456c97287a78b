/**
 * The parts of a regional profile as editor sections: instansi, ICT agency, the regulation (its
 * text pasted or read from a .txt file), the evaluation arrangement, teams, obligations with their
 * compliance rules, the article→indicator mapping and the notes. Each takes its part of the
 * profile and returns the changed part; the editor owns the whole.
 */
import { memo, useCallback, useState } from 'react';
import {
  evidenceKindLabel,
  evidenceKinds,
  instansiKindLabel,
  instansiKinds,
  type EvidenceKind,
} from '../../../../../shared/assessment';
import { formatBytes } from '../../../../../shared/format/number';
import {
  findIndicator,
  indicatorEntries,
  type InstrumentPack,
} from '../../../../../shared/instrument';
import {
  MAX_REGULATION_TEXT_CHARS,
  mappingRoleLabel,
  mappingRoles,
  teamRoleLabel,
  teamRoles,
  type ComplianceRule,
  type IctAgency,
  type MappingEntry,
  type Obligation,
  type Profile,
  type ProfileInstansi,
  type Regulation,
  type Team,
} from '../../../../../shared/profiles';
import { Field } from '../../../components/field';
import { FileChooser } from '../../../components/file-chooser';
import { LevelCriteria } from '../../instrument/level-criteria';
import {
  CitationsEditor,
  LazyDetails,
  LinesInput,
  NumbersInput,
  OptionalCitation,
  OptionalDate,
  OptionalFact,
  OptionalText,
  OptionalYear,
  TextArea,
  TextInput,
  useReadOnly,
  type ErrorScope,
} from './fields';

export const InstansiSection = memo(function InstansiSection({
  value,
  onChange,
  errors,
}: {
  value: ProfileInstansi;
  onChange: (value: ProfileInstansi) => void;
  errors: ErrorScope;
}) {
  return (
    <div className="grid-2">
      <TextInput
        label="Nama instansi"
        hint='Nama resmi, contoh: "Pemerintah Kota Balikpapan"'
        value={value.name}
        onChange={(name) => onChange({ ...value, name })}
        error={errors.at('name')}
      />
      <Field label="Jenis pemerintah daerah" error={errors.at('kind')}>
        <select
          value={value.kind}
          onChange={(e) => onChange({ ...value, kind: e.target.value as ProfileInstansi['kind'] })}
        >
          {instansiKinds.map((k) => (
            <option key={k} value={k}>
              {instansiKindLabel[k]}
            </option>
          ))}
        </select>
      </Field>
      <TextInput
        label="Nama daerah"
        hint='Tanpa awalan, contoh: "Balikpapan"'
        value={value.regionName}
        onChange={(regionName) => onChange({ ...value, regionName })}
        error={errors.at('regionName')}
      />
      <OptionalText
        label="Provinsi"
        value={value.province}
        onChange={(province) => onChange({ ...value, province })}
        error={errors.at('province')}
      />
      <TextInput
        label="Sebutan kepala daerah"
        hint='Persis seperti ditulis peraturan: "Walikota", "Wali Kota", "Bupati", "Gubernur"'
        value={value.headOfRegionTitle}
        onChange={(headOfRegionTitle) => onChange({ ...value, headOfRegionTitle })}
        error={errors.at('headOfRegionTitle')}
      />
      <div>
        <OptionalCitation
          label="Pasal yang menyebut kepala daerah"
          value={value.headOfRegionTitleSource}
          onChange={(headOfRegionTitleSource) => onChange({ ...value, headOfRegionTitleSource })}
          errors={errors.scope('headOfRegionTitleSource')}
        />
      </div>
      <div className="span-all">
        <CitationsEditor
          label="Sumber nama instansi dan daerah"
          value={value.sources}
          onChange={(sources) => onChange({ ...value, sources })}
          errors={errors.scope('sources')}
        />
      </div>
    </div>
  );
});

export const IctAgencySection = memo(function IctAgencySection({
  value,
  onChange,
  errors,
}: {
  value: IctAgency;
  onChange: (value: IctAgency) => void;
  errors: ErrorScope;
}) {
  return (
    <div className="grid-2">
      <OptionalText
        label="Nama perangkat daerah bidang TIK"
        value={value.name}
        onChange={(name) => onChange({ ...value, name })}
        error={errors.at('name')}
      />
      <OptionalText
        label="Singkatan yang ditetapkan peraturan"
        value={value.abbreviation}
        onChange={(abbreviation) => onChange({ ...value, abbreviation })}
        error={errors.at('abbreviation')}
      />
      <OptionalText
        label="Sebutan dalam pasal-pasal"
        hint='Contoh: "Dinas", "Diskominfo"; kosongkan bila tidak ada'
        value={value.referredToAs}
        onChange={(referredToAs) => onChange({ ...value, referredToAs })}
        error={errors.at('referredToAs')}
      />
      <div className="span-all">
        <CitationsEditor
          label="Pasal tentang perangkat daerah bidang TIK"
          value={value.articles}
          onChange={(articles) => onChange({ ...value, articles })}
          errors={errors.scope('articles')}
        />
      </div>
    </div>
  );
});

/** Reads a text file as UTF-8, or as Windows-1252 when it is not valid UTF-8 (older editors). */
async function readTextFile(file: File): Promise<{ text: string; note: string | null }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), note: null };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      note: 'Berkas bukan UTF-8; dibaca sebagai Windows-1252. Periksa huruf-huruf khusus.',
    };
  }
}

export const RegulationSection = memo(function RegulationSection({
  value,
  onChange,
  errors,
}: {
  value: Regulation;
  onChange: (value: Regulation) => void;
  errors: ErrorScope;
}) {
  const readOnly = useReadOnly();
  const [message, setMessage] = useState<{ tone: 'ok' | 'danger' | 'warn'; text: string } | null>(
    null,
  );
  return (
    <>
      <div className="grid-2">
        <OptionalText
          label="Jenis peraturan"
          hint='Contoh: "Peraturan Wali Kota", "Peraturan Walikota", "Peraturan Bupati"'
          value={value.kind}
          onChange={(kind) => onChange({ ...value, kind })}
          error={errors.at('kind')}
        />
        <OptionalText
          label="Nomor peraturan"
          value={value.number}
          onChange={(number) => onChange({ ...value, number })}
          error={errors.at('number')}
        />
        <OptionalYear
          label="Tahun peraturan"
          value={value.year}
          onChange={(year) => onChange({ ...value, year })}
          error={errors.at('year')}
        />
        <OptionalText
          label="Judul (setelah “tentang”)"
          value={value.title}
          onChange={(title) => onChange({ ...value, title })}
          error={errors.at('title')}
        />
        <OptionalDate
          label="Tanggal ditetapkan"
          value={value.dateSet}
          onChange={(dateSet) => onChange({ ...value, dateSet })}
          error={errors.at('dateSet')}
        />
        <OptionalDate
          label="Tanggal diundangkan"
          value={value.datePromulgated}
          onChange={(datePromulgated) => onChange({ ...value, datePromulgated })}
          error={errors.at('datePromulgated')}
        />
        <OptionalText
          label="Berita Daerah"
          hint='Contoh: "Berita Daerah Kota Balikpapan Tahun 2022 Nomor 14"'
          value={value.gazette}
          onChange={(gazette) => onChange({ ...value, gazette })}
          error={errors.at('gazette')}
        />
      </div>
      <CitationsEditor
        label="Sumber data peraturan"
        value={value.sources}
        onChange={(sources) => onChange({ ...value, sources })}
        errors={errors.scope('sources')}
      />
      <TextArea
        label="Teks peraturan"
        hint={`Tempel teks lengkap, atau muat dari berkas .txt. Pasal dikenali dari baris "Pasal 1", "Pasal 2", … dan ayat dari "(1)", "(2)", …; kutipan diperiksa terhadap teks ini. ${value.text.length.toLocaleString('id-ID')} karakter.`}
        rows={12}
        value={value.text}
        onChange={(text) => onChange({ ...value, text })}
        error={errors.at('text')}
      />
      {!readOnly && (
        <div className="field">
          <FileChooser
            id="muat-teks-peraturan"
            label="Muat teks peraturan dari berkas .txt"
            buttonText="Pilih berkas teks…"
            accept=".txt,text/plain"
            onFile={async (file) => {
              // Bytes are at least characters: a file this large cannot fit the limit.
              if (file.size > MAX_REGULATION_TEXT_CHARS * 4) {
                setMessage({
                  tone: 'danger',
                  text: `Berkas "${file.name}" terlalu besar (${formatBytes(file.size)}).`,
                });
                return;
              }
              try {
                const { text, note } = await readTextFile(file);
                if (text.length > MAX_REGULATION_TEXT_CHARS) {
                  setMessage({
                    tone: 'danger',
                    text: `Teks dalam "${file.name}" melebihi ${MAX_REGULATION_TEXT_CHARS.toLocaleString('id-ID')} karakter dan tidak dimuat.`,
                  });
                  return;
                }
                onChange({ ...value, text: text.replace(/^\uFEFF/, '') });
                setMessage({
                  tone: note ? 'warn' : 'ok',
                  text: `Teks dari "${file.name}" dimuat (${text.length.toLocaleString('id-ID')} karakter).${note ? ` ${note}` : ''}`,
                });
              } catch {
                setMessage({ tone: 'danger', text: `Berkas "${file.name}" tidak dapat dibaca.` });
              }
            }}
          />
          {message && (
            <p className={`alert ${message.tone} small`} role="status">
              {message.text}
            </p>
          )}
        </div>
      )}
      <TextArea
        label="Catatan tentang salinan teks"
        hint="Asal salinan dan cacatnya (hasil OCR, halaman hilang), bila ada"
        value={value.textNote}
        onChange={(textNote) => onChange({ ...value, textNote })}
        error={errors.at('textNote')}
      />
    </>
  );
});

export const ArrangementSection = memo(function ArrangementSection({
  coordinator,
  evaluation,
  onChange,
  errors,
}: {
  coordinator: Profile['coordinator'];
  evaluation: Profile['evaluation'];
  onChange: (next: Pick<Profile, 'coordinator' | 'evaluation'>) => void;
  errors: ErrorScope;
}) {
  const set = (patch: Partial<Pick<Profile, 'coordinator' | 'evaluation'>>) =>
    onChange({ coordinator, evaluation, ...patch });
  return (
    <>
      <OptionalFact
        label="Koordinator SPBE"
        hint='Contoh: "Sekretaris Daerah"'
        value={coordinator}
        onChange={(c) => set({ coordinator: c })}
        errors={errors.scope('coordinator')}
      />
      <OptionalFact
        label="Pelaksana pemantauan dan evaluasi"
        hint='Contoh: "Tim Asesor Internal yang ditetapkan Wali Kota"'
        value={evaluation.performedBy}
        onChange={(performedBy) => set({ evaluation: { ...evaluation, performedBy } })}
        errors={errors.scope('evaluation', 'performedBy')}
      />
      <OptionalFact
        label="Penerima hasil pemantauan dan evaluasi"
        hint='Contoh: "Wali Kota melalui Koordinator SPBE"'
        value={evaluation.reportsTo}
        onChange={(reportsTo) => set({ evaluation: { ...evaluation, reportsTo } })}
        errors={errors.scope('evaluation', 'reportsTo')}
      />
      <OptionalFact
        label="Frekuensi pemantauan dan evaluasi"
        hint='Contoh: "setiap tahun"'
        value={evaluation.frequency}
        onChange={(frequency) => set({ evaluation: { ...evaluation, frequency } })}
        errors={errors.scope('evaluation', 'frequency')}
      />
    </>
  );
});

/** An id for a new item of a list: "tim-2", unique in the list. */
function nextId(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n += 1) {
    const id = `${prefix}-${n}`;
    if (!taken.includes(id)) return id;
  }
}

function ListActions({ label, onRemove }: { label: string; onRemove: () => void }) {
  const readOnly = useReadOnly();
  if (readOnly) return null;
  return (
    <button type="button" className="secondary" onClick={onRemove}>
      Hapus {label}
    </button>
  );
}

export const TeamsEditor = memo(function TeamsEditor({
  value,
  onChange,
  errors,
}: {
  value: readonly Team[];
  onChange: (value: Team[]) => void;
  errors: ErrorScope;
}) {
  const readOnly = useReadOnly();
  const set = (i: number, next: Team) => onChange(value.map((t, k) => (k === i ? next : t)));
  return (
    <>
      {errors.at() && (
        <p className="error" role="alert">
          {errors.at()}
        </p>
      )}
      {value.length === 0 && <p className="muted">Belum ada tim.</p>}
      {value.map((team, i) => {
        const e = errors.scope(i);
        const label = `Tim ${i + 1}`;
        return (
          <fieldset key={i} className="fieldset list-item">
            <legend>
              {label}
              {team.name ? `: ${team.name}` : ''}
            </legend>
            <div className="grid-2">
              <TextInput
                label="Nama tim"
                value={team.name}
                onChange={(name) => set(i, { ...team, name })}
                error={e.at('name')}
              />
              <TextInput
                label="Id tim"
                hint="Huruf kecil, angka dan tanda hubung"
                value={team.id}
                onChange={(id) => set(i, { ...team, id })}
                error={e.at('id')}
              />
              <Field label="Peran tim" error={e.at('role')}>
                <select
                  value={team.role}
                  onChange={(ev) => set(i, { ...team, role: ev.target.value as Team['role'] })}
                >
                  {teamRoles.map((r) => (
                    <option key={r} value={r}>
                      {teamRoleLabel[r]}
                    </option>
                  ))}
                </select>
              </Field>
              <OptionalText
                label="Ditetapkan dengan"
                hint='Contoh: "Keputusan Wali Kota"; kosongkan bila tidak disebut'
                value={team.establishedBy}
                onChange={(establishedBy) => set(i, { ...team, establishedBy })}
                error={e.at('establishedBy')}
              />
              <OptionalText
                label="Ketua"
                value={team.chair}
                onChange={(chair) => set(i, { ...team, chair })}
                error={e.at('chair')}
              />
              <OptionalText
                label="Bertanggung jawab kepada"
                value={team.accountableTo}
                onChange={(accountableTo) => set(i, { ...team, accountableTo })}
                error={e.at('accountableTo')}
              />
            </div>
            <LinesInput
              label="Susunan anggota"
              hint="Satu unsur per baris, seperti disebut peraturan"
              value={team.members}
              onChange={(members) => set(i, { ...team, members })}
              error={e.at('members')}
            />
            <CitationsEditor
              label={`Dasar ${label.toLowerCase()}`}
              value={team.articles}
              onChange={(articles) => set(i, { ...team, articles })}
              errors={e.scope('articles')}
            />
            <ListActions
              label={label.toLowerCase()}
              onRemove={() => onChange(value.filter((_, k) => k !== i))}
            />
          </fieldset>
        );
      })}
      {!readOnly && (
        <button
          type="button"
          className="secondary"
          onClick={() =>
            onChange([
              ...value,
              {
                id: nextId(
                  'tim',
                  value.map((t) => t.id),
                ),
                name: '',
                role: 'coordination',
                establishedBy: null,
                chair: null,
                members: [],
                accountableTo: null,
                articles: [],
              },
            ])
          }
        >
          Tambah tim
        </button>
      )}
    </>
  );
});

const defaultRule = (kind: ComplianceRule['kind']): ComplianceRule => {
  switch (kind) {
    case 'indicators':
      return {
        kind,
        indicators: [],
        match: 'all',
        minLevel: 2,
        requireEvidence: false,
        evidenceKinds: [],
        evidenceWithinYears: null,
      };
    case 'document':
      return { kind, evidenceKinds: ['sk'], titleIncludes: [], withinYears: null };
    case 'selfAssessment':
      return { kind };
  }
};

const ruleKindLabel: Record<ComplianceRule['kind'], string> = {
  indicators: 'Tingkat indikator (dan bukti dukungnya)',
  document: 'Dokumen tertentu ada di pustaka bukti',
  selfAssessment: 'Penilaian mandiri tahun berjalan lengkap',
};

function KindsInput({
  legend,
  value,
  onChange,
  error,
}: {
  legend: string;
  value: readonly EvidenceKind[];
  onChange: (value: EvidenceKind[]) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset className="fieldset kinds">
      <legend>{legend}</legend>
      {evidenceKinds.map((k) => (
        <label key={k} className="inline-check">
          <input
            type="checkbox"
            checked={value.includes(k)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, k] : value.filter((x) => x !== k))
            }
          />
          {evidenceKindLabel[k]}
        </label>
      ))}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function YearsInput({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | undefined;
}) {
  return (
    <Field label={label} hint="Kosongkan bila tanggal dokumen tidak dibatasi" error={error}>
      <select
        value={value === null ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">Tidak dibatasi</option>
        {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {n} tahun terakhir
          </option>
        ))}
      </select>
    </Field>
  );
}

function RuleEditor({
  legend,
  value,
  onChange,
  onRemove,
  errors,
  pack,
}: {
  legend: string;
  value: ComplianceRule;
  onChange: (value: ComplianceRule) => void;
  onRemove: () => void;
  errors: ErrorScope;
  pack: InstrumentPack | undefined;
}) {
  const levels = Array.from(
    { length: pack ? pack.valueScale.max - pack.valueScale.min + 1 : 5 },
    (_, i) => (pack?.valueScale.min ?? 1) + i,
  );
  return (
    <fieldset className="fieldset rule">
      <legend>{legend}</legend>
      <Field label="Jenis aturan" error={errors.at('kind')}>
        <select
          value={value.kind}
          onChange={(e) => onChange(defaultRule(e.target.value as ComplianceRule['kind']))}
        >
          {(Object.keys(ruleKindLabel) as ComplianceRule['kind'][]).map((k) => (
            <option key={k} value={k}>
              {ruleKindLabel[k]}
            </option>
          ))}
        </select>
      </Field>
      {value.kind === 'indicators' && (
        <>
          <div className="grid-2">
            <NumbersInput
              label="Indikator yang diperiksa"
              value={value.indicators}
              onChange={(indicators) => onChange({ ...value, indicators })}
              error={errors.at('indicators')}
            />
            <Field label="Yang harus memenuhi" error={errors.at('match')}>
              <select
                value={value.match}
                onChange={(e) => onChange({ ...value, match: e.target.value as 'all' | 'any' })}
              >
                <option value="all">Setiap indikator</option>
                <option value="any">Salah satu indikator</option>
              </select>
            </Field>
            <Field label="Tingkat paling rendah" error={errors.at('minLevel')}>
              <select
                value={value.minLevel}
                onChange={(e) => onChange({ ...value, minLevel: Number(e.target.value) })}
              >
                {levels.map((n) => (
                  <option key={n} value={n}>
                    Tingkat {n}
                  </option>
                ))}
              </select>
            </Field>
            <YearsInput
              label="Bukti dukung bertanggal dalam"
              value={value.evidenceWithinYears}
              onChange={(evidenceWithinYears) => onChange({ ...value, evidenceWithinYears })}
              error={errors.at('evidenceWithinYears')}
            />
          </div>
          <label className="inline-check">
            <input
              type="checkbox"
              checked={value.requireEvidence}
              onChange={(e) => onChange({ ...value, requireEvidence: e.target.checked })}
            />
            Wajib ada bukti dukung yang tertaut
          </label>
          <KindsInput
            legend="Jenis bukti dukung yang diterima (kosong: semua jenis)"
            value={value.evidenceKinds}
            onChange={(evidenceKinds) => onChange({ ...value, evidenceKinds })}
            error={errors.at('evidenceKinds')}
          />
        </>
      )}
      {value.kind === 'document' && (
        <>
          <KindsInput
            legend="Jenis dokumen"
            value={value.evidenceKinds}
            onChange={(evidenceKinds) => onChange({ ...value, evidenceKinds })}
            error={errors.at('evidenceKinds')}
          />
          <div className="grid-2">
            <LinesInput
              label="Judul dokumen memuat salah satu frasa"
              hint='Satu frasa per baris, contoh: "Tim Koordinasi"'
              rows={2}
              value={value.titleIncludes}
              onChange={(titleIncludes) => onChange({ ...value, titleIncludes })}
              error={errors.at('titleIncludes')}
            />
            <YearsInput
              label="Dokumen bertanggal dalam"
              value={value.withinYears}
              onChange={(withinYears) => onChange({ ...value, withinYears })}
              error={errors.at('withinYears')}
            />
          </div>
        </>
      )}
      {value.kind === 'selfAssessment' && (
        <p className="small muted">
          Terpenuhi bila setiap indikator instrumen pada evaluasi tahun berjalan telah bernilai.
        </p>
      )}
      <ListActions label={legend.toLowerCase()} onRemove={onRemove} />
    </fieldset>
  );
}

export const ObligationsEditor = memo(function ObligationsEditor({
  value,
  onChange,
  errors,
  pack,
}: {
  value: readonly Obligation[];
  onChange: (value: Obligation[]) => void;
  errors: ErrorScope;
  pack: InstrumentPack | undefined;
}) {
  const readOnly = useReadOnly();
  const set = (i: number, next: Obligation) => onChange(value.map((o, k) => (k === i ? next : o)));
  return (
    <>
      {errors.at() && (
        <p className="error" role="alert">
          {errors.at()}
        </p>
      )}
      {value.length === 0 && <p className="muted">Belum ada kewajiban.</p>}
      {value.map((o, i) => {
        const e = errors.scope(i);
        const label = `Kewajiban ${i + 1}`;
        return (
          <fieldset key={i} className="fieldset list-item">
            <legend>
              {label}
              {o.title ? `: ${o.title}` : ''}
            </legend>
            <div className="grid-2">
              <TextInput
                label="Judul kewajiban"
                hint='Contoh: "Audit TIK paling sedikit 1 (satu) kali dalam 2 (dua) tahun"'
                value={o.title}
                onChange={(title) => set(i, { ...o, title })}
                error={e.at('title')}
              />
              <TextInput
                label="Id kewajiban"
                hint="Huruf kecil, angka dan tanda hubung"
                value={o.id}
                onChange={(id) => set(i, { ...o, id })}
                error={e.at('id')}
              />
            </div>
            <TextArea
              label="Uraian"
              hint="Apa yang diperiksa dan apa yang tidak dapat diperiksa otomatis"
              rows={2}
              value={o.description}
              onChange={(description) => set(i, { ...o, description })}
              error={e.at('description')}
            />
            <CitationsEditor
              label={`Dasar ${label.toLowerCase()}`}
              value={o.articles}
              onChange={(articles) => set(i, { ...o, articles })}
              errors={e.scope('articles')}
            />
            <div role="group" aria-label={`Aturan pemeriksaan ${label.toLowerCase()}`}>
              <p className="citations-label">Aturan pemeriksaan (semua harus terpenuhi)</p>
              {e.at('rules') && (
                <p className="error" role="alert">
                  {e.at('rules')}
                </p>
              )}
              {o.rules.map((r, k) => (
                <RuleEditor
                  key={`${k}-${r.kind}`}
                  legend={`Aturan ${k + 1}`}
                  value={r}
                  pack={pack}
                  errors={e.scope('rules', k)}
                  onChange={(next) =>
                    set(i, { ...o, rules: o.rules.map((x, j) => (j === k ? next : x)) })
                  }
                  onRemove={() => set(i, { ...o, rules: o.rules.filter((_, j) => j !== k) })}
                />
              ))}
              {!readOnly && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => set(i, { ...o, rules: [...o.rules, defaultRule('document')] })}
                >
                  Tambah aturan pada {label.toLowerCase()}
                </button>
              )}
            </div>
            <ListActions
              label={label.toLowerCase()}
              onRemove={() => onChange(value.filter((_, k) => k !== i))}
            />
          </fieldset>
        );
      })}
      {!readOnly && (
        <button
          type="button"
          className="secondary"
          onClick={() =>
            onChange([
              ...value,
              {
                id: nextId(
                  'kewajiban',
                  value.map((o) => o.id),
                ),
                title: '',
                description: '',
                articles: [],
                rules: [defaultRule('document')],
              },
            ])
          }
        >
          Tambah kewajiban
        </button>
      )}
    </>
  );
});

const MappingItem = memo(function MappingItem({
  entry,
  index,
  onItemChange,
  onItemRemove,
  errors,
  pack,
}: {
  entry: MappingEntry;
  index: number;
  onItemChange: (index: number, value: MappingEntry) => void;
  onItemRemove: (index: number) => void;
  errors: ErrorScope;
  pack: InstrumentPack | undefined;
}) {
  const onChange = (value: MappingEntry) => onItemChange(index, value);
  const onRemove = () => onItemRemove(index);
  const found = pack ? findIndicator(pack, entry.indicator) : undefined;
  const top = found?.scale.levels.length ?? 5;
  const levels = Array.from({ length: top }, (_, i) => i + 1);
  const label = `Pemetaan ${index + 1}`;
  return (
    <fieldset className="fieldset list-item">
      <legend>
        {label}: indikator {entry.indicator}
        {found ? ` ${found.indicator.name}` : ''}
      </legend>
      <div className="grid-2">
        <Field label="Indikator" error={errors.at('indicator')}>
          <select
            value={entry.indicator}
            onChange={(e) => onChange({ ...entry, indicator: Number(e.target.value) })}
          >
            {pack ? (
              indicatorEntries(pack).map((x) => (
                <option key={x.indicator.number} value={x.indicator.number}>
                  {x.indicator.number}. {x.indicator.name}
                </option>
              ))
            ) : (
              <option value={entry.indicator}>{entry.indicator}</option>
            )}
          </select>
        </Field>
        <Field
          label="Peran peraturan"
          hint="Kebijakan internal: peraturan ini adalah kebijakan yang ditanyakan indikator. Dasar kewajiban: peraturan memerintahkan praktiknya, bukan bukti pelaksanaan."
          error={errors.at('role')}
        >
          <select
            value={entry.role}
            onChange={(e) => {
              const role = e.target.value as MappingEntry['role'];
              onChange({
                ...entry,
                role,
                suggestedLevels: role === 'mandate' ? null : entry.suggestedLevels,
              });
            }}
          >
            {mappingRoles.map((r) => (
              <option key={r} value={r}>
                {mappingRoleLabel[r]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <CitationsEditor
        label={`Pasal untuk indikator ${entry.indicator}`}
        value={entry.articles}
        onChange={(articles) => onChange({ ...entry, articles })}
        errors={errors.scope('articles')}
      />
      <TextArea
        label="Yang diatur pasal-pasal ini"
        rows={2}
        value={entry.covers}
        onChange={(covers) => onChange({ ...entry, covers })}
        error={errors.at('covers')}
      />
      {entry.role === 'policy' && (
        <div className="suggested-levels">
          <label className="inline-check">
            <input
              type="checkbox"
              checked={entry.suggestedLevels !== null}
              onChange={(e) =>
                onChange({
                  ...entry,
                  suggestedLevels: e.target.checked ? { min: 1, max: Math.min(2, top) } : null,
                })
              }
            />
            Beri saran rentang tingkat
          </label>
          {entry.suggestedLevels && (
            <div className="grid-2">
              <Field label="Saran tingkat terendah" error={errors.at('suggestedLevels', 'min')}>
                <select
                  value={entry.suggestedLevels.min}
                  onChange={(e) =>
                    onChange({
                      ...entry,
                      suggestedLevels: {
                        min: Number(e.target.value),
                        max: entry.suggestedLevels?.max ?? Number(e.target.value),
                      },
                    })
                  }
                >
                  {levels.map((n) => (
                    <option key={n} value={n}>
                      Tingkat {n}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Saran tingkat tertinggi" error={errors.at('suggestedLevels', 'max')}>
                <select
                  value={entry.suggestedLevels.max}
                  onChange={(e) =>
                    onChange({
                      ...entry,
                      suggestedLevels: {
                        min: entry.suggestedLevels?.min ?? Number(e.target.value),
                        max: Number(e.target.value),
                      },
                    })
                  }
                >
                  {levels.map((n) => (
                    <option key={n} value={n}>
                      Tingkat {n}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
          )}
          {(errors.at('suggestedLevels') ?? null) && (
            <p className="error" role="alert">
              {errors.at('suggestedLevels')}
            </p>
          )}
        </div>
      )}
      <TextArea
        label="Argumen tingkat"
        hint='Dari kriteria tingkat instrumen, contoh: "ditetapkan; memuat … tetapi tidak mengatur integrasi antar instansi → mendukung tingkat 2–3"'
        rows={3}
        value={entry.argument}
        onChange={(argument) => onChange({ ...entry, argument })}
        error={errors.at('argument')}
      />
      {found && (
        <LazyDetails summary={`Kriteria tingkat indikator ${entry.indicator}`}>
          <LevelCriteria indicator={found.indicator} scale={found.scale} />
        </LazyDetails>
      )}
      <ListActions label={label.toLowerCase()} onRemove={onRemove} />
    </fieldset>
  );
});

/**
 * The mapping (up to one entry per indicator, 31 in the built-in profiles) changes through an
 * updater, so that each memoised entry keeps stable callbacks and only the entry being typed in
 * re-renders.
 */
export const MappingEditor = memo(function MappingEditor({
  value,
  onChange,
  errors,
  pack,
}: {
  value: readonly MappingEntry[];
  onChange: (update: (value: MappingEntry[]) => MappingEntry[]) => void;
  errors: ErrorScope;
  pack: InstrumentPack | undefined;
}) {
  const readOnly = useReadOnly();
  const onItemChange = useCallback(
    (i: number, m: MappingEntry) => onChange((list) => list.map((x, k) => (k === i ? m : x))),
    [onChange],
  );
  const onItemRemove = useCallback(
    (i: number) => onChange((list) => list.filter((_, k) => k !== i)),
    [onChange],
  );
  const mapped = new Set(value.map((m) => m.indicator));
  const next = pack
    ? indicatorEntries(pack)
        .map((e) => e.indicator.number)
        .find((n) => !mapped.has(n))
    : undefined;
  return (
    <>
      {errors.at() && (
        <p className="error" role="alert">
          {errors.at()}
        </p>
      )}
      {value.length === 0 && <p className="muted">Belum ada pemetaan.</p>}
      {value.map((entry, i) => (
        <MappingItem
          key={i}
          entry={entry}
          index={i}
          pack={pack}
          errors={errors.scope(i)}
          onItemChange={onItemChange}
          onItemRemove={onItemRemove}
        />
      ))}
      {!readOnly && next !== undefined && (
        <button
          type="button"
          className="secondary"
          onClick={() =>
            onChange((list) => [
              ...list,
              {
                indicator: next,
                role: 'policy',
                articles: [],
                covers: '',
                suggestedLevels: null,
                argument: '',
              },
            ])
          }
        >
          Tambah pemetaan indikator
        </button>
      )}
    </>
  );
});
