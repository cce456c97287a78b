/**
 * Bantuan: opened from the navigation and with "?" (never while typing), it lists the real
 * shortcuts, the workflow and both instruments; the browser build asks for persistent storage in
 * Settings and says the answer, the desktop build does not offer it.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Layout } from '../../../renderer/src/app/layout';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { HelpPage } from '../../../renderer/src/features/help/help-page';
import { SettingsPage } from '../../../renderer/src/features/settings/settings-page';
import { menuTemplate } from '../../../electron/main/menu';
import type { Platform } from '../../../renderer/src/platform/types';
import { findPack, loadPack, registerUserPacks } from '../../../shared/instrument';
import { resetDatabase } from '../db/helpers';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test mutations reach into arbitrary JSON

vi.mock('../../../renderer/src/features/backups/backup-status-note', () => ({
  BackupStatusNote: () => null,
}));

function renderApp(kind: Platform['kind'], path = '/') {
  const platform = { kind } as unknown as Platform;
  render(
    <PlatformContext.Provider value={platform}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<input aria-label="Nama instansi" />} />
            <Route path="bantuan" element={<HelpPage />} />
            <Route path="pengaturan" element={<SettingsPage />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </PlatformContext.Provider>,
  );
}

function stubStorage(persisted: boolean, grant: boolean) {
  const persist = vi.fn(async () => grant);
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: {
      estimate: async () => ({ usage: 1024, quota: 1024 * 1024 }),
      persisted: async () => persisted,
      persist,
    },
  });
  return persist;
}

beforeEach(resetDatabase);
afterEach(() => {
  cleanup();
  Reflect.deleteProperty(navigator, 'storage');
});

describe('Bantuan', () => {
  it('opens with "?" but not while typing in a field', async () => {
    renderApp('web');
    const field = screen.getByRole('textbox', { name: 'Nama instansi' });
    field.focus();
    fireEvent.keyDown(field, { key: '?' });
    expect(screen.queryByRole('heading', { level: 1, name: 'Bantuan' })).toBeNull();

    fireEvent.keyDown(document.body, { key: '?' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Bantuan' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    expect(within(nav).getByRole('link', { name: 'Bantuan' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('does not open with "?" while a dialog is open, as the shortcut table says', () => {
    renderApp('web');
    const dialog = document.body.appendChild(document.createElement('dialog'));
    dialog.setAttribute('open', '');
    fireEvent.keyDown(document.body, { key: '?' });
    expect(screen.queryByRole('heading', { level: 1, name: 'Bantuan' })).toBeNull();
    dialog.remove();
  });

  it('lists Ctrl+O on the desktop only, where the Berkas menu has that accelerator', () => {
    const actions = { openBundle() {}, openBackupFolder() {}, openDataFolder() {} };
    const fileMenu = menuTemplate(actions, { isMac: false, isPackaged: true, appName: 'X' })[0];
    const items = Array.isArray(fileMenu?.submenu) ? fileMenu.submenu : [];
    expect(items.find((i) => i.label === 'Buka Berkas Evaluasi (.spbe)…')?.accelerator).toBe(
      'CmdOrCtrl+O',
    );

    renderApp('desktop', '/bantuan');
    const table = screen.getByRole('table', { name: 'Pintasan papan ketik' });
    expect(within(table).getByRole('rowheader', { name: 'Ctrl+O' })).toBeInTheDocument();
    expect(table).toHaveTextContent('Buka Berkas Evaluasi (.spbe)…');
    cleanup();
    renderApp('web', '/bantuan');
    const webTable = screen.getByRole('table', { name: 'Pintasan papan ketik' });
    expect(within(webTable).queryByRole('rowheader', { name: 'Ctrl+O' })).toBeNull();
  });

  it('lists the shortcuts, the workflow and both instruments', async () => {
    renderApp('web', '/bantuan');
    const shortcuts = screen.getByRole('table', { name: 'Pintasan papan ketik' });
    for (const key of ['?', '1 sampai 5', 'Alt+↓', 'Alt+↑', 'Esc'])
      expect(within(shortcuts).getByRole('rowheader', { name: key })).toBeInTheDocument();
    // Alt+↓ on the last indicator goes to the first (scoring-page.tsx): the table says so.
    expect(
      within(shortcuts).getByRole('rowheader', { name: 'Alt+↓' }).parentElement,
    ).toHaveTextContent('dari indikator terakhir kembali ke yang pertama');
    expect(
      within(shortcuts).getByRole('rowheader', { name: 'Alt+↑' }).parentElement,
    ).toHaveTextContent('dari indikator pertama ke yang terakhir');

    const workflow = screen.getByRole('region', { name: 'Alur kerja' });
    const steps = within(workflow)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    // The team lead sets the team up first; a new assessor is told how the evaluation reaches
    // her computer, where her indicators are, and how to send only them.
    expect(steps[0]).toMatch(
      /^Koordinator menyiapkan\..*Tim Asesor.*NIP, jabatan, peran, dan indikator yang menjadi tugas setiap anggota/,
    );
    expect(steps[1]).toMatch(/^Asesor menilai\..*Buka berkas \.spbe.*Impor sebagai evaluasi baru/);
    expect(steps[1]).toMatch(/Tampilkan “Tugas saya” memuat indikator yang ditugaskan kepadanya/);
    expect(steps[2]).toMatch(/^Ekspor berkas\..*“Hanya indikator saya”/);
    expect(steps[2]).toMatch(/daftar tim beserta pembagian indikatornya\.$/);
    expect(steps[3]).toMatch(/^Koordinator menggabungkan.*Berita Acara Rekonsiliasi\.$/);
    expect(steps[4]).toMatch(/^Laporan/);
    // A team with a shared folder needs no file exchange by hand: the page says where to set it.
    expect(workflow).toHaveTextContent(/Folder tim\. .* dapat melewati langkah 3/);
    expect(workflow).toHaveTextContent(/“Berkas yang perlu diimpor sendiri”/);
    expect(within(workflow).getByRole('link', { name: 'Pengaturan' })).toHaveAttribute(
      'href',
      '/pengaturan',
    );
    expect(workflow).toHaveTextContent(/Perbedaan jawaban tidak pernah diputuskan otomatis/);

    const packs = screen.getByRole('region', { name: 'Cara menilai menurut instrumen' });
    // The instrument in force first (8/2026 replaced 59/2020 from the 2026 evaluation), each
    // with the years it serves and how its evidence is kept.
    const [pemdi, old] = within(packs).getAllByRole('listitem');
    expect(pemdi).toHaveTextContent(
      /^PermenPANRB 8\/2026 — Evaluasi Kinerja Pemerintah Digital \(versi 1\.0\.0\)Disusun dari sumber sekunder; cocokkan dengan salinan resmi PermenPANRB 8\/2026\.Dipakai untuk evaluasi sejak tahun 2026\. 20 indikator\. Nilai .* rentang 1,00–5,00 \(misalnya 2,75\)/,
    );
    expect(pemdi).toHaveTextContent(
      'Bukti dukung disiapkan per butir pada setiap tingkat (daftar butir ada pada kartu tingkat di Penilaian Indikator), dan status setiap butir ditandai: Belum, Draf, Diunggah, Diterima, atau Perlu revisi. Dari butir yang Diterima aplikasi menampilkan perkiraan nilai yang bukan nilai resmi; nilai indikator tetap diketik asesor.',
    );
    expect(old).toHaveTextContent(
      /^PermenPANRB 59\/2020 — Pemantauan dan Evaluasi Sistem Pemerintahan Berbasis Elektronik \(versi 1\.0\.0\)Dipakai untuk evaluasi sampai tahun 2025\. 47 indikator\. Tingkat setiap indikator \(1–5\)/,
    );
    expect(old).toHaveTextContent(
      'Bukti dukung ditautkan ke setiap indikator dari pustaka Bukti Dukung evaluasi.',
    );
    expect(old).not.toHaveTextContent(/butir|diketik dengan koma desimal|sumber sekunder/);
    expect(pemdi).not.toHaveTextContent(/47|tombol angka|tingkat bulat/);
    expect(screen.getByRole('region', { name: 'Penyimpanan data' })).toHaveTextContent(
      'Minta penyimpanan permanen',
    );
  });

  it('says how each instrument computes its index and predikat, and what "sementara" means', () => {
    renderApp('web', '/bantuan');
    const packs = screen.getByRole('region', { name: 'Cara menilai menurut instrumen' });
    const [pemdi, old] = within(packs).getAllByRole('listitem');
    // PermenPANRB 59/2020 Lampiran II.B.4 (Tabel 10–12) and Tabel 13.
    expect(old).toHaveTextContent(
      'Cara penghitungan: Indeks Aspek adalah jumlah hasil kali nilai setiap indikator dengan bobotnya, dibagi bobot aspek tersebut; Indeks Domain adalah jumlah hasil kali indeks aspek dengan bobotnya, dibagi bobot domain tersebut; Indeks SPBE adalah jumlah hasil kali indeks domain dengan bobotnya, dibagi 100.',
    );
    expect(old).toHaveTextContent(
      'Predikat Indeks SPBE: 4,2 – 5,0 Memuaskan; 3,5 – < 4,2 Sangat Baik; 2,6 – < 3,5 Baik; 1,8 – < 2,6 Cukup; < 1,8 Kurang.',
    );
    expect(old).toHaveTextContent('predikat dibaca dari nilai yang disajikan');
    expect(old).not.toHaveTextContent('indeks instansi lain');
    // pemdi-2026-sources.json: formula, predikat of Tabel 4, the four external-index indicators
    // counted 1 until their value arrives.
    expect(pemdi).toHaveTextContent(
      'Cara penghitungan: Indeks Aspek adalah jumlah hasil kali nilai setiap indikator dengan bobotnya, dibagi bobot aspek tersebut; Indeks Pemdi adalah jumlah hasil kali indeks aspek dengan bobotnya, dibagi 100.',
    );
    expect(pemdi).toHaveTextContent(
      'Predikat Indeks Pemdi: 1,00 – < 1,50 Kurang; 1,50 – < 2,50 Cukup; 2,50 – < 3,50 Baik; 3,50 – < 4,00 Sangat Baik; 4,00 – 5,00 Memuaskan.',
    );
    expect(pemdi).toHaveTextContent('predikat dibaca dari nilai tepatnya');
    expect(pemdi).toHaveTextContent(
      /Indikator 5, 6, 7, dan 18 bersumber dari indeks instansi lain \(Indeks SDI, .*\).*Selama nilai indeks itu belum dimasukkan, indikatornya dihitung 1,00 dan Indeks Pemdi bertanda sementara\./,
    );
    expect(packs).toHaveTextContent(
      /Selama masih ada indikator yang belum dinilai, indeks bertanda “sementara”: setiap indeks dihitung dari indikator yang sudah dinilai saja/,
    );
    expect(packs).toHaveTextContent(
      /Laporan bertanda SEMENTARA .* sampai seluruh indikator dinilai dan setiap jawaban berstatus Terverifikasi\./,
    );
  });

  it('describes a pack loaded from a file by its version, beside the built-in one', () => {
    // A corrected PermenPANRB 8/2026 pack whose Cukup starts at 1,60: Bantuan must not give
    // only the built-in bounds under the same title.
    const loaded = JSON.parse(JSON.stringify(findPack('permenpanrb-8-2026'))) as Mutable;
    loaded.version = '1.1.0';
    Object.assign(loaded.rating[0], { max: 1.6, text: '1,00 – < 1,60' });
    Object.assign(loaded.rating[1], { min: 1.6, text: '1,60 – < 2,50' });
    const check = loadPack(loaded);
    if (!check.ok) throw new Error(check.errors.join('; '));
    registerUserPacks([check.pack]);
    try {
      renderApp('web', '/bantuan');
      const packs = screen.getByRole('region', { name: 'Cara menilai menurut instrumen' });
      expect(
        within(packs)
          .getAllByRole('heading', { level: 3 })
          .map((h) => h.textContent),
      ).toEqual([
        'PermenPANRB 8/2026 — Evaluasi Kinerja Pemerintah Digital (versi 1.0.0)',
        'PermenPANRB 8/2026 — Evaluasi Kinerja Pemerintah Digital (versi 1.1.0, dimuat dari berkas)',
        'PermenPANRB 59/2020 — Pemantauan dan Evaluasi Sistem Pemerintahan Berbasis Elektronik (versi 1.0.0)',
        'Nilai dan laporan sementara',
      ]);
      expect(within(packs).getAllByRole('listitem')[1]).toHaveTextContent(
        'Predikat Indeks Pemdi: 1,00 – < 1,60 Kurang; 1,60 – < 2,50 Cukup;',
      );
    } finally {
      registerUserPacks([]);
    }
  });

  it('asks the browser for persistent storage in Settings and says the answer', async () => {
    const persist = stubStorage(false, true);
    renderApp('web', '/pengaturan');
    expect(await screen.findByText(/Belum diizinkan/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Minta penyimpanan permanen' }));
    expect(persist).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/Peramban mengizinkan penyimpanan permanen/)).toBeVisible();
    expect(screen.getByText(/^Ya: data tidak akan dihapus otomatis/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Minta penyimpanan permanen' })).toBeNull();
  });

  it('says when the browser refuses', async () => {
    stubStorage(false, false);
    renderApp('web', '/pengaturan');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Minta penyimpanan permanen' }),
    );
    expect(
      await screen.findByText(/Peramban belum mengizinkan penyimpanan permanen/),
    ).toBeVisible();
  });

  it('does not offer the request on the desktop', async () => {
    stubStorage(false, true);
    renderApp('desktop', '/pengaturan');
    // A desktop app speaks of the disk, not of a browser.
    expect(
      await screen.findByText(
        'Belum ditandai tetap: bila ruang disk hampir penuh, data dapat terhapus otomatis. Buat cadangan secara berkala dan simpan salinannya di luar komputer ini.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/peramban/i)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Minta penyimpanan permanen' })).toBeNull();
  });
});
