/**
 * The backup list read by a screen reader: every row's "Pratinjau dan pulihkan" and "Simpan
 * salinan…" name their backup by when it was made and its kind, and by its file name where two
 * rows of one minute would still read the same. By the time alone, the daily backup, one made by
 * hand and the one kept before a restore, all in one minute, each read the same.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { BackupProvider } from '../../../renderer/src/features/backups/backup-context';
import { BackupsPage } from '../../../renderer/src/features/backups/backups-page';
import type { BackupEntry } from '../../../renderer/src/platform/types';
import { testPlatform } from '../support/platform';

function renderList(entries: BackupEntry[]) {
  const { platform } = testPlatform({
    kind: 'desktop',
    backups: {
      list: async () => entries,
      write: () => Promise.reject(new Error('tidak dipakai')),
      read: () => Promise.reject(new Error('tidak dipakai')),
      remove: async () => undefined,
      keep: async () => 10,
      setKeep: async (n) => n,
    },
  });
  return render(
    <PlatformContext.Provider value={platform}>
      <NoticeProvider>
        <BackupProvider>
          <BackupsPage />
        </BackupProvider>
      </NoticeProvider>
    </PlatformContext.Provider>,
  );
}

afterEach(cleanup);

describe('the buttons of the backup list', () => {
  it('tell apart backups made in one minute', async () => {
    renderList(
      [
        'cadangan-2026-12-08-062948-sebelum-pemulihan.spbe',
        'cadangan-2026-12-08-062944-manual.spbe',
        'cadangan-2026-12-08-062912-manual.spbe',
        'cadangan-2026-12-08-062901-harian.spbe',
      ].map((name) => ({ name, size: 9_000, createdAt: 0 })),
    );
    const restore = await screen.findAllByRole('button', { name: /^Pratinjau dan pulihkan / });
    const copy = screen.getAllByRole('button', { name: /^Simpan salinan / });
    const names = [...restore, ...copy].map((b) => b.getAttribute('aria-label'));
    expect(names).toHaveLength(8);
    expect(new Set(names).size).toBe(8);
    expect(restore.map((b) => b.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(
        /^Pratinjau dan pulihkan cadangan 8 Desember 2026 pukul \d\d\.29 \(sebelum pemulihan/,
      ),
      expect.stringMatching(
        /\(dibuat oleh pengguna\), berkas cadangan-2026-12-08-062944-manual\.spbe$/,
      ),
      expect.stringMatching(
        /\(dibuat oleh pengguna\), berkas cadangan-2026-12-08-062912-manual\.spbe$/,
      ),
      expect.stringMatching(/\(cadangan harian otomatis\)$/),
    ]);
  });
});
