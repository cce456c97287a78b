/** Reading a whole evaluation as one EvaluationSnapshot (for bundles, merge and reports). */
import type { EvaluationId, EvaluationSnapshot } from '../../../shared/assessment';
import { db } from './db';
import { TABLE_GROUPS } from './tables';

export function readSnapshot(id: EvaluationId): Promise<EvaluationSnapshot | null> {
  return db.transaction('r', TABLE_GROUPS.snapshot, async () => {
    const evaluation = await db.evaluations.get(id);
    if (!evaluation) return null;
    const [answers, evidence, links, members, audit] = await Promise.all([
      db.answers.where('evaluationId').equals(id).sortBy('indicator'),
      db.evidence.where('evaluationId').equals(id).sortBy('addedAt'),
      db.links.where('evaluationId').equals(id).toArray(),
      db.members.where('evaluationId').equals(id).sortBy('createdAt'),
      db.audit.where('evaluationId').equals(id).sortBy('seq'),
    ]);
    return { evaluation, answers, evidence, links, members, audit };
  });
}
