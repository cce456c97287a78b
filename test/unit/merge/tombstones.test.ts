/**
 * Deletions that travel: a document, link or member deleted in one file is deleted in the merge
 * (with or without the common base) and never comes back from a teammate's untouched copy; a
 * deletion against a concurrent edit is a conflict the coordinator decides; bundles without
 * tombstones merge as before, with a sentence in the Berita Acara; the Berita Acara lists the
 * deletions applied. Both instrument packs.
 */
import { describe, expect, it } from 'vitest';
import {
  type EvaluationSnapshot,
  type MemberId,
  type RevisionId,
  type Tombstone,
} from '../../../shared/assessment';
import { bundleManifestSchema } from '../../../shared/bundle';
import { buildManifest } from '../../../shared/bundle/zip';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import {
  analyzeMerge,
  applyMerge,
  MergeError,
  mergeRecordSchema,
  planDeletions,
  reconciliationMinutes,
  sourceFromBase,
  type DeletionDecision,
  type MergeSource,
} from '../../../shared/merge';
import { makeFixture, T0 } from '../bundle/fixtures';

const pack59 = findPack('permenpanrb-59-2020')!;
const pemdi = findPack('permenpanrb-8-2026')!;

const ANI = { id: 'm-ani', name: 'Ani Rahmawati', nip: '198501012010012001', indicators: [1, 2] };
const BUDI = { id: 'm-budi', name: 'Budi Santoso', nip: '', indicators: [3, 4] };

/** The common base: two answers, two documents (linked to 1 and 2), two members. */
function baseSnapshot(pack: InstrumentPack = pack59): EvaluationSnapshot {
  const f = makeFixture({
    seed: 3,
    evaluationId: 'eval-kota',
    levels: pack === pack59 ? { 1: 3, 2: 2 } : { 1: 3, 2: 2 },
    evidenceSizes: [1500, 900],
    members: [ANI, BUDI],
  });
  const s = f.snapshot;
  s.evaluation.instrument = { id: pack.id, version: pack.version };
  if (pack !== pack59) {
    s.answers[0]!.value = 2.75;
    s.answers[1]!.value = 3.5;
  }
  return s;
}

const copy = (s: EvaluationSnapshot): EvaluationSnapshot => structuredClone(s);

/** Ani deletes the first document (row and links) in her copy; returns the tombstone. */
function deleteFirstDocument(
  s: EvaluationSnapshot,
  at = T0 + 5_000,
): Extract<Tombstone, { entity: 'evidence' }> {
  const doc = s.evidence[0]!;
  const links = s.links.filter((l) => l.evidenceId === doc.id);
  s.evidence = s.evidence.filter((e) => e.id !== doc.id);
  s.links = s.links.filter((l) => l.evidenceId !== doc.id);
  return {
    id: 'tb-1',
    evaluationId: s.evaluation.id,
    at,
    by: { memberId: 'm-ani' as MemberId, name: ANI.name },
    entity: 'evidence',
    evidence: doc,
    links,
  };
}

/** Budi changes answer 2 (a new revision grown from the base's). */
function editSecondAnswer(s: EvaluationSnapshot, value: number): void {
  const a = s.answers.find((x) => x.indicator === 2)!;
  a.ancestors = [...a.ancestors, a.revision];
  a.revision = 'rev-budi-2' as RevisionId;
  a.value = value;
  a.updatedAt = T0 + 6_000;
}

function bundleSource(
  id: string,
  label: string,
  snapshot: EvaluationSnapshot,
  tombstones: Tombstone[] | null,
): MergeSource {
  return {
    id,
    kind: 'bundle',
    label,
    snapshot,
    exportedBy: { memberId: null, name: label.split('.')[0]!, nip: '' },
    exportedAt: T0 + 10_000 + Number(id),
    manifestHash: String(id).repeat(64).slice(0, 64),
    fileHash: null,
    scope: { kind: 'all' },
    tombstones,
  };
}

const decide = (key: string, choice: 'delete' | 'keep'): DeletionDecision => ({
  key,
  choice,
  reason: 'Dokumen sudah dicabut.',
  decidedBy: { memberId: null, name: 'Sri Wahyuni' },
  decidedAt: T0 + 20_000,
});

