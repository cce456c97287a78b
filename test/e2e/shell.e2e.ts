import { expectNoSeriousViolations } from './accessibility';
import { expect, test } from './fixtures';

test('the app shell opens in Indonesian with its navigation', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Evaluasi SPBE');
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link', { name: 'Instrumen' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Tentang Aplikasi' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Daftar Evaluasi' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Daftar Evaluasi' })).toBeVisible();
});

test('the instrument page shows the 59/2020 structure, weights and predikat', async ({ page }) => {
  // Without a choice it opens on this year's instrument (PermenPANRB 8/2026 from 2026).
  await page.goto('/#/instrumen?paket=permenpanrb-59-2020');
  await expect(page.getByText('Domain 1. Kebijakan Internal SPBE')).toBeVisible();
  await expect(page.getByText('Domain 4. Layanan SPBE')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Indikator \d+\./ })).toHaveCount(47);
  const predikat = page.getByRole('table', { name: 'Rentang nilai tiap predikat' });
  await expect(predikat.getByRole('row')).toHaveCount(6);
  await expect(predikat).toContainText('2,6 – < 3,5');
  await expect(predikat).toContainText('Memuaskan');
});

test('an indicator page shows the question and the criteria of its five levels', async ({
  page,
}) => {
  await page.goto('/#/instrumen?paket=permenpanrb-59-2020');
  await page.getByRole('link', { name: /^Indikator 32\./ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Indikator 32. Tingkat Kematangan Layanan Perencanaan',
  );
  const levels = page.getByRole('list', { name: 'Kriteria tingkat indikator 32' });
  await expect(levels.getByRole('listitem')).toHaveCount(5);
  await expect(levels).toContainText('Tingkat 1 — Informasi');
  await expect(levels).toContainText('Tingkat 5 — Optimum');
});

test('the about page tells where the data lives', async ({ page }) => {
  await page.goto('/#/tentang');
  await expect(page.getByText(/Penyimpanan peramban \(IndexedDB\)/)).toBeVisible();
  // Both instruments are described and listed among the installed packs.
  await expect(page.getByText(/Indeks Pemdi,\s+PermenPANRB 8\/2026/)).toBeVisible();
  const packs = page.getByRole('list').filter({ hasText: 'paket permenpanrb-' });
  for (const title of ['PermenPANRB 59/2020', 'PermenPANRB 8/2026'])
    await expect(packs.getByRole('listitem').filter({ hasText: title })).toBeVisible();
});

test('the shell screens have no serious accessibility violations', async ({ page }) => {
  for (const route of [
    '/#/instrumen',
    '/#/instrumen/permenpanrb-59-2020/1.0.0/indikator/1',
    '/#/tentang',
  ]) {
    await page.goto(route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page, route);
  }
});
