/**
 * An unfinished merge is never lost: the coordinator loads two .spbe files and types the signer,
 * goes to another screen and comes back (and reloads the page): the merge screen offers the
 * draft with the time it was kept; "Lanjutkan" brings back the files and the typed name, "Buang"
 * removes it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { AppModel } from './pages/app-model';

const NO_FILES =
  'Belum ada berkas. Tambahkan paling sedikit dua berkas .spbe, atau satu berkas bila evaluasi dasar di komputer ini dipilih.';
const OFFER =
  /^Lanjutkan penggabungan yang belum selesai \(disimpan \d{1,2} \S+ \d{4} pukul \d{2}\.\d{2}\)\?$/;

test('navigation away from an unfinished merge and back offers the draft', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = test.info().outputPath('berkas');
  mkdirSync(dir, { recursive: true });
  const app = new AppModel(page);
  await app.createEvaluation({ name: 'Pemerintah Kota Balikpapan', region: 'Balikpapan' });
  await app.openIndicator(1);
  await app.chooseLevel(3);
  await app.justify('Perwal 14/2022 tentang SPBE ditetapkan.');
  await app.waitSaved();
  const first = await app.exportBundle(dir, { exporter: 'Ani Rahmawati' });
  await app.openIndicator(2);
  await app.chooseLevel(2);
  await app.justify('Kebijakan tata kelola ada, belum dievaluasi.');
  await app.waitSaved();
  const second = await app.exportBundle(dir, { exporter: 'Budi Santoso' });

  // The merge screen: two files and a typed signer.
  await page.getByRole('link', { name: 'Gabungkan Berkas' }).first().click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Gabungkan Berkas Asesor' }),
  ).toBeVisible();
  for (const file of [first, second]) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Tambah berkas .spbe…' }).click();
    await (await chooser).setFiles([file]);
    await expect(
      page.getByRole('table', { name: 'Berkas yang akan digabung' }).getByText(path.basename(file)),
    ).toBeVisible();
  }
  await page.getByLabel('Nama koordinator').fill('Sri Wahyuni');
  await expect(page.getByText(/^Draf penggabungan tersimpan /)).toBeVisible();

  // Away and back: the draft is offered.
  await page.getByRole('link', { name: 'Daftar Evaluasi' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Daftar Evaluasi' })).toBeVisible();
  await page.getByRole('link', { name: 'Gabungkan Berkas' }).first().click();
  const offer = page.getByRole('region', { name: 'Penggabungan yang belum selesai' });
  await expect(offer.getByText(OFFER)).toBeVisible();
  await expect(page.getByText(NO_FILES)).toBeVisible();
  await offer.getByRole('button', { name: 'Lanjutkan' }).click();
  const table = page.getByRole('table', { name: 'Berkas yang akan digabung' });
  await expect(table.getByText(path.basename(first))).toBeVisible();
  await expect(table.getByText(path.basename(second))).toBeVisible();
  await expect(page.getByLabel('Nama koordinator')).toHaveValue('Sri Wahyuni');
  await expect(offer).toHaveCount(0);

  // A reload keeps it too; "Buang" removes it for good.
  await page.reload();
  await expect(offer.getByText(OFFER)).toBeVisible();
  await offer.getByRole('button', { name: 'Buang' }).click();
  await expect(offer).toHaveCount(0);
  await expect(page.getByText(NO_FILES)).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Gabungkan Berkas Asesor' }),
  ).toBeVisible();
  await expect(page.getByText(NO_FILES)).toBeVisible();
  await expect(offer).toHaveCount(0);
});