const minutesText = (
  pack: InstrumentPack,
  result: ReturnType<typeof applyMerge>,
): { headings: string[]; text: string } => {
  const m = reconciliationMinutes(result.record, result.snapshot, pack, {
    coordinator: { name: 'Sri Wahyuni', nip: '' },
  });
  return {
    headings: m.sections.map((s) => s.heading),
    text: JSON.stringify(m.sections),
  };
};

describe.each([
  ['permenpanrb-59-2020', pack59, 4],
  ['permenpanrb-8-2026', pemdi, 4.25],
])('deletions that travel (%s)', (_id, pack, newValue) => {
  it.each([
    ['with the common base', true],
    ['without the base', false],
  ])('applies a document deleted after the base and never brings it back (%s)', (_n, withBase) => {
    const base = baseSnapshot(pack);
    const ani = copy(base);
    const budi = copy(base);
    const deletedHash = base.evidence[0]!.hash;
    const tomb = deleteFirstDocument(ani);
    editSecondAnswer(budi, newValue);

    const analysis = analyzeMerge({
      pack,
      base: withBase ? sourceFromBase(base) : null,
      inputs: [
        bundleSource('1', 'ani.spbe', ani, [tomb]),
        bundleSource('2', 'budi.spbe', budi, []),
      ],
    });
    expect(analysis.conflicts).toEqual([]);
    expect(analysis.deletions.conflicts).toEqual([]);
    expect(analysis.deletions.applied.map((d) => d.label)).toEqual([
      `${tomb.entity === 'evidence' ? tomb.evidence.fileName : ''} (SK Tim SPBE 1)`,
    ]);

    const result = applyMerge(analysis, [], { now: T0 + 30_000 });
    expect(result.snapshot.evidence.map((e) => e.hash)).not.toContain(deletedHash);
    expect(result.snapshot.evidence).toHaveLength(1);
    const ids = new Set(result.snapshot.evidence.map((e) => e.id));
    expect(result.snapshot.links.every((l) => ids.has(l.evidenceId))).toBe(true);
    expect(result.snapshot.links.map((l) => l.indicator)).toEqual([2]);
    expect(result.snapshot.answers.find((a) => a.indicator === 2)!.value).toBe(newValue);
    // The deletion travels on with the merged evaluation.
    expect(result.tombstones.map((t) => [t.entity, t.evaluationId])).toEqual([
      ['evidence', result.snapshot.evaluation.id],
    ]);
    expect(mergeRecordSchema.parse(result.record).deletions).toEqual([
      expect.objectContaining({
        entity: 'evidence',
        deletedBy: ANI.name,
        deletedIn: ['ani.spbe'],
        removedFrom: withBase
          ? ['Evaluasi di komputer koordinator (Pemerintah Kota Balikpapan)', 'budi.spbe']
          : ['budi.spbe'],
        decision: null,
      }),
    ]);
    const { headings, text } = minutesText(pack, result);
    expect(headings).toContain('E. Penghapusan Dokumen, Tautan, dan Anggota Tim');
    expect(text).toContain('Dokumen 1.pdf (SK Tim SPBE 1)');
    expect(text).toContain('Salinan lain tidak diubah sejak penghapusan');
    expect(text).not.toContain('tidak dapat diketahui');

    // Merging the result with Budi's old file again does not bring the document back.
    const again = analyzeMerge({
      pack,
      inputs: [
        { ...bundleSource('1', 'gabungan.spbe', result.snapshot, result.tombstones) },
        bundleSource('2', 'budi.spbe', budi, []),
      ],
    });
    const second = applyMerge(again, [], { now: T0 + 40_000 });
    expect(second.snapshot.evidence.map((e) => e.hash)).not.toContain(deletedHash);
  });

  it('sets a deletion against a concurrent edit as a conflict the coordinator decides', () => {
    const base = baseSnapshot(pack);
    const ani = copy(base);
    const budi = copy(base);
    const tomb = deleteFirstDocument(ani);
    budi.evidence[0]!.title = 'SK Tim SPBE 1 (perubahan)';

    const analysis = analyzeMerge({
      pack,
      base: sourceFromBase(base),
      inputs: [
        bundleSource('1', 'ani.spbe', ani, [tomb]),
        bundleSource('2', 'budi.spbe', budi, []),
      ],
    });
    expect(analysis.deletions.applied).toEqual([]);
    expect(analysis.deletions.conflicts).toHaveLength(1);
    const c = analysis.deletions.conflicts[0]!;
    expect(c.edited.map((e) => e.sourceLabel)).toEqual(['budi.spbe']);
    expect(c.edited[0]!.description).toContain('SK Tim SPBE 1 (perubahan)');
    expect(c.deletedDescription).toContain('judul "SK Tim SPBE 1"');

    expect(() => applyMerge(analysis, [])).toThrow(MergeError);
    expect(() => applyMerge(analysis, [])).toThrow(/1 konflik penghapusan belum diputuskan/);

    // "Pertahankan versi yang diubah": the edited copy, not the base's untouched one.
    const kept = applyMerge(analysis, [], { deletionDecisions: [decide(c.key, 'keep')] });
    expect(kept.snapshot.evidence.map((e) => e.title)).toEqual([
      'SK Tim SPBE 1 (perubahan)',
      'SK Tim SPBE 2',
    ]);
    expect(kept.tombstones).toEqual([]);
    expect(minutesText(pack, kept).text).toContain('Keputusan: dipertahankan');

    const gone = applyMerge(analysis, [], { deletionDecisions: [decide(c.key, 'delete')] });
    expect(gone.snapshot.evidence.map((e) => e.hash)).not.toContain(tomb.evidence.hash);
    expect(gone.record.deletions![0]!.decision).toMatchObject({ choice: 'delete' });
    expect(minutesText(pack, gone).text).toContain('Keputusan: dihapus');
  });
});

