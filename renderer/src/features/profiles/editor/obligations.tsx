/**
 * The regulation's obligations as rows of the profile editor's form, each with the rules the
 * compliance check applies (a nested field array): indicator levels and their evidence, a
 * document in the evidence library, or a complete self-assessment.
 */
import { memo } from 'react';
import { useWatch } from 'react-hook-form';
import {
  evidenceKindLabel,
  evidenceKinds,
  type EvidenceKind,
} from '../../../../../shared/assessment';
import type { InstrumentPack } from '../../../../../shared/instrument';
import type { ComplianceRule, Obligation, Profile } from '../../../../../shared/profiles';
import { Field } from '../../../components/field';
import { CitationsEditor } from './citations';
import { LinesInput, NumbersInput, Select, TextArea, TextInput } from './fields';
import {
  at,
  usePartError,
  useProfileList,
  useProfileValue,
  useReadOnly,
  type PathTo,
} from './form';
import { IdList, ListError, RemoveButton } from './lists';

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
const ruleKinds = Object.keys(ruleKindLabel) as ComplianceRule['kind'][];

function KindsInput({ legend, name }: { legend: string; name: PathTo<EvidenceKind[]> }) {
  const { value, onChange, itemError } = useProfileValue<EvidenceKind[]>(name);
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
      {itemError && (
        <p className="error" role="alert">
          {itemError}
        </p>
      )}
    </fieldset>
  );
}

