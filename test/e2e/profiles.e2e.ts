/**
 * Regional profiles as a user meets them: an evaluation for Kota Balikpapan and one for Kabupaten
 * Mojokerto started from their profiles (the head-of-region title as each regulation writes it,
 * the regulation linked as evidence to indicators 1–10 with its articles, the local articles in
 * the scoring form, the compliance panel), and a custom profile made in the app that goes out as
 * a file and comes back in. Every new screen is checked with axe.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './accessibility';
import { expect, test } from './fixtures';
import { pdf, writeFiles } from './files';
import { AppModel, PACK_59_2020, PACK_PEMDI } from './pages/app-model';

/** The regulation's row in the evidence panel of an indicator. */
function regulationLink(page: Page, indicator: number, fileName: string) {
  return page
    .getByRole('region', { name: `Bukti dukung indikator ${indicator}` })
    .getByRole('list', { name: 'Dokumen tertaut' })
    .getByRole('listitem')
    .filter({ has: page.getByLabel(`Bagian dokumen ${fileName} (misalnya pasal)`) });
}

test('Kota Balikpapan: an evaluation from its profile, with the Perwal as evidence, local articles and compliance', async ({
  page,
}) => {
  const app = new AppModel(page);
  const fileName = 'perwal-balikpapan-14-2022-salinan-teks.txt';

  // The new-evaluation form starts from the profile and fills the instansi as the Perwal writes it.
  await app.openHome();
  await page.getByRole('link', { name: 'Buat evaluasi baru' }).click();
  await page.getByRole('radio', { name: 'Pemerintah Kota Balikpapan', exact: true }).check();
  await expect(page.getByLabel('Nama instansi', { exact: true })).toHaveValue(
    'Pemerintah Kota Balikpapan',
  );
  await expect(page.getByLabel('Sebutan kepala daerah', { exact: true })).toHaveValue('Wali Kota');
  await expect(page.getByLabel('Nama dinas yang membidangi TIK')).toHaveValue(
    'Dinas Komunikasi dan Informatika Kota Balikpapan',
  );
  const summary = page.getByRole('region', { name: 'Ringkasan profil daerah' });
  await expect(summary).toContainText('Peraturan Wali Kota Balikpapan Nomor 14 Tahun 2022');
  await page.getByLabel('Tahun evaluasi').fill('2026');
  // The year proposes PermenPANRB 8/2026, whose mapping of the Perwal is legal basis only.
  await expect(page.getByLabel('Instrumen', { exact: true })).toHaveValue(PACK_PEMDI);
  await expect(summary).not.toContainText('ditautkan ke indikator 1–10');
  // This scenario scores the regulation's 59/2020 mapping.
  await app.chooseInstrument(PACK_59_2020);
  await expect(summary).toContainText('ditautkan ke indikator 1–10');
  await expectNoSeriousViolations(page, 'evaluasi baru dari profil');
  await page.getByRole('button', { name: 'Buat evaluasi' }).click();
  await expect(page.getByRole('heading', { name: 'Tim Asesor Internal' })).toBeVisible();
  await app.addMember('Siti Aminah', 'Penanggung jawab', '1-47');

  // The head of region as the regulation writes it, in the header and on the profile.
  await expect(page.getByTestId('kepala-daerah')).toContainText(
    'Kepala daerah: Wali Kota Balikpapan',
  );
  await expect(page.getByTestId('kepala-daerah')).toContainText(
    'Profil daerah: Peraturan Wali Kota Balikpapan Nomor 14 Tahun 2022',
  );
  await app.section('Profil Instansi');
  await expect(page.getByLabel('Sebutan kepala daerah', { exact: true })).toHaveValue('Wali Kota');

  // Indicator 1: the regulation is linked with its articles; the local panel quotes them.
  await app.openIndicator(1);
  await expect(regulationLink(page, 1, fileName)).toBeVisible();
  await expect(page.getByLabel(`Bagian dokumen ${fileName} (misalnya pasal)`)).toHaveValue(
    /^Pasal 6 ayat/,
  );
  await expect(
    page.getByRole('checkbox', { name: `${fileName} mendukung tingkat 2` }),
  ).toBeChecked();
  const local = page.getByRole('region', { name: 'Peraturan daerah' });
  await expect(local).toContainText('Peraturan Wali Kota Balikpapan Nomor 14 Tahun 2022');
  const articles = local.getByRole('list', { name: 'Pasal yang dirujuk untuk indikator 1' });
  await expect(articles).toContainText('Pasal 6 ayat (2)');
  await expect(articles).toContainText(
    'Penyelenggaraan SPBE di Daerah wajib mengacu pada Arsitektur SPBE.',
  );
  await expect(local).toContainText('Mendukung tingkat 2 (Terkelola) sampai 3 (Terdefinisi)');
  await expectNoSeriousViolations(page, 'penilaian dengan peraturan daerah');

  // The suggestion goes into the justification only when asked, and never sets the level.
  await local.getByRole('button', { name: 'Sisipkan argumen ke penjelasan' }).click();
  await expect(page.getByLabel('Penjelasan (alasan pemilihan tingkat)')).toHaveValue(
    /^Peraturan Wali Kota Balikpapan Nomor 14 Tahun 2022: Ditetapkan; memuat referensi arsitektur/,
  );
  await expect(
    local.getByRole('button', { name: 'Argumen sudah ada dalam penjelasan' }),
  ).toBeDisabled();
  for (let level = 1; level <= 5; level += 1) {
    await expect(
      page.getByRole('radio', { name: new RegExp(`^Tingkat ${level} —`) }),
    ).not.toBeChecked();
  }
  await app.waitSaved();
  await page.reload();
  await expect(page.getByLabel('Penjelasan (alasan pemilihan tingkat)')).toHaveValue(
    /Ditetapkan; memuat referensi arsitektur/,
  );

  // Indicator 10 cites the Tim Koordinasi article.
  await app.openIndicator(10);
  await expect(page.getByLabel(`Bagian dokumen ${fileName} (misalnya pasal)`)).toHaveValue(
    /Pasal 51/,
  );

  // Indicator 29: the regulation is the legal basis only; linked on request, backing no level.
  await app.openIndicator(29);
  await expect(regulationLink(page, 29, fileName)).toHaveCount(0);
  const mandate = page.getByRole('region', { name: 'Peraturan daerah' });
  await expect(mandate).toContainText('Dasar kewajiban (bukan bukti pelaksanaan)');
  await expect(mandate).not.toContainText('Mendukung tingkat');
  await mandate.getByRole('button', { name: 'Tautkan peraturan sebagai dasar kewajiban' }).click();
  await expect(page.getByLabel(`Bagian dokumen ${fileName} (misalnya pasal)`)).toHaveValue(
    /^Dasar kewajiban \(bukan bukti pelaksanaan\): Pasal 47/,
  );
  for (let level = 1; level <= 5; level += 1) {
    await expect(
      page.getByRole('checkbox', { name: `${fileName} mendukung tingkat ${level}` }),
    ).not.toBeChecked();
  }

  // The library: the Perwal with its metadata, linked to 1–10 (and 29), the articles per link.
  await app.section('Bukti Dukung');
  const row = page.getByRole('row').filter({ hasText: fileName });
  await expect(row).toContainText(
    'Peraturan Wali Kota Balikpapan tentang Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik di Daerah',
  );
  await expect(row).toContainText('14 Tahun 2022');
  await expect(row).toContainText('22 Agustus 2022');
  await expect(row).toContainText('1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 29');
  await row.getByText('Bagian yang dirujuk').click();
  await expect(row).toContainText('Indikator 1: Pasal 6 ayat');
  await expect(row).toContainText('Indikator 10: Pasal 51');
  await row.getByRole('button', { name: `Pratinjau ${fileName}` }).click();
  const preview = page.getByRole('dialog');
  await expect(preview.getByLabel(`Isi dokumen ${fileName}`)).toContainText(
    'SALINAN TEKS PERATURAN — BUKAN DOKUMEN RESMI',
  );
  await preview.getByRole('button', { name: 'Tutup', exact: true }).click();

  // Compliance: the Tim Koordinasi decree is missing until an SK with that title is added.
  await app.section('Dasbor');
  const compliance = page.getByRole('region', { name: 'Kepatuhan terhadap peraturan daerah' });
  await expect(compliance).toContainText(
    'Hasil pemantauan dan evaluasi dilaporkan kepada Wali Kota melalui Koordinator SPBE',
  );
  const decree = compliance.getByRole('row', {
    name: /Tim Koordinasi SPBE ditetapkan dengan Keputusan Wali Kota/,
  });
  await expect(decree.getByRole('cell').nth(0)).toHaveText('Belum terpenuhi');
  await expect(decree).toContainText('Pasal 51 ayat (2)');
  await expect(decree).toContainText(
    '“Tim Koordinasi SPBE sebagaimana dimaksud pada ayat (1) ditetapkan dengan Keputusan Wali Kota.”',
  );
  const yearly = compliance.getByRole('row', { name: /Pemantauan dan evaluasi mandiri SPBE/ });
  await expect(yearly.getByRole('cell').nth(0)).toHaveText('Belum dapat dinilai');
  await expect(yearly).toContainText('0 dari 47 indikator bernilai');
  const audit = compliance.getByRole('row', { name: /Audit Infrastruktur SPBE/ });
  await expect(audit.getByRole('link', { name: 'Indikator 29' })).toBeVisible();
  await expectNoSeriousViolations(page, 'dasbor dengan kepatuhan');

  const files = writeFiles(test.info().outputPath('bukti'), {
    'SK Tim Koordinasi SPBE 2025.pdf': pdf('Keputusan Wali Kota tentang Tim Koordinasi SPBE'),
  });
  await app.section('Bukti Dukung');
  await app.attachFiles([files['SK Tim Koordinasi SPBE 2025.pdf']!]);
  await expect(page.getByRole('status').filter({ hasText: '1 dokumen ditambahkan' })).toBeVisible();
  await app.section('Dasbor');
  await expect(decree.getByRole('cell').nth(0)).toHaveText('Terpenuhi');
  await expect(decree).toContainText('SK Tim Koordinasi SPBE 2025');
});

