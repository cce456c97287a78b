/**
 * The answer-revision rule (see answer.ts): an answer's `revision` names its exchanged state and
 * `ancestors` the states it grew from. An edit after the answer was last exported or imported
 * opens a new revision (the old one joins the ancestors); further edits before the next exchange
 * stay in the open one; an export or import closes it. The renderer applies these in its
 * transactions; the rule itself lives here, pure.
 */
import { MAX_ANCESTORS, sameButir, sameExternal, type Answer, type AnswerEdit } from './answer';
import { newId, type EvaluationId, type MemberId, type RevisionId } from './ids';

/** The fields of an answer a user edits (each change is one audit event). */
export const ANSWER_EDIT_FIELDS = [
  'value',
  'justification',
  'agency',
  'status',
  'reviewNote',
  'external',
  'butir',
] as const;
export type AnswerEditField = (typeof ANSWER_EDIT_FIELDS)[number];

/** Whether an edited field differs from the stored one (objects by content, absent = empty). */
export function answerFieldChanged(
  field: AnswerEditField,
  before: unknown,
  after: unknown,
): boolean {
  if (field === 'external')
    return !sameExternal(before as Answer['external'], after as Answer['external']);
  if (field === 'butir') return !sameButir(before as Answer['butir'], after as Answer['butir']);
  return before !== after;
}

/** An answer nobody has given yet, in a fresh open revision. */
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

/** The answer moved to a new open revision that grew from its current one. */
export function openNextRevision(answer: Answer): Answer {
  return {
    ...answer,
    revision: newId<RevisionId>(),
    ancestors: [...answer.ancestors, answer.revision].slice(-MAX_ANCESTORS),
    revisionOpen: true,
  };
}

/** The answer as exchanged (exported or imported): its revision closed. */
export const closeRevision = (answer: Answer): Answer =>
  answer.revisionOpen ? { ...answer, revisionOpen: false } : answer;

/**
 * The answer after an edit by `by` at `at`, with its revision moved on when the stored one was
 * exchanged. Absent Pemdi fields in an edit keep what is stored (59/2020 answers never have them).
 */
export function applyAnswerEdit(
  previous: Answer,
  edit: AnswerEdit,
  by: MemberId | null,
  at: number,
): Answer {
  const next: Answer = {
    ...previous,
    ...edit,
    ...(edit.external === undefined && previous.external !== undefined
      ? { external: previous.external }
      : {}),
    ...(edit.butir === undefined && previous.butir !== undefined ? { butir: previous.butir } : {}),
    updatedAt: at,
    updatedBy: by,
    carriedOver: false,
  };
  return previous.revisionOpen ? next : openNextRevision(next);
}
