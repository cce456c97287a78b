/**
 * Every screen checked with axe: no serious or critical violation. One test per screen, each from
 * its own fresh evaluation, so a slow machine never runs one test past its time limit and a
 * failure names its screen.
 */
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './accessibility';
import { expect, test } from './fixtures';
import { pdf, writeFiles } from './files';
import { AppModel, PACK_PEMDI } from './pages/app-model';

/** An evaluation with a member, one answered indicator and one document: every section has data. */
async function evaluationWithData(page: Page): Promise<AppModel> {
  const app = new AppModel(page);
  const files = writeFiles(test.info().outputPath('bukti'), { 'perwal.pdf': pdf('Perwal') });
  await app.createEvaluation({ name: 'Pemerintah Kota Balikpapan', region: 'Balikpapan' });
  await app.addMember('Siti Aminah', 'Penanggung jawab', '1-10');
  await app.section('Penilaian Indikator');
  await app.chooseLevel(3);
  await app.justify('Ada peraturan.');
  await app.attachFiles([files['perwal.pdf']!]);
  await expect(page.getByRole('status').filter({ hasText: '1 dokumen ditambahkan' })).toBeVisible();
  await app.waitSaved();
  return app;
}

test('Penilaian Indikator passes axe', async ({ page }) => {
  await evaluationWithData(page);
  await expectNoSeriousViolations(page, 'penilaian');
});

for (const section of [
  'Dasbor',
  'Bukti Dukung',
  'Tim Asesor',
  'Riwayat',
  'Profil Instansi',
  'Laporan',
  'Pertukaran',
]) {
  test(`${section} passes axe`, async ({ page }) => {
    const app = await evaluationWithData(page);
    await app.section(section);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expectNoSeriousViolations(page, section);
  });
}

test('the Tambah anggota dialog passes axe', async ({ page }) => {
  const app = new AppModel(page);
  await app.createEvaluation({ name: 'Pemerintah Kota Balikpapan', region: 'Balikpapan' });
  await page.getByRole('button', { name: 'Tambah anggota' }).click();
  await expect(page.getByRole('dialog', { name: 'Tambah anggota tim' })).toBeVisible();
  await expectNoSeriousViolations(page, 'dialog anggota');
});

test('Daftar Evaluasi passes axe', async ({ page }) => {
  const app = new AppModel(page);
  await app.createEvaluation({ name: 'Pemerintah Kota Balikpapan', region: 'Balikpapan' });
  await app.openHome();
  await expectNoSeriousViolations(page, 'daftar evaluasi');
});

test('Evaluasi baru passes axe', async ({ page }) => {
  const app = new AppModel(page);
  await app.openHome();
  await page.getByRole('link', { name: 'Buat evaluasi baru' }).click();
  await expect(page.getByRole('button', { name: 'Buat evaluasi' })).toBeVisible();
  await expectNoSeriousViolations(page, 'evaluasi baru');
});

for (const [path, heading] of [
  ['/#/impor', 'Buka Berkas .spbe'],
  ['/#/gabung', 'Gabungkan Berkas Asesor'],
  ['/#/pengaturan', 'Pengaturan'],
  ['/#/bantuan', 'Bantuan'],
] as const) {
  test(`${heading} passes axe`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectNoSeriousViolations(page, heading);
  });
}

test('the dashboard’s charts are images named by their summary, not an unnamed Tab stop', async ({
  page,
}) => {
  const app = new AppModel(page);
  await app.createEvaluationFromProfile('Pemerintah Kota Bengkulu', 2026, PACK_PEMDI);
  await app.section('Dasbor');
  const chart = page.getByRole('img', { name: /^Diagram batang indeks aspek dibandingkan target/ });
  await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
  // recharts' keyboard layer made the drawing a Tab stop with role "application" and no name.
  await expect(page.locator('#konten svg[tabindex], #konten [role="application"]')).toHaveCount(0);
  // What a screen reader is given (Chromium's tree): no unnamed application, no English legend.
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; role?: { value?: unknown }; name?: { value?: unknown } }[];
  };
  const exposed = nodes
    .filter((n) => !n.ignored)
    .map((n) => `${String(n.role?.value)} "${String(n.name?.value ?? '')}"`)
    .filter((text) => text.startsWith('application ') || /legend icon/.test(text));
  expect(exposed).toEqual([]);
});
