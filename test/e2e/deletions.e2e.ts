/**
 * Deletions travel, as people do it on separate laptops: the coordinator sends the evaluation
 * out with two documents; assessor Ani deletes one of them and sends her file back; assessor
 * Budi answers another indicator (his copy still holds the document) and sends his part. The
 * coordinator merges both onto the evaluation as the base: the deleted document is not in the
 * result (not brought back by the base's or Budi's copy), and the Berita Acara lists the deletion.
 */
import { mkdirSync } from 'node:fs';
import type { AppModel } from './pages/app-model';
import { expect, test } from './fixtures';
import { pdf, writeFiles } from './files';
import { laptop } from './support/laptop';

async function answer(app: AppModel, indicator: number, level: number, text: string) {
  await app.openIndicator(indicator);
  await app.chooseLevel(level);
  await app.justify(text);
  await app.waitSaved();
}

test('a document deleted by one assessor stays deleted in the coordinator’s merge, and the Berita Acara says so', async () => {
  test.setTimeout(300_000);
  const dir = test.info().outputPath('berkas');
  mkdirSync(dir, { recursive: true });
  const files = writeFiles(test.info().outputPath('bukti'), {
    'perwal-14-2022.pdf': pdf('Peraturan Wali Kota Balikpapan 14 2022 tentang SPBE'),
    'laporan-integrasi.pdf': pdf('Laporan integrasi layanan SPBE 2026'),
  });
  const coordinator = await laptop('koordinator-hapus');
  const ani = await laptop('ani-hapus');
  const budi = await laptop('budi-hapus');
  try {
    // The coordinator: evaluation, team, one answer with two documents; sends it out.
    await coordinator.app.createEvaluation({
      name: 'Pemerintah Kota Balikpapan',
      region: 'Balikpapan',
    });
    await coordinator.app.addMember('Sri Wahyuni', 'Koordinator SPBE');
    await coordinator.app.addMember('Ani Rahmawati', 'Anggota', '1-3');
    await coordinator.app.addMember('Budi Santoso', 'Anggota', '4-5');
    await coordinator.app.actAs('Sri Wahyuni');
    await answer(coordinator.app, 1, 3, 'Perwal 14/2022 tentang SPBE ditetapkan dan dilaksanakan.');
    await coordinator.app.attachFiles([
      files['perwal-14-2022.pdf']!,
      files['laporan-integrasi.pdf']!,
    ]);
    await expect(
      coordinator.page.getByRole('status').filter({ hasText: '2 dokumen ditambahkan' }),
    ).toBeVisible();
    const sent = await coordinator.app.exportBundle(dir);

    // Ani deletes the Perwal (it was revoked) and sends her whole evaluation back.
    await ani.app.importNew(sent);
    await ani.app.actAs('Ani Rahmawati');
    await ani.app.section('Bukti Dukung');
    await ani.page.getByRole('button', { name: 'Hapus perwal-14-2022.pdf' }).click();
    const confirm = ani.page.getByRole('dialog', { name: 'Hapus dokumen?' });
    await confirm.getByRole('button', { name: 'Hapus dokumen' }).click();
    await expect(
      ani.page.getByRole('status').filter({ hasText: 'Dokumen "perwal-14-2022.pdf" dihapus.' }),
    ).toBeVisible();
    await expect(ani.page.getByRole('button', { name: 'Hapus perwal-14-2022.pdf' })).toHaveCount(0);
    const fromAni = await ani.app.exportBundle(dir);

    // Budi answers another indicator; his copy still holds the Perwal.
    await budi.app.importNew(sent);
    await budi.app.actAs('Budi Santoso');
    await answer(budi.app, 4, 2, 'Anggaran SPBE direncanakan per OPD.');
    const fromBudi = await budi.app.exportBundle(dir, { mine: true });

    // The coordinator merges both onto the evaluation as the base.
    const page = coordinator.page;
    await coordinator.app.section('Pertukaran');
    await page.getByRole('link', { name: 'Gabungkan dengan evaluasi ini sebagai dasar' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Gabungkan Berkas Asesor' }),
    ).toBeVisible();
    await expect(page.getByLabel('Evaluasi dasar di komputer ini (opsional)')).toHaveValue(/.+/);
    for (const file of [fromAni, fromBudi]) {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Tambah berkas .spbe…' }).click();
      await (await chooser).setFiles([file]);
    }
    const table = page.getByRole('table', { name: 'Berkas yang akan digabung' });
    await expect(table.getByRole('row')).toHaveCount(3);
    const deletions = page.getByRole('region', { name: 'Penghapusan', exact: true });
    await expect(deletions).toContainText('1 penghapusan diterapkan');
    await expect(deletions).toContainText('perwal-14-2022.pdf');
    await expect(deletions).toContainText('Ani Rahmawati');
    await expect(page.getByLabel('Nama koordinator')).toHaveValue('Sri Wahyuni');
    await page.getByRole('button', { name: 'Simpan hasil penggabungan' }).click();

    // The Berita Acara lists the deletion applied.
    const minutes = page.getByRole('article', { name: 'BERITA ACARA REKONSILIASI' });
    await expect(minutes).toBeVisible();
    await expect(
      minutes.getByRole('heading', { name: 'E. Penghapusan Dokumen, Tautan, dan Anggota Tim' }),
    ).toBeVisible();
    const row = minutes.getByRole('row').filter({ hasText: 'perwal-14-2022.pdf' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Dokumen bukti dukung');
    await expect(row).toContainText('Ani Rahmawati');
    await expect(minutes).not.toContainText('tidak dapat diketahui');

    // The merged evaluation holds Budi's answer and the other document, not the Perwal.
    await page.getByRole('link', { name: 'Buka evaluasi hasil penggabungan' }).click();
    await coordinator.app.openIndicator(4);
    await expect(page.getByRole('radio', { name: /^Tingkat 2 —/ })).toBeChecked();
    await coordinator.app.section('Bukti Dukung');
    await expect(page.getByRole('button', { name: 'Hapus laporan-integrasi.pdf' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Hapus perwal-14-2022.pdf' })).toHaveCount(0);
  } finally {
    const errors = [...coordinator.errors, ...ani.errors, ...budi.errors];
    await Promise.all([coordinator.context.close(), ani.context.close(), budi.context.close()]);
    expect(errors, 'Tidak boleh ada galat di konsol').toEqual([]);
  }
});
