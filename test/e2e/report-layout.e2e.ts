/**
 * The printed report's layout, read from the PDF the print route makes (pdftotext -bbox): the
 * Daftar Isi's page numbers are the pages the chapters start on, and the layout rules of
 * support/report-layout hold (page fill, headings and captions out of a page's last 15 %, table
 * notes with their tables, header words whole, recommendations not split before their criteria);
 * the report date chosen and stored with the evaluation is printed; a report whose answers are not all verified says SEMENTARA
 * on the cover and in every page header, and a fully verified one does not. For Mojokerto (a
 * Bupati's) and Indeks Pemdi, the Word file (rendered by LibreOffice) and the workbook saved from
 * the report screen pass the checks report.e2e.ts runs for Balikpapan (support/report-checks),
 * the same layout rules on the Word file's pages among them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { Workbook } from 'exceljs';
import { PRINT_PDF_SETTINGS } from '../../shared/ipc/contract';
import { statusRunningHeader } from '../../shared/report/status';
import { readDocx } from '../unit/report/docx-reader';
import { expect, test } from './fixtures';
import { AppModel } from './pages/app-model';
import { caseModel, seededCase } from './support/report-cases';
import { expectWordReport, expectWorkbook, readWordReport } from './support/report-checks';
import {
  expectLayoutRules,
  readPdfLayout,
  type ContentBoxes,
  type LaidOutPage,
} from './support/report-layout';
import { normal } from './support/report-text';
import { seedSnapshots } from './support/seed';

const MM = 72 / 25.4;
/** The content box of a page in points, from report-document.css's @page margins. */
const CONTENT: ContentBoxes = {
  portrait: { top: 24 * MM, bottom: (297 - 20) * MM },
  landscape: { top: 22 * MM, bottom: (210 - 18) * MM },
};

const balikpapan = (id: string, verified: boolean) => seededCase('balikpapan-2026', id, verified);

async function printPdf(
  page: Page,
  id: string,
  name: string,
): Promise<{ file: string; pages: LaidOutPage[]; raw: string[] }> {
  await page.goto(`/#/cetak/laporan/${id}`);
  await expect(page.locator('body[data-print-ready="true"]')).toBeAttached({ timeout: 30_000 });
  const bytes = await page.pdf({
    format: PRINT_PDF_SETTINGS.pageSize,
    printBackground: PRINT_PDF_SETTINGS.printBackground,
    preferCSSPageSize: PRINT_PDF_SETTINGS.preferCSSPageSize,
    displayHeaderFooter: PRINT_PDF_SETTINGS.displayHeaderFooter,
  });
  const file = test.info().outputPath(`${name}.pdf`);
  writeFileSync(file, bytes);
  const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .map(normal);
  return { file, pages: readPdfLayout(file, CONTENT), raw };
}

/** Saves a download under the test's output; its path and bytes. */
async function save(download: Download): Promise<{ file: string; bytes: Uint8Array }> {
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return { file, bytes: new Uint8Array(readFileSync(file)) };
}

test.beforeEach(async ({ page }) => {
  await new AppModel(page).openHome();
  await seedSnapshots(page, [
    balikpapan('bpp-draf', false),
    seededCase('mojokerto-2026-partial', 'mjk-draf', false),
    seededCase('pemdi-2026', 'pemdi-draf', false),
  ]);
  await page.reload();
});

for (const [label, name, id] of [
  ['Balikpapan (PermenPANRB 59/2020)', 'balikpapan-2026', 'bpp-draf'],
  ['Mojokerto (PermenPANRB 59/2020, Bupati)', 'mojokerto-2026-partial', 'mjk-draf'],
  ['Indeks Pemdi (PermenPANRB 8/2026)', 'pemdi-2026', 'pemdi-draf'],
] as const) {
  test(`${label}: the Daftar Isi gives the pages the chapters start on, and the layout rules hold`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const model = caseModel(seededCase(name, id, false));
    const { pages } = await printPdf(page, id, `tata-letak-${id}`);
    expect(pages.length).toBeGreaterThan(3);

    // Daftar Isi: page 2, one line per chapter ending in its page number.
    expect(pages[1]?.text).toContain('Daftar Isi');
    const chapters = model.sections.filter((s) => s.id !== 'cover');
    for (const section of chapters) {
      const line = pages[1]?.lines.find((l) => normal(l.text).startsWith(section.heading));
      expect(line, `Daftar Isi line of ${section.heading}`).toBeTruthy();
      const listed = Number(/(\d+)$/.exec(normal(line!.text))?.[1]);
      // The chapter's heading is the first line of the page it starts on.
      const found = pages.findIndex(
        (p, i) => i > 1 && normal(p.lines[0]?.text ?? '') === section.heading,
      );
      expect(found, `page of ${section.heading}`).toBeGreaterThan(1);
      expect(listed, `Daftar Isi page of ${section.heading}`).toBe(found + 1);
    }

    expectLayoutRules(pages, model, CONTENT, 'PDF');
  });
}

