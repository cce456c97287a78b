/**
 * What must survive: a restarted browser profile keeps everything; a renderer killed mid-typing
 * loses at most the last keystrokes; hostile or unusable files are refused with a message and
 * change nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { baseURL, chromiumArgs, chromiumPath } from './browser';
import { expect, test } from './fixtures';
import { killProcessesMatching, pdf, writeFiles } from './files';
import { AppModel } from './pages/app-model';

test('a restarted browser profile finds the evaluation, answers and evidence', async () => {
  const profile = mkdtempSync(path.join(tmpdir(), 'spbe-profil-'));
  const files = writeFiles(test.info().outputPath('bukti'), {
    'perbup-15-2021.pdf': pdf('Peraturan Bupati Mojokerto 15 2021'),
  });
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args: chromiumArgs,
      baseURL,
      locale: 'id-ID',
    });

  let context = await launch();
  let page = context.pages()[0] ?? (await context.newPage());
  let app = new AppModel(page);
  await app.createEvaluation({
    name: 'Pemerintah Kabupaten Mojokerto',
    region: 'Mojokerto',
    kind: 'kabupaten',
  });
  await app.section('Penilaian Indikator');
  await app.chooseLevel(3);
  await app.justify('Perbup Nomor 15 Tahun 2021 tentang Tata Kelola SPBE.');
  await app.attachFiles([files['perbup-15-2021.pdf']!]);
  await expect(page.getByRole('status').filter({ hasText: '1 dokumen ditambahkan' })).toBeVisible();
  await app.waitSaved();
  await context.close();

  context = await launch();
  page = context.pages()[0] ?? (await context.newPage());
  app = new AppModel(page);
  await app.openHome();
  await page.getByRole('link', { name: 'Pemerintah Kabupaten Mojokerto' }).click();
  await app.openIndicator(1);
  await expect(page.getByRole('radio', { name: /^Tingkat 3 —/ })).toBeChecked();
  await expect(page.getByLabel('Penjelasan (alasan pemilihan tingkat)')).toHaveValue(
    'Perbup Nomor 15 Tahun 2021 tentang Tata Kelola SPBE.',
  );
  await expect(
    page.getByRole('list', { name: 'Dokumen tertaut' }).getByRole('listitem'),
  ).toHaveCount(1);
  await context.close();
});

test('a browser killed while typing keeps the last saved state whole', async () => {
  const profile = mkdtempSync(path.join(tmpdir(), 'spbe-profil-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args: chromiumArgs,
      baseURL,
      locale: 'id-ID',
    });
  const context = await launch();
  const page = context.pages()[0] ?? (await context.newPage());
  const app = new AppModel(page);
  await app.createEvaluation({ name: 'Pemerintah Kota Bandar Lampung', region: 'Bandar Lampung' });
  await app.section('Penilaian Indikator');
  await app.chooseLevel(2);
  await app.justify('Kalimat pertama yang sudah tersimpan.');
  await app.waitSaved();
  const url = page.url();
  // Keep typing, then kill every process of this browser at once (as when the laptop dies).
  await page
    .getByLabel('Penjelasan (alasan pemilihan tingkat)')
    .pressSequentially(' Tambahan', { delay: 5 });
  expect(killProcessesMatching(`--user-data-dir=${profile}`)).toBeGreaterThan(0);
  await context.close().catch(() => undefined);

  const again = await launch();
  const fresh = again.pages()[0] ?? (await again.newPage());
  await fresh.goto(url);
  const text = await fresh.getByLabel('Penjelasan (alasan pemilihan tingkat)').inputValue();
  // The earlier saved state is whole; at most the last keystrokes are missing.
  expect(text.startsWith('Kalimat pertama yang sudah tersimpan.')).toBe(true);
  expect('Kalimat pertama yang sudah tersimpan. Tambahan'.startsWith(text)).toBe(true);
  await expect(fresh.getByRole('radio', { name: /^Tingkat 2 —/ })).toBeChecked();
  await again.close();
});

test('unusable and hostile files are refused with a message and nothing changes', async ({
  page,
}) => {
  const app = new AppModel(page);
  const files = writeFiles(test.info().outputPath('bukti'), {
    'kosong.pdf': Buffer.alloc(0),
    'program-berbahaya.pdf': Buffer.from('MZ\x90\x00\x03\x00\x00\x00 bukan dokumen pdf', 'latin1'),
    'skrip.exe': Buffer.from('MZ\x90\x00', 'latin1'),
    'laporan-besar.pdf': Buffer.concat([pdf('Laporan'), Buffer.alloc(2 * 1024 * 1024, 0x20)]),
    'sk-sah.pdf': pdf('SK Tim Koordinasi'),
  });
  await page.goto('/#/pengaturan');
  await page.getByLabel('Batas ukuran satu berkas (MB)').fill('1');
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText('Batas ukuran berkas bukti dukung: 1 MB.')).toBeVisible();

  await app.createEvaluation({
    name: 'Pemerintah Kabupaten Belitung Timur',
    region: 'Belitung Timur',
    kind: 'kabupaten',
  });
  await app.section('Penilaian Indikator');
  await app.chooseLevel(2);
  await app.justify('Penjelasan yang tidak boleh berubah.');
  await app.attachFiles([files['sk-sah.pdf']!]);
  await expect(page.getByRole('status').filter({ hasText: '1 dokumen ditambahkan' })).toBeVisible();
  await app.waitSaved();

  // Refused at once, before the title-and-kind step, which does not open for them.
  await app.attachFiles(
    [
      files['kosong.pdf']!,
      files['program-berbahaya.pdf']!,
      files['skrip.exe']!,
      files['laporan-besar.pdf']!,
    ],
    'Tambah berkas…',
    false,
  );
  const notices = page.getByRole('status');
  await expect(
    notices.filter({ hasText: 'Berkas "kosong.pdf" kosong (0 bita) dan tidak disimpan.' }),
  ).toBeVisible();
  await expect(
    notices.filter({
      hasText: 'Isi berkas "program-berbahaya.pdf" tidak sesuai dengan jenisnya (.pdf)',
    }),
  ).toBeVisible();
  await expect(
    notices.filter({ hasText: 'Jenis berkas "skrip.exe" tidak diterima sebagai bukti dukung' }),
  ).toBeVisible();
  await expect(
    notices.filter({
      hasText: /Berkas "laporan-besar.pdf" berukuran 2,0 MB, melebihi batas 1,0 MB per berkas/,
    }),
  ).toBeVisible();
  await expect(app.uploadDialog()).toBeHidden();

  await page.reload();
  await expect(page.getByRole('radio', { name: /^Tingkat 2 —/ })).toBeChecked();
  await expect(page.getByLabel('Penjelasan (alasan pemilihan tingkat)')).toHaveValue(
    'Penjelasan yang tidak boleh berubah.',
  );
  await expect(
    page.getByRole('list', { name: 'Dokumen tertaut' }).getByRole('listitem'),
  ).toHaveCount(1);
  await app.section('Bukti Dukung');
  await expect(page.getByText('1 dokumen ·')).toBeVisible();
});
