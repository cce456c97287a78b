/**
 * A mistaken delete loses nothing: before an evaluation is deleted from Daftar Evaluasi the whole
 * data is backed up ("sebelum-penghapusan"), the notice names that backup, and the evaluation
 * comes back from it with everything done since the morning's backup. When that backup cannot be
 * made nothing is deleted until the user says so.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveAnswer } from '../../../renderer/src/db/commands/answers';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { readBackup } from '../../../renderer/src/db/backup';
import { db } from '../../../renderer/src/db/db';
import type { BackupStore } from '../../../renderer/src/platform/types';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { actor, edit } from '../db/backup-helpers';
import { resetDatabase, sampleInput } from '../db/helpers';
import { renderEvaluationList } from '../support/evaluation-list';

const NAME = 'Pemerintah Kota Balikpapan';

beforeEach(async () => {
  await resetDatabase();
  localStorage.clear();
  for (const e of await webBackupStore.list()) await webBackupStore.remove(e.name);
});
afterEach(cleanup);

async function deleteFromList(year: number) {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: `Hapus evaluasi ${NAME} ${year}` }));
  await user.click(await screen.findByRole('button', { name: 'Hapus permanen' }));
  return user;
}

describe('deleting an evaluation', () => {
  it('backs the data up first and names the backup that still holds it', async () => {
    const id = await createEvaluation(sampleInput({ year: 2026 }), actor);
    await saveAnswer(id, 1, edit(4, 'Perwal Nomor 14 Tahun 2022'), actor);
    renderEvaluationList();
    await deleteFromList(2026);

    const notice = await screen.findByText(/^Evaluasi Pemerintah Kota Balikpapan 2026 dihapus\./);
    const [backup] = await webBackupStore.list();
    expect(backup?.name).toMatch(/^cadangan-\d{4}-\d{2}-\d{2}-\d{6}-sebelum-penghapusan\.spbe$/);
    expect(notice).toHaveTextContent(
      `Evaluasi ini masih ada di cadangan ${backup!.name} dan dapat dipulihkan dari layar Cadangan.`,
    );
    expect(await db.evaluations.count()).toBe(0);
    const preview = await readBackup(await (await webBackupStore.read(backup!.name)).blob());
    expect(preview.evaluations.map((e) => [e.instansi, e.year, e.answered])).toEqual([
      [NAME, 2026, 1],
    ]);
  });

  it('says the backup is being written, and keeps the evaluation until it is', async () => {
    await createEvaluation(sampleInput({ year: 2026 }), actor);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slow: BackupStore = {
      ...webBackupStore,
      write: async (...args) => {
        await gate;
        return webBackupStore.write(...args);
      },
    };
    renderEvaluationList(slow);
    await deleteFromList(2026);

    expect(
      await screen.findByText(
        'Membuat cadangan sebelum menghapus evaluasi Pemerintah Kota Balikpapan tahun 2026…',
      ),
    ).toBeVisible();
    expect(await db.evaluations.count()).toBe(1);
    open();
    await waitFor(async () => expect(await db.evaluations.count()).toBe(0));
    expect(screen.queryByText(/^Membuat cadangan sebelum menghapus/)).toBeNull();
  });

  it('deletes nothing when the backup fails, until the user says to go on without it', async () => {
    await createEvaluation(sampleInput({ year: 2026 }), actor);
    const full: BackupStore = {
      ...webBackupStore,
      write: () => Promise.reject(new Error('Ruang penyimpanan penuh.')),
    };
    renderEvaluationList(full);
    const user = await deleteFromList(2026);

    const ask = await screen.findByRole('dialog', { name: 'Hapus tanpa cadangan?' });
    expect(ask).toHaveTextContent(
      'Cadangan sebelum penghapusan gagal dibuat: Ruang penyimpanan penuh. Evaluasi Pemerintah Kota Balikpapan tahun 2026 belum dihapus.',
    );
    expect(await db.evaluations.count()).toBe(1);
    await user.click(within(ask).getByRole('button', { name: 'Batal' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await db.evaluations.count()).toBe(1);

    await deleteFromList(2026);
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Hapus tanpa cadangan?' })).getByRole(
        'button',
        { name: 'Hapus tanpa cadangan' },
      ),
    );
    await waitFor(async () => expect(await db.evaluations.count()).toBe(0));
  });
});
