/**
 * Backups in the browser build, as a user works with them: take a backup, change and delete data,
 * preview the backup and restore it, and find the earlier state; the restore kept the replaced
 * data as a backup, which downloads as a file and restores (one chosen evaluation) from disk; a
 * file that is not a backup is refused in the preview. The Cadangan screen and the preview pass
 * axe. Restoring the oldest kept backup works although the backup written before the restore
 * rotates it out of the store.
 */
import { expectNoSeriousViolations } from './accessibility';
import { expect, test } from './fixtures';
import { pdf, writeFiles } from './files';
import { AppModel } from './pages/app-model';

test('a backup restores the earlier state after a preview, and the restore can be undone', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new AppModel(page);
  const files = writeFiles(test.info().outputPath('bukti'), {
    'Perwal-14-2022-SPBE.pdf': pdf('Peraturan Wali Kota Balikpapan Nomor 14 Tahun 2022'),
    'bukan-cadangan.spbe': pdf('Ini dokumen PDF, bukan cadangan'),
  });

  // An evaluation with an answer and a document.
  await app.createEvaluation({
    name: 'Pemerintah Kota Balikpapan',
    region: 'Balikpapan',
    year: 2026,
  });
  await app.addMember('Siti Aminah', 'Penanggung jawab', '1-10');
  await app.section('Penilaian Indikator');
  await app.chooseLevel(3);
  await app.justify('Perwal Nomor 14 Tahun 2022 memuat arsitektur SPBE.');
  await app.attachFiles([files['Perwal-14-2022-SPBE.pdf']!]);
  await expect(page.getByRole('status').filter({ hasText: '1 dokumen ditambahkan' })).toBeVisible();
  await app.waitSaved();
  const evaluationUrl = page.url().replace(/\/indikator.*$/, '');

  // A backup, taken by the user.
  await app.openBackups();
  await app.backupNow();
  await expect(app.backupRow('Dibuat oleh pengguna')).toContainText(
    /\d{1,2} \w+ \d{4} pukul \d{2}\.\d{2}/,
  );
  await expectNoSeriousViolations(page, 'layar cadangan');

  // Work goes on: the level and its justification change, the document is deleted, another
  // evaluation is created.
  await page.goto(`${evaluationUrl}/indikator/1`);
  await app.chooseLevel(5);
  await app.justify('Diubah sesudah cadangan.');
  await app.waitSaved();
  await app.section('Bukti Dukung');
  await page.getByRole('button', { name: 'Hapus Perwal-14-2022-SPBE.pdf' }).click();
  await page.getByRole('button', { name: 'Hapus dokumen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Dokumen "Perwal-14-2022-SPBE.pdf" dihapus.' }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Pratinjau Perwal-14-2022-SPBE.pdf' }),
  ).toBeHidden();
  await expect(page.getByText('Perwal-14-2022-SPBE.pdf', { exact: true })).toBeHidden();
  await app.createEvaluation({
    name: 'Pemerintah Kabupaten Mojokerto',
    region: 'Mojokerto',
    kind: 'kabupaten',
    headTitle: 'Bupati',
    year: 2026,
  });

  // The preview says what the backup holds and what would happen to the current data.
  await app.openBackups();
  const preview = await app.previewBackup('Dibuat oleh pengguna');
  const held = preview.getByRole('table', { name: 'Evaluasi di dalam cadangan' });
  await expect(held.getByRole('row')).toHaveCount(2);
  await expect(held.getByRole('row').nth(1)).toContainText('Pemerintah Kota Balikpapan');
  await expect(held.getByRole('row').nth(1)).toContainText('2026');
  const plan = preview.getByRole('region', { name: 'Yang akan terjadi pada data di komputer ini' });
  await expect(
    plan.getByRole('listitem').filter({ hasText: 'Pemerintah Kota Balikpapan' }),
  ).toContainText('diganti dengan isi cadangan');
  await expect(
    plan.getByRole('listitem').filter({ hasText: 'Pemerintah Kabupaten Mojokerto' }),
  ).toContainText('dihapus');
  await expect(preview.getByText(/Oleh aplikasi/)).toBeVisible();
  await expectNoSeriousViolations(page, 'pratinjau cadangan');
  await app.confirmRestore();

  // The earlier state is back.
  await app.openHome();
  await expect(page.getByRole('link', { name: 'Pemerintah Kota Balikpapan' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Pemerintah Kabupaten Mojokerto' })).toBeHidden();
  await page.goto(`${evaluationUrl}/indikator/1`);
  await expect(page.getByRole('radio', { name: /^Tingkat 3 —/ })).toBeChecked();
  await expect(page.getByLabel('Penjelasan (alasan pemilihan tingkat)')).toHaveValue(
    'Perwal Nomor 14 Tahun 2022 memuat arsitektur SPBE.',
  );
  await app.section('Bukti Dukung');
  await expect(
    page.getByRole('button', { name: 'Pratinjau Perwal-14-2022-SPBE.pdf' }),
  ).toBeVisible();
  // The evaluation's history records the restore and the backup it came from.
  await app.section('Riwayat');
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: /Dipulihkan dari cadangan cadangan-.*\.spbe yang dibuat/ }),
  ).toBeVisible();

  // The replaced data was kept: download that backup and restore one evaluation from the file.
  await app.openBackups();
  const before = app.backupRow('Sebelum pemulihan');
  await expect(before).toBeVisible();
  const download = page.waitForEvent('download');
  await before.getByRole('button', { name: /^Unduh cadangan/ }).click();
  const saved = test.info().outputPath((await download).suggestedFilename());
  await (await download).saveAs(saved);
  expect(saved).toMatch(/cadangan-\d{4}-\d{2}-\d{2}-\d{6}-sebelum-pemulihan\.spbe$/);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Pulihkan dari berkas…' }).click();
  await (await chooser).setFiles(saved);
  const fromFile = await app.waitPreview();
  await fromFile.getByRole('radio', { name: /Pulihkan evaluasi yang dipilih saja/ }).check();
  await fromFile
    .getByRole('checkbox', {
      name: /^Pulihkan Pemerintah Kabupaten Mojokerto 2026, PermenPANRB 59\/2020 \(dibuat /,
    })
    .check();
  await expect(
    fromFile
      .getByRole('region', { name: 'Yang akan terjadi pada data di komputer ini' })
      .getByRole('listitem')
      .filter({ hasText: 'Pemerintah Kota Balikpapan' }),
  ).toContainText('tidak berubah');
  await app.confirmRestore();
  await app.openHome();
  await expect(page.getByRole('link', { name: 'Pemerintah Kabupaten Mojokerto' })).toBeVisible();
  await page.goto(`${evaluationUrl}/indikator/1`);
  await expect(page.getByRole('radio', { name: /^Tingkat 3 —/ })).toBeChecked();

  // A file that is not a backup is refused in the preview, and nothing changes.
  await app.openBackups();
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Pulihkan dari berkas…' }).click();
  await (await again).setFiles(files['bukan-cadangan.spbe']!);
  const refused = page.getByRole('dialog', { name: /^Pratinjau cadangan/ });
  await expect(refused.getByRole('alert')).toContainText('bukan arsip zip');
  await expect(refused.getByRole('alert')).toContainText('Data di komputer ini tidak diubah');
  await refused.getByRole('button', { name: 'Tutup', exact: true }).click();
});

