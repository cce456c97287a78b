/**
 * The team's decisions on the regional regulation's obligations: confirming or overriding an
 * automatic compliance finding, with a note, before the report prints it. Stored on the
 * evaluation (`complianceDecisions`, so bundles and backups carry it with the evaluation) and
 * written to the audit trail, one line per decision.
 */
import {
  complianceDecisionSchema,
  type ComplianceDecision,
  type EvaluationId,
} from '../../../../shared/assessment';
import { db } from '../db';
import { guardWrite, StorageError } from '../errors';
import type { Actor } from './actor';
import { appendAudit } from './audit';

/** A decision the command refused; the message says why, in Indonesian. */
export class ComplianceDecisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComplianceDecisionError';
  }
}

const describe = (d: ComplianceDecision | null): string | null =>
  d ? `${d.status}${d.note ? `: ${d.note}` : ''}` : null;

/**
 * Records the team's decision on one obligation; null withdraws it (the finding goes back to
 * the internal annex). An override of the automatic finding needs a note saying why.
 */
export async function setComplianceDecision(
  id: EvaluationId,
  obligationId: string,
  decision: { status: ComplianceDecision['status']; note: string } | null,
  actor: Actor,
  automaticStatus: ComplianceDecision['status'] | null = null,
): Promise<void> {
  const at = Date.now();
  let next: ComplianceDecision | null = null;
  if (decision) {
    const note = decision.note.trim();
    if (automaticStatus !== null && decision.status !== automaticStatus && note === '') {
      throw new ComplianceDecisionError(
        'Tuliskan catatan alasan bila status berbeda dari temuan otomatis.',
      );
    }
    const parsed = complianceDecisionSchema.safeParse({
      status: decision.status,
      note,
      by: actor.name,
      at,
    });
    if (!parsed.success) {
      throw new ComplianceDecisionError('Catatan terlalu panjang (paling banyak 2.000 karakter).');
    }
    next = parsed.data;
  }
  await guardWrite('Keputusan kepatuhan', () =>
    db.transaction('rw', db.evaluations, db.audit, async () => {
      const row = await db.evaluations.get(id);
      if (!row) throw new StorageError('Evaluasi tidak ditemukan.', 'other');
      const decisions = { ...(row.complianceDecisions ?? {}) };
      const old = decisions[obligationId] ?? null;
      if (next) decisions[obligationId] = next;
      else if (old) delete decisions[obligationId];
      else return;
      await db.evaluations.put({ ...row, complianceDecisions: decisions, updatedAt: at });
      await appendAudit(
        id,
        actor,
        [
          {
            entity: 'evaluation',
            action: 'update',
            field: `complianceDecisions.${obligationId}`,
            oldValue: describe(old),
            newValue: describe(next),
          },
        ],
        at,
      );
    }),
  );
}
