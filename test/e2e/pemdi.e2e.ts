/**
 * A self-assessment on PermenPANRB 8/2026 (Indeks Pemdi) as a Pemda team does it: the 2026
 * evaluation proposes the Pemdi pack, assessors type decimal values with a comma, enter an
 * external index that the app converts, track butir; their files are exchanged and merged with
 * one conflict settled; the merged index equals spbe-eval's; the report says "Indeks Pemdi" and
 * cites PermenPANRB 8/2026 in PDF, DOCX and XLSX.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Download } from '@playwright/test';
import { readDocx } from '../unit/report/docx-reader';
import { expectNoSeriousViolations } from './accessibility';
import { expect, test } from './fixtures';
import { PACK_PEMDI, type AppModel } from './pages/app-model';
import { brokenWords } from './support/broken-words';
import { laptop } from './support/laptop';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/spbe-eval.cjs');
/** The field laptop of the issue: a 1366×768 screen. */
const LAPTOP_1366 = { width: 1366, height: 768 };

/** Types a decimal value into the indicator's value field and waits until it is saved. */
async function typeValue(app: AppModel, indicator: number, text: string, why: string) {
  await app.openIndicator(indicator);
  const field = app.page.getByLabel(/^Nilai indikator \(1,00–5,00\)/);
  await field.fill(text);
  await app.justify(why);
  await app.waitSaved();
}

async function saveDownload(download: Download): Promise<Buffer> {
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return readFileSync(file);
}

