/**
 * The details of a document (kind, title, number, date, description) when copies of it unite:
 * each field comes from the copy that edited that field last, by each file's history ('update'
 * events of the document's field) or, in a merge with the common base, by differing from the
 * base's copy. A copy that did not edit a field never overrides one that did; among unedited
 * copies the first stays. The Berita Acara says whose details a document kept when files edited
 * the same field differently. The import over an evaluation follows the same rule, per field,
 * against the copy stored here.
 */
import { describe, expect, it } from 'vitest';
import type {
  AuditEvent,
  EvaluationSnapshot,
  Evidence,
  MemberId,
} from '../../../shared/assessment';
import { importPlan } from '../../../shared/bundle';
import { buildManifest } from '../../../shared/bundle/zip';
import { findPack } from '../../../shared/instrument';
import {
  analyzeMerge,
  applyMerge,
  importUpdate,
  mergeRecordSchema,
  reconciliationMinutes,
  EvidenceUnion,
  sourceFromBase,
  type EvidenceMetadataField,
  type MergeSource,
} from '../../../shared/merge';
import { makeFixture } from '../bundle/fixtures';

const pack = findPack('permenpanrb-59-2020')!;
const ANI = { id: 'm-ani', name: 'Ani Rahmawati', nip: '198501012010012001', indicators: [1, 2] };
const BUDI = { id: 'm-budi', name: 'Budi Santoso', nip: '', indicators: [3] };

const DEC_3 = Date.UTC(2026, 11, 3, 3, 0, 0);
const DEC_5 = Date.UTC(2026, 11, 5, 3, 0, 0);

function baseSnapshot(): EvaluationSnapshot {
  return makeFixture({
    seed: 6,
    evaluationId: 'eval-kota',
    levels: { 1: 3, 2: 2 },
    evidenceSizes: [1500, 900],
    members: [ANI, BUDI],
  }).snapshot;
}

const copy = (s: EvaluationSnapshot): EvaluationSnapshot => structuredClone(s);

/** Edits one field of the first document in `s` as the app does: the row and its audit event. */
function edit<F extends EvidenceMetadataField>(
  s: EvaluationSnapshot,
  field: F,
  value: Evidence[F],
  at: number,
  who = ANI,
  withHistory = true,
): Evidence {
  const doc = s.evidence[0]!;
  const event: AuditEvent = {
    id: `au-${field}-${who.id}-${at}`,
    evaluationId: s.evaluation.id,
    at,
    actor: who.id as MemberId,
    actorName: who.name,
    entity: 'evidence',
    action: 'update',
    indicator: null,
    field,
    oldValue: doc[field],
    newValue: value,
    note: doc.fileName,
  };
  doc[field] = value;
  if (withHistory) s.audit.push(event);
  return doc;
}

/** Edits the first document's title in `s` as the app does: the row and its audit event. */
const retitle = (
  s: EvaluationSnapshot,
  title: string,
  at: number,
  who = ANI,
  withHistory = true,
): Evidence => edit(s, 'title', title, at, who, withHistory);

function bundleSource(id: string, label: string, snapshot: EvaluationSnapshot): MergeSource {
  return {
    id,
    kind: 'bundle',
    label,
    snapshot,
    exportedBy: { memberId: null, name: label.split('.')[0]!, nip: '' },
    exportedAt: DEC_5 + 86_400_000 + Number(id),
    manifestHash: id.repeat(64).slice(0, 64),
    fileHash: null,
    scope: { kind: 'all' },
    tombstones: [],
  };
}

function merge(base: EvaluationSnapshot | null, inputs: MergeSource[]) {
  const analysis = analyzeMerge({
    pack,
    base: base ? sourceFromBase(base) : null,
    inputs,
  });
  return applyMerge(analysis, [], { now: DEC_5 + 2 * 86_400_000, mergeId: 'mg-doc' });
}

const titleOf = (s: EvaluationSnapshot, hash: string): string | undefined =>
  s.evidence.find((e) => e.hash === hash)?.title;

const minutesText = (result: ReturnType<typeof merge>): string =>
  JSON.stringify(
    reconciliationMinutes(result.record, result.snapshot, pack, {
      coordinator: { name: 'Sri Wahyuni', nip: '' },
    }).sections,
  );

