/**
 * Values over today's limits: a long evidence name is shortened at upload (the file kept, the
 * original in the history); a database an older version filled with one still exports, backs up
 * and restores; a restore that meets a bad row restores the rest and lists what it skipped.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  evaluationSnapshotSchema,
  LIMITS,
  tombstoneSchema,
  type EvaluationId,
} from '../../../shared/assessment';
import { restoreBackup } from '../../../renderer/src/db/backup';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { addEvidenceFile, deleteEvidence } from '../../../renderer/src/db/commands/evidence';
import { readExportSnapshot, readTombstones } from '../../../renderer/src/db/commands/export';
import { db } from '../../../renderer/src/db/db';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { saveAnswer } from '../../../renderer/src/db/commands/answers';
import { actor, backupBlob, edit, forgeTable, json, readZip, writeZip } from './backup-helpers';
import { pdfFile, resetDatabase, sampleInput } from './helpers';

const longName = `${'Laporan evaluasi penerapan SPBE tahunan '.repeat(9)}final.pdf`;

beforeEach(async () => {
  await resetDatabase();
  for (const e of await webBackupStore.list()) await webBackupStore.remove(e.name);
});

/** A database as an older version left it: a document whose name is over the limit. */
async function seedOverLong(): Promise<EvaluationId> {
  const id = await createEvaluation(sampleInput(), actor);
  const added = await addEvidenceFile(id, pdfFile('perwal.pdf'), actor);
  if (!added.ok) throw new Error(added.message);
  await db.evidence.update(added.evidence.id, { fileName: longName });
  return id;
}

describe('evidence names over the limit', () => {
  it('keeps the file at upload, shortens its name and says so', async () => {
    expect(longName.length).toBeGreaterThan(LIMITS.evidenceFileName);
    const id = await createEvaluation(sampleInput(), actor);
    const result = await addEvidenceFile(id, pdfFile(longName), actor);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.evidence.fileName.length).toBeLessThanOrEqual(LIMITS.evidenceFileName);
    expect(result.evidence.fileName.endsWith('.pdf')).toBe(true);
    expect(result.notice).toMatch(/paling banyak 255\). Berkas tetap disimpan dengan nama/);
    const audit = await db.audit.where('evaluationId').equals(id).toArray();
    expect(audit.some((a) => a.note.includes(longName))).toBe(true);
  });

  it('exports an evaluation an older version stored with one (shortened, original kept)', async () => {
    const id = await seedOverLong();
    const snapshot = await readExportSnapshot(id);
    expect(evaluationSnapshotSchema.safeParse(snapshot).success).toBe(true);
    const doc = snapshot.evidence[0]!;
    expect(doc.fileName.length).toBeLessThanOrEqual(LIMITS.evidenceFileName);
    expect(snapshot.audit.some((a) => a.field === 'fileName' && a.oldValue === longName)).toBe(
      true,
    );
  });

  it('shortens it in the record of a deleted document that travels with the export', async () => {
    const id = await seedOverLong();
    const [doc] = await db.evidence.where('evaluationId').equals(id).toArray();
    await deleteEvidence(doc!.id, actor);
    await readExportSnapshot(id);
    const [gone] = await readTombstones(id);
    expect(gone?.entity).toBe('evidence');
    if (gone?.entity !== 'evidence') return;
    expect(gone.evidence.fileName.length).toBeLessThanOrEqual(LIMITS.evidenceFileName);
    expect(tombstoneSchema.safeParse(gone).success).toBe(true);
  });

  it('backs up and restores it, the name shortened with the original in the history', async () => {
    const id = await seedOverLong();
    const file = await backupBlob();
    const result = await restoreBackup(file, { selection: { mode: 'all' }, store: webBackupStore });
    expect(result.skipped).toEqual([]);
    expect(result.shortenedNames).toBe(1);
    const docs = await db.evidence.where('evaluationId').equals(id).toArray();
    expect(docs).toHaveLength(1);
    expect(docs[0]!.fileName.length).toBeLessThanOrEqual(LIMITS.evidenceFileName);
    const audit = await db.audit.where('evaluationId').equals(id).toArray();
    expect(audit.some((a) => a.field === 'fileName' && a.oldValue === longName)).toBe(true);
  });
});

describe('a restore meeting a bad row', () => {
  it('skips forged answer rows (hashes fixed), naming table, row and field', async () => {
    const id = await createEvaluation(sampleInput(), actor);
    await saveAnswer(id, 1, edit(3, 'Ada'), actor);
    await saveAnswer(id, 2, edit(2, 'Sebagian'), actor);
    const entries = await readZip(await backupBlob());
    const answers = json(entries, 'tables/answers.json') as Record<string, unknown>[];
    answers[0]!.value = 'tinggi';
    const file = writeZip(forgeTable(entries, 'answers', answers));
    const result = await restoreBackup(file, { selection: { mode: 'all' }, store: webBackupStore });
    expect(result.skipped).toEqual([
      expect.stringMatching(/^tabel jawaban baris 1: value: harus berupa angka, bukan teks/),
    ]);
    expect(await db.answers.where('evaluationId').equals(id).count()).toBe(1);
  });

  it('restores the rest and lists what it skipped', async () => {
    const good = await createEvaluation(sampleInput({ year: 2025 }), actor);
    const bad = await createEvaluation(sampleInput({ year: 2026 }), actor);
    const entries = await readZip(await backupBlob());
    // One evaluation row made invalid, as a damaged or hand-edited backup might hold.
    const rows = json(entries, 'tables/evaluations.json') as Array<Record<string, unknown>>;
    const forged = rows.map((r) =>
      r.id === bad ? { ...r, instansi: { ...(r.instansi as object), kind: 'desa' } } : r,
    );
    const file = writeZip(forgeTable(entries, 'evaluations', forged));
    await db.evaluations.clear();

    await expect(
      restoreBackup(file, { selection: { mode: 'selected', ids: [bad] }, store: webBackupStore }),
    ).rejects.toThrow(/datanya di cadangan tidak sah dan dilewati/);
    const result = await restoreBackup(file, { selection: { mode: 'all' }, store: webBackupStore });
    expect(result.skipped[0]).toMatch(/^tabel evaluasi baris \d+: instansi\.kind: /);
    expect(result.skipped.some((s) => /^tabel riwayat perubahan: \d+ baris milik/.test(s))).toBe(
      true,
    );
    expect((await db.evaluations.toArray()).map((e) => e.id)).toEqual([good]);
    expect(await db.audit.where('evaluationId').equals(bad).count()).toBe(0);
  });
});
