/**
 * "Ganti berkas": another file behind a stored document (the signed SK for its unsigned draft).
 * The document keeps its id, title, description and every link (butir too, on Pemdi); the new
 * file passes the same checks as an added one; the old bytes go only when nothing else uses
 * them; the history says the file was replaced; a failure midway changes nothing; and a bundle
 * carries the new version, never bringing the old one back through a teammate's older copy.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EvaluationId, EvidenceId, MemberId } from '../../../shared/assessment';
import { findPack } from '../../../shared/instrument';
import {
  addEvidenceFile,
  linkEvidence,
  replaceEvidenceFile,
  updateEvidenceMetadata,
  updateLinkButir,
} from '../../../renderer/src/db/commands/evidence';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { readTombstones } from '../../../renderer/src/db/commands/export';
import { commitImport, openBundle, previewImport } from '../../../renderer/src/db/commands/import';
import { blobSha256 } from '../../../renderer/src/db/commands/hash';
import { blobStore } from '../../../renderer/src/db/blob-store';
import { db } from '../../../renderer/src/db/db';
import { readSnapshot } from '../../../renderer/src/db/snapshot';
import { runContentWriter } from '../../../renderer/src/platform/content-writer';
import { exportEvaluation } from '../../../renderer/src/features/exchange/export-bundle';
import { pdfFile, resetDatabase, sampleInput } from './helpers';

const actor = { id: 'm1' as MemberId, name: 'Hendra Wijaya' };
const PEMDI = findPack('permenpanrb-8-2026')!;

let id: EvaluationId;
let doc: EvidenceId;
let draftHash: string;

/** An SK Tim draft linked to three indicators, titled and described by the user. */
async function setUp(input = sampleInput()): Promise<void> {
  id = await createEvaluation(input, actor);
  const added = await addEvidenceFile(
    id,
    pdfFile('SK Tim draft.pdf', 'draf tanpa tanda tangan'),
    actor,
    {
      linkTo: { indicator: 1, levels: [1, 2] },
    },
  );
  if (!added.ok) throw new Error(added.message);
  doc = added.evidence.id;
  draftHash = added.evidence.hash;
  await linkEvidence(id, doc, 3, [2], 'Diktum KESATU', actor);
  await linkEvidence(id, doc, 5, [], '', actor);
  await updateEvidenceMetadata(
    doc,
    {
      kind: 'sk',
      title: 'SK Bupati Mojokerto tentang Tim Koordinasi SPBE',
      number: '188.45/123/HK/416-012/2026',
      documentDate: '2026-02-10',
      description: 'Dasar pembentukan tim',
    },
    actor,
  );
}

const signed = () => pdfFile('SK Tim ditandatangani.pdf', 'versi bertanda tangan basah');

beforeEach(resetDatabase);
afterEach(() => vi.restoreAllMocks());