describe('the details of a document copies unite into', () => {
  it('keeps Ani’s corrected title over the base’s copy and Budi’s untouched one', () => {
    const base = baseSnapshot();
    const budi = copy(base);
    const ani = copy(base);
    const doc = retitle(ani, 'Peraturan Wali Kota Nomor 15 Tahun 2022', DEC_5);

    const result = merge(base, [
      bundleSource('1', 'budi.spbe', budi),
      bundleSource('2', 'ani.spbe', ani),
    ]);
    expect(titleOf(result.snapshot, doc.hash)).toBe('Peraturan Wali Kota Nomor 15 Tahun 2022');
    expect(result.snapshot.evidence).toHaveLength(2);
    // One edited copy: nothing for the Berita Acara to explain.
    expect(result.record.documentChoices).toEqual([]);
    expect(minutesText(result)).not.toContain('Rincian dokumen');
  });

  it('with the base, counts a copy unlike the base’s as edited even without its history', () => {
    const base = baseSnapshot();
    const budi = copy(base);
    const ani = copy(base);
    const doc = retitle(ani, 'SK Tim SPBE (perbaikan)', DEC_5, ANI, false);

    const result = merge(base, [
      bundleSource('1', 'budi.spbe', budi),
      bundleSource('2', 'ani.spbe', ani),
    ]);
    expect(titleOf(result.snapshot, doc.hash)).toBe('SK Tim SPBE (perbaikan)');
  });

  it('keeps the later of two edits and the Berita Acara names the copy kept', () => {
    const base = baseSnapshot();
    const ani = copy(base);
    const budi = copy(base);
    retitle(budi, 'SK Tim SPBE versi Budi', DEC_3, BUDI);
    const doc = retitle(ani, 'SK Tim SPBE versi Ani', DEC_5);

    // Without the base, Budi's (earlier) file first: the order does not decide.
    const result = merge(null, [
      bundleSource('1', 'budi.spbe', budi),
      bundleSource('2', 'ani.spbe', ani),
    ]);
    expect(titleOf(result.snapshot, doc.hash)).toBe('SK Tim SPBE versi Ani');
    expect(mergeRecordSchema.parse(result.record).documentChoices).toEqual([
      {
        hash: doc.hash,
        fileName: doc.fileName,
        title: 'SK Tim SPBE versi Ani',
        kept: { sourceLabel: 'ani.spbe', editedAt: DEC_5 },
        others: [{ sourceLabel: 'budi.spbe', editedAt: DEC_3 }],
      },
    ]);
    expect(minutesText(result)).toContain(
      'Rincian dokumen \\"SK Tim SPBE versi Ani\\" diambil dari berkas ani.spbe (diubah 5 Desember 2026), bukan dari budi.spbe (diubah 3 Desember 2026).',
    );

    // With the base too; and Ani's earlier edit loses to Budi's later one.
    const later = copy(budi);
    later.evidence[0]!.title = 'SK Tim SPBE versi Budi (lagi)';
    later.audit.push({ ...later.audit.at(-1)!, id: 'au-budi-later', at: DEC_5 + 3_600_000 });
    const withBase = merge(base, [
      bundleSource('1', 'ani.spbe', ani),
      bundleSource('2', 'budi.spbe', later),
    ]);
    expect(titleOf(withBase.snapshot, doc.hash)).toBe('SK Tim SPBE versi Budi (lagi)');
    expect(withBase.record.documentChoices?.map((c) => c.kept.sourceLabel)).toEqual(['budi.spbe']);
    // Same day: the times tell the edits apart.
    expect(minutesText(withBase)).toContain(
      'diambil dari berkas budi.spbe (diubah 5 Desember 2026 pukul',
    );
  });

  it('Ani fixes the title, Budi later fixes the number → both fixes in the merged document, no clash sentence', () => {
    const base = baseSnapshot();
    const ani = copy(base);
    const budi = copy(base);
    const doc = edit(ani, 'title', 'Peraturan Wali Kota Nomor 15 Tahun 2022', DEC_3);
    edit(budi, 'number', '15/2022', DEC_5, BUDI);

    for (const [withBase, order] of [
      [base, [ani, budi]],
      [base, [budi, ani]],
      [null, [ani, budi]],
      [null, [budi, ani]],
    ] as const) {
      const result = merge(
        withBase,
        order.map((s, i) => bundleSource(String(i + 1), s === ani ? 'ani.spbe' : 'budi.spbe', s)),
      );
      const merged = result.snapshot.evidence.find((e) => e.hash === doc.hash)!;
      expect(merged.title).toBe('Peraturan Wali Kota Nomor 15 Tahun 2022');
      expect(merged.number).toBe('15/2022');
      expect(result.record.documentChoices).toEqual([]);
      expect(minutesText(result)).not.toContain('diambil dari berkas');
    }

    // Budi's copy unlike the base's without its history: still only the number he changed.
    const quiet = copy(base);
    edit(quiet, 'number', '15/2022', DEC_5, BUDI, false);
    const result = merge(base, [
      bundleSource('1', 'budi.spbe', quiet),
      bundleSource('2', 'ani.spbe', ani),
    ]);
    const merged = result.snapshot.evidence.find((e) => e.hash === doc.hash)!;
    expect([merged.title, merged.number]).toEqual([
      'Peraturan Wali Kota Nomor 15 Tahun 2022',
      '15/2022',
    ]);
    expect(result.record.documentChoices).toEqual([]);
  });

  it('names the clashing field when the document combines the files’ edits', () => {
    const ani = baseSnapshot();
    const budi = copy(ani);
    edit(budi, 'title', 'SK Tim SPBE versi Budi', DEC_3, BUDI);
    edit(budi, 'number', '07/2026', DEC_5 + 3_600_000, BUDI);
    const doc = edit(ani, 'title', 'SK Tim SPBE versi Ani', DEC_5);

    const result = merge(null, [
      bundleSource('1', 'budi.spbe', budi),
      bundleSource('2', 'ani.spbe', ani),
    ]);
    const merged = result.snapshot.evidence.find((e) => e.hash === doc.hash)!;
    expect([merged.title, merged.number]).toEqual(['SK Tim SPBE versi Ani', '07/2026']);
    expect(mergeRecordSchema.parse(result.record).documentChoices).toEqual([
      {
        hash: doc.hash,
        fileName: doc.fileName,
        title: 'SK Tim SPBE versi Ani',
        fields: ['title'],
        kept: { sourceLabel: 'ani.spbe', editedAt: DEC_5 },
        others: [{ sourceLabel: 'budi.spbe', editedAt: DEC_3 }],
      },
    ]);
    const text = minutesText(result);
    expect(text).toContain(
      'Judul dokumen \\"SK Tim SPBE versi Ani\\" diambil dari berkas ani.spbe (diubah 5 Desember 2026), bukan dari budi.spbe (diubah 3 Desember 2026).',
    );
    expect(text).not.toContain('Rincian dokumen');
  });

  it('keeps every field of a pinned copy, even against later edits of other copies', () => {
    const base = baseSnapshot();
    const pinned = copy(base).evidence[0]!;
    pinned.title = 'Dipertahankan';
    const later = { ...base.evidence[0]!, title: 'Judul lain', number: '99/2026' };
    const pin = { editedAt: DEC_3, fields: { title: DEC_3 }, pinned: true };
    const edited = { editedAt: DEC_5, fields: { title: DEC_5, number: DEC_5 } };
    for (const order of [
      [
        [pinned, pin],
        [later, edited],
      ],
      [
        [later, edited],
        [pinned, pin],
      ],
    ] as const) {
      const union = new EvidenceUnion(base.evaluation.id);
      for (const [e, how] of order) union.add(e, null, how);
      expect(union.rows.map((e) => [e.title, e.number])).toEqual([
        ['Dipertahankan', pinned.number],
      ]);
    }
  });

  it('keeps the first copy when nobody edited the document (as before)', () => {
    const base = baseSnapshot();
    const ani = copy(base);
    const budi = copy(base);
    // Copies differing without any edit in their history (no base to compare with).
    ani.evidence[0]!.title = 'Judul salinan Ani';
    budi.evidence[0]!.title = 'Judul salinan Budi';

    const result = merge(null, [
      bundleSource('1', 'ani.spbe', ani),
      bundleSource('2', 'budi.spbe', budi),
    ]);
    expect(titleOf(result.snapshot, ani.evidence[0]!.hash)).toBe('Judul salinan Ani');
    expect(result.record.documentChoices).toEqual([]);

    const same = merge(base, [
      bundleSource('1', 'ani.spbe', copy(base)),
      bundleSource('2', 'budi.spbe', copy(base)),
    ]);
    expect(same.snapshot.evidence.map((e) => e.title)).toEqual(base.evidence.map((e) => e.title));
  });
});

