/**
 * Exchange as people do it, in separate browser profiles (separate laptops): the coordinator
 * sends the evaluation out, two assessors fill their own indicators and send their part back
 * (one with a password), the coordinator merges both with one conflict settled with a reason,
 * reads and prints the Berita Acara Rekonsiliasi, and the merged index is the one spbe-eval
 * computes. And: broken or locked files are refused with their message and change nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './accessibility';
import { expect, test } from './fixtures';
import { pdf, writeFiles } from './files';
import { AppModel } from './pages/app-model';
import { brokenWords } from './support/broken-words';
import { laptop } from './support/laptop';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/spbe-eval.cjs');

async function answer(app: AppModel, indicator: number, level: number, text: string) {
  await app.openIndicator(indicator);
  await app.chooseLevel(level);
  await app.justify(text);
  await app.waitSaved();
}

/** Every row of the app's database (blobs as bytes), read with the raw IndexedDB API. */
function dumpDatabase(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const db = await request(indexedDB.open('evaluasi-spbe'));
    const out: Record<string, unknown[]> = {};
    for (const name of [...db.objectStoreNames].sort()) {
      const rows = await request(db.transaction(name).objectStore(name).getAll());
      out[name] = await Promise.all(
        rows.map(async (row: Record<string, unknown>) => {
          const copy: Record<string, unknown> = { ...row };
          for (const [k, v] of Object.entries(copy)) {
            if (v instanceof Blob) copy[k] = [...new Uint8Array(await v.arrayBuffer())].join(',');
          }
          return copy;
        }),
      );
    }
    db.close();
    return JSON.stringify(out);
  });
}

