/**
 * A full disk: IndexedDB refuses the write with QuotaExceededError. The user gets an Indonesian
 * message naming what was not saved, and what was stored before is exactly as it was.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EvaluationId, MemberId } from '../../../shared/assessment';
import { saveAnswer } from '../../../renderer/src/db/commands/answers';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import {
  addEvidenceFile,
  addEvidenceFiles,
  COMMIT_BATCH,
} from '../../../renderer/src/db/commands/evidence';
import { db } from '../../../renderer/src/db/db';
import { StorageError } from '../../../renderer/src/db/errors';
import { readSnapshot } from '../../../renderer/src/db/snapshot';
import { pdfFile, resetDatabase, sampleInput } from './helpers';

const actor = { id: 'm1' as MemberId, name: 'Siti' };
const edit = (value: number, justification: string) => ({
  value,
  justification,
  agency: '',
  status: 'draft' as const,
  reviewNote: '',
});

let id: EvaluationId;
beforeEach(async () => {
  await resetDatabase();
  id = await createEvaluation(sampleInput(), actor);
  await saveAnswer(id, 1, edit(2, 'Tersimpan sebelum disk penuh'), actor);
});
afterEach(() => vi.restoreAllMocks());

/**
 * The disk fills up in the middle of a write: the answer or the evidence bytes are already
 * written in the transaction when the audit event or the document row no longer fits. The
 * transaction must take the earlier writes back.
 */
function fillTheDiskMidway(): void {
  // Dexie's own promise type; the rejection is what a full disk gives.
  const quota = (() =>
    Promise.reject(new DOMException('Disk penuh', 'QuotaExceededError'))) as never;
  vi.spyOn(db.audit, 'bulkAdd').mockImplementation(quota);
  vi.spyOn(db.evidence, 'add').mockImplementation(quota);
}

describe('a full disk', () => {
  it('refuses an answer with a clear message and keeps the stored one whole', async () => {
    const before = await readSnapshot(id);
    fillTheDiskMidway();
    const error = await saveAnswer(id, 1, edit(4, 'Perubahan yang tidak muat'), actor).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('quota');
    expect((error as Error).message).toMatch(
      /^Ruang penyimpanan penuh: Jawaban indikator 1 tidak disimpan\. Data yang sudah ada tidak berubah\./,
    );
    vi.restoreAllMocks();
    expect(await readSnapshot(id)).toEqual(before);
  });

  it('refuses an evidence file with the message and leaves no orphaned row', async () => {
    const before = await readSnapshot(id);
    fillTheDiskMidway();
    const result = await addEvidenceFile(id, pdfFile('laporan-audit.pdf'), actor, {
      linkTo: { indicator: 1, levels: [2] },
    });
    expect(result).toMatchObject({ ok: false, fileName: 'laporan-audit.pdf' });
    expect(result.ok ? '' : result.message).toMatch(
      /^Ruang penyimpanan penuh: Berkas "laporan-audit.pdf" tidak disimpan\./,
    );
    vi.restoreAllMocks();
    expect(await readSnapshot(id)).toEqual(before);
    expect(await db.blobs.count()).toBe(0);
  });

  it('stops writing a large pick once the disk is full, each later file marked as refused by it', async () => {
    // The disk fills up during the second batch of writes.
    const add = db.evidence.add.bind(db.evidence);
    let calls = 0;
    vi.spyOn(db.evidence, 'add').mockImplementation(((row: never) => {
      calls += 1;
      return calls > COMMIT_BATCH
        ? Promise.reject(new DOMException('Disk penuh', 'QuotaExceededError'))
        : add(row);
    }) as never);
    const files = Array.from({ length: 3 * COMMIT_BATCH }, (_, i) =>
      pdfFile(`notulen-${i + 1}.pdf`, `notulen ${i + 1}`),
    );
    const results = await addEvidenceFiles(id, files, actor);
    expect(results.filter((r) => r.ok)).toHaveLength(COMMIT_BATCH);
    const refused = results.slice(COMMIT_BATCH);
    expect(refused.every((r) => !r.ok && r.full)).toBe(true);
    expect(refused[0]).toMatchObject({
      fileName: `notulen-${COMMIT_BATCH + 1}.pdf`,
      message: expect.stringMatching(
        new RegExp(
          `^Ruang penyimpanan penuh: Berkas "notulen-${COMMIT_BATCH + 1}.pdf" tidak disimpan\\.`,
        ),
      ),
    });
    // The third batch was not tried: one failed write after the first batch.
    expect(calls).toBe(COMMIT_BATCH + 1);
    vi.restoreAllMocks();
    expect(await db.evidence.count()).toBe(COMMIT_BATCH);
  });
});
