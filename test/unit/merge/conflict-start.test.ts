/**
 * What a conflict grew from, and how the coordinator's own evaluation is named. The case a
 * coordinator met: the evaluation sent out left indicator 10 empty; Ani wrote 2,50 and Budi 3,10;
 * the coordinator updated the evaluation with Ani's file and then merged Budi's file onto it.
 * The base then holds Ani's answer: it is a side, never the starting value. Only a version every
 * side grew from is a starting value; without one the merge says there was none, or that it
 * cannot be known. The base is named as the evaluation on the coordinator's computer, not a file,
 * on the conflict and in the Berita Acara.
 */
import { describe, expect, it } from 'vitest';
import type { Answer, RevisionId } from '../../../shared/assessment';
import { findPack } from '../../../shared/instrument';
import {
  analyzeMerge,
  applyMerge,
  reconciliationMinutes,
  sourceFromBase,
  type MergeSource,
} from '../../../shared/merge';
import { makeFixture, T0, type Fixture } from '../bundle/fixtures';

const pemdi = findPack('permenpanrb-8-2026')!;
const BASE_LABEL = 'Evaluasi di komputer koordinator (Pemerintah Kota Balikpapan)';

function evaluation(
  seed: number,
  who: { id: string; name: string },
  answer: Partial<Answer> | null,
): Fixture {
  const f = makeFixture({
    seed,
    evaluationId: 'eval-kota',
    levels: answer ? { 10: answer.value ?? null } : {},
    evidenceSizes: [],
    members: [{ ...who, indicators: [10] }],
  });
  f.snapshot.evaluation.instrument = { id: pemdi.id, version: pemdi.version };
  f.snapshot.answers = f.snapshot.answers.map((a) => ({ ...a, ...answer }));
  return f;
}

const rev = (s: string) => s as RevisionId;
const ANI = { id: 'm-ani', name: 'Ani Rahmawati' };
const BUDI = { id: 'm-budi', name: 'Budi Santoso' };
const KOOR = { id: 'm-sri', name: 'Sri Wahyuni' };

function bundle(f: Fixture, label: string, exporter: string): MergeSource {
  return {
    id: '1',
    kind: 'bundle',
    label,
    snapshot: f.snapshot,
    exportedBy: { memberId: null, name: exporter, nip: '' },
    exportedAt: T0 + 60_000,
    manifestHash: 'b'.repeat(64),
    fileHash: null,
    scope: { kind: 'all' },
  };
}

/** Budi's file merged onto the coordinator's evaluation holding `baseAnswer` for indicator 10. */
function mergeOnBase(baseAnswer: Partial<Answer>, budi: Partial<Answer>) {
  const base = evaluation(3, KOOR, baseAnswer);
  base.snapshot.members.push({
    ...base.snapshot.members[0]!,
    id: 'm-ani' as never,
    name: ANI.name,
  });
  const analysis = analyzeMerge({
    pack: pemdi,
    base: sourceFromBase(base.snapshot),
    inputs: [bundle(evaluation(2, BUDI, budi), 'budi.spbe', BUDI.name)],
  });
  return analysis;
}

const ani = { value: 2.5, revision: rev('r-ani'), ancestors: [], updatedBy: 'm-ani' as never };
const budi = { value: 3.1, revision: rev('r-budi'), ancestors: [], updatedBy: 'm-budi' as never };

describe('the starting value of a conflict', () => {
  it('is none when the base holds one assessor’s answer and the sides share no past', () => {
    const analysis = mergeOnBase(ani, budi);
    const [conflict] = analysis.conflicts;
    expect(conflict!.start).toEqual({ kind: 'none' });
    // The base is a side, named as the coordinator's evaluation, not as a file.
    expect(conflict!.sides.map((s) => [s.answer.value, s.sourceLabels])).toEqual([
      [2.5, [BASE_LABEL]],
      [3.1, ['budi.spbe']],
    ]);
    expect(analysis.sources[0]).toMatchObject({ kind: 'base', local: true, label: BASE_LABEL });
  });

  it('is the version sent out when the base still holds it and both sides grew from it', () => {
    const sent = { value: 2, revision: rev('r-0'), ancestors: [] };
    const analysis = analyzeMerge({
      pack: pemdi,
      base: sourceFromBase(evaluation(3, KOOR, sent).snapshot),
      inputs: [
        {
          ...bundle(evaluation(1, ANI, { ...ani, ancestors: [rev('r-0')] }), 'ani.spbe', ANI.name),
          id: '1',
        },
        {
          ...bundle(
            evaluation(2, BUDI, { ...budi, ancestors: [rev('r-0')] }),
            'budi.spbe',
            BUDI.name,
          ),
          id: '2',
          manifestHash: 'c'.repeat(64),
        },
      ],
    });
    expect(analysis.conflicts[0]!.start).toEqual({
      kind: 'known',
      value: 2,
      sourceLabels: [BASE_LABEL],
    });
  });

  it('cannot be known when the sides share a past no source holds any more', () => {
    const analysis = mergeOnBase(
      { ...ani, ancestors: [rev('r-0')] },
      { ...budi, ancestors: [rev('r-0')] },
    );
    expect(analysis.conflicts[0]!.start).toEqual({ kind: 'unknown' });
  });
});

describe('the Berita Acara of a merge onto the coordinator’s evaluation', () => {
  it('lists the base as the coordinator’s evaluation, not an exported file', () => {
    const analysis = mergeOnBase(ani, budi);
    const { snapshot, record } = applyMerge(analysis, [
      {
        indicator: 10,
        choice: { kind: 'side', sourceId: '1' },
        reason: 'Bukti Budi lengkap.',
        decidedBy: { memberId: null, name: KOOR.name },
        decidedAt: T0 + 99_000,
      },
    ]);
    const doc = reconciliationMinutes(record, snapshot, pemdi, {
      coordinator: { name: KOOR.name, nip: '' },
    });
    const [table, note] = doc.sections[0]!.blocks;
    if (table?.kind !== 'table' || note?.kind !== 'paragraph') throw new Error('section A');
    expect(table.table.columns[1]!.header).toBe('Berkas atau evaluasi');
    expect(table.table.rows[0]!.slice(1, 4)).toEqual([
      BASE_LABEL,
      'Tidak diekspor (evaluasi koordinator)',
      '—',
    ]);
    expect(note.text).toBe(
      `Evaluasi dasar "${BASE_LABEL}" bukan berkas .spbe, melainkan evaluasi koordinator yang tersimpan di komputer koordinator, sebagaimana isinya pada saat penggabungan (termasuk pembaruan dari berkas yang diimpor ke dalamnya, bila ada).`,
    );
  });
});