test('a Pemdi self-assessment: decimals, an external index, butir, merge, report, same index as spbe-eval', async () => {
  test.setTimeout(300_000);
  const dir = test.info().outputPath('berkas');
  mkdirSync(dir, { recursive: true });
  const coordinator = await laptop('koordinator', LAPTOP_1366);
  const ani = await laptop('ani', LAPTOP_1366);
  const budi = await laptop('budi', LAPTOP_1366);
  try {
    // The coordinator: a 2026 evaluation proposes PermenPANRB 8/2026.
    const page = coordinator.page;
    await coordinator.app.openHome();
    await page.getByRole('link', { name: 'Buat evaluasi baru' }).click();
    await page.getByLabel('Tahun evaluasi').fill('2026');
    await expect(page.getByLabel('Instrumen', { exact: true })).toHaveValue(PACK_PEMDI);
    await page.getByLabel('Tahun evaluasi').fill('2025');
    await expect(page.getByLabel('Instrumen', { exact: true })).toHaveValue('permenpanrb-59-2020');
    await coordinator.app.createEvaluation({
      name: 'Pemerintah Kota Balikpapan',
      region: 'Balikpapan',
      year: 2026,
      instrument: PACK_PEMDI,
    });
    // PermenPANRB 8/2026 names the Sekda's role Koordinator Pemdi (59/2020: Koordinator SPBE).
    await coordinator.app.addMember('Sri Wahyuni', 'Koordinator Pemdi');
    await coordinator.app.addMember('Ani Rahmawati', 'Anggota', '1-10');
    await coordinator.app.addMember('Budi Santoso', 'Anggota', '10-20');
    await coordinator.app.actAs('Sri Wahyuni');
    await coordinator.app.section('Pertukaran');
    const sent = await coordinator.app.exportBundle(dir);

    // Ani: a decimal with a comma, a refused one, an external index, a butir status.
    await ani.app.importNew(sent);
    await ani.app.actAs('Ani Rahmawati');
    await typeValue(ani.app, 1, '2,75', 'Rencana Aksi Pemdi ditetapkan; arsitektur sebagian.');
    await expect(ani.page.getByLabel(/^Nilai indikator/)).toHaveValue('2,75');
    const butir = ani.page.getByLabel(/^I1-L1-01/);
    await butir.selectOption({ label: 'Diterima' });
    await ani.app.waitSaved();
    await expectNoSeriousViolations(ani.page, 'penilaian Pemdi');

    await ani.app.openIndicator(2);
    await ani.page.getByLabel(/^Nilai indikator/).fill('2,755');
    await expect(ani.page.getByText('Nilai paling banyak 2 angka di belakang koma')).toBeVisible();
    await ani.page.getByLabel(/^Nilai indikator/).fill('1,50');
    await ani.app.justify('Manajemen layanan baru sebagian.');
    await ani.app.waitSaved();

    await ani.app.openIndicator(5);
    await expect(ani.page.getByText(/menunggu nilai eksternal/i).first()).toBeVisible();
    await ani.page.getByLabel(/^Indeks SDI \(0–100\)/).fill('68,75');
    await expect(ani.page.getByText(/3,75/).first()).toBeVisible();
    await ani.app.justify('Hasil Evaluasi SDI 2025.');
    await ani.app.waitSaved();
    await typeValue(ani.app, 10, '2,50', 'Kebijakan keamanan ditetapkan.');
    const fromAni = await ani.app.exportBundle(dir, { mine: true });

    // Budi: indicator 10 differently, and indicator 20.
    await budi.app.importNew(sent);
    await budi.app.actAs('Budi Santoso');
    await typeValue(budi.app, 10, '3,10', 'Keamanan diterapkan di seluruh layanan prioritas.');
    await typeValue(budi.app, 20, '1,30', 'Survei kepuasan belum rutin.');
    const fromBudi = await budi.app.exportBundle(dir, { mine: true });

    // The coordinator takes Ani's file, then merges Budi's: indicator 10 conflicts.
    await coordinator.app.openBundleFile(fromAni);
    await page.getByRole('button', { name: 'Perbarui evaluasi yang ada' }).click();
    await expect(page.getByRole('status').filter({ hasText: /diimpor/ })).toBeVisible();
    await coordinator.app.openBundleFile(fromBudi);
    await page.getByRole('button', { name: 'Gabungkan dengan evaluasi yang ada…' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Gabungkan Berkas Asesor' }),
    ).toBeVisible();
    const conflict = page.getByRole('article', { name: /^Indikator 10\. / });
    await expect(
      conflict.getByRole('region', { name: 'Versi Budi Santoso untuk indikator 10' }),
    ).toContainText('3,10');
    await expectNoSeriousViolations(page, 'konflik Pemdi');
    await conflict.getByRole('radio', { name: /^Ambil versi Budi Santoso/ }).check();
    await conflict
      .getByLabel('Alasan keputusan (indikator 10)')
      .fill('Budi melampirkan laporan penerapan keamanan di seluruh layanan prioritas.');
    await page.getByRole('button', { name: 'Simpan hasil penggabungan' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'BERITA ACARA REKONSILIASI' }),
    ).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Tanda tangan' }).getByRole('listitem').first(),
    ).toContainText('Koordinator Pemdi');
    // Words stay whole in its tables at 1280×720 ("Koordinato r", "(Berkemba ng)" were split);
    // only file names and hashes may break anywhere.
    await page.setViewportSize({ width: 1280, height: 720 });
    expect(
      await brokenWords(page.locator('.minutes-table td:not(.file-names):not(.hash)')),
    ).toEqual([]);
    await page.setViewportSize(LAPTOP_1366);
    await page.getByRole('link', { name: 'Buka evaluasi hasil penggabungan' }).click();
    await expect(page.getByText('Indeks Pemdi').first()).toBeVisible();
    const shown = (await coordinator.app.indexValue().textContent())?.trim() ?? '';
    expect(shown).toMatch(/^\d,\d\d$/);

    // spbe-eval scores the merged file and the same values to the index the app shows.
    await coordinator.app.actAs('Sri Wahyuni');
    await coordinator.app.section('Pertukaran');
    const merged = await coordinator.app.exportBundle(dir);
    const values = { 1: 2.75, 2: 1.5, 5: 3.75, 10: 3.1, 20: 1.3 };
    const valuesFile = path.join(dir, 'nilai.json');
    writeFileSync(valuesFile, JSON.stringify({ instrument: PACK_PEMDI, values }));
    for (const input of [merged, valuesFile]) {
      const json = JSON.parse(
        execFileSync(process.execPath, [cli, 'score', input, '--json'], { encoding: 'utf8' }),
      ) as { overall: { display: string } };
      expect(json.overall.display).toBe(shown);
    }

    // The report in the three formats.
    await coordinator.app.section('Laporan');
    await expect(page.getByRole('region', { name: 'Pratinjau laporan' })).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: 'Pratinjau laporan' })
        .getByText(/Indeks Pemdi/)
        .first(),
    ).toBeVisible();
    // The level names of the preview's appendix stay whole at 1280×720 ("Berkemban g").
    await page.setViewportSize({ width: 1280, height: 720 });
    const levelNames = page
      .getByRole('region', { name: 'Pratinjau laporan' })
      .locator('.report-sheet td.keep-words');
    await expect(levelNames.first()).toBeAttached();
    expect(await brokenWords(levelNames)).toEqual([]);
    await page.setViewportSize(LAPTOP_1366);
    let download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Simpan Word (DOCX)' }).click();
    const docx = readDocx(new Uint8Array(await saveDownload(await download)));
    expect(docx.text).toContain('Indeks Pemdi');
    expect(docx.text).toContain('PermenPANRB 8/2026');
    expect(docx.text).toContain('Sekretaris Daerah selaku Koordinator Pemdi');
    expect(docx.text).toContain(shown);
    download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Simpan Excel (XLSX)' }).click();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await saveDownload(await download)) as unknown as ArrayBuffer);
    const sheetText = book.worksheets
      .flatMap((ws) => {
        const out: string[] = [];
        ws.eachRow((row) => row.eachCell((c) => out.push(String(c.text))));
        return out;
      })
      .join(' ');
    expect(sheetText).toContain('Indeks Pemdi');
    // Values are numbers shown with two places (Excel writes the decimal comma by locale).
    const valueCells: { value: unknown; numFmt: string }[] = [];
    book.getWorksheet('Indikator')!.eachRow((row) =>
      row.eachCell((c) => {
        if (c.value === 2.75) valueCells.push({ value: c.value, numFmt: c.numFmt });
      }),
    );
    expect(valueCells).toContainEqual({ value: 2.75, numFmt: '0.00' });

    const id = /#\/evaluasi\/([^/]+)/.exec(page.url())?.[1];
    await page.goto(`/#/cetak/laporan/${id}`);
    await expect(page.locator('body[data-print-ready="true"]')).toBeAttached({ timeout: 30_000 });
    const pdfFile = path.join(dir, 'laporan-pemdi.pdf');
    await page.pdf({ path: pdfFile, format: 'A4', printBackground: true });
    const text = execFileSync('pdftotext', ['-raw', pdfFile, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('Indeks Pemdi');
    expect(text).toContain('PermenPANRB 8/2026');
    expect(text).toContain('menunggu nilai eksternal');
    expect(text).toContain('cocokkan dengan salinan resmi');
    expect(text).not.toMatch(/\bDomain\b/);
  } finally {
    const errors = [...coordinator.errors, ...ani.errors, ...budi.errors];
    await Promise.all([coordinator.context.close(), ani.context.close(), budi.context.close()]);
    expect(errors, 'Tidak boleh ada galat di konsol').toEqual([]);
  }
});