describe('replacing a document’s file', () => {
  it('keeps the document, its details and links; stores the new file; lets the old one go; records it', async () => {
    await setUp();
    const linksBefore = await db.links.where('evidenceId').equals(doc).toArray();
    const result = await replaceEvidenceFile(doc, signed(), actor);
    if (!result.ok) throw new Error(result.message);
    expect(result.indicators).toEqual([1, 3, 5]);

    const now = (await db.evidence.get(doc))!;
    expect(now).toMatchObject({
      id: doc,
      fileName: 'SK Tim ditandatangani.pdf',
      mimeType: 'application/pdf',
      size: signed().size,
      title: 'SK Bupati Mojokerto tentang Tim Koordinasi SPBE',
      number: '188.45/123/HK/416-012/2026',
      documentDate: '2026-02-10',
      description: 'Dasar pembentukan tim',
      kind: 'sk',
    });
    expect(now.hash).toBe(await blobSha256(signed()));
    expect(await db.links.where('evidenceId').equals(doc).toArray()).toEqual(linksBefore);
    expect(await db.evidence.where('evaluationId').equals(id).count()).toBe(1);
    // The new bytes are stored; the draft's, used by nothing else, are gone.
    expect(await (await blobStore.get(now.hash))!.data.text()).toContain('bertanda tangan basah');
    expect(await blobStore.get(draftHash)).toBeUndefined();

    const event = (await db.audit.where('evaluationId').equals(id).toArray()).at(-1)!;
    expect(event).toMatchObject({
      entity: 'evidence',
      action: 'update',
      field: 'file',
      oldValue: 'SK Tim draft.pdf',
      newValue: 'SK Tim ditandatangani.pdf',
      actorName: 'Hendra Wijaya',
      note: 'Berkas dokumen "SK Bupati Mojokerto tentang Tim Koordinasi SPBE" diganti; judul, keterangan dan tautan ke indikator 1, 3, 5 tetap.',
    });
    // The old version travels as a deletion, with the row and links as they were.
    const [tomb] = await readTombstones(id);
    expect(tomb).toMatchObject({ entity: 'evidence', evidence: { hash: draftHash } });
  });

  it('keeps the old bytes while another evaluation still uses them', async () => {
    await setUp();
    const other = await createEvaluation(sampleInput({ year: 2025 }), actor);
    const copy = await addEvidenceFile(
      other,
      pdfFile('SK Tim 2025.pdf', 'draf tanpa tanda tangan'),
      actor,
    );
    expect(copy.ok && copy.evidence.hash).toBe(draftHash);
    expect((await replaceEvidenceFile(doc, signed(), actor)).ok).toBe(true);
    expect(await blobStore.get(draftHash)).toBeDefined();
  });

  it('keeps the butir a Pemdi link answers', async () => {
    await setUp(sampleInput({ instrumentId: PEMDI.id, instrumentVersion: PEMDI.version }));
    const link = (await db.links.where('evidenceId').equals(doc).toArray()).find(
      (l) => l.indicator === 1,
    )!;
    await updateLinkButir(link.id, ['I1-L1-01'], actor);
    expect((await replaceEvidenceFile(doc, signed(), actor)).ok).toBe(true);
    expect((await db.links.get(link.id))?.butir).toEqual(['I1-L1-01']);
  });

  it('refuses a file an upload would refuse, the same file and another document’s file, changing nothing', async () => {
    await setUp();
    await addEvidenceFile(id, pdfFile('Notulen rapat.pdf', 'notulen'), actor);
    const before = await readSnapshot(id);
    const blobs = await (await blobStore.all()).length;
    const refusals = [
      [pdfFile('besar.pdf', 'x'.repeat(200)), /^Berkas "besar.pdf" berukuran .* melebihi batas/],
      [new File(['MZ'], 'sk.exe'), /^Jenis berkas "sk.exe" tidak diterima/],
      [new File(['bukan pdf'], 'palsu.pdf'), /palsu\.pdf/],
      [
        pdfFile('salinan.pdf', 'draf tanpa tanda tangan'),
        /sama isinya dengan berkas dokumen "SK Bupati Mojokerto tentang Tim Koordinasi SPBE" saat ini; tidak ada yang diganti\.$/,
      ],
      [
        pdfFile('notulen lagi.pdf', 'notulen'),
        /sama isinya dengan dokumen "Notulen rapat" yang sudah ada di pustaka/,
      ],
    ] as const;
    for (const [file, message] of refusals) {
      const result = await replaceEvidenceFile(doc, file, actor, { maxBytes: 150 });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(message);
    }
    expect(await readSnapshot(id)).toEqual(before);
    expect(await (await blobStore.all()).length).toBe(blobs);
    expect(await readTombstones(id)).toEqual([]);
  });

  it('says when the file cannot be read, changing nothing', async () => {
    await setUp();
    const before = await readSnapshot(id);
    const broken = pdfFile('rusak.pdf', 'isi');
    vi.spyOn(broken, 'stream').mockImplementation(() => {
      throw new DOMException('The requested file could not be read', 'NotReadableError');
    });
    vi.spyOn(broken, 'arrayBuffer').mockRejectedValue(
      new DOMException('The requested file could not be read', 'NotReadableError'),
    );
    const result = await replaceEvidenceFile(doc, broken, actor);
    expect(result).toEqual({ ok: false, message: 'Berkas "rusak.pdf" tidak dapat dibaca.' });
    expect(await readSnapshot(id)).toEqual(before);
  });

  it('on a full disk midway keeps the document, its links and its old file as they were', async () => {
    await setUp();
    const before = await readSnapshot(id);
    // The new bytes are written when the document row no longer fits.
    vi.spyOn(db.evidence, 'put').mockImplementation((() =>
      Promise.reject(new DOMException('Disk penuh', 'QuotaExceededError'))) as never);
    const result = await replaceEvidenceFile(doc, signed(), actor);
    expect(result).toMatchObject({ ok: false, full: true });
    expect(!result.ok && result.message).toMatch(
      /^Ruang penyimpanan penuh: Berkas pengganti "SK Tim ditandatangani.pdf" tidak disimpan\. Data yang sudah ada tidak berubah\./,
    );
    vi.restoreAllMocks();
    expect(await readSnapshot(id)).toEqual(before);
    expect(await blobStore.get(draftHash)).toBeDefined();
    expect(await blobStore.get(await blobSha256(signed()))).toBeUndefined();
    expect(await readTombstones(id)).toEqual([]);
  });
});