test('the oldest kept backup restores although the backup before the restore rotates it out', async ({
  page,
}) => {
  const app = new AppModel(page);
  await app.createEvaluation({ name: 'Pemerintah Kota Bengkulu', region: 'Bengkulu' });
  await app.openBackups();
  await page.getByLabel('Jumlah cadangan yang disimpan').fill('2');
  await page.getByRole('button', { name: 'Simpan jumlah' }).click();
  await app.backupNow();
  await app.createEvaluation({ name: 'Pemerintah Kabupaten Mojokerto', region: 'Mojokerto' });
  await app.openBackups();
  await app.backupNow();
  const listed = page.getByRole('table', { name: 'Cadangan tersimpan, terbaru lebih dahulu' });
  // The header row and the two backups kept; the older one holds Bengkulu only.
  await expect(listed.getByRole('row')).toHaveCount(3);
  const oldest = listed.getByRole('row').nth(2);
  const oldestName = /cadangan-[\d-]+-manual\.spbe/.exec((await oldest.textContent()) ?? '')?.[0];
  expect(oldestName).toBeTruthy();
  await oldest.getByRole('button', { name: /^Pratinjau dan pulihkan/ }).click();
  const preview = await app.waitPreview();
  await expect(
    preview.getByRole('table', { name: 'Evaluasi di dalam cadangan' }).getByRole('row'),
  ).toHaveCount(2);
  await app.confirmRestore();

  await app.openHome();
  await expect(page.getByRole('link', { name: 'Pemerintah Kota Bengkulu' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Pemerintah Kabupaten Mojokerto' })).toBeHidden();
  // Two are kept: the backup of the data before the restore is among them.
  await app.openBackups();
  await expect(app.backupRow('Sebelum pemulihan')).toBeVisible();
  await expect(listed.getByRole('row')).toHaveCount(3);
  // The backup restored from was the oldest: the rotation removed it, after its bytes were read.
  await expect(listed.getByRole('row').filter({ hasText: oldestName! })).toHaveCount(0);
});

test('the About page says where backups live', async ({ page }) => {
  await page.goto('/#/tentang');
  await expect(page.getByRole('term').filter({ hasText: 'Lokasi cadangan' })).toBeVisible();
  await expect(
    page.getByRole('definition').filter({ hasText: 'Basis data cadangan di peramban ini' }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'kelola cadangan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cadangan' })).toBeVisible();
  await expect(
    page.getByText('Belum ada evaluasi, jadi belum ada yang perlu dicadangkan.'),
  ).toBeVisible();
});