test('Kabupaten Mojokerto: Bupati throughout, the Perbup linked to 1–10, compliance panel', async ({
  page,
}) => {
  const app = new AppModel(page);
  const fileName = 'perbup-mojokerto-15-2021-salinan-teks.txt';
  await app.createEvaluationFromProfile('Pemerintah Kabupaten Mojokerto', 2026);
  await expect(page.getByTestId('kepala-daerah')).toContainText('Kepala daerah: Bupati Mojokerto');
  await expect(page.getByTestId('kepala-daerah')).toContainText(
    'Peraturan Bupati Mojokerto Nomor 15 Tahun 2021',
  );
  await expect(page.getByTestId('kepala-daerah')).not.toContainText('Wali Kota');
  await app.section('Profil Instansi');
  await expect(page.getByLabel('Sebutan kepala daerah', { exact: true })).toHaveValue('Bupati');
  await expect(page.getByLabel('Jenis pemerintah daerah')).toHaveValue('kabupaten');

  for (const n of [1, 10]) {
    await app.openIndicator(n);
    await expect(regulationLink(page, n, fileName)).toBeVisible();
    await expect(page.getByLabel(`Bagian dokumen ${fileName} (misalnya pasal)`)).toHaveValue(
      n === 1 ? /^Pasal 4 ayat/ : /Pasal 40 ayat \(2\)/,
    );
  }
  await expect(page.getByRole('region', { name: 'Peraturan daerah' })).toContainText(
    'Keanggotaan Tim Koordinasi SPBE Pemerintah Daerah sebagaimana dimaksud pada ayat (1) ditetapkan dengan Keputusan Bupati.',
  );

  await app.section('Bukti Dukung');
  const row = page.getByRole('row').filter({ hasText: fileName });
  await expect(row).toContainText('15 Tahun 2021');
  await expect(row).toContainText('1, 2, 3, 4, 5, 6, 7, 8, 9, 10');

  await app.section('Dasbor');
  const compliance = page.getByRole('region', { name: 'Kepatuhan terhadap peraturan daerah' });
  await expect(compliance).toContainText('dilaporkan kepada Bupati');
  await expect(
    compliance.getByRole('row', {
      name: /Keanggotaan Tim Koordinasi SPBE Pemerintah Daerah ditetapkan dengan Keputusan Bupati/,
    }),
  ).toContainText('Belum terpenuhi');
  await expect(compliance).not.toContainText('Wali Kota');
});