test('as a coordinator would: two assessors’ files merged, one conflict settled, Berita Acara, same index as spbe-eval', async () => {
  test.setTimeout(300_000);
  const dir = test.info().outputPath('berkas');
  mkdirSync(dir, { recursive: true });
  const files = writeFiles(test.info().outputPath('bukti'), {
    'perwal-14-2022.pdf': pdf('Peraturan Wali Kota Balikpapan 14 2022 tentang SPBE'),
    'laporan-integrasi.pdf': pdf('Laporan integrasi layanan SPBE 2026'),
  });
  const coordinator = await laptop('koordinator');
  const ani = await laptop('ani');
  const budi = await laptop('budi');
  try {
    // The coordinator sets up the evaluation and the team, and sends it out.
    await coordinator.app.createEvaluation({
      name: 'Pemerintah Kota Balikpapan',
      region: 'Balikpapan',
    });
    await coordinator.app.addMember('Sri Wahyuni', 'Koordinator SPBE');
    await coordinator.app.addMember('Ani Rahmawati', 'Anggota', '1-3');
    await coordinator.app.addMember('Budi Santoso', 'Anggota', '3-5');
    await coordinator.app.actAs('Sri Wahyuni');
    await coordinator.app.section('Pertukaran');
    await expectNoSeriousViolations(coordinator.page, 'pertukaran');
    const sent = await coordinator.app.exportBundle(dir);

    // Ani (laptop 2): opens the file, fills indicators 1–3, sends back "only mine" with a password.
    await ani.app.openBundleFile(sent);
    await expect(ani.page.getByRole('heading', { name: 'Ringkasan berkas' })).toBeVisible();
    await expect(ani.page.getByText('Diekspor oleh')).toBeVisible();
    await expect(ani.page.getByText('Sri Wahyuni', { exact: true })).toBeVisible();
    await expectNoSeriousViolations(ani.page, 'ringkasan impor');
    await ani.page.getByRole('button', { name: 'Impor sebagai evaluasi baru' }).click();
    await expect(ani.page.getByRole('navigation', { name: 'Bagian evaluasi' })).toBeVisible();
    await ani.app.actAs('Ani Rahmawati');
    await answer(ani.app, 1, 3, 'Perwal 14/2022 tentang SPBE ditetapkan dan dilaksanakan.');
    await ani.app.attachFiles([files['perwal-14-2022.pdf']!]);
    await expect(
      ani.page.getByRole('status').filter({ hasText: '1 dokumen ditambahkan' }),
    ).toBeVisible();
    await answer(ani.app, 2, 2, 'Kebijakan internal tata kelola sudah ada, belum dievaluasi.');
    await answer(ani.app, 3, 3, 'Rencana induk SPBE ditetapkan dengan Perwal.');
    const fromAni = await ani.app.exportBundle(dir, { mine: true, password: 'sandi-ani-2026' });
    await expect(
      ani.page.getByText(
        /indikator 1–3, 3 jawaban, dengan isi bukti dukung, dilindungi kata sandi/,
      ),
    ).toBeVisible();

    // Budi (laptop 3): fills indicators 3–5; indicator 3 differs from Ani's.
    await budi.app.importNew(sent);
    await budi.app.actAs('Budi Santoso');
    await answer(budi.app, 3, 4, 'Rencana induk terintegrasi dengan RPJMD dan dievaluasi berkala.');
    await budi.app.attachFiles([files['laporan-integrasi.pdf']!]);
    await expect(
      budi.page.getByRole('status').filter({ hasText: '1 dokumen ditambahkan' }),
    ).toBeVisible();
    await answer(budi.app, 4, 2, 'Anggaran SPBE direncanakan per OPD.');
    await answer(budi.app, 5, 1, 'Inventarisasi belum lengkap.');
    const fromBudi = await budi.app.exportBundle(dir, { mine: true });

    // The coordinator opens Ani's file: the same evaluation, so it updates it (nothing differs).
    const page = coordinator.page;
    await coordinator.app.openBundleFile(fromAni, 'sandi-ani-2026');
    await expect(page.getByText('Evaluasi ini sudah ada di komputer ini:')).toBeVisible();
    await expect(page.getByText('3 jawaban baru dari berkas: indikator 1–3.')).toBeVisible();
    await page.getByRole('button', { name: 'Perbarui evaluasi yang ada' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: /diimpor: 3 jawaban diperbarui\./ }),
    ).toBeVisible();
    await expect(page.getByText('3 dari 47 indikator terjawab').first()).toBeVisible();

    // Budi's file changes indicator 3 too: no silent update, the merge settles it.
    await coordinator.app.openBundleFile(fromBudi);
    await expect(
      page.getByText(
        '1 jawaban diubah di kedua pihak sejak terakhir dipertukarkan: indikator 3 (di sini 3; berkas 4).',
      ),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Perbarui evaluasi yang ada' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Gabungkan dengan evaluasi yang ada…' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Gabungkan Berkas Asesor' }),
    ).toBeVisible();
    await expect(page.getByLabel('Evaluasi dasar di komputer ini (opsional)')).toHaveValue(/.+/);
    // Ani's own file joins too (its answers are the base's now: they merge as identical).
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Tambah berkas .spbe…' }).click();
    await (await chooser).setFiles([fromAni]);
    await page.getByLabel('Kata sandi berkas').fill('salah-sandi');
    await page.getByRole('button', { name: 'Buka berkas' }).click();
    await expect(
      page.getByText('Kata sandi salah. Periksa kata sandi dari pengirim berkas lalu coba lagi.'),
    ).toBeVisible();
    await expectNoSeriousViolations(page, 'kata sandi salah');
    await page.getByLabel('Kata sandi berkas').fill('sandi-ani-2026');
    await page.getByRole('button', { name: 'Buka berkas' }).click();
    const table = page.getByRole('table', { name: 'Berkas yang akan digabung' });
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table.getByText(path.basename(fromAni))).toBeVisible();
    await expect(table.getByText(path.basename(fromBudi))).toBeVisible();
    expect(await brokenWords(table.getByRole('cell'))).toEqual([]);
    await expect(
      page.getByText(
        '5 indikator dibandingkan dari 3 sumber: 4 digabung otomatis, 1 berbeda dan perlu diputuskan.',
      ),
    ).toBeVisible();

    const conflict = page.getByRole('article', { name: /^Indikator 3\. / });
    const aniSide = conflict.getByRole('region', { name: 'Versi Ani Rahmawati untuk indikator 3' });
    const budiSide = conflict.getByRole('region', { name: 'Versi Budi Santoso untuk indikator 3' });
    await expect(aniSide.getByText('Tingkat 3 — Terdefinisi')).toBeVisible();
    await expect(aniSide.getByText('Rencana induk SPBE ditetapkan dengan Perwal.')).toBeVisible();
    await expect(budiSide.getByText('Tingkat 4 — Terpadu dan Terukur')).toBeVisible();
    await expect(budiSide.getByText('Laporan Integrasi')).toBeVisible();
    const criteria = conflict.getByText('Kriteria tingkat yang dipersoalkan');
    await expect(criteria).toBeVisible();
    await expect(conflict.getByText(/^Tingkat 3 — Terdefinisi:/)).toBeVisible();
    await expect(conflict.getByText(/^Tingkat 4 — Terpadu dan Terukur:/)).toBeVisible();
    await expect(page.getByLabel('Nama koordinator')).toHaveValue('Sri Wahyuni');
    const save = page.getByRole('button', { name: 'Simpan hasil penggabungan' });
    await expect(save).toBeDisabled();
    await expectNoSeriousViolations(page, 'layar konflik');
    await conflict.getByRole('radio', { name: /^Ambil versi Budi Santoso/ }).check();
    await expect(save).toBeDisabled();
    const reason = 'Budi melampirkan laporan integrasi yang memenuhi kriteria tingkat 4.';
    await conflict.getByLabel('Alasan keputusan (indikator 3)').fill(reason);
    await expect(conflict.getByText('Sudah diputuskan')).toBeVisible();
    await save.click();

    // The Berita Acara Rekonsiliasi.
    await expect(
      page.getByRole('heading', { level: 1, name: 'BERITA ACARA REKONSILIASI' }),
    ).toBeVisible();
    const mergeId = /#\/gabungan\/([^/?]+)/.exec(page.url())?.[1];
    expect(mergeId).toBeTruthy();
    const minutes = page.getByRole('article', { name: 'BERITA ACARA REKONSILIASI' });
    await expect(minutes.getByText(`Alasan: ${reason}`)).toBeVisible();
    // Words stay whole in its tables; only file names and hashes may break anywhere.
    expect(
      await brokenWords(minutes.locator('.minutes-table td:not(.file-names):not(.hash)')),
    ).toEqual([]);
    await expect(minutes.getByText(/^Keputusan: Versi Budi Santoso/)).toBeVisible();
    await expect(minutes.getByRole('cell', { name: path.basename(fromAni) }).first()).toBeVisible();
    const signatures = minutes.getByRole('list', { name: 'Tanda tangan' });
    for (const name of ['Sri Wahyuni', 'Ani Rahmawati', 'Budi Santoso']) {
      await expect(signatures.getByText(name, { exact: true })).toBeVisible();
    }
    await expectNoSeriousViolations(page, 'berita acara');

    // The merged evaluation: its index, the provenance of the settled answer.
    await page.getByRole('link', { name: 'Buka evaluasi hasil penggabungan' }).click();
    const shown = (await coordinator.app.indexValue().textContent())?.trim() ?? '';
    expect(shown).toMatch(/^\d,\d\d$/);
    await coordinator.app.openIndicator(3);
    await expect(page.getByRole('radio', { name: /^Tingkat 4 —/ })).toBeChecked();
    await expect(
      page.getByText(/^Asal jawaban saat penggabungan: diputuskan koordinator/),
    ).toContainText(reason);
    await coordinator.app.section('Pertukaran');
    await expect(page.getByRole('heading', { name: 'Hasil penggabungan' })).toBeVisible();
    await expectNoSeriousViolations(page, 'pertukaran hasil penggabungan');
    await coordinator.app.actAs('Sri Wahyuni');
    const merged = await coordinator.app.exportBundle(dir);

    // spbe-eval scores the merged file, and the merged levels, to the index the app shows.
    const levels = { 1: 3, 2: 2, 3: 4, 4: 2, 5: 1 };
    const levelsFile = path.join(dir, 'tingkat.json');
    writeFileSync(levelsFile, JSON.stringify({ instrument: 'permenpanrb-59-2020', levels }));
    for (const input of [merged, levelsFile]) {
      const json = JSON.parse(
        execFileSync(process.execPath, [cli, 'score', input, '--json'], { encoding: 'utf8' }),
      ) as { overall: { display: string }; indicators: { number: number; level: number | null }[] };
      expect(json.overall.display).toBe(shown);
      expect(
        Object.fromEntries(
          json.indicators.filter((i) => i.level !== null).map((i) => [i.number, i.level]),
        ),
      ).toEqual(levels);
    }

    // The print route: ready signal, A4 PDF with the decision in it.
    await page.goto(`/#/cetak/berita-acara/${mergeId}`);
    await expect(page.locator('body')).toHaveAttribute('data-print-ready', 'true');
    const pdfFile = path.join(dir, 'berita-acara.pdf');
    await expectNoSeriousViolations(page, 'cetak berita acara');
    await page.pdf({ path: pdfFile, format: 'A4', printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('BERITA ACARA REKONSILIASI');
    expect(text.replace(/\s+/g, ' ')).toContain(reason);
    expect(text).toContain('Koordinator SPBE');
  } finally {
    const errors = [...coordinator.errors, ...ani.errors, ...budi.errors];
    await Promise.all([coordinator.context.close(), ani.context.close(), budi.context.close()]);
    expect(errors, 'Tidak boleh ada galat di konsol').toEqual([]);
  }
});

