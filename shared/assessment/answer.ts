/**
 * An assessor's answer to one indicator: the level, the justification (penjelasan), the agency
 * responsible (OPD), the review status and note. Evidence links are separate rows (evidence.ts).
 *
 * Revisions, for the coordinator's three-way merge: `revision` names the exchanged state of the
 * answer and `ancestors` the states it grew from. An edit after the answer was last exported or
 * imported opens a new revision (the old one joins the ancestors); further edits before the next
 * exchange stay in the open revision. Two copies of an answer then compare by lineage: if one's
 * revision is among the other's ancestors, only the other changed since their common ancestor.
 */
import { z } from 'zod';
import { evaluationIdSchema, memberIdSchema, revisionIdSchema } from './ids';

export const answerStatuses = ['draft', 'submitted', 'verified', 'needsRevision'] as const;
export const answerStatusSchema = z.enum(answerStatuses);
export type AnswerStatus = z.infer<typeof answerStatusSchema>;

export const answerStatusLabel: Record<AnswerStatus, string> = {
  draft: 'Draf',
  submitted: 'Diajukan',
  verified: 'Terverifikasi',
  needsRevision: 'Perlu revisi',
};

/** Ancestor revisions kept per answer; older ones fall off (a merge then asks the coordinator). */
export const MAX_ANCESTORS = 200;

export const answerSchema = z.strictObject({
  evaluationId: evaluationIdSchema,
  indicator: z.number().int().min(1),
  /** The value on the pack's value scale (the level, for 59/2020); null = not yet chosen. */
  value: z.number().nullable(),
  justification: z.string().max(20_000),
  /** Perangkat Daerah responsible for the indicator. */
  agency: z.string().max(300),
  status: answerStatusSchema,
  /** The lead's review note (catatan asesor). */
  reviewNote: z.string().max(10_000),
  /** Carried over from last year's evaluation and not yet reviewed this year. */
  carriedOver: z.boolean(),
  updatedAt: z.number(),
  updatedBy: memberIdSchema.nullable(),
  revision: revisionIdSchema,
  ancestors: z.array(revisionIdSchema).max(MAX_ANCESTORS),
  /** True while the revision is being edited locally (not yet exported or imported). */
  revisionOpen: z.boolean(),
});
export type Answer = z.infer<typeof answerSchema>;

/** The parts of an answer a user edits in the scoring form. */
export const answerEditSchema = z.strictObject({
  value: z.number().nullable(),
  justification: z.string().max(20_000, 'Penjelasan paling banyak 20.000 karakter'),
  agency: z.string().max(300, 'Nama perangkat daerah terlalu panjang'),
  status: answerStatusSchema,
  reviewNote: z.string().max(10_000, 'Catatan paling banyak 10.000 karakter'),
});
export type AnswerEdit = z.infer<typeof answerEditSchema>;

/** The fields that make two answers "the same answer" for merging and change detection. */
export const answerContentKeys = ['value', 'justification', 'agency'] as const;

export function sameContent(
  a: Pick<Answer, (typeof answerContentKeys)[number]>,
  b: Pick<Answer, (typeof answerContentKeys)[number]>,
): boolean {
  return (
    a.value === b.value &&
    a.justification.trim() === b.justification.trim() &&
    a.agency.trim() === b.agency.trim()
  );
}
