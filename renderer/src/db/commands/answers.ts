/**
 * Saving an answer: one transaction writes the answer and one audit event per changed field.
 * The revision rule (a new revision when the answer was last exchanged) is
 * shared/assessment/revision.ts.
 */
import {
  ANSWER_EDIT_FIELDS,
  answerFieldChanged,
  applyAnswerEdit,
  emptyAnswer,
  type Answer,
  type AnswerEdit,
  type EvaluationId,
} from '../../../../shared/assessment';
import { db } from '../db';
import { guardWrite } from '../errors';
import type { Actor } from './actor';
import { appendAudit, type AuditInput } from './audit';

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
      for (const field of ANSWER_EDIT_FIELDS) {
        const before = previous[field];
        const after = edit[field];
        // Pemdi fields are optional in an edit: absent means "not edited here", never a clearing.
        if ((field === 'external' || field === 'butir') && after === undefined) continue;
        if (answerFieldChanged(field, before, after)) {
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
      const answer = applyAnswerEdit(previous, edit, actor.id, at);
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
