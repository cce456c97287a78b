/**
 * The two number settings (the evidence size limit in Pengaturan, the number of backups kept in
 * Cadangan): a value out of range or not a whole number is refused at its field, in Indonesian
 * with the allowed range, nothing is saved, and "Tersimpan" is said only after a save.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { MAX_EVIDENCE_SETTING } from '../../../renderer/src/db/commands/evidence';
import { db } from '../../../renderer/src/db/db';
import { BackupProvider } from '../../../renderer/src/features/backups/backup-context';
import { KeepForm } from '../../../renderer/src/features/backups/backups-page';
import { SettingsPage } from '../../../renderer/src/features/settings/settings-page';
import type { Platform } from '../../../renderer/src/platform/types';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { resetDatabase } from '../db/helpers';

const MB = 1024 * 1024;

beforeEach(resetDatabase);
afterEach(cleanup);

describe('the evidence size limit', () => {
  it('refuses values outside 1–4.096 whole MB at the field and saves a valid one', async () => {
    const platform = { kind: 'web', backups: webBackupStore } as unknown as Platform;
    render(
      <PlatformContext.Provider value={platform}>
        <NoticeProvider>
          <SettingsPage />
        </NoticeProvider>
      </PlatformContext.Provider>,
    );
    const user = userEvent.setup();
    const input = screen.getByLabelText('Batas ukuran satu berkas (MB)');
    const save = screen.getByRole('button', { name: 'Simpan pengaturan' });
    for (const bad of ['0', '-5', 'abc', '', '99999999', '1,5']) {
      await user.clear(input);
      if (bad !== '') await user.type(input, bad);
      await user.click(save);
      await waitFor(() => expect(input).toBeInvalid());
      expect(input).toHaveValue(bad);
      expect(input).toHaveAccessibleDescription(/bilangan bulat antara 1 dan 4\.096/);
      expect(await db.settings.get(MAX_EVIDENCE_SETTING)).toBeUndefined();
      expect(screen.queryByText(/Batas ukuran berkas bukti dukung:/)).toBeNull();
    }
    await user.clear(input);
    await user.type(input, '15');
    await user.click(save);
    expect(await screen.findByText('Batas ukuran berkas bukti dukung: 15 MB.')).toBeVisible();
    expect(input).toBeValid();
    expect((await db.settings.get(MAX_EVIDENCE_SETTING))?.value).toBe(15 * MB);
  });
});

describe('a limit written with a thousands dot', () => {
  it('takes 4.096 MB as the hint writes it', async () => {
    const platform = { kind: 'web', backups: webBackupStore } as unknown as Platform;
    render(
      <PlatformContext.Provider value={platform}>
        <NoticeProvider>
          <SettingsPage />
        </NoticeProvider>
      </PlatformContext.Provider>,
    );
    const user = userEvent.setup();
    const input = screen.getByLabelText('Batas ukuran satu berkas (MB)');
    await user.clear(input);
    await user.type(input, '4.096');
    await user.click(screen.getByRole('button', { name: 'Simpan pengaturan' }));
    expect(await screen.findByText('Batas ukuran berkas bukti dukung: 4.096 MB.')).toBeVisible();
    expect(input).toBeValid();
    expect((await db.settings.get(MAX_EVIDENCE_SETTING))?.value).toBe(4096 * MB);
  });
});

describe('the number of backups kept', () => {
  it('refuses values outside 1–1.000 or not whole at the field and saves a valid one', async () => {
    let kept = 10;
    const setKeep = vi.fn(async (n: number) => (kept = n));
    const platform = {
      kind: 'web',
      backups: { ...webBackupStore, keep: async () => kept, setKeep },
    } as unknown as Platform;
    render(
      <PlatformContext.Provider value={platform}>
        <NoticeProvider>
          <BackupProvider>
            <KeepForm />
          </BackupProvider>
        </NoticeProvider>
      </PlatformContext.Provider>,
    );
    const user = userEvent.setup();
    const input = screen.getByLabelText('Jumlah cadangan yang disimpan');
    await waitFor(() => expect(input).toHaveValue('10'));
    const save = screen.getByRole('button', { name: 'Simpan jumlah' });
    for (const bad of ['0', '-3', '2,5', '100000']) {
      await user.clear(input);
      await user.type(input, bad);
      await user.click(save);
      await waitFor(() => expect(input).toBeInvalid());
      expect(input).toHaveValue(bad);
      expect(input).toHaveAccessibleDescription(/bilangan bulat antara 1 dan 1\.000/);
    }
    expect(setKeep).not.toHaveBeenCalled();
    expect(screen.queryByText(/cadangan terbaru/)).toBeNull();
    await user.clear(input);
    await user.type(input, '5');
    await user.click(save);
    expect(await screen.findByText('Aplikasi menyimpan 5 cadangan terbaru.')).toBeVisible();
    expect(setKeep).toHaveBeenCalledWith(5);
    expect(input).toBeValid();
  });
});

describe('lowering the number of backups kept', () => {
  it('says how many backups go at once and saves only after a yes', async () => {
    let kept = 10;
    const setKeep = vi.fn(async (n: number) => (kept = n));
    const at = (day: number) => new Date(2026, 10, day, 8, 0).getTime();
    const list = async () =>
      [5, 4, 3, 2, 1].map((day) => ({
        name: `cadangan-2026-11-0${day}-080000-harian.spbe`,
        size: 1000,
        createdAt: at(day),
      }));
    const platform = {
      kind: 'web',
      backups: { ...webBackupStore, keep: async () => kept, setKeep, list },
    } as unknown as Platform;
    render(
      <PlatformContext.Provider value={platform}>
        <NoticeProvider>
          <BackupProvider>
            <KeepForm />
          </BackupProvider>
        </NoticeProvider>
      </PlatformContext.Provider>,
    );
    const user = userEvent.setup();
    const input = screen.getByLabelText('Jumlah cadangan yang disimpan');
    await waitFor(() => expect(input).toHaveValue('10'));
    expect(input).toHaveAccessibleDescription(/langsung dihapus/);
    await user.clear(input);
    await user.type(input, '2');
    await user.click(screen.getByRole('button', { name: 'Simpan jumlah' }));
    const ask = await screen.findByRole('dialog', { name: 'Hapus cadangan lama?' });
    expect(ask).toHaveTextContent(
      '3 cadangan tertua langsung dihapus: 1 November 2026 pukul 08.00, 2 November 2026 pukul 08.00, dan 3 November 2026 pukul 08.00.',
    );
    await user.click(within(ask).getByRole('button', { name: 'Batal' }));
    expect(setKeep).not.toHaveBeenCalled();
    expect(screen.queryByText(/cadangan terbaru/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Simpan jumlah' }));
    const again = await screen.findByRole('dialog', { name: 'Hapus cadangan lama?' });
    await user.click(within(again).getByRole('button', { name: 'Hapus 3 cadangan dan simpan' }));
    expect(await screen.findByText('Aplikasi menyimpan 2 cadangan terbaru.')).toBeVisible();
    expect(setKeep).toHaveBeenCalledWith(2);
  });
});

describe('the storage figures', () => {
  it('call the storage quota a limit and say what is left of it', async () => {
    const storage = {
      estimate: async () => ({ usage: 9 * 1024 * MB, quota: 10 * 1024 * MB }),
      persisted: async () => true,
    };
    Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
    try {
      const platform = { kind: 'web', backups: webBackupStore } as unknown as Platform;
      render(
        <PlatformContext.Provider value={platform}>
          <NoticeProvider>
            <SettingsPage />
          </NoticeProvider>
        </PlatformContext.Provider>,
      );
      const limit = await screen.findByText('Batas penyimpanan', { selector: 'dt' });
      expect(limit.nextElementSibling).toHaveTextContent('10 GB, tersisa 1,0 GB');
      expect(screen.queryByText('Kapasitas tersedia')).toBeNull();
    } finally {
      Reflect.deleteProperty(navigator, 'storage');
    }
  });
});
