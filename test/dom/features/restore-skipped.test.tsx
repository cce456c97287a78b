/**
 * The restore dialog with a backup holding a bad row and an over-long file name: the preview says
 * what will be skipped, and after the restore the dialog stays open listing what was skipped and
 * how many names were shortened.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { addEvidenceFile } from '../../../renderer/src/db/commands/evidence';
import { db } from '../../../renderer/src/db/db';
import { BackupProvider } from '../../../renderer/src/features/backups/backup-context';
import { RestoreDialog } from '../../../renderer/src/features/backups/restore-dialog';
import type { Platform } from '../../../renderer/src/platform/types';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { actor, backupBlob, forgeTable, json, readZip, writeZip } from '../db/backup-helpers';
import { pdfFile, resetDatabase, sampleInput } from '../db/helpers';

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

    const platform = { kind: 'web', backups: webBackupStore } as unknown as Platform;
    let closed = false;
    render(
      <PlatformContext.Provider value={platform}>
        <NoticeProvider>
          <BackupProvider>
            <RestoreDialog
              source={{ id: 1, name: 'cadangan-uji.spbe', load: async () => file }}
              onClose={() => (closed = true)}
            />
          </BackupProvider>
        </NoticeProvider>
      </PlatformContext.Provider>,
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Pratinjau cadangan cadangan-uji.spbe',
    });
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
