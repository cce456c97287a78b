/**
 * Deletions on the merge screen (rules in shared/merge/tombstones.ts): the deletions that apply
 * by themselves (what, who, when, from which files the copy goes), the sentence for files whose
 * deletions cannot be seen (older app version), and one card per deletion set against a
 * concurrent edit, showing the deletion and every edited copy side by side, where the coordinator
 * decides to delete or keep, always with a reason.
 */
import { useId } from 'react';
import { formatDateTime } from '../../../../shared/format/date';
import { tombstoneEntityLabel } from '../../../../shared/assessment';
import {
  blindInputsSentence,
  type DeletionCase,
  type DeletionChoice,
  type DeletionDecision,
  type DeletionPlan,
} from '../../../../shared/merge';
import './merge.css';

export interface DeletionDraft {
  choice: DeletionChoice | '';
  reason: string;
}

export const emptyDeletionDraft: DeletionDraft = { choice: '', reason: '' };

/** The decision a draft makes, or what it still lacks. */
export function toDeletionDecision(
  c: DeletionCase,
  draft: DeletionDraft | undefined,
  decidedBy: DeletionDecision['decidedBy'],
  decidedAt: number,
): { ok: true; decision: DeletionDecision } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (!draft || draft.choice === '') problems.push('Pilih: hapus atau pertahankan.');
  if (!draft || draft.reason.trim() === '') problems.push('Alasan keputusan wajib diisi.');
  if (problems.length > 0 || !draft || draft.choice === '') return { ok: false, problems };
  return {
    ok: true,
    decision: {
      key: c.key,
      choice: draft.choice,
      reason: draft.reason.trim(),
      decidedBy,
      decidedAt,
    },
  };
}

const entityText = (c: DeletionCase): string =>
  tombstoneEntityLabel[c.entity].toLocaleLowerCase('id-ID');

export function DeletionPanel({
  plan,
  sourceLabel,
  drafts,
  onChange,
}: {
  plan: DeletionPlan;
  sourceLabel: (id: string) => string;
  drafts: Record<string, DeletionDraft>;
  onChange: (key: string, next: DeletionDraft) => void;
}) {
  const id = useId();
  const blind = blindInputsSentence(plan.blind.map(sourceLabel));
  const removedFrom = (c: DeletionCase): string =>
    [...c.untouched, ...c.edited].map((k) => k.sourceLabel).join(', ');
  return (
    <section className="card" aria-labelledby={`${id}-judul`}>
      <h2 id={`${id}-judul`}>Penghapusan</h2>
      <p>
        {plan.applied.length} penghapusan diterapkan
        {plan.conflicts.length > 0
          ? `, ${plan.conflicts.length} berbenturan dengan perubahan dan perlu diputuskan`
          : ''}
        .
      </p>
      {plan.applied.length > 0 && (
        <ul>
          {plan.applied.map((c) => (
            <li key={c.key}>
              {tombstoneEntityLabel[c.entity]} <strong>{c.label}</strong> dihapus oleh{' '}
              {c.tombstone.by.name || '—'} pada {formatDateTime(c.tombstone.at)} (berkas{' '}
              {c.deletedIn.map(sourceLabel).join(', ')})
              {removedFrom(c) ? `; salinannya tidak diambil dari ${removedFrom(c)}` : ''}.
            </li>
          ))}
        </ul>
      )}
      {blind && <p className="alert warn">{blind}</p>}
      {plan.conflicts.map((c) => (
        <DeletionConflictCard
          key={c.key}
          conflict={c}
          sourceLabel={sourceLabel}
          draft={drafts[c.key] ?? emptyDeletionDraft}
          onChange={(next) => onChange(c.key, next)}
        />
      ))}
    </section>
  );
}

function DeletionConflictCard({
  conflict: c,
  sourceLabel,
  draft,
  onChange,
}: {
  conflict: DeletionCase;
  sourceLabel: (id: string) => string;
  draft: DeletionDraft;
  onChange: (next: DeletionDraft) => void;
}) {
  const id = useId();
  const decided = draft.choice !== '' && draft.reason.trim() !== '';
  const set = (patch: Partial<DeletionDraft>) => onChange({ ...draft, ...patch });
  // Every card has the same two choices: heard out of its group, a choice names what it is about.
  const about = <span className="visually-hidden">: {c.label}</span>;
  return (
    <article className="card conflict" aria-labelledby={`${id}-judul`}>
      <h3 id={`${id}-judul`}>
        Penghapusan {entityText(c)} {c.label}
      </h3>
      <p className={decided ? 'small' : 'small muted'}>
        {decided ? 'Sudah diputuskan' : 'Belum diputuskan'}
      </p>
      <div className="conflict-sides">
        <section aria-label={`Penghapusan oleh ${c.tombstone.by.name || 'asesor'}`}>
          <h4>Dihapus</h4>
          <p>
            Oleh {c.tombstone.by.name || '—'} pada {formatDateTime(c.tombstone.at)} (berkas{' '}
            {c.deletedIn.map(sourceLabel).join(', ')}).
          </p>
          <p className="small">Sebelum dihapus: {c.deletedDescription}.</p>
        </section>
        {c.edited.map((k) => (
          <section key={k.sourceId} aria-label={`Perubahan pada ${k.sourceLabel}`}>
            <h4>Diubah pada {k.sourceLabel}</h4>
            <p className="small">{k.description}.</p>
          </section>
        ))}
      </div>
      <fieldset className="fieldset conflict-decision">
        <legend>Keputusan koordinator tentang {c.label}</legend>
        <label className="inline-check">
          <input
            type="radio"
            name={`${id}-pilihan`}
            checked={draft.choice === 'delete'}
            onChange={() => set({ choice: 'delete' })}
          />{' '}
          Hapus {entityText(c)} ini{about}
        </label>
        <label className="inline-check">
          <input
            type="radio"
            name={`${id}-pilihan`}
            checked={draft.choice === 'keep'}
            onChange={() => set({ choice: 'keep' })}
          />{' '}
          Pertahankan versi yang diubah{about}
        </label>
        <div className="field">
          <label htmlFor={`${id}-alasan`}>Alasan keputusan ({c.label})</label>
          <textarea
            id={`${id}-alasan`}
            value={draft.reason}
            onChange={(e) => set({ reason: e.target.value })}
          />
        </div>
      </fieldset>
    </article>
  );
}
