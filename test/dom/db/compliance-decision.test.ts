/**
 * The team's decision on a regional obligation: stored on the evaluation with who and when,
 * audited, withdrawn again, refused with a reason when an override has no note; and read back
 * from the snapshot (what bundles and backups carry).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationId, MemberId } from '../../../shared/assessment';
import { evaluationSnapshotSchema } from '../../../shared/assessment';
import { db } from '../../../renderer/src/db/db';
import {
  ComplianceDecisionError,
  setComplianceDecision,
} from '../../../renderer/src/db/commands/compliance';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { readSnapshot } from '../../../renderer/src/db/snapshot';
import { resetDatabase, sampleInput } from './helpers';

const actor = { id: 'm1' as MemberId, name: 'Siti Aminah' };
let id: EvaluationId;

beforeEach(async () => {
  await resetDatabase();
  id = await createEvaluation(sampleInput(), actor);
});

describe('setComplianceDecision', () => {
  it('stores the decision with an audit line and withdraws it again', async () => {
    await setComplianceDecision(
      id,
      'audit-tik-dua-tahun',
      { status: 'confirmed', note: 'Laporan audit ada di Diskominfo.' },
      actor,
      'evidenceMissing',
    );
    const row = await db.evaluations.get(id);
    expect(row?.complianceDecisions?.['audit-tik-dua-tahun']).toMatchObject({
      status: 'confirmed',
      note: 'Laporan audit ada di Diskominfo.',
      by: 'Siti Aminah',
    });
    const audit = await db.audit.where('evaluationId').equals(id).toArray();
    expect(audit.some((a) => a.field === 'complianceDecisions.audit-tik-dua-tahun')).toBe(true);
    const snapshot = evaluationSnapshotSchema.parse(
      JSON.parse(JSON.stringify(await readSnapshot(id))),
    );
    expect(snapshot.evaluation.complianceDecisions?.['audit-tik-dua-tahun']?.status).toBe(
      'confirmed',
    );

    await setComplianceDecision(id, 'audit-tik-dua-tahun', null, actor);
    expect((await db.evaluations.get(id))?.complianceDecisions).toEqual({});
  });

  it('refuses an override without a note and stores nothing', async () => {
    await expect(
      setComplianceDecision(
        id,
        'arsitektur-keputusan',
        { status: 'notApplicable', note: '  ' },
        actor,
        'evidenceFound',
      ),
    ).rejects.toThrow(ComplianceDecisionError);
    expect((await db.evaluations.get(id))?.complianceDecisions).toBeUndefined();
  });
});
