/**
 * The mapping of the regulation's articles to an instrument's indicators in the profile editor:
 * which instrument is shown (the profile's own, in `mapping`, or another built-in one, in
 * `otherMappings`, added with its first entry and dropped when emptied), and its entries as rows
 * of the form, each with the articles, what they cover, a suggested level range and the argument.
 */
import { memo, useState, type ReactNode } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import {
  builtInPacks,
  findIndicator,
  findPack,
  indicatorEntries,
  type InstrumentPack,
} from '../../../../../shared/instrument';
import {
  mappingRoleLabel,
  mappingRoles,
  noMappingText,
  type MappingEntry,
  type Profile,
} from '../../../../../shared/profiles';
import { Field } from '../../../components/field';
import { LevelCriteria } from '../../instrument/level-criteria';
import { CitationsEditor } from './citations';
import { TextArea } from './fields';
import {
  at,
  usePartError,
  useProfileList,
  useProfilePart,
  useProfileValue,
  useReadOnly,
  type PathTo,
} from './form';
import { ListError, RemoveButton } from './lists';

/** A <details> whose content is only rendered once opened (long criteria, many of them). */
function LazyDetails({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children}
    </details>
  );
}

type EntryPath = PathTo<MappingEntry>;

/** The role; a legal-basis entry suggests no level, so choosing it clears the range. */
function RoleSelect({ name }: { name: EntryPath }) {
  const { value, onChange, error, ref } = useProfileValue<MappingEntry['role']>(
    at<MappingEntry['role']>(name, 'role'),
  );
  const [, setLevels] = useProfilePart<MappingEntry['suggestedLevels']>(
    at<MappingEntry['suggestedLevels']>(name, 'suggestedLevels'),
  );
  return (
    <Field
      label="Peran peraturan"
      hint="Kebijakan internal: peraturan ini adalah kebijakan yang ditanyakan indikator. Dasar kewajiban: peraturan memerintahkan praktiknya, bukan bukti pelaksanaan."
      error={error}
    >
      <select
        ref={ref}
        value={value}
        onChange={(e) => {
          const role = e.target.value as MappingEntry['role'];
          onChange(role);
          if (role === 'mandate') setLevels(null);
        }}
      >
        {mappingRoles.map((r) => (
          <option key={r} value={r}>
            {mappingRoleLabel[r]}
          </option>
        ))}
      </select>
    </Field>
  );
}

