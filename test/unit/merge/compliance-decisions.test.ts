/**
 * The team's compliance decisions through a merge: each obligation keeps the decision of the
 * source that has one, and where the sources differ, the later decision.
 */
import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../../shared/instrument';
import { analyzeMerge, applyMerge, type MergeSource } from '../../../shared/merge';
import { makeFixture, T0, type Fixture } from '../bundle/fixtures';

const pack = defaultPack();

function source(id: string, f: Fixture): MergeSource {
  return {
    id,
    kind: 'bundle',
    label: `sumber-${id}.spbe`,
    snapshot: f.snapshot,
    exportedBy: { memberId: f.snapshot.members[0]!.id, name: 'Ani', nip: '' },
    exportedAt: T0 + Number(id) * 1000,
    manifestHash: `${id}`.repeat(64).slice(0, 64),
    fileHash: null,
    scope: { kind: 'all' },
  };
}

const decision = (status: 'confirmed' | 'evidenceMissing', at: number) => ({
  status,
  note: status === 'confirmed' ? '' : 'Laporan audit belum dilampirkan.',
  by: 'Sri Wahyuni',
  at,
});

describe('compliance decisions in a merge', () => {
  it('keeps every decision and, where the sources differ, the later one', () => {
    const member = { id: 'm-ani', name: 'Ani', nip: '', indicators: [1, 2] };
    const a = makeFixture({
      seed: 1,
      evaluationId: 'eval-kota',
      levels: { 1: 3 },
      members: [member],
    });
    const b = makeFixture({
      seed: 2,
      evaluationId: 'eval-kota',
      levels: { 2: 2 },
      members: [member],
    });
    a.snapshot.evaluation.complianceDecisions = {
      audit: decision('evidenceMissing', T0 + 10),
      arsitektur: decision('confirmed', T0 + 10),
    };
    b.snapshot.evaluation.complianceDecisions = { audit: decision('confirmed', T0 + 20) };
    const analysis = analyzeMerge({ pack, inputs: [source('1', a), source('2', b)] });
    const { snapshot } = applyMerge(analysis, []);
    expect(snapshot.evaluation.complianceDecisions).toEqual({
      audit: decision('confirmed', T0 + 20),
      arsitektur: decision('confirmed', T0 + 10),
    });
  });
});
