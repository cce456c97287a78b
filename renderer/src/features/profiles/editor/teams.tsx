/**
 * The teams the regulation sets up, as rows of the profile editor's form (a field array): each
 * with its name, id, role, who forms and leads it, its members and its articles.
 */
import { memo } from 'react';
import { useWatch } from 'react-hook-form';
import { teamRoleLabel, teamRoles, type Profile, type Team } from '../../../../../shared/profiles';
import { CitationsEditor } from './citations';
import { LinesInput, OptionalText, Select, TextInput } from './fields';
import { at } from './form';
import { IdList, RemoveButton } from './lists';

const roleOptions = teamRoles.map((r) => [r, teamRoleLabel[r]] as const);

function TeamFields({ index, onRemove }: { index: number; onRemove: () => void }) {
  const name = `teams.${index}` as const;
  const title = useWatch<Profile, `teams.${number}.name`>({ name: `${name}.name` });
  const label = `Tim ${index + 1}`;
  return (
    <fieldset className="fieldset list-item">
      <legend>
        {label}
        {title ? `: ${title}` : ''}
      </legend>
      <div className="grid-2">
        <TextInput label="Nama tim" name={`${name}.name`} />
        <TextInput label="Id tim" hint="Huruf kecil, angka dan tanda hubung" name={`${name}.id`} />
        <Select
          label="Peran tim"
          name={`${name}.role`}
          options={roleOptions}
          parse={(v) => v as Team['role']}
        />
        <OptionalText
          label="Ditetapkan dengan"
          hint='Contoh: "Keputusan Wali Kota"; kosongkan bila tidak disebut'
          name={`${name}.establishedBy`}
        />
        <OptionalText label="Ketua" name={`${name}.chair`} />
        <OptionalText label="Bertanggung jawab kepada" name={`${name}.accountableTo`} />
      </div>
      <LinesInput
        label="Susunan anggota"
        hint="Satu unsur per baris, seperti disebut peraturan"
        name={`${name}.members`}
      />
      <CitationsEditor label={`Dasar ${label.toLowerCase()}`} name={at(name, 'articles')} />
      <RemoveButton label={label.toLowerCase()} onRemove={onRemove} />
    </fieldset>
  );
}

export const TeamsEditor = memo(function TeamsEditor() {
  return (
    <IdList<Team>
      name="teams"
      idPrefix="tim"
      empty="Belum ada tim."
      addLabel="Tambah tim"
      blank={(id) => ({
        id,
        name: '',
        role: 'coordination',
        establishedBy: null,
        chair: null,
        members: [],
        accountableTo: null,
        articles: [],
      })}
      row={(index, onRemove) => <TeamFields index={index} onRemove={onRemove} />}
    />
  );
});