test('broken and locked files are refused with their message and change nothing', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new AppModel(page);
  const corpus = path.join(root, 'test/fixtures/bundles');
  await app.createEvaluation({ name: 'Pemerintah Kota Bengkulu', region: 'Bengkulu' });
  await app.section('Penilaian Indikator');
  await app.chooseLevel(2);
  await app.justify('Jawaban yang tidak boleh berubah.');
  await app.waitSaved();
  const before = await dumpDatabase(page);

  const refusals: Array<[string, RegExp]> = [
    ['zero-bytes.spbe', /Berkas kosong \(0 byte\)/],
    ['truncated.spbe', /terpotong atau rusak/],
    ['flipped-byte-evidence.spbe', /tidak cocok dengan hash SHA-256-nya/],
    ['name-dotdot.spbe', /nama entri memuat "\.\."/],
    ['zip-bomb.spbe', /bom zip/],
    ['format-newer-major.spbe', /Perbarui aplikasi Evaluasi SPBE/],
  ];
  for (const [file, message] of refusals) {
    await app.openBundleFile(path.join(corpus, file));
    const alert = page.getByRole('alert').filter({ hasText: `Berkas ${file} tidak dapat dibuka.` });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(message);
    if (file === 'truncated.spbe') await expectNoSeriousViolations(page, 'berkas ditolak');
    await alert.getByRole('button', { name: 'Tutup pesan' }).click();
  }

  // A wrong password is named as such; the right one opens the file; cancelling keeps all.
  await app.openBundleFile(path.join(corpus, 'wrong-password.spbe'));
  await expect(page.getByLabel('Kata sandi berkas')).toBeVisible();
  await page.getByLabel('Kata sandi berkas').fill('sandi-yang-salah');
  await page.getByRole('button', { name: 'Buka berkas' }).click();
  await expect(
    page.getByText('Kata sandi salah. Periksa kata sandi dari pengirim berkas lalu coba lagi.'),
  ).toBeVisible();
  await page.getByLabel('Kata sandi berkas').fill('sandi-yang-benar');
  await page.getByRole('button', { name: 'Buka berkas' }).click();
  await expect(page.getByRole('heading', { name: 'Ringkasan berkas' })).toBeVisible();
  // Another instansi: importing it would need an explicit yes.
  await expect(
    page.getByText(
      'Berkas ini berisi evaluasi Pemerintah Kota Balikpapan, bukan Pemerintah Kota Bengkulu. Tetap impor?',
    ),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Impor sebagai evaluasi baru' })).toBeDisabled();
  await page.getByRole('button', { name: 'Batal' }).click();

  expect(await dumpDatabase(page)).toBe(before);
  await app.openHome();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
});
