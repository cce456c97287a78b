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
import { timestampSchema } from '../format/timestamp';
import { evaluationIdSchema, memberIdSchema, revisionIdSchema } from './ids';
import { LIMITS, tooLong } from './limits';

export const answerStatuses = ['draft', 'submitted', 'verified', 'needsRevision'] as const;
export const answerStatusSchema = z.enum(answerStatuses);
export type AnswerStatus = z.infer<typeof answerStatusSchema>;

export const answerStatusLabel: Record<AnswerStatus, string> = {
  draft: 'Draf',
  submitted: 'Diajukan',
  verified: 'Terverifikasi',
  needsRevision: 'Perlu revisi',
};

/**
 * The state of one evidence item (butir) of a level, as the team tracks it before the national
 * portal: not yet, drafted, uploaded, accepted, needs revision (Pemdi 2026 portal verdicts).
 */
export const butirStatuses = ['belum', 'draf', 'diunggah', 'diterima', 'perluRevisi'] as const;
export const butirStatusSchema = z.enum(butirStatuses);
export type ButirStatus = z.infer<typeof butirStatusSchema>;

export const butirStatusLabel: Record<ButirStatus, string> = {
  belum: 'Belum',
  draf: 'Draf',
  diunggah: 'Diunggah',
  diterima: 'Diterima',
  perluRevisi: 'Perlu revisi',
};

/** Butir codes are the pack's ("I1-L2-03"); bounded so a hostile file cannot bloat a row. */
export const butirCodeSchema = z.string().trim().min(1).max(40);

/** Status per butir code; an absent code is "belum". At most the butir of one indicator. */
export const butirStateSchema = z
  .record(butirCodeSchema, butirStatusSchema)
  .refine((r) => Object.keys(r).length <= 200, 'terlalu banyak butir');
export type ButirState = z.infer<typeof butirStateSchema>;

/**
 * The source index of an indicator converted from another agency's index (Pemdi: SDI, SJIG,
 * IPS): what was entered, for which year, and where it comes from. The answer's value is its
 * conversion (shared/instrument/value.ts), so every score reads the value alone.
 */
export const externalInputSchema = z.strictObject({
  input: z.number().finite().min(0).max(1000),
  /** The year of the source evaluation (e.g. Evaluasi SDI 2025). */
  year: z
    .number()
    .int()
    .min(2000, 'Tahun paling awal 2000')
    .max(2100, 'Tahun tidak wajar')
    .nullable(),
  note: z.string().max(LIMITS.externalNote, tooLong('Keterangan', LIMITS.externalNote)),
});
export type ExternalInput = z.infer<typeof externalInputSchema>;

/** Ancestor revisions kept per answer; older ones fall off (a merge then asks the coordinator). */
export const MAX_ANCESTORS = 200;

export const answerSchema = z.strictObject({
  evaluationId: evaluationIdSchema,
  indicator: z.number().int().min(1),
  /** The value on the pack's value scale (the level, for 59/2020); null = not yet chosen. */
  value: z.number().nullable(),
  justification: z.string().max(LIMITS.justification),
  /** Perangkat Daerah responsible for the indicator. */
  agency: z.string().max(LIMITS.agency),
  status: answerStatusSchema,
  /** The lead's review note (catatan asesor). */
  reviewNote: z.string().max(LIMITS.reviewNote),
  /** Carried over from last year's evaluation and not yet reviewed this year. */
  carriedOver: z.boolean(),
  updatedAt: timestampSchema,
  updatedBy: memberIdSchema.nullable(),
  revision: revisionIdSchema,
  ancestors: z.array(revisionIdSchema).max(MAX_ANCESTORS),
  /** True while the revision is being edited locally (not yet exported or imported). */
  revisionOpen: z.boolean(),
  /**
   * Pemdi only, absent for instruments without them (so 59/2020 rows and files are as before):
   * the entered source index of an external-index indicator, and the status of each butir.
   */
  external: externalInputSchema.nullable().optional(),
  butir: butirStateSchema.optional(),
});
export type Answer = z.infer<typeof answerSchema>;

/** The parts of an answer a user edits in the scoring form. */
export const answerEditSchema = z.strictObject({
  value: z.number().nullable(),
  justification: z.string().max(LIMITS.justification, tooLong('Penjelasan', LIMITS.justification)),
  agency: z.string().max(LIMITS.agency, tooLong('Nama perangkat daerah', LIMITS.agency)),
  status: answerStatusSchema,
  reviewNote: z.string().max(LIMITS.reviewNote, tooLong('Catatan', LIMITS.reviewNote)),
  external: externalInputSchema.nullable().optional(),
  butir: butirStateSchema.optional(),
});
export type AnswerEdit = z.infer<typeof answerEditSchema>;

/** The fields that make two answers "the same answer" for merging and change detection. */
export const answerContentKeys = ['value', 'justification', 'agency', 'external', 'butir'] as const;

/** The status of a butir in an answer ("belum" when never set). */
export const butirStatusOf = (
  answer: Pick<Answer, 'butir'> | undefined,
  code: string,
): ButirStatus => answer?.butir?.[code] ?? 'belum';

/** Butir states compared with "belum" and absent as the same. */
export function sameButir(a: ButirState | undefined, b: ButirState | undefined): boolean {
  const codes = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  for (const code of codes) if ((a?.[code] ?? 'belum') !== (b?.[code] ?? 'belum')) return false;
  return true;
}

/** External inputs compared with null and absent as the same. */
export function sameExternal(
  a: ExternalInput | null | undefined,
  b: ExternalInput | null | undefined,
): boolean {
  if (!a || !b) return !a && !b;
  return a.input === b.input && a.year === b.year && a.note.trim() === b.note.trim();
}

export function sameContent(
  a: Pick<Answer, (typeof answerContentKeys)[number]>,
  b: Pick<Answer, (typeof answerContentKeys)[number]>,
): boolean {
  return (
    a.value === b.value &&
    a.justification.trim() === b.justification.trim() &&
    a.agency.trim() === b.agency.trim() &&
    sameExternal(a.external, b.external) &&
    sameButir(a.butir, b.butir)
  );
}
