/**
 * The assessor's workspace as a user works in it: create an evaluation, build the team, score
 * indicators with justifications and real evidence files, see the index, reload and find
 * everything, duplicate to a new year.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { pdf, writeFiles } from './files';
import { AppModel } from './pages/app-model';
import { brokenWords } from './support/broken-words';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/spbe-eval.cjs');

/** What the command line says for the same levels. */
function cliScore(levels: Record<number, number>): { display: string; rating: string } {
  const file = path.join(test.info().outputPath('levels.json'));
  writeFiles(path.dirname(file), {
    'levels.json': JSON.stringify({ instrument: 'permenpanrb-59-2020', levels }),
  });
  const out = JSON.parse(
    execFileSync(process.execPath, [cli, 'score', file, '--json'], { encoding: 'utf8' }),
  );
  return out.overall;
}

test('an assessor scores indicators with evidence and finds everything after a reload', async ({
  page,
}) => {
  const app = new AppModel(page);
  const files = writeFiles(test.info().outputPath('bukti'), {
    'Perwal-14-2022-SPBE.pdf': pdf('Peraturan Wali Kota Balikpapan Nomor 14 Tahun 2022'),
    'notulen-reviu-arsitektur.pdf': pdf('Notulen reviu arsitektur SPBE'),
    'tangkapan-layar-portal.png': readFileSync(path.join(root, 'assets/favicon.png')),
  });

  await app.createEvaluation({
    name: 'Pemerintah Kota Balikpapan',
    region: 'Balikpapan',
    year: 2026,
    logo: files['tangkapan-layar-portal.png']!,
  });
  await app.addMember('Siti Aminah', 'Penanggung jawab', '1-20');
  await expect(page.getByLabel('Saya')).toHaveValue(/.+/);

  // Indicator 1: level by click, justification, two documents through the file chooser.
  await app.section('Penilaian Indikator');
  await expect(page.getByRole('heading', { level: 2, name: /^Indikator 1\./ })).toBeVisible();
  await app.chooseLevel(3);
  await app.justify(
    'Perwal Nomor 14 Tahun 2022 memuat referensi dan keenam domain Arsitektur SPBE.',
  );
  await app.attachFiles([
    files['Perwal-14-2022-SPBE.pdf']!,
    files['notulen-reviu-arsitektur.pdf']!,
  ]);
  await expect(page.getByRole('status').filter({ hasText: '2 dokumen ditambahkan' })).toBeVisible();
  const evidence = page.getByRole('region', { name: 'Bukti dukung indikator 1' });
  await expect(
    evidence
      .getByRole('list', { name: 'Dokumen tertaut' })
      .getByRole('listitem')
      .filter({ hasText: 'Perwal 14 2022 SPBE' }),
  ).toBeVisible();
  // Both documents back level 3; level 2 still lacks a document: the cumulative warning shows.
  const warning = evidence.getByText(/tingkat 2 belum didukung dokumen/);
  await expect(warning).toBeVisible();
  await evidence
    .getByRole('checkbox', { name: 'Perwal-14-2022-SPBE.pdf mendukung tingkat 2' })
    .check();
  await expect(warning).toBeHidden();
  await app.waitSaved();

  // Indicator 2: level with the keyboard (key 2) after moving on with Alt+↓.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('heading', { level: 2, name: /^Indikator 2\./ })).toBeVisible();
  await page.getByText('Pertanyaan').click();
  await page.keyboard.press('2');
  await expect(page.getByRole('radio', { name: /^Tingkat 2 —/ })).toBeChecked();
  await app.justify('Kebijakan peta rencana ditetapkan, belum memuat seluruh muatan.');
  await app.waitSaved();

  // Indicator 32 (service scale) from the navigator, with a screenshot as evidence.
  await page
    .getByRole('navigation', { name: 'Daftar indikator' })
    .getByRole('link', { name: /^Indikator 32,/ })
    .click();
  await expect(page.getByRole('radio', { name: 'Tingkat 3 — Transaksi' })).toBeVisible();
  await app.chooseLevel(4);
  await page.getByLabel('Perangkat daerah penanggung jawab').fill('Bappeda');
  await app.attachFiles([files['tangkapan-layar-portal.png']!]);
  await expect(page.getByRole('status').filter({ hasText: '1 dokumen ditambahkan' })).toBeVisible();
  await app.waitSaved();

  // The dashboard agrees with the command line for the same levels.
  await app.section('Dasbor');
  const expected = cliScore({ 1: 3, 2: 2, 32: 4 });
  await expect(app.indexValue()).toHaveText(expected.display);
  await expect(
    page.getByText(`${expected.display} · ${expected.rating} (sementara)`).first(),
  ).toBeVisible();
  await expect(page.getByText('44 indikator belum dijawab')).toBeVisible();

  // Reload: everything is still there.
  await page.reload();
  await app.openIndicator(1);
  await expect(page.getByRole('radio', { name: /^Tingkat 3 —/ })).toBeChecked();
  await expect(page.getByLabel('Penjelasan (alasan pemilihan tingkat)')).toHaveValue(
    /keenam domain Arsitektur SPBE/,
  );
  await expect(
    page
      .getByRole('region', { name: 'Bukti dukung indikator 1' })
      .getByRole('list', { name: 'Dokumen tertaut' })
      .getByRole('listitem'),
  ).toHaveCount(2);
  await app.openIndicator(32);
  await expect(page.getByLabel('Perangkat daerah penanggung jawab')).toHaveValue('Bappeda');

  // The library holds three documents, each once.
  await app.section('Bukti Dukung');
  await expect(page.getByText('3 dokumen ·')).toBeVisible();
  await page.getByLabel('Indikator', { exact: true }).selectOption('1');
  await expect(
    page.getByRole('table', { name: 'Dokumen bukti dukung' }).getByRole('row'),
  ).toHaveCount(3);

  // The history of indicator 1 names the assessor.
  await app.openIndicator(1);
  await page.getByText('Riwayat perubahan indikator 1').click();
  const history = page.getByRole('table', { name: 'Riwayat perubahan' });
  await expect(history.getByRole('cell', { name: 'Siti Aminah' }).first()).toBeVisible();
  // Names and words stay whole in its cells ("Siti Ami nah" came from cells breaking anywhere).
  expect(await brokenWords(history.getByRole('cell'))).toEqual([]);
});

