/**
 * Saving an answer: one transaction writes the answer and one audit event per changed field.
 * Opens a new revision when the answer was last exchanged (see shared/assessment/answer.ts).
 */
import {
  MAX_ANCESTORS,
  newId,
  sameButir,
  sameExternal,
  type Answer,
  type AnswerEdit,
  type EvaluationId,
  type RevisionId,
} from '../../../../shared/assessment';
import { db } from '../db';
import { guardWrite } from '../errors';
import type { Actor } from './actor';
import { appendAudit, type AuditInput } from './audit';

const editFields = [
  'value',
  'justification',
  'agency',
  'status',
  'reviewNote',
  'external',
  'butir',
] as const;

/** Whether an edited field differs from the stored one (objects by content, absent = empty). */
function fieldChanged(
  field: (typeof editFields)[number],
  before: unknown,
  after: unknown,
): boolean {
  if (field === 'external')
    return !sameExternal(before as Answer['external'], after as Answer['external']);
  if (field === 'butir') return !sameButir(before as Answer['butir'], after as Answer['butir']);
  return before !== after;
}

export function emptyAnswer(evaluationId: EvaluationId, indicator: number): Answer {
  return {
    evaluationId,
    indicator,
    value: null,
    justification: '',
    agency: '',
    status: 'draft',
    reviewNote: '',
    carriedOver: false,
    updatedAt: 0,
    updatedBy: null,
    revision: newId<RevisionId>(),
    ancestors: [],
    revisionOpen: true,
  };
}

/** The answer after an edit, with its revision moved on when needed. Pure, for tests. */
export function applyEdit(previous: Answer, edit: AnswerEdit, actor: Actor, at: number): Answer {
  const next: Answer = {
    ...previous,
    ...edit,
    // Absent Pemdi fields in an edit keep what is stored (59/2020 answers never have them).
    ...(edit.external === undefined && previous.external !== undefined
      ? { external: previous.external }
      : {}),
    ...(edit.butir === undefined && previous.butir !== undefined ? { butir: previous.butir } : {}),
    updatedAt: at,
    updatedBy: actor.id,
    carriedOver: false,
  };
  if (!previous.revisionOpen) {
    next.revision = newId<RevisionId>();
    next.ancestors = [...previous.ancestors, previous.revision].slice(-MAX_ANCESTORS);
    next.revisionOpen = true;
  }
  return next;
}

export interface SaveResult {
  answer: Answer;
  changed: boolean;
}

/** Saves the edited fields of one answer. No write at all when nothing changed. */
export function saveAnswer(
  evaluationId: EvaluationId,
  indicator: number,
  edit: AnswerEdit,
  actor: Actor,
): Promise<SaveResult> {
  return guardWrite(`Jawaban indikator ${indicator}`, () =>
    db.transaction('rw', db.answers, db.audit, db.evaluations, async () => {
      const stored = await db.answers.get([evaluationId, indicator]);
      const previous = stored ?? emptyAnswer(evaluationId, indicator);
      const changes: AuditInput[] = [];
      for (const field of editFields) {
        const before = previous[field];
        const after = edit[field];
        // Pemdi fields are optional in an edit: absent means "not edited here", never a clearing.
        if ((field === 'external' || field === 'butir') && after === undefined) continue;
        if (fieldChanged(field, before, after)) {
          changes.push({
            entity: 'answer',
            action: stored ? 'update' : 'create',
            indicator,
            field,
            oldValue: stored ? before : null,
            newValue: after,
          });
        }
      }
      if (changes.length === 0) return { answer: previous, changed: false };
      const at = Date.now();
      const answer = applyEdit(previous, edit, actor, at);
      await db.answers.put(answer);
      await appendAudit(evaluationId, actor, changes, at);
      await db.evaluations.update(evaluationId, { updatedAt: at });
      return { answer, changed: true };
    }),
  );
}

/** Confirms an answer carried over from last year as reviewed, without changing its content. */
export function confirmCarriedOver(
  evaluationId: EvaluationId,
  indicator: number,
  actor: Actor,
): Promise<void> {
  return guardWrite(`Peninjauan indikator ${indicator}`, () =>
    db.transaction('rw', db.answers, db.audit, async () => {
      const stored = await db.answers.get([evaluationId, indicator]);
      if (!stored?.carriedOver) return;
      const at = Date.now();
      await db.answers.put({ ...stored, carriedOver: false, updatedAt: at, updatedBy: actor.id });
      await appendAudit(
        evaluationId,
        actor,
        [
          {
            entity: 'answer',
            action: 'update',
            indicator,
            field: 'carriedOver',
            oldValue: true,
            newValue: false,
            note: 'Jawaban tahun lalu ditinjau dan dipertahankan',
          },
        ],
        at,
      );
    }),
  );
}
