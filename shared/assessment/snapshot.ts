/**
 * An evaluation with everything that belongs to it, as one plain value: what the database
 * exports, a bundle carries, the merge combines and the report is built from. Evidence bytes are
 * not part of it (they are addressed by `Evidence.hash`).
 */
import { z } from 'zod';
import { answerSchema } from './answer';
import { auditEventSchema } from './audit';
import { evaluationSchema } from './evaluation';
import { evidenceLinkSchema, evidenceSchema } from './evidence';
import { memberSchema } from './team';

/** Deletions travel beside a snapshot (bundle manifest field `tombstones`), not inside it. */
export * from './tombstone';

export const evaluationSnapshotSchema = z.strictObject({
  evaluation: evaluationSchema,
  answers: z.array(answerSchema),
  evidence: z.array(evidenceSchema),
  links: z.array(evidenceLinkSchema),
  members: z.array(memberSchema),
  audit: z.array(auditEventSchema),
});
export type EvaluationSnapshot = z.infer<typeof evaluationSnapshotSchema>;

/** Indicator values of a snapshot, in the form `score()` takes. */
export function snapshotValues(
  snapshot: Pick<EvaluationSnapshot, 'answers'>,
): Record<number, number | null> {
  const values: Record<number, number | null> = {};
  for (const a of snapshot.answers) values[a.indicator] = a.value;
  return values;
}
