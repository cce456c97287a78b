/**
 * Nothing typed is lost at the limits, in the browser build: a 300-character evidence file name
 * is kept under a shortened name; a 25 000-character "Penjelasan" is never reported as saved and
 * survives leaving the indicator; a second evaluation of one instansi and year is asked for and
 * named "(salinan 2)"; a database that an older version left with an over-long file name still
 * backs up, exports and restores.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pdf } from './files';
import { AppModel } from './pages/app-model';

const LONG_NAME = `${'Laporan evaluasi penerapan SPBE Pemerintah Kota Balikpapan '.repeat(5)}akhir.pdf`;

/** The title-and-kind step after choosing files: skipped (the suggestions shown are stored). */
async function skipUploadDetails(page: Page): Promise<void> {
  await page
    .getByRole('dialog', { name: /^Judul dan jenis/ })
    .getByRole('button', { name: 'Lewati' })
    .click();
}

/** Writes an over-long name into every stored document, as versions before the limit did. */
async function seedOverLongNames(page: Page, name: string): Promise<void> {
  await page.evaluate(async (fileName) => {
    const open = indexedDB.open('evaluasi-spbe');
    const idb: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = idb.transaction(['evidence'], 'readwrite');
    const store = tx.objectStore('evidence');
    await new Promise<void>((resolve, reject) => {
      const cursor = store.openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return resolve();
        c.update({ ...c.value, fileName });
        c.continue();
      };
      cursor.onerror = () => reject(cursor.error);
    });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    idb.close();
  }, name);
}

test('a 300-character file name is kept under a shortened name, said where the user acts', async ({
  page,
}) => {
  const app = new AppModel(page);
  await app.createEvaluation({
    name: 'Pemerintah Kota Balikpapan',
    region: 'Balikpapan',
    year: 2025,
  });
  await app.section('Bukti Dukung');
  const name = `${'a'.repeat(296)}.pdf`;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Tambah berkas…' }).first().click();
  await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer: pdf('Isi laporan') });
  await skipUploadDetails(page);
  await expect(
    page.getByText(/Nama berkas terlalu panjang \(300 karakter, paling banyak 255\)/),
  ).toBeVisible();
  await expect(page.getByText('1 dokumen ditambahkan').first()).toBeVisible();
  // The original name is in the history.
  await app.section('Riwayat');
  await expect(
    page.getByText(/Nama berkas asli \(300 karakter\) dipendekkan/).first(),
  ).toBeVisible();
});

test('a 25 000-character justification is never "tersimpan" and survives leaving the indicator', async ({
  page,
}) => {
  const app = new AppModel(page);
  await app.createEvaluation({
    name: 'Pemerintah Kota Balikpapan',
    region: 'Balikpapan',
    year: 2025,
  });
  await app.openIndicator(1);
  await app.justify('Perwal Nomor 14 Tahun 2022.');
  await app.waitSaved();
  const long = 'x'.repeat(25_000);
  await app.justify(long);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Belum tersimpan: penjelasan melebihi 20.000 karakter' }),
  ).toBeVisible();
  await expect(page.getByText(/Penjelasan paling banyak 20\.000 karakter/)).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Semua perubahan tersimpan' }),
  ).toHaveCount(0);

  await app.openIndicator(2);
  await app.openIndicator(1);
  const field = page.getByLabel('Penjelasan (alasan pemilihan tingkat)');
  await expect(field).toHaveValue(long);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Belum tersimpan: penjelasan melebihi 20.000 karakter' }),
  ).toBeVisible();

  await app.justify('Perwal Nomor 14 Tahun 2022, diperbarui.');
  await app.waitSaved();
});

test('a second evaluation of one instansi and year is asked for and named "(salinan 2)"', async ({
  page,
}) => {
  const app = new AppModel(page);
  await app.createEvaluation({
    name: 'Pemerintah Kota Balikpapan',
    region: 'Balikpapan',
    year: 2025,
  });
  await app.openHome();
  await page.getByRole('link', { name: 'Buat evaluasi baru' }).click();
  await page.getByLabel('Tahun evaluasi').fill('2025');
  await app.chooseInstrument('permenpanrb-59-2020');
  await page.getByLabel('Nama instansi').fill('Pemerintah Kota Balikpapan');
  await page.getByLabel('Nama daerah').fill('Balikpapan');
  await page.getByRole('button', { name: 'Buat evaluasi' }).click();
  const dialog = page.getByRole('dialog', {
    name: 'Evaluasi dengan instansi dan tahun yang sama sudah ada',
  });
  await expect(dialog).toContainText('"Pemerintah Kota Balikpapan (salinan 2)"');
  await dialog.getByRole('button', { name: 'Tetap buat evaluasi' }).click();
  await expect(page.getByRole('heading', { name: 'Tim Asesor Internal' })).toBeVisible();
  await expect(page.getByText('Pemerintah Kota Balikpapan (salinan 2) · 2025')).toBeVisible();

  await app.openHome();
  await expect(
    page.getByRole('link', { name: 'Pemerintah Kota Balikpapan', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Pemerintah Kota Balikpapan (salinan 2)' }),
  ).toBeVisible();
  await page
    .getByRole('button', { name: 'Hapus evaluasi Pemerintah Kota Balikpapan (salinan 2) 2025' })
    .click();
  await expect(page.getByRole('dialog', { name: 'Hapus evaluasi?' })).toContainText(
    'Pemerintah Kota Balikpapan (salinan 2) tahun 2025',
  );
});

test('a database holding an over-long file name still backs up, exports and restores', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new AppModel(page);
  await app.createEvaluation({
    name: 'Pemerintah Kota Balikpapan',
    region: 'Balikpapan',
    year: 2025,
  });
  await app.section('Bukti Dukung');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Tambah berkas…' }).first().click();
  await (
    await chooser
  ).setFiles({
    name: 'laporan.pdf',
    mimeType: 'application/pdf',
    buffer: pdf('Laporan'),
  });
  await skipUploadDetails(page);
  await expect(page.getByText('1 dokumen ditambahkan').first()).toBeVisible();
  const evaluationUrl = page.url().replace(/\/bukti.*$/, '');

  // As an older version left it: the stored name over the limit.
  await seedOverLongNames(page, LONG_NAME);
  await page.reload();

  // The backup is written whole.
  await app.openBackups();
  await app.backupNow();

  // The export works: the name is shortened first, its original kept in the history.
  await page.goto(evaluationUrl);
  const file = await app.exportBundle(test.info().outputPath('ekspor'), {
    exporter: 'Siti Aminah',
  });
  expect(path.extname(file)).toBe('.spbe');
  await app.section('Riwayat');
  await expect(
    page.getByText(/Nama berkas asli \(\d+ karakter\) dipendekkan/).first(),
  ).toBeVisible();

  // The backup (still holding the long name) restores, and says it shortened the name.
  await app.openBackups();
  const dialog = await app.previewBackup('Dibuat oleh pengguna');
  await dialog.getByRole('checkbox', { name: /^Saya mengerti/ }).check();
  await dialog.getByRole('button', { name: 'Pulihkan cadangan' }).click();
  await expect(dialog.getByText(/1 nama berkas bukti dukung melebihi 255 karakter/)).toBeVisible({
    timeout: 30_000,
  });
  await dialog.getByRole('button', { name: 'Tutup', exact: true }).click();
  await expect(dialog).toBeHidden();

  await page.goto(evaluationUrl);
  await app.section('Bukti Dukung');
  await expect(page.getByText(/Laporan evaluasi penerapan SPBE.*…\.pdf/).first()).toBeVisible();
});
