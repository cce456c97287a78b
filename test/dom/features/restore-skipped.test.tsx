/**
 * The restore dialog with a backup holding a bad row and an over-long file name: the preview says
 * what will be skipped, and after the restore the dialog stays open listing what was skipped and
 * how many names were shortened.
 */
import { cleanup, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { addEvidenceFile } from '../../../renderer/src/db/commands/evidence';
import { db } from '../../../renderer/src/db/db';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { actor, backupBlob, forgeTable, json, readZip, writeZip } from '../db/backup-helpers';
import { pdfFile, resetDatabase, sampleInput } from '../db/helpers';
import { openRestorePreview } from '../support/restore-preview';

beforeEach(async () => {
  await resetDatabase();
  for (const e of await webBackupStore.list()) await webBackupStore.remove(e.name);
});
afterEach(cleanup);

describe('the restore dialog', () => {
  it('lists the rows it skips and the names it shortened', async () => {
    const id = await createEvaluation(sampleInput({ year: 2025 }), actor);
    const added = await addEvidenceFile(id, pdfFile('laporan.pdf'), actor);
    if (!added.ok) throw new Error(added.message);
    await db.evidence.update(added.evidence.id, { fileName: `${'b'.repeat(300)}.pdf` });
    const entries = await readZip(await backupBlob());
    const settings = json(entries, 'tables/settings.json') as Array<Record<string, unknown>>;
    const file = writeZip(forgeTable(entries, 'settings', [...settings, { value: 'tanpa kunci' }]));

    let closed = false;
    const dialog = await openRestorePreview(file, { onClose: () => (closed = true) });
    expect(await within(dialog).findByText(/Akan dilewati \(1 catatan\)/)).toBeVisible();
    expect(within(dialog).getByText(/^tabel pengaturan baris \d+: key: wajib ada$/)).toBeVisible();

    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('checkbox', { name: /^Saya mengerti/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Pulihkan cadangan' }));
    expect(await within(dialog).findByText(/Dilewati saat pemulihan \(1 catatan\)/)).toBeVisible();
    expect(
      within(dialog).getByText(/1 nama berkas bukti dukung melebihi 255 karakter dan dipendekkan/),
    ).toBeVisible();
    expect(closed).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Tutup' }));
    expect(closed).toBe(true);
    const [doc] = await db.evidence.toArray();
    expect(doc?.fileName.length).toBeLessThanOrEqual(255);
  });
});
