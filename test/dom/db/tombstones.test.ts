/**
 * Deletions that travel, through the database: deleting a document, unlinking one and removing a
 * member each record a tombstone with the deletion, an export carries them, and importing a
 * bundle over the evaluation (update) applies its deletions, never brings back what was deleted
 * here, leaves an item edited on the other side in place (and says so), and says when a bundle
 * of an older app version cannot show its deletions.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationId, MemberId, Tombstone } from '../../../shared/assessment';
import { writeBundle, readBundle } from '../../../shared/bundle/zip';
import { defaultPack } from '../../../shared/instrument';
import {
  addEvidenceFile,
  deleteEvidence,
  linkEvidence,
  unlinkEvidence,
  updateEvidenceMetadata,
} from '../../../renderer/src/db/commands/evidence';
import { createEvaluation, deleteEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { readTombstones } from '../../../renderer/src/db/commands/export';
import { commitImport, openBundle, previewImport } from '../../../renderer/src/db/commands/import';
import { addMember, removeMember } from '../../../renderer/src/db/commands/members';
import { db } from '../../../renderer/src/db/db';
import { runContentWriter } from '../../../renderer/src/platform/content-writer';
import type { Platform } from '../../../renderer/src/platform';
import { exportEvaluation } from '../../../renderer/src/features/exchange/export-bundle';
import { makeFixture, memorySink, T0, writeInput, type Fixture } from '../../unit/bundle/fixtures';
import { pdfFile, resetDatabase, sampleInput } from './helpers';

const pack = defaultPack();
const actor = { id: null, name: 'Ani Rahmawati' };

function memoryPlatform(): { platform: Pick<Platform, 'saveFile'>; files: Map<string, Blob> } {
  const files = new Map<string, Blob>();
  return {
    files,
    platform: {
      saveFile: (options, content, signal) => {
        const chunks: Uint8Array<ArrayBuffer>[] = [];
        return runContentWriter(
          content,
          {
            write: async (c) => {
              chunks.push(c.slice() as Uint8Array<ArrayBuffer>);
            },
            commit: async () => {
              const blob = new Blob(chunks);
              files.set(options.suggestedName, blob);
              return { name: options.suggestedName, size: blob.size };
            },
            abort: async () => {},
          },
          signal,
        );
      },
    },
  };
}

beforeEach(resetDatabase);

describe('recording deletions', () => {
  it('records a tombstone for a deleted document, a removed link and a removed member, and exports them', async () => {
    const id = await createEvaluation(sampleInput(), actor);
    const perwal = await addEvidenceFile(id, pdfFile('perwal.pdf', 'a'), actor, {
      linkTo: { indicator: 1, levels: [1, 2] },
    });
    const sk = await addEvidenceFile(id, pdfFile('sk.pdf', 'b'), actor);
    if (!perwal.ok || !sk.ok) throw new Error('dokumen tidak tersimpan');
    await linkEvidence(id, sk.evidence.id, 3, [2], '', actor);
    const budi = await addMember(
      id,
      { name: 'Budi Santoso', nip: '', position: 'Analis', role: 'member', indicators: [3] },
      actor,
    );

    await deleteEvidence(perwal.evidence.id, actor);
    const link = (await db.links.where('evidenceId').equals(sk.evidence.id).first())!;
    await unlinkEvidence(link.id, actor);
    await removeMember(budi.id, actor);

    // In the order of 'at'; deletions within one millisecond (a fast or a busy machine alike)
    // tie, so each is found by what it records.
    const tombstones = await readTombstones(id);
    expect(tombstones.map((t) => t.entity).sort()).toEqual(['evidence', 'link', 'member']);
    const of = <E extends Tombstone['entity']>(entity: E) =>
      tombstones.find((t) => t.entity === entity) as Extract<Tombstone, { entity: E }>;
    const [doc, unlinked, member] = [of('evidence'), of('link'), of('member')];
    expect(doc.evidence.fileName).toBe('perwal.pdf');
    expect(doc.links.map((l) => l.indicator)).toEqual([1]);
    expect(doc.by.name).toBe('Ani Rahmawati');
    expect(unlinked).toMatchObject({ hash: sk.evidence.hash, fileName: 'sk.pdf' });
    expect(unlinked.link.indicator).toBe(3);
    expect(member.member.name).toBe('Budi Santoso');

    const { platform, files } = memoryPlatform();
    await exportEvaluation(platform, {
      evaluationId: id,
      pack,
      includeEvidence: true,
      exporter: { memberId: null, name: 'Ani', nip: '' },
      actor,
      suggestedName: 'ani.spbe',
    });
    const read = await readBundle(files.get('ani.spbe')!, { appVersion: 'uji' });
    expect(read.manifest.tombstones?.map((t) => t.entity).sort()).toEqual([
      'evidence',
      'link',
      'member',
    ]);

    // Deleting the evaluation takes its tombstones with it.
    await deleteEvaluation(id);
    expect(await readTombstones(id)).toEqual([]);
  });
});

describe('importing deletions (update)', () => {
  async function bundleOf(f: Fixture, tombstones?: Tombstone[]): Promise<Blob> {
    const m = memorySink();
    await writeBundle(m.sink, { ...writeInput(f), tombstones }, { includeEvidence: true });
    return m.blob();
  }

  /** The base evaluation here, and Ani's copy with its first document deleted. */
  async function setUp(): Promise<{ base: Fixture; ani: Fixture; tomb: Tombstone }> {
    const base = makeFixture({ seed: 4, evaluationId: 'eval-kota', levels: { 1: 3, 2: 2 } });
    await commitImport(await openBundle(await bundleOf(base, []), 'dasar.spbe'), {
      mode: 'create',
      confirmed: true,
      actor,
    });
    const ani = makeFixture({ seed: 4, evaluationId: 'eval-kota', levels: { 1: 3, 2: 2 } });
    const doc = ani.snapshot.evidence[0]!;
    const links = ani.snapshot.links.filter((l) => l.evidenceId === doc.id);
    ani.snapshot.evidence = ani.snapshot.evidence.filter((e) => e.id !== doc.id);
    ani.snapshot.links = ani.snapshot.links.filter((l) => l.evidenceId !== doc.id);
    const tomb: Tombstone = {
      id: 'tb-ani-1',
      evaluationId: ani.snapshot.evaluation.id,
      at: T0 + 60_000,
      by: { memberId: 'm-ani' as MemberId, name: 'Ani Rahmawati' },
      entity: 'evidence',
      evidence: doc,
      links,
    };
    return { base, ani, tomb };
  }

  const evaluationId = 'eval-kota' as EvaluationId;

  it('applies the bundle’s deletion and never brings the document back', async () => {
    const { base, ani, tomb } = await setUp();
    const deletedHash = base.snapshot.evidence[0]!.hash;
    expect(await db.evidence.where('hash').equals(deletedHash).count()).toBe(1);

    const opened = await openBundle(await bundleOf(ani, [tomb]), 'ani.spbe');
    // The summary says so before anything is written.
    expect((await previewImport(opened)).deletions).toEqual({
      applied: ['Dokumen 1.pdf (SK Tim SPBE 1)'],
      notRestored: [],
      conflicts: [],
      unseen: false,
    });
    const result = await commitImport(opened, { mode: 'update', confirmed: true, actor });
    expect(result.deletionsApplied).toEqual(['Dokumen 1.pdf (SK Tim SPBE 1)']);
    expect(result.deletionsInConflict).toEqual([]);
    expect(result.deletionsUnseen).toBe(false);
    expect(result.deletionNote).toBe('Penghapusan diterapkan: Dokumen 1.pdf (SK Tim SPBE 1).');
    expect(await db.evidence.where('hash').equals(deletedHash).count()).toBe(0);
    const links = await db.links.where('evaluationId').equals(evaluationId).toArray();
    const docs = new Set(
      (await db.evidence.where('evaluationId').equals(evaluationId).toArray()).map((e) => e.id),
    );
    expect(links.every((l) => docs.has(l.evidenceId))).toBe(true);
    expect(await db.blobs.get(deletedHash)).toBeUndefined();
    expect((await readTombstones(evaluationId)).map((t) => t.entity)).toEqual(['evidence']);
    const note = (await db.audit.where('evaluationId').equals(evaluationId).toArray()).at(-1)!.note;
    expect(note).toContain('Penghapusan diterapkan: Dokumen 1.pdf (SK Tim SPBE 1)');

    // The old base file (the document untouched) does not bring it back.
    const old = await openBundle(await bundleOf(base, []), 'dasar.spbe');
    expect((await previewImport(old)).deletions?.notRestored).toEqual([
      'Dokumen 1.pdf (SK Tim SPBE 1)',
    ]);
    const again = await commitImport(old, { mode: 'update', confirmed: true, actor });
    expect(again.documentsAdded).toBe(0);
    expect(await db.evidence.where('hash').equals(deletedHash).count()).toBe(0);
  });

  it('keeps a document edited here against the bundle’s deletion, and says so', async () => {
    const { base, ani, tomb } = await setUp();
    const local = (await db.evidence
      .where('hash')
      .equals(base.snapshot.evidence[0]!.hash)
      .first())!;
    await updateEvidenceMetadata(
      local.id,
      {
        kind: local.kind,
        title: 'SK Tim SPBE 1 (revisi)',
        number: local.number,
        documentDate: local.documentDate,
        description: local.description,
      },
      actor,
    );
    const result = await commitImport(await openBundle(await bundleOf(ani, [tomb]), 'ani.spbe'), {
      mode: 'update',
      confirmed: true,
      actor,
    });
    expect(result.deletionsApplied).toEqual([]);
    expect(result.deletionsInConflict).toEqual(['Dokumen 1.pdf (SK Tim SPBE 1)']);
    expect((await db.evidence.get(local.id))?.title).toBe('SK Tim SPBE 1 (revisi)');
    expect(await readTombstones(evaluationId)).toEqual([]);
  });

  it('imports a bundle of an older version as before and says its deletions could not be seen', async () => {
    const { ani } = await setUp();
    const result = await commitImport(await openBundle(await bundleOf(ani), 'ani-lama.spbe'), {
      mode: 'update',
      confirmed: true,
      actor,
    });
    expect(result.deletionsUnseen).toBe(true);
    expect(result.deletionsApplied).toEqual([]);
    expect(await db.evidence.where('evaluationId').equals(evaluationId).count()).toBe(3);
    const note = (await db.audit.where('evaluationId').equals(evaluationId).toArray()).at(-1)!.note;
    expect(note).toContain('tidak dapat diketahui');
  });
});

