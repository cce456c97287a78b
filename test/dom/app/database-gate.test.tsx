/**
 * The start-up gate when the backup before a database upgrade cannot be written: nothing is
 * opened or upgraded, the user reads why, and chooses to retry or to go on without the backup.
 * (The upgrade itself and its backup are proved in test/dom/db/upgrade-backup.test.ts; here the
 * backup step is made to fail.)
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DatabaseGate } from '../../../renderer/src/app/database-gate';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import type { Platform } from '../../../renderer/src/platform/types';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';

const attempts = vi.hoisted(() => ({ count: 0 }));

vi.mock('../../../renderer/src/db/upgrade-backup', () => ({
  backupBeforeUpgrade: async (_db: unknown, _store: unknown, onStart?: () => void) => {
    attempts.count += 1;
    onStart?.();
    throw new Error('Ruang penyimpanan penuh: cadangan tidak ditulis.');
  },
}));

describe('database gate', () => {
  it('shows why the backup before an upgrade failed, retries, and can go on without it', async () => {
    const platform = { kind: 'web', backups: webBackupStore } as unknown as Platform;
    render(
      <PlatformContext.Provider value={platform}>
        <DatabaseGate>
          <p>Aplikasi siap</p>
        </DatabaseGate>
      </PlatformContext.Provider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Cadangan sebelum pembaruan gagal dibuat');
    expect(alert).toHaveTextContent('Ruang penyimpanan penuh: cadangan tidak ditulis.');
    expect(alert).toHaveTextContent('Basis data belum diperbarui dan data tidak diubah');
    expect(screen.queryByText('Aplikasi siap')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    await screen.findByRole('button', { name: 'Lanjutkan tanpa cadangan' });
    expect(attempts.count).toBeGreaterThanOrEqual(2);
    expect(screen.queryByText('Aplikasi siap')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Lanjutkan tanpa cadangan' }));
    expect(await screen.findByText('Aplikasi siap')).toBeVisible();
  });
});
