/**
 * Full database backups: export → read → restore gives back identical tables and files; the
 * preview says what the backup holds; a restore first keeps the current data as a backup, and
 * either restores everything or only the chosen evaluations; broken and hostile backup files are
 * refused with an Indonesian message and the database is left exactly as it was.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { BackupError } from '../../../shared/backup';
import {
  currentSummaries,
  exportDatabase,
  readBackup,
  restoreBackup,
} from '../../../renderer/src/db/backup';
import { saveAnswer } from '../../../renderer/src/db/commands/answers';
import { createEvaluation, deleteEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { db, DATABASE_VERSION } from '../../../renderer/src/db/db';
import { parseBackupFileName } from '../../../renderer/src/platform/backup-names';
import { collectToBlob, webBackupStore } from '../../../renderer/src/platform/web-backups';
import { syncSha256 } from '../../../shared/hash/sha256';
import { actor, backupBlob, dump, edit, populate, splitRestoreRecords } from './backup-helpers';
import { resetDatabase, sampleInput } from './helpers';

const backupBlobWriter = async (sink: WritableStream<Uint8Array>, signal: AbortSignal) => {
  await exportDatabase(sink, signal);
};

async function clearStore(): Promise<void> {
  for (const e of await webBackupStore.list()) await webBackupStore.remove(e.name);
}

beforeEach(async () => {
  await resetDatabase();
  await clearStore();
});

describe('backup round trip', () => {
  it('restores every table and every file exactly as they were', async () => {
    const ids = await populate();
    const before = await dump();
    const file = await backupBlob();

    // Work goes on: an answer changes, an evaluation is deleted, a new one appears.
    await saveAnswer(ids.balikpapan, 1, edit(5, 'Diubah sesudah cadangan'), actor);
    await deleteEvaluation(ids.mojokerto);
    await createEvaluation(sampleInput({ year: 2027 }), actor);
    const changed = await dump();
    expect(changed).not.toEqual(before);

    const result = await restoreBackup(file, {
      selection: { mode: 'all' },
      store: webBackupStore,
      sourceName: 'spbe-cadangan-harian.spbe',
    });
    const restored = splitRestoreRecords(await dump());
    expect(restored.data).toEqual(before);
    expect(result.plan.map((p) => p.action).sort()).toEqual(['add', 'remove', 'replace']);
    // Each restored evaluation's history says so, in the name of its user on this computer.
    expect(restored.restores.map((r) => r.evaluationId).sort()).toEqual(
      [ids.balikpapan, ids.mojokerto].sort(),
    );
    for (const r of restored.restores) {
      expect(r.newValue).toBe('spbe-cadangan-harian.spbe');
      expect(r.note).toMatch(
        /^Dipulihkan dari cadangan spbe-cadangan-harian\.spbe yang dibuat \d{1,2} \w+ \d{4}/,
      );
    }
    expect(restored.restores.find((r) => r.evaluationId === ids.balikpapan)?.actorName).toBe(
      actor.name,
    );

    // The data the restore replaced was kept first: restoring that undoes the restore.
    expect(parseBackupFileName(result.safetyBackup.name)?.reason).toBe('sebelum-pemulihan');
    const safety = await (await webBackupStore.read(result.safetyBackup.name)).blob();
    await restoreBackup(safety, { selection: { mode: 'all' }, store: webBackupStore });
    expect(splitRestoreRecords(await dump()).data).toEqual(changed);
  });

  it('previews what the backup holds, checked against its content', async () => {
    const ids = await populate();
    const file = await backupBlob();
    const preview = await readBackup(file);
    expect(preview.manifest.format).toBe('evaluasi-spbe-cadangan');
    expect(preview.manifest.app.version).toBe(__APP_VERSION__);
    expect(preview.manifest.database).toEqual({ name: 'evaluasi-spbe', version: DATABASE_VERSION });
    expect(preview.evaluations).toEqual([
      expect.objectContaining({
        id: ids.balikpapan,
        instansi: 'Pemerintah Kota Balikpapan',
        year: 2026,
        answers: 2,
        answered: 2,
        documents: 2,
      }),
      expect.objectContaining({
        id: ids.mojokerto,
        instansi: 'Pemerintah Kabupaten Mojokerto',
        year: 2025,
        answers: 1,
        documents: 1,
      }),
    ]);
    // Two distinct documents plus the logo; the shared Perwal is stored once.
    expect(preview.files).toBe(3);
    expect(Object.fromEntries(preview.manifest.tables.map((t) => [t.name, t.rows]))).toMatchObject({
      evaluations: 2,
      answers: 3,
      evidence: 3,
      members: 1,
      profiles: 1,
      merges: 1,
    });
    expect(preview.fileSize).toBe(file.size);
  });

  it('restores only the chosen evaluation and leaves the rest of the data as it is', async () => {
    const ids = await populate();
    const file = await backupBlob();
    const before = await dump();
    const evaluationRows = (table: string, id: string) =>
      (before[table] as { evaluationId?: string }[]).filter((r) => r.evaluationId === id);

    await deleteEvaluation(ids.balikpapan);
    await saveAnswer(ids.mojokerto, 1, edit(4, 'Pekerjaan baru sesudah cadangan'), actor);
    const newer = await createEvaluation(sampleInput({ year: 2027 }), actor);
    await db.settings.put({ key: 'maxEvidenceBytes', value: 99 });

    await restoreBackup(file, {
      selection: { mode: 'selected', ids: [ids.balikpapan] },
      store: webBackupStore,
    });
    const { data: after, restores } = splitRestoreRecords(await dump());
    expect(restores.map((r) => r.evaluationId)).toEqual([ids.balikpapan]);
    // Restored without a file name given: the history says when the backup was made, no name.
    expect(restores[0]).toMatchObject({ newValue: null });
    expect(restores[0]!.note).toMatch(/^Dipulihkan dari cadangan yang dibuat \d{1,2} \w+ \d{4}/);
    // The restored evaluation is back whole: rows, team, identity, logo and documents.
    for (const table of ['answers', 'evidence', 'links', 'members']) {
      expect(
        (after[table] as { evaluationId?: string }[]).filter(
          (r) => r.evaluationId === ids.balikpapan,
        ),
        table,
      ).toEqual(evaluationRows(table, ids.balikpapan));
    }
    const audit = (rows: unknown[]) =>
      (rows as { evaluationId: string; seq?: number }[])
        .filter((r) => r.evaluationId === ids.balikpapan)
        .map(({ seq: _seq, ...rest }) => rest);
    expect(audit(after.audit!)).toEqual(audit(before.audit!));
    expect(after.blobs).toEqual(before.blobs);
    expect(await db.settings.get(`currentMember:${ids.balikpapan}`)).toBeDefined();
    // The rest stayed: the newer evaluation, the later answer, the later setting.
    expect(await db.evaluations.get(newer)).toBeDefined();
    expect((await db.answers.get([ids.mojokerto, 1]))?.value).toBe(4);
    expect((await db.settings.get('maxEvidenceBytes'))?.value).toBe(99);
  });

  it('drops files only the replaced version used', async () => {
    const ids = await populate();
    const file = await backupBlob();
    const { addEvidenceFile } = await import('../../../renderer/src/db/commands/evidence');
    const { pdfFile } = await import('./helpers');
    await addEvidenceFile(ids.mojokerto, pdfFile('baru.pdf', 'dokumen sesudah cadangan'), actor);
    const blobsWithNew = await db.blobs.count();
    await restoreBackup(file, {
      selection: { mode: 'selected', ids: [ids.mojokerto] },
      store: webBackupStore,
    });
    expect(await db.blobs.count()).toBe(blobsWithNew - 1);
  });

  it('streams and checks files through the incremental hash as well (files above the native bound)', async () => {
    await populate();
    const before = await dump();
    // With a hash factory given, every file takes the streamed path instead of Web Crypto.
    const file = await collectToBlob(
      (sink, signal) =>
        exportDatabase(sink, signal, undefined, { hash: syncSha256 }).then(() => undefined),
      'application/x-spbe',
    );
    const preview = await readBackup(file, { hash: syncSha256 });
    expect(preview.files).toBe(3);
    await db.evaluations.clear();
    await restoreBackup(file, {
      selection: { mode: 'all' },
      store: webBackupStore,
      hash: syncSha256,
    });
    expect(splitRestoreRecords(await dump()).data).toEqual(before);
  });

  it('summarises the current data the same way as a backup', async () => {
    await populate();
    const preview = await readBackup(await backupBlob());
    expect(await currentSummaries()).toEqual(preview.evaluations);
  });
});

describe('restore refuses what it cannot restore whole', () => {
  it('refuses a file that changed since the preview', async () => {
    await populate();
    const file = await backupBlob();
    const before = await dump();
    await expect(
      restoreBackup(file, {
        selection: { mode: 'all' },
        store: webBackupStore,
        expectedManifestHash: '0'.repeat(64),
      }),
    ).rejects.toThrow(/berubah sejak pratinjau/);
    expect(await dump()).toEqual(before);
    expect(await webBackupStore.list()).toEqual([]);
  });

  it('refuses an empty selection and an evaluation the backup does not hold', async () => {
    await populate();
    const file = await backupBlob();
    await expect(
      restoreBackup(file, { selection: { mode: 'selected', ids: [] }, store: webBackupStore }),
    ).rejects.toThrow(/Pilih sedikitnya satu evaluasi/);
    await expect(
      restoreBackup(file, {
        selection: { mode: 'selected', ids: ['lain'] },
        store: webBackupStore,
      }),
    ).rejects.toThrow(/tidak ada di cadangan ini/);
    expect(await webBackupStore.list()).toEqual([]);
  });

  it('changes nothing when the backup of the current data cannot be written', async () => {
    await populate();
    const file = await backupBlob();
    await saveAnswer((await db.evaluations.toArray())[0]!.id, 3, edit(1), actor);
    const before = await dump();
    const full = {
      ...webBackupStore,
      write: async () => {
        throw new Error('Ruang penyimpanan penuh');
      },
    };
    await expect(restoreBackup(file, { selection: { mode: 'all' }, store: full })).rejects.toThrow(
      /Ruang penyimpanan penuh/,
    );
    expect(await dump()).toEqual(before);
  });

  it('leaves the data and its files as they were when the replacing transaction fails', async () => {
    const ids = await populate();
    const file = await backupBlob();
    await deleteEvaluation(ids.balikpapan); // its documents and logo go with it
    const before = await dump();
    // The disk fills up in the middle of the replacing transaction.
    const failing = () => {
      throw new DOMException('Kuota habis', 'QuotaExceededError');
    };
    db.answers.hook('creating', failing);
    try {
      await expect(
        restoreBackup(file, { selection: { mode: 'all' }, store: webBackupStore }),
      ).rejects.toThrow(
        /Ruang penyimpanan penuh.*Data sebelum pemulihan juga tersimpan sebagai cadangan-/,
      );
    } finally {
      db.answers.hook('creating').unsubscribe(failing);
    }
    // The files staged for the restore were removed again: the database is exactly as before.
    expect(await dump()).toEqual(before);
  });

  it('is a BackupError with a code for every refusal', async () => {
    await expect(readBackup(new Blob([]))).rejects.toSatisfy(
      (e) => e instanceof BackupError && e.code === 'empty',
    );
  });
});

describe('export', () => {
  it('names a damaged file in storage instead of copying it, and writes no backup', async () => {
    await populate();
    const doc = (await db.evidence.filter((e) => e.fileName === 'notulen.pdf').first())!;
    const row = (await db.blobs.get(doc.hash))!;
    // Same size, other bytes: storage damage the SHA-256 sees.
    const bytes = new Uint8Array(await row.data.arrayBuffer());
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    await db.blobs.put({ ...row, data: new Blob([bytes]) });
    await expect(
      webBackupStore.write('cadangan-2026-11-22-090000-manual.spbe', backupBlobWriter),
    ).rejects.toThrow(/Isi "notulen\.pdf" di penyimpanan tidak cocok dengan hash-nya/);
    expect(await webBackupStore.list()).toEqual([]);
  });

  it('refuses a value that JSON would not bring back unchanged', async () => {
    await populate();
    await db.settings.put({ key: 'tanggal', value: new Date(2026, 0, 1) });
    await expect(backupBlob()).rejects.toThrow(
      /Tabel pengaturan baris \d+ memuat nilai yang tidak dapat dicadangkan utuh \(value\)/,
    );
  });

  it('stops when cancelled and leaves no backup', async () => {
    await populate();
    const controller = new AbortController();
    controller.abort();
    await expect(
      webBackupStore.write(
        'cadangan-2026-11-22-090000-manual.spbe',
        backupBlobWriter,
        controller.signal,
      ),
    ).rejects.toThrow(/dibatalkan/);
    expect(await webBackupStore.list()).toEqual([]);
  });
});
