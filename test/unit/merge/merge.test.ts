/**
 * The merge rules: identical and one-sided answers merge silently, an answer changed on one side
 * since the common ancestor is taken (either side), two different answers are a conflict with
 * every side's details; resolutions (a side or a written answer, always with a reason) build a
 * new evaluation with provenance for every answer, evidence united by hash, team members united
 * by NIP or name, audit logs united, and a merge record for the Berita Acara.
 */
import { describe, expect, it } from 'vitest';
import type { MemberId, RevisionId } from '../../../shared/assessment';
import { checkManifestContent } from '../../../shared/bundle';
import { buildManifest } from '../../../shared/bundle/zip';
import { defaultPack, findIndicator, findPack } from '../../../shared/instrument';
import {
  analyzeMerge,
  applyMerge,
  MergeError,
  mergeRecordSchema,
  reconciliationMinutes,
  resolveByPreference,
  sourceFromBase,
  type MergeSource,
  type Resolution,
} from '../../../shared/merge';
import { makeFixture, seededBytes, sha256, T0, type Fixture } from '../bundle/fixtures';

const pack = defaultPack();

const ANI = { id: 'm-ani', name: 'Ani Rahmawati', nip: '198501012010012001', indicators: [1, 2] };
const BUDI = { id: 'm-budi', name: 'Budi Santoso', nip: '', indicators: [3, 4] };

function assessorFixture(
  seed: number,
  levels: Record<number, number | null>,
  who: { id: string; name: string; nip: string; indicators: number[] },
  evidenceSizes: number[] = [],
): Fixture {
  const f = makeFixture({
    seed,
    evaluationId: 'eval-kota',
    levels,
    evidenceSizes,
    members: [who],
  });
  return f;
}

function source(id: string, f: Fixture, exporter: string): MergeSource {
  return {
    id,
    kind: 'bundle',
    label: `${exporter.split(' ')[0]!.toLowerCase()}.spbe`,
    snapshot: f.snapshot,
    exportedBy: { memberId: f.snapshot.members[0]!.id, name: exporter, nip: '' },
    exportedAt: T0 + Number(id) * 1000,
    manifestHash: `${id}`.repeat(64).slice(0, 64),
    fileHash: null,
    scope: { kind: 'all' },
  };
}

const resolve = (
  indicator: number,
  choice: Resolution['choice'],
  reason = 'Sesuai dokumen yang berlaku.',
): Resolution => ({
  indicator,
  choice,
  reason,
  decidedBy: { memberId: null, name: 'Sri Wahyuni' },
  decidedAt: T0 + 99_000,
});