describe('a replaced file in exchanged files', () => {
  async function exported(name: string): Promise<Blob> {
    const files = new Map<string, Blob>();
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    await exportEvaluation(
      {
        saveFile: (options, content, signal) =>
          runContentWriter(
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
          ),
      },
      {
        evaluationId: id,
        pack: findPack('permenpanrb-59-2020')!,
        includeEvidence: true,
        exporter: { memberId: null, name: 'Hendra', nip: '' },
        actor,
        suggestedName: name,
      },
    );
    return files.get(name)!;
  }

  it('brings the new version over a teammate’s copy of the old, and the old copy never back', async () => {
    await setUp();
    const older = await exported('sebelum.spbe');
    expect((await replaceEvidenceFile(doc, signed(), actor)).ok).toBe(true);
    const newer = await exported('sesudah.spbe');
    const signedHash = await blobSha256(signed());

    // The older copy read over the replaced one: the draft does not come back.
    const again = await openBundle(older, 'sebelum.spbe');
    expect((await previewImport(again)).deletions?.notRestored).toEqual([
      'SK Tim draft.pdf (SK Bupati Mojokerto tentang Tim Koordinasi SPBE)',
    ]);
    await commitImport(again, { mode: 'update', confirmed: true, actor });
    expect(
      (await db.evidence.where('evaluationId').equals(id).toArray()).map((e) => e.hash),
    ).toEqual([signedHash]);

    // A teammate holding the older copy receives the replaced one: one document, the new file,
    // its details and links.
    await resetDatabase();
    await commitImport(await openBundle(older, 'sebelum.spbe'), {
      mode: 'create',
      confirmed: true,
      actor,
    });
    await commitImport(await openBundle(newer, 'sesudah.spbe'), {
      mode: 'update',
      confirmed: true,
      actor,
    });
    const docs = await db.evidence.where('evaluationId').equals(id).toArray();
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      hash: signedHash,
      fileName: 'SK Tim ditandatangani.pdf',
      title: 'SK Bupati Mojokerto tentang Tim Koordinasi SPBE',
    });
    const links = await db.links.where('evaluationId').equals(id).toArray();
    expect(links.map((l) => l.indicator).sort()).toEqual([1, 3, 5]);
    expect(links.every((l) => l.evidenceId === docs[0]!.id)).toBe(true);
    expect(await blobStore.get(draftHash)).toBeUndefined();
    expect(await (await blobStore.get(signedHash))!.data.text()).toContain('bertanda tangan basah');
  });
});