describe('the details of a document on import over the evaluation here', () => {
  function update(local: EvaluationSnapshot, bundle: EvaluationSnapshot) {
    const manifest = buildManifest(
      bundle,
      { appVersion: 'x', exportedBy: { memberId: null, name: 'Ani' } },
      { evidenceIncluded: false, files: [] },
    );
    const plan = importPlan(manifest, [
      {
        evaluation: local.evaluation,
        answers: local.answers,
        evidenceHashes: new Set(local.evidence.map((e) => e.hash)),
      },
    ]);
    return importUpdate(
      {
        evaluationId: local.evaluation.id,
        members: local.members,
        evidence: local.evidence,
        links: local.links,
        auditIds: new Set(local.audit.map((e) => e.id)),
        audit: local.audit,
        tombstones: [],
      },
      { snapshot: bundle, tombstones: [] },
      plan,
      { members: new Set(), evidence: new Set(), links: new Set() },
    );
  }

  it('takes the bundle’s details edited later than the copy here, and writes the row again', () => {
    const local = baseSnapshot();
    const bundle = copy(local);
    retitle(local, 'Judul di komputer ini', DEC_3, BUDI);
    retitle(bundle, 'Judul dari berkas Ani', DEC_5);

    const u = update(local, bundle);
    expect(u.evidence.add).toEqual([]);
    expect(u.evidence.put).toEqual([{ ...local.evidence[0]!, title: 'Judul dari berkas Ani' }]);
    expect(u.counts.rowsUnited).toBe(1);

    // Never edited here at all: the bundle's edit still counts.
    const untouched = baseSnapshot();
    const edited = copy(untouched);
    retitle(edited, 'Judul dari berkas Ani', DEC_5);
    expect(update(untouched, edited).evidence.put.map((e) => e.title)).toEqual([
      'Judul dari berkas Ani',
    ]);
  });

  const values: { [F in EvidenceMetadataField]: [Evidence[F], Evidence[F]] } = {
    kind: ['notulen', 'laporan'],
    title: ['Judul di komputer ini', 'Judul dari berkas Ani'],
    number: ['01/2026', '02/2026'],
    documentDate: ['2026-01-05', '2026-02-10'],
    description: ['Keterangan di sini', 'Keterangan dari Ani'],
  };

  it.each(Object.keys(values) as EvidenceMetadataField[])(
    'takes the bundle’s %s edited later than here, keeping a field edited later here',
    (field) => {
      const other = field === 'title' ? 'description' : 'title';
      const local = baseSnapshot();
      const bundle = copy(local);
      edit(local, field, values[field][0], DEC_3, BUDI);
      edit(local, other, 'Diubah di sini', DEC_5 + 3_600_000, BUDI);
      edit(bundle, field, values[field][1], DEC_5);
      edit(bundle, other, 'Diubah lebih dulu oleh Ani', DEC_3 - 3_600_000);

      const u = update(local, bundle);
      expect(u.evidence.put).toEqual([{ ...local.evidence[0]!, [field]: values[field][1] }]);
      expect(u.counts.rowsUnited).toBe(1);

      // The bundle edited that field earlier than here: nothing to write.
      const earlier = copy(local);
      earlier.audit = local.audit.filter((a) => a.field !== field);
      edit(earlier, field, values[field][1], DEC_3 - 1);
      expect(update(local, earlier).evidence.put).toEqual([]);
    },
  );

  it('keeps the details here when the bundle’s copy was edited earlier, or not at all', () => {
    const local = baseSnapshot();
    const bundle = copy(local);
    retitle(bundle, 'Judul dari berkas Ani', DEC_3);
    retitle(local, 'Judul di komputer ini', DEC_5, BUDI);

    const u = update(local, bundle);
    expect(u.evidence.put).toEqual([]);
    expect(u.counts.rowsUnited).toBe(0);

    // The bundle holds the same history as here, with another (unrecorded) title: no edit.
    const same = copy(local);
    same.evidence[0]!.title = 'Judul tanpa riwayat';
    expect(update(local, same).evidence.put).toEqual([]);
  });
});
