/**
 * "Ganti berkas" walked by an assessor on the Pemdi pack: one SK linked to two indicators (from
 * an indicator's page, from the library), its unsigned draft replaced by the signed file in the
 * Bukti Dukung library; the document keeps its title and both links, the indicator shows the new
 * file, and Riwayat records the replacement.
 */
import { expect } from '@playwright/test';
import { test } from './fixtures';
import { AppModel, PACK_PEMDI } from './pages/app-model';
import { pdf, writeFiles } from './files';

test('an SK linked to two indicators gets its signed file, keeping its title and links', async ({
  page,
}) => {
  const app = new AppModel(page);
  await app.createEvaluation({
    name: 'Pemerintah Kabupaten Mojokerto',
    region: 'Mojokerto',
    year: 2026,
    instrument: PACK_PEMDI,
  });
  const files = writeFiles(test.info().outputPath('bukti'), {
    'SK Tim SPBE draft.pdf': pdf('Draf SK tanpa tanda tangan'),
    'SK Tim SPBE ditandatangani.pdf': pdf('SK bertanda tangan basah dan cap'),
  });
  await app.openIndicator(1);
  await app.attachFiles([files['SK Tim SPBE draft.pdf']!]);
  const linked = page.getByRole('list', { name: 'Dokumen tertaut' });
  await expect(linked).toContainText('SK Tim SPBE draft');
  await app.openIndicator(3);
  // Found as among many documents: the words typed leave one, which is chosen.
  await page.getByLabel('Cari dokumen').fill('sk tim');
  await expect(page.getByLabel('Tautkan dokumen dari pustaka')).toHaveValue(/.+/);
  await page.getByRole('button', { name: 'Tautkan', exact: true }).click();
  await expect(linked).toContainText('SK Tim SPBE draft');

  await app.section('Bukti Dukung');
  const replaceButton = page.getByRole('button', { name: 'Ganti berkas SK Tim SPBE draft.pdf' });
  await replaceButton.click();
  const dialog = page.getByRole('dialog', { name: 'Ganti berkas: SK Tim SPBE draft' });
  await expect(dialog).toContainText('dan tautan ke indikator 1, 3 tetap');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Pilih berkas pengganti…' }).click();
  await (await chooser).setFiles(files['SK Tim SPBE ditandatangani.pdf']!);
  await expect(dialog).toContainText('Berkas pengganti: SK Tim SPBE ditandatangani.pdf');
  const confirm = dialog.getByRole('button', { name: 'Ganti berkas' });
  await expect(confirm).toBeFocused();
  await confirm.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText(
      'Berkas dokumen "SK Tim SPBE draft" diganti dengan "SK Tim SPBE ditandatangani.pdf". Judul, keterangan dan tautan ke indikator 1, 3 tetap.',
    ),
  ).toBeVisible();
  const again = page.getByRole('button', { name: 'Ganti berkas SK Tim SPBE ditandatangani.pdf' });
  await expect(again).toBeFocused();
  const row = page.getByRole('row').filter({ has: again });
  await expect(row).toContainText('SK Tim SPBE draft');
  await expect(row).toContainText('1, 3');
  await expect(page.getByRole('button', { name: /^Ganti berkas / })).toHaveCount(1);

  await app.openIndicator(1);
  await expect(
    linked.getByRole('checkbox', { name: 'SK Tim SPBE ditandatangani.pdf mendukung tingkat 1' }),
  ).toBeVisible();

  await app.section('Riwayat');
  await expect(page.getByRole('main')).toContainText('Berkas dokumen');
  await expect(page.getByRole('main')).toContainText('SK Tim SPBE ditandatangani.pdf');
});
