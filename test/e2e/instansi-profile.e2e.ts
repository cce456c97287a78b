/**
 * The instansi as a Diskominfo officer fills it on a 1366×768 laptop: on the Profil Instansi tab
 * the evaluation year and the two ends of the self-assessment period read as one row; in the
 * regional profile editor the article quoting the head-of-region title has room to be read.
 */
import { expect, test } from './fixtures';
import { AppModel } from './pages/app-model';

test.use({ viewport: { width: 1366, height: 768 } });

test('1366×768: the year and the self-assessment period of the Profil Instansi sit on one row', async ({
  page,
}) => {
  const app = new AppModel(page);
  await app.createEvaluationFromProfile('Pemerintah Kabupaten Mojokerto', 2026);
  await app.section('Profil Instansi');
  const year = page.getByLabel('Tahun evaluasi');
  const start = page.getByLabel('Awal periode penilaian mandiri');
  const end = page.getByLabel('Akhir periode penilaian mandiri');
  await expect(end).toBeVisible();
  const [y, s, e] = await Promise.all([year, start, end].map((l) => l.boundingBox()));
  expect(y && s && e, 'kolom tahun dan periode tidak tampak').toBeTruthy();
  // One row, in reading order: year, start, end.
  expect(Math.abs(s!.y - y!.y)).toBeLessThan(4);
  expect(Math.abs(e!.y - y!.y)).toBeLessThan(4);
  expect(y!.x).toBeLessThan(s!.x);
  expect(s!.x).toBeLessThan(e!.x);
});

test('1366×768: the quote of the article naming the head of region is wide enough to read in the profile editor', async ({
  page,
}) => {
  const app = new AppModel(page);
  await app.openHome();
  await app.openProfiles();
  await page
    .getByRole('button', {
      name: 'Salin profil Pemerintah Kabupaten Mojokerto menjadi profil sendiri',
    })
    .click();
  const citation = page.getByRole('group', { name: 'Pasal yang menyebut kepala daerah' });
  const quote = citation.getByLabel('Kutipan');
  await expect(quote).toHaveValue('Bupati adalah Bupati Mojokerto.');
  const [quoteBox, nameBox] = await Promise.all([
    quote.boundingBox(),
    page.getByRole('textbox', { name: 'Nama instansi' }).boundingBox(),
  ]);
  expect(quoteBox && nameBox, 'kolom kutipan atau nama instansi tidak tampak').toBeTruthy();
  // At least as wide as a field of the row above (it was a third of that: a word a line).
  expect(quoteBox!.width).toBeGreaterThanOrEqual(nameBox!.width);
});
