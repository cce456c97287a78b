/** Every screen of the workspace, checked with axe: no serious or critical violation. */
import { expectNoSeriousViolations } from './accessibility';
import { expect, test } from './fixtures';
import { pdf, writeFiles } from './files';
import { AppModel } from './pages/app-model';

test('every workspace screen passes axe without serious violations', async ({ page }) => {
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

  const check = (label: string) => expectNoSeriousViolations(page, label);
  await check('penilaian');
  for (const section of [
    'Dasbor',
    'Bukti Dukung',
    'Tim Asesor',
    'Riwayat',
    'Profil Instansi',
    'Laporan',
    'Pertukaran',
  ]) {
    await app.section(section);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await check(section);
  }
  await app.section('Tim Asesor');
  await page.getByRole('button', { name: 'Tambah anggota' }).click();
  await check('dialog anggota');
  await page.getByRole('button', { name: 'Batal' }).click();
  await app.openHome();
  await check('daftar evaluasi');
  await page.getByRole('link', { name: 'Buat evaluasi baru' }).click();
  await check('evaluasi baru');
  await page.goto('/#/impor');
  await expect(page.getByRole('heading', { level: 1, name: 'Buka Berkas .spbe' })).toBeVisible();
  await check('buka berkas');
  await page.goto('/#/gabung');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Gabungkan Berkas Asesor' }),
  ).toBeVisible();
  await check('gabungkan berkas');
  await page.goto('/#/pengaturan');
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeVisible();
  await check('pengaturan');
});
