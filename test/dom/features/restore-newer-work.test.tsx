/**
 * Restoring an older backup over newer work: the preview says, evaluation by evaluation, how much
 * of the work on this computer the restore would take away (answers changed and documents added
 * since the backup's copy, an evaluation the backup lacks with its answers and documents), so
 * the staffer knows what is lost before ticking "Saya mengerti"; a changed choice asks again.
 */
import { cleanup, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveAnswer } from '../../../renderer/src/db/commands/answers';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { addEvidenceFile } from '../../../renderer/src/db/commands/evidence';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { actor, backupBlob, edit, populate } from '../db/backup-helpers';
import { pdfFile, resetDatabase, sampleInput } from '../db/helpers';
import { openRestorePreview } from '../support/restore-preview';

beforeEach(async () => {
  await resetDatabase();
  for (const e of await webBackupStore.list()) await webBackupStore.remove(e.name);
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the restore preview over newer work', () => {
  it('says how many answers and documents each evaluation would lose', async () => {
    vi.setSystemTime(new Date(2026, 11, 1, 9, 0));
    const { balikpapan } = await populate();
    vi.setSystemTime(new Date(2026, 11, 2, 10, 0));
    const file = await backupBlob();

    // Work after the backup: two answers changed, a document added, a new evaluation.
    vi.setSystemTime(new Date(2026, 11, 3, 11, 0));
    await saveAnswer(balikpapan, 1, edit(5, 'Perwal diubah'), actor);
    await saveAnswer(balikpapan, 7, edit(2, 'Baru'), actor);
    const added = await addEvidenceFile(balikpapan, pdfFile('sk-tim.pdf', 'SK Tim'), actor);
    if (!added.ok) throw new Error(added.message);
    const bengkulu = await createEvaluation(
      sampleInput({
        instansi: { ...sampleInput().instansi, name: 'Pemerintah Kota Bengkulu' },
      }),
      actor,
    );
    await saveAnswer(bengkulu, 1, edit(3, 'Ada'), actor);

    const dialog = await openRestorePreview(file, { name: 'cadangan-lama.spbe' });
    const plan = await within(dialog).findByRole('region', {
      name: 'Yang akan terjadi pada data di komputer ini',
    });
    const line = (name: string) =>
      within(plan)
        .getAllByRole('listitem')
        .find((li) => li.textContent?.includes(name))!;
    expect(line('Kota Balikpapan')).toHaveTextContent(
      'Yang hilang dari data: 2 jawaban yang diubah dan 1 dokumen yang ditambahkan sesudah 1 Desember 2026 pukul 09.00, saat salinan di cadangan terakhir diubah; semuanya tetap tersimpan di cadangan “Sebelum pemulihan”.',
    );
    expect(line('Kota Balikpapan')).toHaveTextContent('Di cadangan: 2 jawaban terisi, 2 dokumen.');
    expect(line('Kabupaten Mojokerto')).not.toHaveTextContent(/hilang/);
    expect(line('Kota Bengkulu')).toHaveTextContent(
      'dihapus dari data sekarang karena tidak ada di cadangan, dengan 1 jawaban terisi dan 0 dokumen',
    );
  });

  it('asks again for "Saya mengerti" when the choice of what to restore changes', async () => {
    vi.setSystemTime(new Date(2026, 11, 1, 9, 0));
    await populate();
    vi.setSystemTime(new Date(2026, 11, 2, 10, 0));
    const file = await backupBlob();
    const dialog = await openRestorePreview(file, { name: 'cadangan-lama.spbe' });
    const user = userEvent.setup();
    const understood = await within(dialog).findByRole('checkbox', { name: /^Saya mengerti/ });
    const restore = within(dialog).getByRole('button', { name: 'Pulihkan cadangan' });
    await user.click(within(dialog).getByRole('radio', { name: /dipilih saja/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /^Pulihkan .*Mojokerto/ }));
    await user.click(understood);
    expect(restore).toBeEnabled();

    // Another evaluation chosen: the consent given for the first plan no longer holds.
    await user.click(within(dialog).getByRole('checkbox', { name: /^Pulihkan .*Balikpapan/ }));
    expect(understood).not.toBeChecked();
    expect(restore).toBeDisabled();
    await user.click(understood);
    // Everything replaced instead: asked again.
    await user.click(within(dialog).getByRole('radio', { name: /^Ganti seluruh data/ }));
    expect(understood).not.toBeChecked();
    expect(restore).toBeDisabled();
  });
});