test('the same file twice is stored once and linked twice', async ({ page }) => {
  const app = new AppModel(page);
  const files = writeFiles(test.info().outputPath('bukti'), {
    'sk-tim-koordinasi.pdf': pdf('SK Tim Koordinasi SPBE'),
  });
  await app.createEvaluation({
    name: 'Pemerintah Kabupaten Mojokerto',
    region: 'Mojokerto',
    kind: 'kabupaten',
  });
  await app.section('Penilaian Indikator');
  await app.openIndicator(10);
  await app.attachFiles([files['sk-tim-koordinasi.pdf']!]);
  await expect(page.getByRole('status').filter({ hasText: '1 dokumen ditambahkan' })).toBeVisible();
  await app.openIndicator(19);
  // The copy is not asked about (nothing typed for it would be kept): told and linked at once.
  await app.attachFiles([files['sk-tim-koordinasi.pdf']!], 'Tambah berkas…', false);
  await expect(page.getByRole('status').filter({ hasText: 'sudah ada di pustaka' })).toBeVisible();
  await expect(app.uploadDialog()).toBeHidden();
  await app.section('Bukti Dukung');
  await expect(page.getByText('1 dokumen ·')).toBeVisible();
  await expect(page.getByRole('cell', { name: '10, 19' })).toBeVisible();
});

test('duplicating last year gives a new year with answers to review', async ({ page }) => {
  const app = new AppModel(page);
  await app.createEvaluation({
    name: 'Pemerintah Kota Bengkulu',
    region: 'Bengkulu',
    year: 2025,
    headTitle: 'Walikota',
  });
  await app.section('Penilaian Indikator');
  await app.chooseLevel(2);
  await app.justify('Konsep kebijakan arsitektur sudah ada.');
  await app.waitSaved();
  await app.openHome();
  await page
    .getByRole('button', { name: 'Salin evaluasi Pemerintah Kota Bengkulu 2025 ke tahun baru' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Salin evaluasi 2025 ke tahun baru' });
  await expect(dialog.getByLabel('Tahun evaluasi baru')).toHaveValue('2026');
  // 2026 proposes PermenPANRB 8/2026 (a copy of documents only); this copy stays on 59/2020.
  await expect(dialog.getByLabel('Instrumen evaluasi baru')).toHaveValue('permenpanrb-8-2026');
  await dialog.getByLabel('Instrumen evaluasi baru').selectOption('permenpanrb-59-2020');
  await dialog.getByRole('button', { name: 'Salin' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Pemerintah Kota Bengkulu · 2026' }),
  ).toBeVisible();
  await app.openIndicator(1);
  await expect(page.getByText('disalin dari evaluasi tahun lalu dan perlu ditinjau')).toBeVisible();
  await expect(page.getByRole('radio', { name: /^Tingkat 2 —/ })).toBeChecked();
  await page.getByRole('button', { name: 'tandai sudah ditinjau' }).click();
  await expect(page.getByText('disalin dari evaluasi tahun lalu')).toBeHidden();
  await app.openHome();
  // Each row starts with its year (its origin line also names dates, "dibuat 7 Desember 2026").
  await expect(page.getByRole('row', { name: /^2025 / })).toBeVisible();
  await expect(page.getByRole('row', { name: /^2026 / })).toBeVisible();
  await expect(
    page.getByRole('row', { name: /^2026 / }).getByText(/^disalin dari evaluasi 2025 pada /),
  ).toBeVisible();
});

test('the what-if sandbox moves the index without touching the answers', async ({ page }) => {
  const app = new AppModel(page);
  await app.createEvaluation({
    name: 'Pemerintah Kota Bengkulu',
    region: 'Bengkulu',
    headTitle: 'Walikota',
  });
  await app.section('Penilaian Indikator');
  await app.chooseLevel(2);
  await app.waitSaved();
  await app.section('Dasbor');
  await expect(app.indexValue()).toHaveText('2,00');
  const sandbox = page.getByRole('region', { name: 'Simulasi nilai' });
  await sandbox.getByText(/Ubah tingkat per indikator/).click();
  await sandbox.getByLabel('Tingkat simulasi indikator 42').selectOption('4');
  // Over the answered parts only (provisional): domain 1 = 2, domain 4 = 4, so
  // (2 × 13 + 4 × 45,5) / (13 + 45,5) = 3,5555… → 3,56, and +1,56 against the answers' 2,00.
  await expect(sandbox.getByRole('status')).toContainText(
    'Indeks SPBE simulasi: 3,56 (Sangat Baik)',
  );
  await expect(sandbox.getByRole('status')).toContainText('selisih +1,56');
  await expect(app.indexValue()).toHaveText('2,00');
  await sandbox.getByRole('button', { name: 'Atur ulang simulasi' }).click();
  await expect(sandbox.getByRole('status')).toContainText('Indeks SPBE simulasi: 2,00');
  await app.openIndicator(42);
  await expect(page.getByRole('radio', { name: /^Tingkat 4 —/ })).not.toBeChecked();
});