function LevelSelect({
  label,
  name,
  levels,
}: {
  label: string;
  name: PathTo<number>;
  levels: number[];
}) {
  const { value, onChange, error, ref } = useProfileValue(name);
  return (
    <Field label={label} error={error}>
      <select ref={ref} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {levels.map((n) => (
          <option key={n} value={n}>
            Tingkat {n}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The level range a policy entry suggests, when it suggests one. */
function SuggestedLevels({ name, top }: { name: EntryPath; top: number }) {
  const path = at<MappingEntry['suggestedLevels']>(name, 'suggestedLevels');
  const [range, setRange] = useProfilePart<MappingEntry['suggestedLevels']>(path);
  const error = usePartError(path);
  const levels = Array.from({ length: top }, (_, i) => i + 1);
  return (
    <div className="suggested-levels">
      <label className="inline-check">
        <input
          type="checkbox"
          checked={range !== null}
          onChange={(e) => setRange(e.target.checked ? { min: 1, max: Math.min(2, top) } : null)}
        />
        Beri saran rentang tingkat
      </label>
      {range && (
        <div className="grid-2">
          <LevelSelect label="Saran tingkat terendah" name={at(path, 'min')} levels={levels} />
          <LevelSelect label="Saran tingkat tertinggi" name={at(path, 'max')} levels={levels} />
        </div>
      )}
      <ListError error={error} />
    </div>
  );
}

function IndicatorSelect({
  name,
  pack,
}: {
  name: PathTo<number>;
  pack: InstrumentPack | undefined;
}) {
  const { value, onChange, error, ref } = useProfileValue(name);
  return (
    <Field label="Indikator" error={error}>
      <select ref={ref} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {pack ? (
          indicatorEntries(pack).map((x) => (
            <option key={x.indicator.number} value={x.indicator.number}>
              {x.indicator.number}. {x.indicator.name}
            </option>
          ))
        ) : (
          <option value={value}>{value}</option>
        )}
      </select>
    </Field>
  );
}

const MappingItem = memo(function MappingItem({
  name,
  index,
  onRemove,
  pack,
}: {
  name: EntryPath;
  index: number;
  onRemove: (index: number) => void;
  pack: InstrumentPack | undefined;
}) {
  const [indicator, role] = useWatch<Profile, [PathTo<number>, PathTo<MappingEntry['role']>]>({
    name: [at<number>(name, 'indicator'), at<MappingEntry['role']>(name, 'role')],
  });
  const found = pack ? findIndicator(pack, indicator) : undefined;
  const top = found?.scale.levels.length ?? 5;
  const label = `Pemetaan ${index + 1}`;
  return (
    <fieldset className="fieldset list-item">
      <legend>
        {label}: indikator {indicator}
        {found ? ` ${found.indicator.name}` : ''}
      </legend>
      <div className="grid-2">
        <IndicatorSelect name={at(name, 'indicator')} pack={pack} />
        <RoleSelect name={name} />
      </div>
      <CitationsEditor label={`Pasal untuk indikator ${indicator}`} name={at(name, 'articles')} />
      <TextArea label="Yang diatur pasal-pasal ini" rows={2} name={at(name, 'covers')} />
      {role === 'policy' && <SuggestedLevels name={name} top={top} />}
      <TextArea
        label="Argumen tingkat"
        hint='Dari kriteria tingkat instrumen, contoh: "ditetapkan; memuat … tetapi tidak mengatur integrasi antar instansi → mendukung tingkat 2–3"'
        rows={3}
        name={at(name, 'argument')}
      />
      {found && (
        <LazyDetails summary={`Kriteria tingkat indikator ${indicator}`}>
          <LevelCriteria indicator={found.indicator} scale={found.scale} />
        </LazyDetails>
      )}
      <RemoveButton label={label.toLowerCase()} onRemove={() => onRemove(index)} />
    </fieldset>
  );
});

/** A new entry for the first indicator of the pack not mapped yet. */
const newEntry = (indicator: number): MappingEntry => ({
  indicator,
  role: 'policy',
  articles: [],
  covers: '',
  suggestedLevels: null,
  argument: '',
});

/** The first indicator of the pack that the mapping leaves out, if any. */
function nextIndicator(pack: InstrumentPack | undefined, mapped: readonly number[]) {
  if (!pack) return undefined;
  const taken = new Set(mapped);
  return indicatorEntries(pack)
    .map((e) => e.indicator.number)
    .find((n) => !taken.has(n));
}

function AddEntry({
  next,
  onAdd,
}: {
  next: number | undefined;
  onAdd: (entry: MappingEntry) => void;
}) {
  const readOnly = useReadOnly();
  if (readOnly || next === undefined) return null;
  return (
    <button type="button" className="secondary" onClick={() => onAdd(newEntry(next))}>
      Tambah pemetaan indikator
    </button>
  );
}

/** The entries of one stored mapping (`mapping` or `otherMappings.k.mapping`). */
function MappingList({
  name,
  pack,
  onEmptied,
}: {
  name: PathTo<MappingEntry[]>;
  pack: InstrumentPack | undefined;
  /** Called instead of removing the last entry (another instrument's mapping is then dropped). */
  onEmptied?: () => void;
}) {
  const list = useProfileList<MappingEntry>(name);
  const error = usePartError(name);
  const indicators = useWatch<Profile, PathTo<number>[]>({
    name: list.keys.map((_, i) => at<number>(name, i, 'indicator')),
  });
  const remove = (i: number) => {
    if (onEmptied && list.keys.length === 1) onEmptied();
    else list.remove(i);
  };
  return (
    <>
      <ListError error={error} />
      {list.keys.length === 0 && <p className="muted">Belum ada pemetaan.</p>}
      {list.keys.map((key, i) => (
        <MappingItem
          key={key}
          name={at<MappingEntry>(name, i)}
          index={i}
          pack={pack}
          onRemove={remove}
        />
      ))}
      <AddEntry next={nextIndicator(pack, indicators)} onAdd={list.append} />
    </>
  );
}

/** The mapping part: the instrument chosen, then its entries. */
export function MappingPart() {
  const { control } = useFormContext<Profile>();
  const instrumentId = useWatch<Profile, 'instrumentId'>({ name: 'instrumentId' });
  // Another instrument's mapping keeps its instrument id from its first entry on.
  const others = useFieldArray({ control, name: 'otherMappings' });
  const otherError = usePartError('otherMappings');
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = chosen ?? instrumentId;
  const pack = findPack(shown);
  const otherIndex = others.fields.findIndex((m) => m.instrumentId === shown);
  const ids = [
    ...new Set([
      instrumentId,
      ...others.fields.map((m) => m.instrumentId),
      ...builtInPacks().map((p) => p.id),
    ]),
  ];
  return (
    <>
      <Field label="Instrumen yang dipetakan">
        <select value={shown} onChange={(e) => setChosen(e.target.value)}>
          {ids.map((id) => (
            <option key={id} value={id}>
              {findPack(id)?.shortTitle ?? id}
              {id === instrumentId ? ' (instrumen profil)' : ''}
            </option>
          ))}
        </select>
      </Field>
      <ListError error={otherError} />
      {shown === instrumentId ? (
        <MappingList key={shown} name="mapping" pack={pack} />
      ) : otherIndex >= 0 ? (
        <MappingList
          key={`${shown}@${others.fields[otherIndex]?.id}`}
          // otherMappings is optional: its paths' values may be undefined, this one is not.
          name={at<MappingEntry[]>('otherMappings', otherIndex, 'mapping')}
          pack={pack}
          onEmptied={() => others.remove(otherIndex)}
        />
      ) : (
        <>
          {pack && <p className="small muted">{noMappingText(pack.shortTitle)}.</p>}
          <p className="muted">Belum ada pemetaan.</p>
          <AddEntry
            next={nextIndicator(pack, [])}
            onAdd={(entry) => others.append({ instrumentId: shown, mapping: [entry] })}
          />
        </>
      )}
    </>
  );
}
