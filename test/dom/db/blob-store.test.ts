/**
 * The blob store (renderer/src/db/blob-store.ts): bytes stored once per SHA-256, kept while an
 * evidence row of any evaluation or an instansi logo uses them, removed with the last use — by
 * the commands that delete documents and evaluations and by a restore that replaces evaluations.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../../renderer/src/db/backup';
import { BLOB_STORE_TABLES, blobStore, withBlobTables } from '../../../renderer/src/db/blob-store';
import { createEvaluation, updateEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { addEvidenceFile, deleteEvidence } from '../../../renderer/src/db/commands/evidence';
import { db } from '../../../renderer/src/db/db';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { sha256HexSync, type Sha256Hex } from '../../../shared/hash/sha256';
import { actor, backupBlob, populate } from './backup-helpers';
import { pngOf } from '../../fixtures/bundles/corpus-dates';
import { pdfFile, resetDatabase, sampleInput } from './helpers';

const hashOf = (text: string): Sha256Hex => sha256HexSync(new TextEncoder().encode(text));

async function added(evaluationId: Parameters<typeof addEvidenceFile>[0], file: File) {
  const result = await addEvidenceFile(evaluationId, file, actor);
  if (!result.ok) throw new Error(result.message);
  return result.evidence;
}

/** A real PNG logo, different for every seed (its size). */
const pngLogo = (seed: number): File =>
  new File([pngOf(seed, seed).slice()], 'logo.png', {
    type: 'image/png',
  });

beforeEach(async () => {
  await resetDatabase();
  for (const e of await webBackupStore.list()) await webBackupStore.remove(e.name);
});

describe('blob store', () => {
  it('stores bytes once per hash: a second put keeps the first bytes', async () => {
    const hash = hashOf('satu');
    const first = new Blob(['satu'], { type: 'text/plain' });
    await db.transaction('rw', withBlobTables([]), async () => {
      expect(await blobStore.put({ hash, data: first, createdAt: 1 })).toBe(true);
      expect(
        await blobStore.put({ hash, data: new Blob(['lain'], { type: 'text/csv' }), createdAt: 2 }),
      ).toBe(false);
    });
    const row = await blobStore.get(hash);
    expect(row).toMatchObject({ hash, size: 4, type: 'text/plain', createdAt: 1 });
    expect(await (await blobStore.data(hash))!.text()).toBe('satu');
    expect(await blobStore.has(hash)).toBe(true);
    // Not a hash at all: nothing is looked up, nothing is found.
    expect(await blobStore.get('bukan-hash')).toBeUndefined();
    expect(await blobStore.present([hash, 'bukan-hash', hashOf('dua')])).toEqual(new Set([hash]));
  });

  it('names the tables a transaction must include', () => {
    expect(withBlobTables([db.links, 'evidence'])).toEqual([
      'links',
      'evidence',
      ...BLOB_STORE_TABLES.filter((t) => t !== 'evidence'),
    ]);
  });

  it('keeps a file two documents use until the second one is deleted', async () => {
    const a = await createEvaluation(sampleInput(), actor);
    const b = await createEvaluation(sampleInput({ year: 2027 }), actor);
    const inA = await added(a, pdfFile('perwal.pdf', 'Perwal 14/2022'));
    const inB = await added(b, pdfFile('salinan-perwal.pdf', 'Perwal 14/2022'));
    expect(inA.hash).toBe(inB.hash);
    expect(await db.blobs.count()).toBe(1);

    await deleteEvidence(inA.id, actor);
    expect(await blobStore.isReferenced(inB.hash)).toBe(true);
    expect(await blobStore.data(inB.hash)).not.toBeNull();

    await deleteEvidence(inB.id, actor);
    expect(await blobStore.isReferenced(inB.hash)).toBe(false);
    expect(await blobStore.get(inB.hash)).toBeUndefined();
    expect(await db.blobs.count()).toBe(0);
  });

  it('keeps a file a logo uses when the document with the same bytes goes', async () => {
    // A whole PNG header (signature and a 1×1 IHDR), so that it passes as a document too.
    const png = [
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ];
    const ihdr = [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde];
    const logo = new File([new Uint8Array([...png, ...ihdr])], 'logo.png', { type: 'image/png' });
    const id = await createEvaluation(sampleInput(), actor, logo);
    const logoHash = (await db.evaluations.get(id))!.instansi.logoHash!;
    const doc = await added(
      id,
      new File([logo], 'logo-sebagai-dokumen.png', { type: 'image/png' }),
    );
    expect(doc.hash).toBe(logoHash);

    await deleteEvidence(doc.id, actor);
    expect(await blobStore.has(logoHash)).toBe(true);
    const deleted = await db.transaction('rw', withBlobTables([]), () =>
      blobStore.collectGarbage([logoHash, hashOf('tidak pernah disimpan')]),
    );
    expect(deleted).toEqual([]);
  });

  it('collects only unreferenced hashes, and none it is told to keep', async () => {
    const kept = hashOf('disimpan');
    const orphan = hashOf('yatim');
    await db.transaction('rw', withBlobTables([]), async () => {
      await blobStore.putMany([
        { hash: kept, data: new Blob(['disimpan']), createdAt: 1 },
        { hash: orphan, data: new Blob(['yatim']), createdAt: 1 },
      ]);
      expect(await blobStore.collectGarbage([kept, orphan], new Set([kept]))).toEqual([orphan]);
    });
    expect(await blobStore.present([kept, orphan])).toEqual(new Set([kept]));
  });
});

describe('a restore that replaces an evaluation', () => {
  it('drops the files only the replaced version used, not those another evaluation uses', async () => {
    const ids = await populate();
    const file = await backupBlob();

    // After the backup: Balikpapan gets a file Mojokerto also has, a file of its own, and a new
    // logo that a third evaluation uses too.
    const shared = await added(ids.balikpapan, pdfFile('bersama.pdf', 'Dokumen bersama'));
    await added(ids.mojokerto, pdfFile('bersama-juga.pdf', 'Dokumen bersama'));
    const own = await added(ids.balikpapan, pdfFile('sendiri.pdf', 'Hanya Balikpapan'));
    const current = (await db.evaluations.get(ids.balikpapan))!;
    const { logoHash: _logo, ...instansi } = current.instansi;
    const newLogo = pngLogo(9);
    await updateEvaluation(
      ids.balikpapan,
      { year: current.year, periodStart: null, periodEnd: null, instansi },
      actor,
      newLogo,
    );
    const newLogoHash = (await db.evaluations.get(ids.balikpapan))!.instansi.logoHash!;
    const third = await createEvaluation(sampleInput({ year: 2028 }), actor, newLogo);
    expect((await db.evaluations.get(third))!.instansi.logoHash).toBe(newLogoHash);

    await restoreBackup(file, {
      selection: { mode: 'selected', ids: [ids.balikpapan] },
      store: webBackupStore,
    });

    expect(await blobStore.has(shared.hash)).toBe(true);
    expect(await blobStore.has(newLogoHash)).toBe(true);
    expect(await blobStore.has(own.hash)).toBe(false);
    // The restored version's own files are all there.
    const restoredHashes = (
      await db.evidence.where('evaluationId').equals(ids.balikpapan).toArray()
    ).map((e) => e.hash);
    const restoredLogo = (await db.evaluations.get(ids.balikpapan))!.instansi.logoHash!;
    expect(await blobStore.present([...restoredHashes, restoredLogo])).toEqual(
      new Set([...restoredHashes, restoredLogo]),
    );
  });
});