function YearsInput({ label, name }: { label: string; name: PathTo<number | null> }) {
  const { value, onChange, error, ref } = useProfileValue(name);
  return (
    <Field label={label} hint="Kosongkan bila tanggal dokumen tidak dibatasi" error={error}>
      <select
        ref={ref}
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

function RequireEvidence({ name }: { name: PathTo<boolean> }) {
  const { value, onChange, ref } = useProfileValue<boolean>(name);
  return (
    <label className="inline-check">
      <input
        ref={ref}
        type="checkbox"
        checked={value}
        onChange={(e) => onChange(e.target.checked)}
      />
      Wajib ada bukti dukung yang tertaut
    </label>
  );
}

const matchOptions = [
  ['all', 'Setiap indikator'],
  ['any', 'Salah satu indikator'],
] as const;

function RuleEditor({
  legend,
  name,
  onKindChange,
  onRemove,
  pack,
}: {
  legend: string;
  name: PathTo<ComplianceRule>;
  onKindChange: (rule: ComplianceRule) => void;
  onRemove: () => void;
  pack: InstrumentPack | undefined;
}) {
  const kind = useWatch<Profile, PathTo<ComplianceRule['kind']>>({
    name: at<ComplianceRule['kind']>(name, 'kind'),
  }) as ComplianceRule['kind'];
  const levels = Array.from(
    { length: pack ? pack.valueScale.max - pack.valueScale.min + 1 : 5 },
    (_, i) => (pack?.valueScale.min ?? 1) + i,
  );
  return (
    <fieldset className="fieldset rule">
      <legend>{legend}</legend>
      <Field label="Jenis aturan">
        <select
          value={kind}
          onChange={(e) => onKindChange(defaultRule(e.target.value as ComplianceRule['kind']))}
        >
          {ruleKinds.map((k) => (
            <option key={k} value={k}>
              {ruleKindLabel[k]}
            </option>
          ))}
        </select>
      </Field>
      {kind === 'indicators' && (
        <>
          <div className="grid-2">
            <NumbersInput
              label="Indikator yang diperiksa"
              name={at<number[]>(name, 'indicators')}
            />
            <Select
              label="Yang harus memenuhi"
              name={at<'all' | 'any'>(name, 'match')}
              options={matchOptions}
              parse={(v) => (v === 'any' ? 'any' : 'all')}
            />
            <Select
              label="Tingkat paling rendah"
              name={at<number>(name, 'minLevel')}
              options={levels.map((n) => [n, `Tingkat ${n}`] as const)}
              parse={Number}
            />
            <YearsInput
              label="Bukti dukung bertanggal dalam"
              name={at(name, 'evidenceWithinYears')}
            />
          </div>
          <RequireEvidence name={at<boolean>(name, 'requireEvidence')} />
          <KindsInput
            legend="Jenis bukti dukung yang diterima (kosong: semua jenis)"
            name={at<EvidenceKind[]>(name, 'evidenceKinds')}
          />
        </>
      )}
      {kind === 'document' && (
        <>
          <KindsInput legend="Jenis dokumen" name={at<EvidenceKind[]>(name, 'evidenceKinds')} />
          <div className="grid-2">
            <LinesInput
              label="Judul dokumen memuat salah satu frasa"
              hint='Satu frasa per baris, contoh: "Tim Koordinasi"'
              rows={2}
              name={at(name, 'titleIncludes')}
            />
            <YearsInput label="Dokumen bertanggal dalam" name={at(name, 'withinYears')} />
          </div>
        </>
      )}
      {kind === 'selfAssessment' && (
        <p className="small muted">
          Terpenuhi bila setiap indikator instrumen pada evaluasi tahun berjalan telah bernilai.
        </p>
      )}
      <RemoveButton label={legend.toLowerCase()} onRemove={onRemove} />
    </fieldset>
  );
}

function RulesEditor({
  name,
  label,
  pack,
}: {
  name: `obligations.${number}`;
  label: string;
  pack: InstrumentPack | undefined;
}) {
  const readOnly = useReadOnly();
  const list = useProfileList<ComplianceRule>(`${name}.rules`);
  const error = usePartError(`${name}.rules`);
  return (
    <div role="group" aria-label={`Aturan pemeriksaan ${label.toLowerCase()}`}>
      <p className="citations-label">Aturan pemeriksaan (semua harus terpenuhi)</p>
      <ListError error={error} />
      {list.keys.map((key, k) => (
        <RuleEditor
          key={key}
          legend={`Aturan ${k + 1}`}
          name={`${name}.rules.${k}`}
          pack={pack}
          onKindChange={(rule) => list.replace(k, rule)}
          onRemove={() => list.remove(k)}
        />
      ))}
      {!readOnly && (
        <button
          type="button"
          className="secondary"
          onClick={() => list.append(defaultRule('document'))}
        >
          Tambah aturan pada {label.toLowerCase()}
        </button>
      )}
    </div>
  );
}

function ObligationFields({
  index,
  onRemove,
  pack,
}: {
  index: number;
  onRemove: () => void;
  pack: InstrumentPack | undefined;
}) {
  const name = `obligations.${index}` as const;
  const title = useWatch<Profile, `obligations.${number}.title`>({ name: `${name}.title` });
  const label = `Kewajiban ${index + 1}`;
  return (
    <fieldset className="fieldset list-item">
      <legend>
        {label}
        {title ? `: ${title}` : ''}
      </legend>
      <div className="grid-2">
        <TextInput
          label="Judul kewajiban"
          hint='Contoh: "Audit TIK paling sedikit 1 (satu) kali dalam 2 (dua) tahun"'
          name={`${name}.title`}
        />
        <TextInput
          label="Id kewajiban"
          hint="Huruf kecil, angka dan tanda hubung"
          name={`${name}.id`}
        />
      </div>
      <TextArea
        label="Uraian"
        hint="Apa yang diperiksa dan apa yang tidak dapat diperiksa otomatis"
        rows={2}
        name={`${name}.description`}
      />
      <CitationsEditor label={`Dasar ${label.toLowerCase()}`} name={at(name, 'articles')} />
      <RulesEditor name={name} label={label} pack={pack} />
      <RemoveButton label={label.toLowerCase()} onRemove={onRemove} />
    </fieldset>
  );
}

export const ObligationsEditor = memo(function ObligationsEditor({
  pack,
}: {
  pack: InstrumentPack | undefined;
}) {
  return (
    <IdList<Obligation>
      name="obligations"
      idPrefix="kewajiban"
      empty="Belum ada kewajiban."
      addLabel="Tambah kewajiban"
      blank={(id) => ({
        id,
        title: '',
        description: '',
        articles: [],
        rules: [defaultRule('document')],
      })}
      row={(index, onRemove) => <ObligationFields index={index} pack={pack} onRemove={onRemove} />}
    />
  );
});