describe('database version 2: tombstones', () => {
  it('upgrades a version-1 database holding data and stores tombstones after', async () => {
    const { DATABASE_VERSIONS, SpbeDatabase, openChecked } =
      await import('../../../renderer/src/db/db');
    const old = new SpbeDatabase('uji-naik-tombstones', DATABASE_VERSIONS.slice(0, 1));
    await old.open();
    await old.table('evaluations').add({ id: 'e1', year: 2026, status: 'active', updatedAt: 5 });
    await old.table('members').add({ id: 'm1', evaluationId: 'e1', name: 'Budi' });
    old.close();

    const upgraded = new SpbeDatabase('uji-naik-tombstones');
    await openChecked(upgraded);
    expect(await upgraded.table('members').get('m1')).toEqual({
      id: 'm1',
      evaluationId: 'e1',
      name: 'Budi',
    });
    expect(await upgraded.tombstones.count()).toBe(0);
    await upgraded.tombstones.add({
      id: 't1',
      evaluationId: 'e1' as EvaluationId,
      at: T0,
      by: { memberId: null, name: 'Ani' },
      entity: 'member',
      member: {
        id: 'm1' as MemberId,
        evaluationId: 'e1' as EvaluationId,
        name: 'Budi',
        nip: '',
        position: '',
        role: 'member',
        indicators: [],
        createdAt: T0,
      },
    });
    expect(await upgraded.tombstones.where('evaluationId').equals('e1').count()).toBe(1);
    upgraded.close();
    await upgraded.delete();
  });
});
