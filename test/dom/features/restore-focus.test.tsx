/**
 * Where the keyboard focus is once a backup has been checked: the check's "Batalkan" had it and
 * goes away with the check, so the focus fell to the page body (a screen reader said nothing, the
 * next Tab started anew). It moves to the first choice of the preview, or to "Tutup" of a refusal.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { BackupProvider } from '../../../renderer/src/features/backups/backup-context';
import { RestoreDialog } from '../../../renderer/src/features/backups/restore-dialog';
import type { Platform } from '../../../renderer/src/platform/types';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { backupBlob, populate } from '../db/backup-helpers';
import { resetDatabase } from '../db/helpers';

beforeEach(resetDatabase);
afterEach(cleanup);

function renderPreview(file: Blob) {
  const platform = { kind: 'web', backups: webBackupStore } as unknown as Platform;
  render(
    <PlatformContext.Provider value={platform}>
      <NoticeProvider>
        <BackupProvider>
          <RestoreDialog
            source={{ id: 1, name: 'cadangan-uji.spbe', load: async () => file }}
            onClose={() => undefined}
          />
        </BackupProvider>
      </NoticeProvider>
    </PlatformContext.Provider>,
  );
  return screen.findByRole('dialog', { name: 'Pratinjau cadangan cadangan-uji.spbe' });
}

describe('the focus after a backup is checked', () => {
  it('moves to the first choice of the preview', async () => {
    await populate();
    const dialog = await renderPreview(await backupBlob());
    const first = await within(dialog).findByRole('radio', { name: /^Ganti seluruh data/ });
    expect(first).toHaveFocus();
  });

  it('moves to "Tutup" of a refusal', async () => {
    const dialog = await renderPreview(new Blob(['bukan cadangan']));
    await within(dialog).findByRole('alert');
    expect(within(dialog).getByRole('button', { name: 'Tutup' })).toHaveFocus();
  });
});