const REGULATION_TEXT = `PERATURAN WALIKOTA TETANGGA
NOMOR 7 TAHUN 2023
TENTANG
SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK

Pasal 1
Dalam Peraturan Walikota ini yang dimaksud dengan:
1. Walikota adalah Walikota Tetangga.

Pasal 2
(1) Walikota menetapkan Arsitektur SPBE dengan Keputusan Walikota.
(2) Arsitektur SPBE memuat referensi arsitektur dan domain arsitektur.

Pasal 3
Tim Koordinasi SPBE ditetapkan dengan Keputusan Walikota.
`;

test('a custom profile is made in the app, exported, deleted, imported back and used', async ({
  page,
}) => {
  const app = new AppModel(page);
  const files = writeFiles(test.info().outputPath('profil'), {
    'perwal-tetangga.txt': REGULATION_TEXT,
  });
  await app.openHome();
  await app.openProfiles();
  await expect(page.getByRole('row', { name: /Pemerintah Kota Bengkulu/ })).toContainText(
    'Walikota',
  );
  await expectNoSeriousViolations(page, 'daftar profil');

  // A new profile: the schema's Indonesian messages first, then the fields.
  await page.getByRole('link', { name: 'Profil baru' }).click();
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'Profil belum dapat disimpan' });
  await expect(problems).toContainText('Nama instansi wajib diisi');
  await expect(problems).toContainText('Id profil wajib diisi');

  const instansi = page.getByRole('region', { name: 'Instansi', exact: true });
  await instansi.getByLabel('Nama instansi', { exact: true }).fill('Pemerintah Kota Tetangga');
  await instansi.getByLabel('Nama daerah', { exact: true }).fill('Tetangga');
  await instansi.getByLabel('Sebutan kepala daerah', { exact: true }).fill('Walikota');
  await expect(page.getByLabel('Id profil')).toHaveValue('kota-tetangga');

  const regulation = page.getByRole('region', { name: 'Peraturan SPBE daerah' });
  await regulation.getByLabel('Jenis peraturan', { exact: true }).fill('Peraturan Walikota');
  await regulation.getByLabel('Nomor peraturan', { exact: true }).fill('7');
  await regulation.getByLabel('Tahun peraturan', { exact: true }).fill('2023');
  await regulation
    .getByLabel('Judul (setelah “tentang”)')
    .fill('Sistem Pemerintahan Berbasis Elektronik');
  const textChooser = page.waitForEvent('filechooser');
  await regulation.getByRole('button', { name: 'Pilih berkas teks…' }).click();
  await (await textChooser).setFiles(files['perwal-tetangga.txt']!);
  await expect(regulation.getByRole('status')).toContainText(
    'Teks dari "perwal-tetangga.txt" dimuat',
  );
  await expect(regulation.getByLabel('Teks peraturan', { exact: true })).toHaveValue(/Pasal 3/);

  const mapping = page.getByRole('region', { name: 'Pemetaan pasal ke indikator' });
  await mapping.getByRole('button', { name: 'Tambah pemetaan indikator' }).click();
  const entry = mapping.getByRole('group', { name: /^Pemetaan 1: indikator 1/ });
  await entry.getByRole('button', { name: 'Tambah pasal: pasal untuk indikator 1' }).click();
  await entry.getByLabel('Rujukan', { exact: true }).fill('Pasal 2 ayat (2)');
  await entry
    .getByLabel('Kutipan', { exact: true })
    .fill('Arsitektur SPBE memuat referensi arsitektur dan domain arsitektur.');
  await expect(entry).toContainText('Kutipan ditemukan pada Pasal 2 ayat (2).');
  await entry
    .getByLabel('Yang diatur pasal-pasal ini')
    .fill('Penetapan dan muatan Arsitektur SPBE.');
  await entry.getByLabel('Beri saran rentang tingkat').check();
  await entry.getByLabel('Saran tingkat terendah').selectOption('2');
  await entry.getByLabel('Saran tingkat tertinggi').selectOption('3');
  await entry
    .getByLabel('Argumen tingkat')
    .fill('Ditetapkan; memuat referensi dan domain arsitektur → mendukung tingkat 2–3.');

  const obligations = page.getByRole('region', {
    name: 'Kewajiban dan aturan pemeriksaan kepatuhan',
  });
  await obligations.getByRole('button', { name: 'Tambah kewajiban' }).click();
  const obligation = obligations.getByRole('group', { name: /^Kewajiban 1/ });
  await obligation
    .getByLabel('Judul kewajiban', { exact: true })
    .fill('Tim Koordinasi SPBE ditetapkan dengan Keputusan Walikota');
  await obligation.getByRole('button', { name: 'Tambah pasal: dasar kewajiban 1' }).click();
  await obligation.getByLabel('Rujukan', { exact: true }).fill('Pasal 3');
  await obligation
    .getByLabel('Kutipan', { exact: true })
    .fill('Tim Koordinasi SPBE ditetapkan dengan Keputusan Walikota.');
  await obligation.getByLabel('Judul dokumen memuat salah satu frasa').fill('Tim Koordinasi');
  await expectNoSeriousViolations(page, 'penyunting profil');

  await page.getByRole('button', { name: 'Simpan profil' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Profil Pemerintah Kota Tetangga' }),
  ).toBeVisible();
  await expect(page.getByLabel('Id profil')).toHaveAttribute('readonly', '');

  // Export (a download in the browser), then delete it, then import the file back.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ekspor profil…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('profil-kota-tetangga.json');
  const saved = test.info().outputPath('profil-kota-tetangga.json');
  await file.saveAs(saved);
  const exported = JSON.parse(readFileSync(saved, 'utf8'));
  expect(exported.format).toBe('spbe-profile');
  expect(exported.profile.instansi.headOfRegionTitle).toBe('Walikota');
  expect(exported.profile.mapping[0].articles[0].ref).toBe('Pasal 2 ayat (2)');

  await app.openProfiles();
  const row = page.getByRole('row', { name: /Pemerintah Kota Tetangga/ });
  await expect(row).toContainText('Peraturan Walikota Tetangga Nomor 7 Tahun 2023');
  await row
    .getByRole('button', { name: 'Hapus profil Pemerintah Kota Tetangga (kota-tetangga)' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hapus profil' }).click();
  await expect(row).toHaveCount(0);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Impor profil…' }).click();
  await (await chooser).setFiles(saved);
  await expect(page.getByRole('status').filter({ hasText: 'diimpor' }).first()).toBeVisible();
  await expect(row).toContainText('Peraturan Walikota Tetangga Nomor 7 Tahun 2023');

  // Importing the same file again asks before replacing.
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Impor profil…' }).click();
  await (await again).setFiles(saved);
  const replace = page.getByRole('dialog', { name: 'Ganti profil yang sudah ada?' });
  await expect(replace).toBeVisible();
  await replace.getByRole('button', { name: 'Batal' }).click();

  // A broken file is refused with a message, and nothing changes.
  const broken = writeFiles(test.info().outputPath('rusak'), { 'profil-rusak.json': '{"format":' });
  const third = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Impor profil…' }).click();
  await (await third).setFiles(broken['profil-rusak.json']!);
  await expect(page.getByRole('alert')).toContainText(
    'Berkas profil rusak: isinya bukan JSON yang sah.',
  );
  await expect(row).toHaveCount(1);

  // The imported profile starts an evaluation: its title, its article in the scoring form.
  await row
    .getByRole('link', { name: 'Buat evaluasi dari profil Pemerintah Kota Tetangga' })
    .click();
  await expect(
    page.getByRole('radio', { name: 'Pemerintah Kota Tetangga (profil kota-tetangga)' }),
  ).toBeChecked();
  await expect(page.getByLabel('Sebutan kepala daerah', { exact: true })).toHaveValue('Walikota');
  await app.chooseInstrument(PACK_59_2020);
  await page.getByRole('button', { name: 'Buat evaluasi' }).click();
  await expect(page.getByTestId('kepala-daerah')).toContainText('Kepala daerah: Walikota Tetangga');
  await app.openIndicator(1);
  await expect(page.getByRole('region', { name: 'Peraturan daerah' })).toContainText(
    'Arsitektur SPBE memuat referensi arsitektur dan domain arsitektur.',
  );
  await expect(
    page.getByLabel('Bagian dokumen perwal-tetangga-7-2023-salinan-teks.txt (misalnya pasal)'),
  ).toHaveValue('Pasal 2 ayat (2)');
});

test('a built-in profile is read-only and can be duplicated into an editable one', async ({
  page,
}) => {
  const app = new AppModel(page);
  await app.openHome();
  await app.openProfiles();
  await page.getByRole('link', { name: 'Lihat profil Pemerintah Kota Bengkulu' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Profil Pemerintah Kota Bengkulu' }),
  ).toBeVisible();
  const instansi = page.getByRole('region', { name: 'Instansi', exact: true });
  await expect(instansi.getByLabel('Sebutan kepala daerah', { exact: true })).toHaveValue(
    'Walikota',
  );
  await expect(instansi.getByLabel('Sebutan kepala daerah', { exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Simpan profil' })).toHaveCount(0);
  await expectNoSeriousViolations(page, 'profil bawaan');
  await page.getByRole('button', { name: 'Salin menjadi profil sendiri' }).click();
  await expect(page.getByLabel('Id profil')).toHaveValue('kota-bengkulu-salinan');
  await expect(
    page
      .getByRole('region', { name: 'Instansi', exact: true })
      .getByLabel('Sebutan kepala daerah', { exact: true }),
  ).toBeEnabled();
  await page
    .getByRole('region', { name: 'Instansi', exact: true })
    .getByLabel('Nama instansi', { exact: true })
    .fill('Pemerintah Kota Bengkulu (revisi)');
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'disimpan' }).first()).toBeVisible();
  await app.openProfiles();
  await expect(
    page.getByRole('row', { name: /Pemerintah Kota Bengkulu \(revisi\)/ }),
  ).toBeVisible();
});