describe('analysis', () => {
  it('merges identical and one-sided answers silently', () => {
    const a = assessorFixture(1, { 1: 3, 2: 2 }, ANI);
    const b = assessorFixture(2, { 1: 3, 3: 4 }, BUDI);
    const analysis = analyzeMerge({
      pack,
      inputs: [source('1', a, ANI.name), source('2', b, BUDI.name)],
    });
    expect(analysis.conflicts).toEqual([]);
    expect(analysis.mismatches).toEqual([]);
    expect(
      analysis.outcomes.map((o) => (o.kind === 'auto' ? [o.indicator, o.how, o.from] : o)),
    ).toEqual([
      [1, 'identical', ['1', '2']],
      [2, 'oneSide', ['1']],
      [3, 'oneSide', ['2']],
    ]);
  });

  it('treats a blank answer as no answer', () => {
    const a = assessorFixture(1, { 5: null }, ANI);
    const b = assessorFixture(2, { 5: 4 }, BUDI);
    const analysis = analyzeMerge({
      pack,
      inputs: [source('1', a, ANI.name), source('2', b, BUDI.name)],
    });
    expect(analysis.outcomes[0]).toMatchObject({ kind: 'auto', how: 'oneSide', from: ['2'] });
  });

  it('takes a clearing made since the common ancestor, and sets it against a concurrent change', () => {
    const older = assessorFixture(1, { 6: 3 }, ANI);
    const cleared = assessorFixture(2, { 6: null }, BUDI);
    cleared.snapshot.answers[0]!.ancestors = [older.snapshot.answers[0]!.revision];
    const analysis = analyzeMerge({
      pack,
      inputs: [source('1', older, ANI.name), source('2', cleared, BUDI.name)],
    });
    expect(analysis.conflicts).toEqual([]);
    expect(analysis.outcomes[0]).toMatchObject({
      kind: 'auto',
      how: 'newer',
      from: ['2'],
      superseded: ['1'],
      answer: { value: null, justification: '' },
    });

    // Both grew apart from the same ancestor: one cleared, one raised the level.
    const common = 'rev-common' as RevisionId;
    const changed = assessorFixture(3, { 6: 4 }, ANI);
    changed.snapshot.answers[0]!.ancestors = [common];
    cleared.snapshot.answers[0]!.ancestors = [common];
    const both = analyzeMerge({
      pack,
      inputs: [source('1', changed, ANI.name), source('2', cleared, BUDI.name)],
    });
    expect(both.conflicts).toHaveLength(1);
    expect(both.conflicts[0]!.sides.map((s) => s.answer.value).sort()).toEqual([4, null]);
  });

  it.each([
    ['the second file', '2', '1'],
    ['the first file', '1', '2'],
  ])('takes the answer changed since the common ancestor in %s', (_n, newerId, olderId) => {
    const older = assessorFixture(1, { 7: 2 }, ANI);
    const newer = assessorFixture(2, { 7: 4 }, BUDI);
    // The newer copy grew from the older one: its lineage holds the older revision.
    newer.snapshot.answers[0]!.ancestors = [
      'rev-0' as RevisionId,
      older.snapshot.answers[0]!.revision,
    ];
    const sources = { [olderId]: older, [newerId]: newer };
    const analysis = analyzeMerge({
      pack,
      inputs: [source('1', sources['1']!, ANI.name), source('2', sources['2']!, BUDI.name)],
    });
    expect(analysis.conflicts).toEqual([]);
    expect(analysis.outcomes[0]).toMatchObject({
      kind: 'auto',
      how: 'newer',
      from: [newerId],
      superseded: [olderId],
      answer: { value: 4 },
    });
  });

  it('reports two different answers as a conflict carrying each side', () => {
    const a = assessorFixture(1, { 9: 2 }, ANI, [1200]);
    const b = assessorFixture(2, { 9: 4 }, BUDI, [800]);
    const analysis = analyzeMerge({
      pack,
      inputs: [source('1', a, ANI.name), source('2', b, BUDI.name)],
    });
    expect(analysis.conflicts).toHaveLength(1);
    const [conflict] = analysis.conflicts;
    expect(conflict!.indicator).toBe(9);
    expect(conflict!.indicatorName).toBe(findIndicator(pack, 9)!.indicator.name);
    expect(
      conflict!.sides.map((s) => ({
        sourceIds: s.sourceIds,
        assessor: s.assessor?.name,
        value: s.answer.value,
        levelName: s.levelName,
        justification: s.answer.justification,
        evidence: s.evidence.map((e) => e.fileName),
        updatedAt: s.answer.updatedAt,
      })),
    ).toEqual([
      {
        sourceIds: ['1'],
        assessor: 'Ani Rahmawati',
        value: 2,
        levelName: 'Terkelola',
        justification: 'Penjelasan indikator 9 tingkat 2.',
        evidence: ['Dokumen 1.pdf'],
        updatedAt: T0 + 9,
      },
      {
        sourceIds: ['2'],
        assessor: 'Budi Santoso',
        value: 4,
        levelName: 'Terpadu dan Terukur',
        justification: 'Penjelasan indikator 9 tingkat 4.',
        evidence: ['Dokumen 1.pdf'],
        updatedAt: T0 + 9,
      },
    ]);
  });

  it('groups identical versions into one side across three files', () => {
    const a = assessorFixture(1, { 1: 2 }, ANI);
    const b = assessorFixture(2, { 1: 4 }, BUDI);
    const c = assessorFixture(3, { 1: 4 }, { id: 'm-cici', name: 'Cici', nip: '', indicators: [] });
    const analysis = analyzeMerge({
      pack,
      inputs: [source('1', a, ANI.name), source('2', b, BUDI.name), source('3', c, 'Cici')],
    });
    expect(analysis.conflicts[0]!.sides.map((s) => s.sourceIds)).toEqual([['1'], ['2', '3']]);
  });

  it('refuses a single evaluation and another instrument; flags another year', () => {
    const a = assessorFixture(1, { 1: 2 }, ANI);
    expect(() => analyzeMerge({ pack, inputs: [source('1', a, ANI.name)] })).toThrow(
      'Penggabungan memerlukan paling sedikit dua evaluasi.',
    );
    const other = assessorFixture(2, { 1: 2 }, BUDI);
    other.snapshot.evaluation.instrument = { id: 'lain', version: '1.0.0' };
    expect(() =>
      analyzeMerge({ pack, inputs: [source('1', a, ANI.name), source('2', other, BUDI.name)] }),
    ).toThrow(
      'Berkas "budi.spbe" memakai instrumen "lain" versi 1.0.0, sedangkan penggabungan ini memakai PermenPANRB 59/2020. Hanya evaluasi dengan instrumen yang sama yang dapat digabung: keluarkan berkas tersebut dari penggabungan.',
    );
    const lastYear = assessorFixture(3, { 1: 2 }, BUDI);
    lastYear.snapshot.evaluation.year = 2025;
    const analysis = analyzeMerge({
      pack,
      inputs: [source('1', a, ANI.name), source('2', lastYear, BUDI.name)],
    });
    expect(analysis.mismatches).toEqual(['"budi.spbe" berisi evaluasi tahun 2025, bukan 2026']);
    expect(() => applyMerge(analysis, [])).toThrow(/perlu konfirmasi/);
    expect(() => applyMerge(analysis, [], { confirmMismatches: true })).not.toThrow();
  });

  it('refuses the same file added twice, naming the copy to take out', () => {
    const a = assessorFixture(1, { 1: 3 }, ANI);
    const twice = {
      ...source('2', a, ANI.name),
      manifestHash: source('1', a, ANI.name).manifestHash,
    };
    let error: unknown;
    try {
      analyzeMerge({
        pack,
        inputs: [source('1', a, ANI.name), { ...twice, label: 'ani (2).spbe' }],
      });
    } catch (e) {
      error = e;
    }
    // Refused, not merely confirmed: the Berita Acara would list one file as two assessors'.
    expect(error).toBeInstanceOf(MergeError);
    expect((error as MergeError).message).toBe(
      '"ani (2).spbe" berisi hal yang sama persis dengan "ani.spbe": berkas yang sama ditambahkan dua kali. Keluarkan salinannya dari penggabungan.',
    );
    expect((error as MergeError).sourceIds).toEqual(['2']);
  });
});