test('the stored report date and SEMENTARA are printed; a verified report is Final', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const draft = caseModel(balikpapan('bpp-draf', false));
  const { raw } = await printPdf(page, 'bpp-draf', 'sementara');
  expect(raw[0]).toContain('— SEMENTARA —');
  expect(raw[0]).toContain('Desember 2026');
  const header = normal(statusRunningHeader(draft));
  expect(header).toMatch(/\(SEMENTARA\)$/);
  raw
    .slice(1)
    .filter((p) => p !== '')
    .forEach((p) => expect(p).toContain(header));

  // The same evaluation once every answer is verified (rows of the same ids, overwritten).
  const verified = balikpapan('bpp-draf', true);
  await seedSnapshots(page, [verified]);
  await page.reload();
  const final = await printPdf(page, 'bpp-draf', 'final');
  expect(final.raw.join(' ')).not.toContain('SEMENTARA');
  expect(final.raw[1]).toContain(normal(statusRunningHeader(caseModel(verified))));
});

// The report's checks (support/report-checks, as report.e2e.ts runs them for Balikpapan) on the
// Word file as LibreOffice renders it and on the workbook, for a Bupati's evaluation and an
// Indeks Pemdi one, both drafts, saved from the report screen.
for (const [label, name, id] of [
  ['Mojokerto (PermenPANRB 59/2020, Bupati)', 'mojokerto-2026-partial', 'mjk-draf'],
  ['Indeks Pemdi (PermenPANRB 8/2026)', 'pemdi-2026', 'pemdi-draf'],
] as const) {
  test(`${label}: the Word file as rendered and the workbook pass the report's checks`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const model = caseModel(seededCase(name, id, false));
    await page.goto(`/#/evaluasi/${id}/laporan`);
    await expect(page.getByRole('region', { name: 'Pratinjau laporan' })).toBeVisible();

    let download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Simpan Word (DOCX)' }).click();
    const docxDownload = await download;
    expect(docxDownload.suggestedFilename()).toMatch(/-2026-Sementara\.docx$/);
    const saved = await save(docxDownload);
    const docx = readDocx(saved.bytes);
    const word = await readWordReport(saved.file, model, docx);
    expectWordReport(word, model, docx);
    if (name === 'mojokerto-2026-partial') {
      // A Bupati's report: addressed to him, his regulation cited, no Wali Kota anywhere.
      expect(word.text).toContain('Disampaikan kepada Bupati Mojokerto');
      expect(word.text).toContain('Peraturan Bupati Mojokerto Nomor 15 Tahun 2021');
      expect(word.text).not.toMatch(/Wali ?[Kk]ota/);
    } else {
      expect(word.text).toContain('Indeks Pemdi');
      expect(word.text).toContain('PermenPANRB 8/2026');
    }

    download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Simpan Excel (XLSX)' }).click();
    const xlsxDownload = await download;
    expect(xlsxDownload.suggestedFilename()).toMatch(/-2026-Sementara\.xlsx$/);
    const book = new Workbook();
    await book.xlsx.load(Buffer.from((await save(xlsxDownload)).bytes) as unknown as ArrayBuffer);
    expectWorkbook(book, model);
  });
}

test('signatures: the names and NIPs of both signers are on one line when one jabatan is longer', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The Ketua's jabatan runs over three lines, the Koordinator's fits one (Belitung Timur's
  // Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian beside its Sekretaris Daerah).
  const snapshot = seededCase('pemdi-2026', 'pemdi-jabatan', true);
  snapshot.members = snapshot.members.map((m) =>
    m.role === 'lead'
      ? {
          ...m,
          position:
            'Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Belitung Timur',
        }
      : m,
  );
  await seedSnapshots(page, [snapshot]);
  await page.reload();
  const { pages } = await printPdf(page, 'pemdi-jabatan', 'tanda-tangan');
  // The Penutup and the Berita Acara: each page with signatures has its two "NIP." side by side.
  const signed = pages.filter((p) => p.words.some((w) => w.text === 'Mengetahui,'));
  expect(signed).toHaveLength(2);
  for (const p of signed) {
    const nips = p.words.filter((w) => w.text === 'NIP.');
    expect(nips).toHaveLength(2);
    expect(Math.abs(nips[0]!.yMin - nips[1]!.yMin), p.text.slice(0, 60)).toBeLessThan(1);
  }
});

test('the cover breaks its lines between phrases, never leaving one word alone', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Bandar Lampung: "Disampaikan kepada Wali Kota Bandar Lampung melalui Sekretaris Daerah" is a
  // little wider than the cover's measure, and its last word fell to a line of its own.
  const snapshot = balikpapan('bdl-sampul', true);
  snapshot.evaluation.profileId = 'kota-bandar-lampung';
  snapshot.evaluation.instansi = {
    ...snapshot.evaluation.instansi,
    name: 'Pemerintah Kota Bandar Lampung',
    regionName: 'Bandar Lampung',
    province: 'Lampung',
  };
  await seedSnapshots(page, [snapshot]);
  await page.reload();
  const { pages } = await printPdf(page, 'bdl-sampul', 'sampul');
  const lines = pages[0]!.lines.map((l) => normal(l.text)).filter((t) => t !== '');
  expect(lines.join(' / ')).toContain('Disampaikan kepada Wali Kota Bandar Lampung');
  for (const line of lines) expect(line.split(' ').length, line).toBeGreaterThan(1);
});