describe('deletion rules', () => {
  it('treats a link to another indicator as a concurrent edit, an older copy as untouched', () => {
    const base = baseSnapshot();
    const ani = copy(base);
    const budi = copy(base);
    const tomb = deleteFirstDocument(ani);
    budi.links.push({ ...budi.links[0]!, id: 'ln-new' as never, indicator: 5 });
    const plan = planDeletions([
      { id: '1', label: 'ani.spbe', snapshot: ani, tombstones: [tomb] },
      { id: '2', label: 'budi.spbe', snapshot: budi, tombstones: [] },
    ]);
    expect(plan.conflicts.map((c) => c.edited[0]!.description)).toEqual([
      expect.stringContaining('indikator 5'),
    ]);

    // Ani retitled the document before deleting it; Budi's copy is the base's: untouched.
    const ani2 = copy(base);
    ani2.evidence[0]!.title = 'Judul baru';
    const tomb2 = deleteFirstDocument(ani2);
    const withBase = planDeletions(
      [
        { id: 'base', label: 'Evaluasi koordinator', snapshot: base, tombstones: [] },
        { id: '1', label: 'ani.spbe', snapshot: ani2, tombstones: [tomb2] },
        { id: '2', label: 'budi.spbe', snapshot: copy(base), tombstones: [] },
      ],
      'base',
    );
    expect(withBase.conflicts).toEqual([]);
    expect(withBase.applied).toHaveLength(1);
  });

  it('removes a member everywhere, and a changed member is a conflict', () => {
    const base = baseSnapshot();
    const ani = copy(base);
    const budiMember = ani.members.find((m) => m.name === BUDI.name)!;
    ani.members = ani.members.filter((m) => m !== budiMember);
    const tomb: Tombstone = {
      id: 'tb-m',
      evaluationId: ani.evaluation.id,
      at: T0 + 7_000,
      by: { memberId: 'm-ani' as MemberId, name: ANI.name },
      entity: 'member',
      member: budiMember,
    };
    const other = copy(base);
    const result = applyMerge(
      analyzeMerge({
        pack: pack59,
        inputs: [
          bundleSource('1', 'ani.spbe', ani, [tomb]),
          bundleSource('2', 'lain.spbe', other, []),
        ],
      }),
      [],
    );
    expect(result.snapshot.members.map((m) => m.name)).toEqual([ANI.name]);
    expect(result.record.deletions!.map((d) => [d.entity, d.label])).toEqual([
      ['member', BUDI.name],
    ]);

    other.members.find((m) => m.name === BUDI.name)!.role = 'lead';
    const analysis = analyzeMerge({
      pack: pack59,
      inputs: [
        bundleSource('1', 'ani.spbe', ani, [tomb]),
        bundleSource('2', 'lain.spbe', other, []),
      ],
    });
    expect(analysis.deletions.conflicts.map((c) => c.entity)).toEqual(['member']);
  });

  it('ignores a deletion its own file undid (the document was added again)', () => {
    const base = baseSnapshot();
    const ani = copy(base);
    const doc = ani.evidence[0]!;
    const tomb = deleteFirstDocument(ani);
    ani.evidence.push({ ...doc, addedAt: T0 + 8_000 });
    const plan = planDeletions([
      { id: '1', label: 'ani.spbe', snapshot: ani, tombstones: [tomb] },
      { id: '2', label: 'budi.spbe', snapshot: copy(base), tombstones: [] },
    ]);
    expect(plan.applied).toEqual([]);
    expect(plan.conflicts).toEqual([]);
  });

  it('merges a bundle without tombstones as before, and says deletions could not be seen', () => {
    const base = baseSnapshot();
    const ani = copy(base);
    deleteFirstDocument(ani);
    const budi = copy(base);
    const analysis = analyzeMerge({
      pack: pack59,
      inputs: [
        bundleSource('1', 'ani-lama.spbe', ani, null),
        bundleSource('2', 'budi.spbe', budi, []),
      ],
    });
    expect(analysis.deletions.blind).toEqual(['1']);
    const result = applyMerge(analysis, []);
    // The older file's deletion cannot be seen: the document comes from Budi's copy, as before.
    expect(result.snapshot.evidence).toHaveLength(2);
    expect(result.record.blindInputs).toEqual(['ani-lama.spbe']);
    const { text } = minutesText(pack59, result);
    expect(text).toContain('Penghapusan dokumen, tautan, atau anggota tim pada berkas');
    expect(text).toContain('\\"ani-lama.spbe\\" tidak dapat diketahui');
    expect(text).toContain('Tidak terdapat penghapusan yang diterapkan.');
  });

  it('reads a manifest with tombstones and one without (older bundles)', () => {
    const base = baseSnapshot();
    const ani = copy(base);
    const tomb = deleteFirstDocument(ani);
    const manifest = buildManifest(
      ani,
      {
        appVersion: '1.0.0',
        exportedBy: { memberId: null, name: ANI.name },
        exportedAt: T0 + 10_000,
      },
      { evidenceIncluded: false, files: [] },
    );
    expect(manifest.tombstones).toBeUndefined();
    expect(
      buildManifest(
        ani,
        { appVersion: '1.0.0', exportedBy: { memberId: null, name: ANI.name }, tombstones: [tomb] },
        { evidenceIncluded: false, files: [] },
      ).tombstones,
    ).toEqual([tomb]);
    const older = bundleManifestSchema.parse(manifest);
    expect(older.tombstones).toBeUndefined();
    const newer = bundleManifestSchema.parse({ ...manifest, tombstones: [tomb] });
    expect(newer.tombstones).toHaveLength(1);
    const wrong = bundleManifestSchema.safeParse({
      ...manifest,
      tombstones: [{ ...tomb, at: 1e300 }],
    });
    expect(wrong.success).toBe(false);
  });

  it('reads a merge record made before deletions travelled, and its minutes have no section E', () => {
    const base = baseSnapshot();
    const result = applyMerge(
      analyzeMerge({
        pack: pack59,
        inputs: [
          bundleSource('1', 'ani.spbe', copy(base), []),
          bundleSource('2', 'budi.spbe', copy(base), []),
        ],
      }),
      [],
    );
    const { deletions: _d, blindInputs: _b, ...older } = result.record;
    const parsed = mergeRecordSchema.parse(older);
    expect(parsed.deletions).toBeUndefined();
    const minutes = reconciliationMinutes(parsed, result.snapshot, pack59, {
      coordinator: { name: 'Sri Wahyuni', nip: '' },
    });
    expect(minutes.sections.map((x) => x.heading[0])).toEqual(['A', 'B', 'C', 'D']);
    // A record of today with nothing deleted says so in section E.
    expect(minutesText(pack59, result).text).toContain(
      'Tidak terdapat penghapusan yang diterapkan.',
    );
  });
});