describe('another instrument', () => {
  it('names both instruments by their titles, says which file to take out, and names it', () => {
    const pemdi = findPack('permenpanrb-8-2026')!;
    const a = assessorFixture(1, { 1: 2 }, ANI);
    a.snapshot.evaluation.instrument = { id: pemdi.id, version: pemdi.version };
    a.snapshot.answers = [];
    const b = assessorFixture(2, { 1: 2 }, BUDI);
    let error: unknown;
    try {
      analyzeMerge({ pack: pemdi, inputs: [source('1', a, ANI.name), source('2', b, BUDI.name)] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MergeError);
    expect((error as MergeError).message).toBe(
      'Berkas "budi.spbe" memakai instrumen PermenPANRB 59/2020, sedangkan penggabungan ini memakai PermenPANRB 8/2026. Hanya evaluasi dengan instrumen yang sama yang dapat digabung: keluarkan berkas tersebut dari penggabungan.',
    );
    expect((error as MergeError).sourceIds).toEqual(['2']);
  });
});

describe('applying a merge', () => {
  function twoAssessors() {
    const shared = seededBytes(555, 2048);
    const a = assessorFixture(1, { 1: 3, 2: 2, 9: 2 }, ANI, [1000, 3000, 500]);
    const b = assessorFixture(2, { 1: 3, 3: 4, 9: 4 }, BUDI, [1500, 700, 900]);
    // The same document uploaded by both (different ids, same bytes).
    for (const f of [a, b]) {
      const hash = sha256(shared);
      f.blobs.set(hash, shared);
      const ev = {
        ...f.snapshot.evidence[0]!,
        id: `ev-shared-${f.snapshot.members[0]!.id}` as never,
        hash,
        size: 2048,
        fileName: 'SK Tim SPBE.pdf',
      };
      f.snapshot.evidence.push(ev);
      f.snapshot.links.push({
        ...f.snapshot.links[0]!,
        id: `ln-shared-${f.snapshot.members[0]!.id}` as never,
        evidenceId: ev.id,
        indicator: 1,
        levels: [f === a ? 1 : 3],
      });
    }
    // Both teams list Ani (same NIP); Budi's file spells her name differently.
    b.snapshot.members.push({
      ...a.snapshot.members[0]!,
      id: 'm-ani-di-budi' as MemberId,
      name: 'Ani R.',
      indicators: [9],
    });
    b.snapshot.answers.find((x) => x.indicator === 3)!.updatedBy = 'm-ani-di-budi' as MemberId;
    return { a, b, sources: [source('1', a, ANI.name), source('2', b, BUDI.name)] };
  }

  it('builds a new evaluation with provenance, united evidence, team and audit', () => {
    const { a, b, sources } = twoAssessors();
    const analysis = analyzeMerge({ pack, inputs: sources });
    expect(analysis.conflicts.map((c) => c.indicator)).toEqual([9]);
    const { snapshot, record } = applyMerge(
      analysis,
      [resolve(9, { kind: 'side', sourceId: '2' })],
      {
        mergeId: 'merge-1',
        evaluationId: 'eval-gabungan',
        now: T0 + 100_000,
        mergedBy: { memberId: null, name: 'Sri Wahyuni' },
      },
    );
    // A new evaluation; the inputs untouched.
    expect(snapshot.evaluation).toMatchObject({
      id: 'eval-gabungan',
      origin: { kind: 'merged', mergeId: 'merge-1' },
      year: 2026,
      instansi: { name: 'Pemerintah Kota Balikpapan' },
    });
    expect(a.snapshot.evaluation.id).toBe('eval-kota');
    expect(snapshot.answers.every((x) => x.evaluationId === 'eval-gabungan')).toBe(true);
    expect(snapshot.answers.map((x) => [x.indicator, x.value])).toEqual([
      [1, 3],
      [2, 2],
      [3, 4],
      [9, 4],
    ]);
    // Provenance of every answer.
    expect(record.provenance).toEqual([
      { indicator: 1, how: 'identical', from: ['1', '2'], superseded: [] },
      { indicator: 2, how: 'oneSide', from: ['1'], superseded: [] },
      { indicator: 3, how: 'oneSide', from: ['2'], superseded: [] },
      { indicator: 9, how: 'resolved', from: ['2'], superseded: [] },
    ]);
    // Evidence: 2 + 1 own documents and the shared one once.
    expect(snapshot.evidence).toHaveLength(
      a.snapshot.evidence.length + b.snapshot.evidence.length - 1,
    );
    expect(record.totals.evidenceDuplicates).toBe(1);
    expect(new Set(snapshot.evidence.map((e) => e.hash)).size).toBe(snapshot.evidence.length);
    // The shared document is linked once to indicator 1, with both files' levels.
    const sharedEv = snapshot.evidence.find((e) => e.fileName === 'SK Tim SPBE.pdf')!;
    const sharedLinks = snapshot.links.filter((l) => l.evidenceId === sharedEv.id);
    expect(sharedLinks).toMatchObject([{ indicator: 1, levels: [1, 3] }]);
    // Indicator 9 keeps only the taken side's links.
    const ind9 = snapshot.links.filter((l) => l.indicator === 9);
    expect(ind9).toHaveLength(1);
    expect(ind9.map((l) => snapshot.evidence.find((e) => e.id === l.evidenceId)!.hash)).toEqual(
      b.snapshot.links
        .filter((l) => l.indicator === 9)
        .map((l) => b.snapshot.evidence.find((e) => e.id === l.evidenceId)!.hash),
    );
    // Team: Ani once (same NIP), Budi once; references rewritten.
    expect(snapshot.members.map((m) => m.name)).toEqual(['Ani Rahmawati', 'Budi Santoso']);
    expect(snapshot.members[0]!.indicators).toEqual([1, 2, 9]);
    expect(record.totals.membersMerged).toBe(1);
    expect(snapshot.answers.find((x) => x.indicator === 3)!.updatedBy).toBe('m-ani');
    const memberIds = new Set(snapshot.members.map((m) => m.id as string));
    for (const x of snapshot.answers)
      expect(x.updatedBy === null || memberIds.has(x.updatedBy)).toBe(true);
    // Audit: both logs, the merge and the resolution with its reason.
    expect(snapshot.audit.map((e) => e.id)).toEqual(expect.arrayContaining(['au-1-0', 'au-2-0']));
    expect(snapshot.audit.find((e) => e.action === 'merge')).toMatchObject({
      actorName: 'Sri Wahyuni',
      note: expect.stringMatching(/^Gabungan dari ani\.spbe, budi\.spbe/),
    });
    expect(snapshot.audit.find((e) => e.action === 'resolve')).toMatchObject({
      indicator: 9,
      note: 'Sesuai dokumen yang berlaku.',
      oldValue: 'Ani Rahmawati: 2; Budi Santoso: 4',
      newValue: '4',
    });
    // The result is a valid evaluation the bundle writer would accept, and a valid record.
    const manifest = buildManifest(
      snapshot,
      { appVersion: 'x', exportedBy: { memberId: null, name: 'Sri' } },
      { evidenceIncluded: false, files: [] },
    );
    expect(checkManifestContent(manifest, pack)).toEqual([]);
    expect(mergeRecordSchema.parse(record)).toEqual(record);
    expect(record.conflicts[0]).toMatchObject({
      indicator: 9,
      decisionLabel: 'Versi Budi Santoso (budi.spbe)',
      value: 4,
      levelName: 'Terpadu dan Terukur',
      reason: 'Sesuai dokumen yang berlaku.',
      decidedBy: { name: 'Sri Wahyuni' },
      sides: [
        expect.objectContaining({
          assessor: 'Ani Rahmawati',
          value: 2,
          sourceLabels: ['ani.spbe'],
        }),
        expect.objectContaining({
          assessor: 'Budi Santoso',
          value: 4,
          sourceLabels: ['budi.spbe'],
        }),
      ],
    });
  });

  it('applies a written settled answer with the chosen evidence', () => {
    const { b, sources } = twoAssessors();
    const analysis = analyzeMerge({ pack, inputs: sources });
    const keep = b.snapshot.evidence[2]!.hash;
    expect(b.snapshot.links[2]).toMatchObject({ indicator: 9 });
    const { snapshot, record } = applyMerge(analysis, [
      resolve(
        9,
        {
          kind: 'written',
          value: 3,
          justification: 'Disepakati tingkat 3.',
          agency: 'Bappeda',
          evidenceHashes: [keep],
        },
        'Bukti tingkat 4 belum lengkap.',
      ),
    ]);
    const ans = snapshot.answers.find((x) => x.indicator === 9)!;
    expect(ans).toMatchObject({
      value: 3,
      justification: 'Disepakati tingkat 3.',
      agency: 'Bappeda',
      updatedAt: T0 + 99_000,
    });
    // The settled answer descends from both sides, so a later exchange sees it as newer.
    for (const side of analysis.conflicts[0]!.sides)
      expect(ans.ancestors).toContain(side.answer.revision);
    const linked = snapshot.links
      .filter((l) => l.indicator === 9)
      .map((l) => snapshot.evidence.find((e) => e.id === l.evidenceId)!.hash);
    expect(linked).toEqual([keep]);
    expect(record.provenance.find((p) => p.indicator === 9)).toEqual({
      indicator: 9,
      how: 'resolved',
      from: ['1', '2'],
      superseded: [],
    });
    expect(record.conflicts[0]).toMatchObject({
      decisionLabel: 'Jawaban ditetapkan koordinator',
      levelName: 'Terdefinisi',
    });
  });

  it('refuses to apply without a decision for every conflict, or without a reason', () => {
    const { sources } = twoAssessors();
    const analysis = analyzeMerge({ pack, inputs: sources });
    expect(() => applyMerge(analysis, [])).toThrow(/1 konflik belum diputuskan \(indikator 9\)/);
    const e = (() => {
      try {
        applyMerge(analysis, [resolve(9, { kind: 'side', sourceId: '1' }, '   ')]);
      } catch (error) {
        return error as MergeError;
      }
      throw new Error('accepted');
    })();
    expect(e).toBeInstanceOf(MergeError);
    expect(e.message).toMatch(/keputusan indikator 9: Alasan keputusan wajib diisi/);
    expect(() => applyMerge(analysis, [resolve(9, { kind: 'side', sourceId: '7' })])).toThrow(
      /pilihan "7" bukan salah satu pihak/,
    );
    // A decisions file from a hand or another tool: zod's own checks are worded in Indonesian.
    expect(() =>
      applyMerge(analysis, [
        {
          ...resolve(9, { kind: 'side', sourceId: '1' }),
          decidedAt: 'kemarin',
        } as unknown as Resolution,
      ]),
    ).toThrow(/keputusan indikator 9: harus berupa angka, bukan teks/);
    expect(() =>
      applyMerge(analysis, [
        resolve(9, { kind: 'written', value: 8, justification: '', agency: '' }),
      ]),
    ).toThrow(/nilai indikator 9 \(8\) di luar rentang 1–5/);
    expect(() =>
      applyMerge(analysis, [
        resolve(9, { kind: 'side', sourceId: '1' }),
        resolve(2, { kind: 'side', sourceId: '1' }),
      ]),
    ).toThrow(/indikator 2 tidak berkonflik/);
  });

  it('keeps lineage so merging the result with an input again is silent', () => {
    const { sources } = twoAssessors();
    const first = applyMerge(analyzeMerge({ pack, inputs: sources }), [
      resolve(9, { kind: 'side', sourceId: '1' }),
    ]);
    const again = analyzeMerge({
      pack,
      inputs: [
        {
          ...sources[0]!,
          id: 'm',
          label: 'gabungan.spbe',
          snapshot: first.snapshot,
          manifestHash: null,
        },
        sources[1]!,
      ],
    });
    expect(again.conflicts).toEqual([]);
    expect(again.outcomes.find((o) => o.indicator === 9)).toMatchObject({
      how: 'newer',
      from: ['m'],
      superseded: ['2'],
    });
  });

  it('merges onto the coordinator’s own evaluation as a base', () => {
    const base = makeFixture({
      seed: 9,
      evaluationId: 'eval-kota',
      levels: { 1: 3, 20: 5 },
      evidenceSizes: [],
      members: [{ id: 'm-sri', name: 'Sri Wahyuni', nip: '197001011995032001' }],
    });
    const { sources } = twoAssessors();
    const analysis = analyzeMerge({ pack, base: sourceFromBase(base.snapshot), inputs: sources });
    const { snapshot, record } = applyMerge(analysis, [
      resolve(9, { kind: 'side', sourceId: '2' }),
    ]);
    expect(record.inputs.map((i) => [i.sourceId, i.kind, i.label])).toEqual([
      ['base', 'base', 'Evaluasi di komputer koordinator (Pemerintah Kota Balikpapan)'],
      ['1', 'bundle', 'ani.spbe'],
      ['2', 'bundle', 'budi.spbe'],
    ]);
    expect(record.provenance.find((p) => p.indicator === 1)).toMatchObject({
      how: 'identical',
      from: ['base', '1', '2'],
    });
    expect(record.provenance.find((p) => p.indicator === 20)).toMatchObject({
      how: 'oneSide',
      from: ['base'],
    });
    expect(snapshot.members.map((m) => m.name)).toEqual([
      'Sri Wahyuni',
      'Ani Rahmawati',
      'Budi Santoso',
    ]);
  });
});

describe('--prefer', () => {
  it('settles conflicts toward the named assessor (by name or member id) and records it', () => {
    const a = assessorFixture(1, { 1: 2, 2: 3 }, ANI);
    const b = assessorFixture(2, { 1: 4, 2: 5 }, BUDI);
    const analysis = analyzeMerge({
      pack,
      inputs: [source('1', a, ANI.name), source('2', b, BUDI.name)],
    });
    for (const who of ['budi santoso', 'm-budi']) {
      const { resolutions, unresolved } = resolveByPreference(
        analysis,
        who,
        { memberId: null, name: 'spbe-eval' },
        T0,
      );
      expect(unresolved).toEqual([]);
      expect(resolutions.map((r) => [r.indicator, r.choice])).toEqual([
        [1, { kind: 'side', sourceId: '2' }],
        [2, { kind: 'side', sourceId: '2' }],
      ]);
      expect(resolutions[0]!.reason).toContain(`mengutamakan jawaban ${who}`);
    }
    const nobody = resolveByPreference(analysis, 'Dewi', { memberId: null, name: 'x' }, T0);
    expect(nobody.resolutions).toEqual([]);
    expect(nobody.unresolved.map((c) => c.indicator)).toEqual([1, 2]);
  });
});

describe('Berita Acara Rekonsiliasi', () => {
  it('is dated with the report date stored with the evaluation, so a reprint keeps it', () => {
    const a = assessorFixture(1, { 1: 3 }, ANI);
    const b = assessorFixture(2, { 1: 3 }, BUDI);
    const analysis = analyzeMerge({
      pack,
      inputs: [source('1', a, ANI.name), source('2', b, BUDI.name)],
    });
    const { snapshot, record } = applyMerge(analysis, [], { now: Date.UTC(2026, 10, 22, 3) });
    const coordinator = { name: 'Sri Wahyuni', nip: '197001011995032001' };
    const undated = reconciliationMinutes(record, snapshot, pack, { coordinator });
    expect(undated.placeAndDate).toBe('Balikpapan, 22 November 2026');
    const dated = reconciliationMinutes(
      record,
      { ...snapshot, evaluation: { ...snapshot.evaluation, reportDate: '2026-12-03' } },
      pack,
      { coordinator },
    );
    expect(dated.placeAndDate).toBe('Balikpapan, 3 Desember 2026');
    // A report date set before the files were merged: the minutes do not say the reconciliation
    // took place before the decisions they record; they are dated on the merge's day.
    const early = reconciliationMinutes(
      record,
      { ...snapshot, evaluation: { ...snapshot.evaluation, reportDate: '2025-11-24' } },
      pack,
      { coordinator },
    );
    expect(early.placeAndDate).toBe('Balikpapan, 22 November 2026');
    expect(early.opening[0]).toMatch(/^Pada hari ini Minggu tanggal dua puluh dua bulan November/);
    expect(dated.opening[0]).toMatch(
      /^Pada hari ini Kamis tanggal tiga bulan Desember tahun dua ribu dua puluh enam \(03\/12\/2026\),/,
    );
  });

  it('names the justification taken when the versions differ in it alone', () => {
    const a = assessorFixture(1, { 3: 4 }, ANI);
    const b = assessorFixture(2, { 3: 4 }, BUDI);
    a.snapshot.answers.find((x) => x.indicator === 3)!.justification =
      'SOP layanan ditetapkan dan diukur setiap triwulan.';
    b.snapshot.answers.find((x) => x.indicator === 3)!.justification =
      'SOP layanan ditetapkan; pengukuran belum berjalan';
    const analysis = analyzeMerge({
      pack,
      inputs: [source('1', a, ANI.name), source('2', b, BUDI.name)],
    });
    expect(analysis.conflicts.map((c) => c.indicator)).toEqual([3]);
    const { snapshot, record } = applyMerge(
      analysis,
      [resolve(3, { kind: 'side', sourceId: '2' })],
      {
        now: Date.UTC(2026, 10, 22, 3),
      },
    );
    const doc = reconciliationMinutes(record, snapshot, pack, {
      coordinator: { name: 'Sri Wahyuni', nip: '' },
    });
    expect(JSON.stringify(doc.sections[2])).toContain(
      'Keputusan: Versi Budi Santoso (budi.spbe), tingkat 4 (Terpadu dan Terukur), dengan penjelasan: \\"SOP layanan ditetapkan; pengukuran belum berjalan.\\"',
    );
  });

  it('lists the files, every conflict with both sides and the decision, and signature lines', () => {
    const a = assessorFixture(1, { 1: 3, 9: 2 }, ANI);
    const b = assessorFixture(2, { 1: 3, 9: 4 }, BUDI);
    const analysis = analyzeMerge({
      pack,
      inputs: [source('1', a, ANI.name), source('2', b, BUDI.name)],
    });
    const { snapshot, record } = applyMerge(
      analysis,
      [resolve(9, { kind: 'side', sourceId: '2' })],
      { now: Date.UTC(2026, 10, 22, 3) },
    );
    const doc = reconciliationMinutes(record, snapshot, pack, {
      coordinator: { name: 'Sri Wahyuni', nip: '197001011995032001' },
      nipByName: { 'Ani Rahmawati': '198501012010012001' },
    });
    expect(doc.title).toBe('BERITA ACARA REKONSILIASI');
    expect(doc.subtitle).toBe(
      'PENILAIAN MANDIRI EVALUASI SPBE PEMERINTAH KOTA BALIKPAPAN TAHUN 2026',
    );
    expect(doc.subtitleLines).toEqual([
      'PENILAIAN MANDIRI EVALUASI SPBE',
      'PEMERINTAH KOTA BALIKPAPAN TAHUN 2026',
    ]);
    expect(doc.opening[0]).toMatch(
      /^Pada hari ini Minggu tanggal dua puluh dua bulan November tahun dua ribu dua puluh enam \(22\/11\/2026\), bertempat di Balikpapan, .* tahun 2026 menurut PermenPANRB 59\/2020, atas 2 berkas penilaian asesor\./,
    );
    expect(doc.placeAndDate).toBe('Balikpapan, 22 November 2026');
    const [files, summary, conflicts, provenance] = doc.sections;
    const filesTable = files!.blocks[0]!;
    expect(
      filesTable.kind === 'table' && filesTable.table.rows.map((r) => [r[1], r[2], r[6]]),
    ).toEqual([
      ['ani.spbe', 'Ani Rahmawati', '1'.repeat(64)],
      ['budi.spbe', 'Budi Santoso', '2'.repeat(64)],
    ]);
    expect(JSON.stringify(summary)).toContain('Berbeda dan diputuskan koordinator');
    const conflictTable = conflicts!.blocks[0]!;
    expect(conflictTable).toMatchObject({
      kind: 'table',
      caption: `1. Indikator 9: ${analysis.conflicts[0]!.indicatorName}`,
    });
    expect(
      conflictTable.kind === 'table' && conflictTable.table.rows.map((r) => [r[0], r[2]]),
    ).toEqual([
      ['Ani Rahmawati', '2 (Terkelola)'],
      ['Budi Santoso', '4 (Terpadu dan Terukur)'],
    ]);
    expect(conflicts!.blocks.slice(1)).toEqual([
      {
        kind: 'paragraph',
        text: 'Keputusan: Versi Budi Santoso (budi.spbe), tingkat 4 (Terpadu dan Terukur).',
      },
      { kind: 'paragraph', text: 'Alasan: Sesuai dokumen yang berlaku.' },
      {
        kind: 'paragraph',
        text: expect.stringMatching(/^Diputuskan oleh Sri Wahyuni pada \d+ November 2026 pukul/),
      },
    ]);
    expect(provenance!.heading).toBe('D. Asal Jawaban Setiap Indikator');
    // Sources apart by "; ", not by the commas a label may hold itself.
    const provenanceTable = provenance!.blocks[0]!;
    expect(provenanceTable.kind === 'table' && provenanceTable.table.rows[0]).toEqual([
      '1',
      'sama pada semua berkas',
      'ani.spbe; budi.spbe',
    ]);
    expect(doc.signatures).toEqual([
      { role: 'Koordinator SPBE', name: 'Sri Wahyuni', nip: '197001011995032001', position: '' },
      { role: 'Asesor', name: 'Ani Rahmawati', nip: '198501012010012001', position: '' },
      { role: 'Asesor', name: 'Budi Santoso', nip: '', position: '' },
    ]);
  });

  it('signs the coordinator and the assessors with their jabatan, the Sekda as Sekretaris Daerah', () => {
    const a = assessorFixture(1, { 1: 3, 9: 2 }, ANI);
    const b = assessorFixture(2, { 1: 3, 9: 4 }, BUDI);
    const { snapshot, record } = applyMerge(
      analyzeMerge({ pack, inputs: [source('1', a, ANI.name), source('2', b, BUDI.name)] }),
      [resolve(9, { kind: 'side', sourceId: '2' })],
      { now: Date.UTC(2026, 10, 22, 3) },
    );
    const evaluation = {
      ...snapshot.evaluation,
      instansi: {
        ...snapshot.evaluation.instansi,
        kind: 'kota' as const,
        regionName: 'Bandar Lampung',
        sekdaName: 'Drs. Iwan Gunawan, M.M.',
        sekdaNip: '196807151993031005',
      },
    };
    const options = {
      coordinator: { name: 'Drs.  Iwan Gunawan, M.M. ', nip: '196807151993031005' },
      positionByName: { 'Ani Rahmawati': 'Kepala Bidang Aplikasi Informatika' },
    };
    // Not in the team: the Sekda named in the instansi profile.
    const doc = reconciliationMinutes(record, { ...snapshot, evaluation }, pack, options);
    expect(doc.signatures.map((s) => [s.role, s.position])).toEqual([
      ['Koordinator SPBE', 'Sekretaris Daerah Kota Bandar Lampung'],
      ['Asesor', 'Kepala Bidang Aplikasi Informatika'],
      ['Asesor', ''],
    ]);
    // In the team: his jabatan as the team records it.
    const inTeam = reconciliationMinutes(record, { ...snapshot, evaluation }, pack, {
      coordinator: { name: 'Drs. Iwan Gunawan, M.M.', nip: '196807151993031005' },
      positionByName: {
        'Drs. Iwan Gunawan, M.M.': 'Sekretaris Daerah Kota Bandar Lampung (Plh.)',
      },
    });
    expect(inTeam.signatures[0]!.position).toBe('Sekretaris Daerah Kota Bandar Lampung (Plh.)');
  });
});
