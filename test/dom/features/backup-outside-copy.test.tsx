/**
 * The Cadangan screen on the desktop says the automatic backups live on this computer only, and
 * when the last copy was saved outside it (where to, which backup), also after a restart; a
 * backup made after that copy is pointed out.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { BackupProvider } from '../../../renderer/src/features/backups/backup-context';
import { BackupsPage } from '../../../renderer/src/features/backups/backups-page';
import type { BackupEntry, PickedFile } from '../../../renderer/src/platform/types';
import { testPlatform } from '../support/platform';

const OLDER = 'cadangan-2026-12-05-093015-harian.spbe';
const NEWER = 'cadangan-2026-12-07-101500-manual.spbe';
const COPY_PATH = 'E:\\Cadangan SPBE\\cadangan-2026-12-05-093015-harian.spbe';

const picked = (name: string): PickedFile => {
  const blob = new Blob(['isi cadangan']);
  return {
    name,
    size: blob.size,
    type: '',
    lastModified: 0,
    stream: () => blob.stream(),
    blob: async () => blob,
  };
};

function renderScreen(entries: BackupEntry[]) {
  const { platform } = testPlatform({
    kind: 'desktop',
    saveFile: async (_options, write) => {
      await write(new WritableStream(), new AbortController().signal);
      return { name: 'salinan.spbe', path: COPY_PATH, size: 12 };
    },
    backups: {
      list: async () => entries,
      write: () => Promise.reject(new Error('tidak dipakai')),
      read: async (name) => picked(name),
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

const card = () =>
  screen.getByRole('heading', { name: 'Salinan di luar komputer ini' }).parentElement!;

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 11, 5, 14, 20));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('copies of a backup saved outside this computer', () => {
  it('are asked for, then said with when, where and which backup, after a restart too', async () => {
    const older: BackupEntry = { name: OLDER, size: 12, createdAt: 0 };
    renderScreen([older]);
    await screen.findByRole('button', { name: /^Simpan salinan cadangan 5 Desember 2026/ });
    expect(card()).toHaveTextContent('Cadangan otomatis tersimpan di komputer ini saja');
    expect(
      within(card()).getByText('Belum ada salinan cadangan yang disimpan dari komputer ini.'),
    ).toBeVisible();

    await userEvent
      .setup()
      .click(screen.getByRole('button', { name: /^Simpan salinan cadangan 5 Desember 2026/ }));
    const said = `Salinan terakhir disimpan 5 Desember 2026 pukul 14.20 ke ${COPY_PATH}: cadangan yang dibuat 5 Desember 2026 pukul 09.30.`;
    expect(await within(card()).findByText(said)).toBeVisible();

    // The app is opened again two days later, with a newer backup in the store.
    cleanup();
    vi.setSystemTime(new Date(2026, 11, 7, 11, 0));
    renderScreen([{ name: NEWER, size: 12, createdAt: 0 }, older]);
    expect(await within(card()).findByText(said)).toBeVisible();
    expect(
      within(card()).getByText(
        'Sesudah itu dibuat cadangan yang lebih baru (7 Desember 2026 pukul 10.15); simpan juga salinannya.',
      ),
    ).toBeVisible();
  });
});
