/**
 * The report from the user's side, on fixture evaluations seeded into the app's database: the
 * report screen's preview, the three formats saved from it and read back — the PDF printed from
 * the print route with the desktop's print settings (pdftotext; the page images are attached to
 * the test for a look), the Word file through its XML, the workbook through exceljs — each
 * checked against the report model built from the same data: the index, the predikat, every
 * indicator row, the recommendations and the signature blocks. A partial evaluation's report
 * says it is provisional and lists what is missing, in every format.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { Workbook } from 'exceljs';
import { PRINT_PDF_SETTINGS } from '../../shared/ipc/contract';
import { defaultPack } from '../../shared/instrument';
import { findProfile } from '../../shared/profiles';
import {
  buildReport,
  previousFromSnapshot,
  reportProfileFromRegional,
  type ReportSectionId,
} from '../../shared/report';
import { statusRunningHeader } from '../../shared/report/status';
import { readDocx } from '../unit/report/docx-reader';
import { expectNoSeriousViolations } from './accessibility';
import { expect, test } from './fixtures';
import { AppModel } from './pages/app-model';
import { expectWordReport, expectWorkbook, readWordReport } from './support/report-checks';
import { escapeRegExp, normal, printedTexts } from './support/report-text';
import { fixtureSnapshot, LOGO_SVG, seedBlob, seedSnapshots } from './support/seed';

const pack = defaultPack();
const logo = seedBlob(LOGO_SVG, 'image/svg+xml');

/** Balikpapan 2026 as the user has it: created from the built-in profile, with a logo. */
function balikpapan2026() {
  const s = fixtureSnapshot('balikpapan-2026');
  s.evaluation.profileId = 'kota-balikpapan';
  s.evaluation.instansi.logoHash = logo.hash as never;
  return s;
}

/** The model the app must have rendered (same inputs; the date is the day of the test). */
function expectedModel(name: 'balikpapan' | 'mojokerto', sections?: ReportSectionId[]) {
  const options = sections ? { options: { sections } } : {};
  if (name === 'mojokerto') {
    return buildReport({
      snapshot: fixtureSnapshot('mojokerto-2026-partial'),
      pack,
      now: new Date(),
      ...options,
    });
  }
  const profile = findProfile('kota-balikpapan');
  if (!profile) throw new Error('no built-in profile');
  const snapshot = balikpapan2026();
  return buildReport({
    snapshot,
    pack,
    previous: [previousFromSnapshot(pack, fixtureSnapshot('balikpapan-2025'))],
    profile: reportProfileFromRegional(profile, snapshot, pack),
    now: new Date(),
    ...options,
  });
}

const run = (command: string, args: string[]): string =>
  execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

interface PrintedPdf {
  file: string;
  /**
   * The document's text in content order (table cells stay together), whitespace collapsed,
   * without the running header and page numbers (so a paragraph that runs on reads whole).
   */
  text: string;
  /** Each page's text as printed, with its header and page number. */
  pages: string[];
  sizes: Array<'portrait' | 'landscape'>;
  tagged: boolean;
}

/** Opens the print route, waits for its ready signal, prints as the desktop does, reads it. */
async function printRoute(
  page: Page,
  route: string,
  name: string,
  runningHeader: string,
): Promise<PrintedPdf> {
  await page.goto(`/#${route}`);
  await expect(page.locator('body[data-print-ready="true"]')).toBeAttached({ timeout: 30_000 });
  // No cut tables: no header or cell holds a word wider than its column (it would be clipped).
  // Measured on screen, where each sheet is as wide as its page's printable area.
  const overflowing = await page
    .locator('table.report-table')
    .evaluateAll((tables) =>
      tables.flatMap((t) =>
        [...t.querySelectorAll('th, td')]
          .filter((c) => c.scrollWidth > c.clientWidth + 1)
          .map((c) => c.textContent?.trim() ?? ''),
      ),
    );
  expect(overflowing, 'table cells whose text is wider than the cell').toEqual([]);
  const bytes = await page.pdf({
    format: PRINT_PDF_SETTINGS.pageSize,
    printBackground: PRINT_PDF_SETTINGS.printBackground,
    preferCSSPageSize: PRINT_PDF_SETTINGS.preferCSSPageSize,
    displayHeaderFooter: PRINT_PDF_SETTINGS.displayHeaderFooter,
    outline: PRINT_PDF_SETTINGS.generateDocumentOutline,
    tagged: PRINT_PDF_SETTINGS.generateTaggedPDF,
  });
  const file = test.info().outputPath(`${name}.pdf`);
  writeFileSync(file, bytes);
  const info = run('pdfinfo', ['-f', '1', '-l', '999', file]);
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) =>
    Number(m[1]) > Number(m[2]) ? ('landscape' as const) : ('portrait' as const),
  );
  const pages = run('pdftotext', ['-raw', file, '-']).split('\f').map(normal);
  // The pages as images, for a person to look at (overlaps, cut tables, the official look).
  const images = test.info().outputPath(`${name}-halaman`);
  run('pdftoppm', ['-r', '50', '-png', file, images]);
  for (const png of readdirSync(path.dirname(images)).filter((f) => f.endsWith('.png'))) {
    await test.info().attach(png, { path: path.join(path.dirname(images), png) });
  }
  return {
    file,
    text: normal(
      pages
        .map((p) => p.replace(normal(runningHeader), ' ').replace(/Halaman \d+ dari \d+/, ' '))
        .join(' '),
    ),
    pages: pages.slice(0, sizes.length),
    sizes,
    tagged: /Tagged:\s+yes/.test(info),
  };
}

/** Where saveDownload puts a download. */
const savedPath = (download: Download): string =>
  test.info().outputPath(download.suggestedFilename());

async function saveDownload(download: Download): Promise<Uint8Array> {
  const file = savedPath(download);
  await download.saveAs(file);
  return new Uint8Array(readFileSync(file));
}

async function openReport(page: Page, id: string): Promise<void> {
  await page.goto(`/#/evaluasi/${id}/laporan`);
  await expect(page.getByRole('heading', { level: 2, name: 'Laporan' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Pratinjau laporan' })).toBeVisible();
}

/** What the app handed to the browser's print dialog (window.print is replaced to record it). */
async function printed(page: Page) {
  return page.evaluate(
    () => (window as unknown as { __printed?: Record<string, string | null> }).__printed ?? null,
  );
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.print = () => {
      (window as unknown as { __printed: Record<string, string | null> }).__printed = {
        hash: window.location.hash,
        title: document.title,
        ready: document.body.getAttribute('data-print-ready'),
      };
    };
  });
  await new AppModel(page).openHome();
  await seedSnapshots(
    page,
    [
      fixtureSnapshot('balikpapan-2025'),
      balikpapan2026(),
      fixtureSnapshot('mojokerto-2026-partial'),
    ],
    [logo],
  );
  await page.reload();
});

test('a complete evaluation: preview and the three formats from the report screen', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const model = expectedModel('balikpapan');
  const h = model.headline;
  await openReport(page, 'bpp-2026');
  const preview = page.getByRole('region', { name: 'Pratinjau laporan' });
  await expect(preview.getByRole('heading', { name: 'I. Ringkasan Eksekutif' })).toBeVisible();
  await expect(preview.getByRole('img', { name: 'Logo Pemerintah Kota Balikpapan' })).toBeVisible();
  // Last year's result (2025) is compared, and the region's own regulation is cited.
  await expect(preview.getByRole('columnheader', { name: 'Tahun 2025' })).toBeVisible();
  await expect(
    preview.getByText(/Peraturan Wali Kota Balikpapan Nomor 14 Tahun 2022 tentang/).first(),
  ).toBeVisible();
  // The index is complete, but 5 answers are only submitted: the report says it is not final.
  await expect(page.getByRole('note', { name: 'Laporan sementara' })).toContainText(
    '5 jawaban belum terverifikasi',
  );

  await expectNoSeriousViolations(page, 'laporan');

  // Word
  let download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Simpan Word (DOCX)' }).click();
  const docxDownload = await download;
  // All answered but 5 answers only submitted: the report is SEMENTARA until they are verified.
  expect(docxDownload.suggestedFilename()).toBe(
    'Laporan-Evaluasi-SPBE-Kota-Balikpapan-2026-Sementara.docx',
  );
  const docx = readDocx(await saveDownload(docxDownload));
  expect(docx.text).toContain(`${h.indexLabel} Pemerintah Kota Balikpapan Tahun 2026 adalah`);
  expect(docx.rows).toContainEqual(
    expect.stringMatching(/^Indeks SPBE \| Predikat Baik \| 100 \| 2,77/),
  );
  for (const ind of model.data.indicators) {
    expect(docx.rows).toContainEqual(
      expect.stringMatching(
        new RegExp(`^${ind.number} \\| ${escapeRegExp(ind.name)} \\| ${ind.level} \\| `),
      ),
    );
  }
  for (const r of model.data.recommendations) expect(docx.text).toContain(r.name);
  expect(docx.text).toContain(model.data.whatIf?.sentence ?? 'no what-if');
  expect(docx.text).toContain('Ketua Tim Asesor Internal');
  expect(docx.text).toContain('Drs. Hendra Wiratama, M.Si.');
  // The charts are pictures with the SVG and the PNG the browser drew; the SVG logo became PNG.
  const media = Object.keys(docx.files).filter((f) => f.startsWith('word/media/'));
  expect(media.filter((f) => f.endsWith('.svg'))).toHaveLength(4);
  expect(media.filter((f) => f.endsWith('.png'))).toHaveLength(5);
  await expect(page.getByRole('status').filter({ hasText: 'Laporan disimpan' })).toBeVisible();

  // Excel
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Simpan Excel (XLSX)' }).click();
  const xlsxDownload = await download;
  expect(xlsxDownload.suggestedFilename()).toBe(
    'Laporan-Evaluasi-SPBE-Kota-Balikpapan-2026-Sementara.xlsx',
  );
  const book = new Workbook();
  await book.xlsx.load(Buffer.from(await saveDownload(xlsxDownload)) as unknown as ArrayBuffer);
  expectWorkbook(book, model);
  expect(book.worksheets.map((w) => w.name)).toEqual([
    'Indeks',
    // 2026 beside Balikpapan's 2025.
    'Perkembangan',
    'Indikator',
    'Rencana Tindak Lanjut',
    'Bukti Dukung',
    // The evaluation has a regional profile: its obligations are checked too.
    'Kepatuhan',
  ]);
  const index = book.getWorksheet('Indeks')!;
  expect(index.getCell(8, 1).value).toBe('Indeks SPBE');
  expect(index.getCell(8, 5).value).toBeCloseTo(h.value ?? NaN, 12);
  expect(index.getCell(8, 6).value).toBe('Baik');
  const indicators = book.getWorksheet('Indikator')!;
  expect(indicators.actualRowCount).toBe(1 + model.data.indicators.length);
  model.data.indicators.forEach((ind, i) => {
    expect(indicators.getCell(i + 2, 1).value).toBe(ind.number);
    expect(indicators.getCell(i + 2, 7).value).toBe(ind.level);
  });
  const plan = book.getWorksheet('Rencana Tindak Lanjut')!;
  // One row per step up to the target (an indicator two levels below it has two).
  const steps = model.data.recommendations.reduce((n, r) => n + Math.max(1, r.steps.length), 0);
  expect(plan.actualRowCount).toBe(1 + steps);
  expect(book.getWorksheet('Bukti Dukung')!.actualRowCount).toBe(1 + 21);

  // PDF: the button hands the print route to the print dialog, then comes back here.
  await page.getByRole('button', { name: 'Simpan PDF' }).click();
  await expect
    .poll(() => printed(page))
    .toEqual({
      hash: '#/cetak/laporan/bpp-2026',
      title: 'Laporan-Evaluasi-SPBE-Kota-Balikpapan-2026-Sementara',
      ready: 'true',
    });
  await expect(page).toHaveURL(/#\/evaluasi\/bpp-2026\/laporan$/);

  const pdf = await printRoute(
    page,
    '/cetak/laporan/bpp-2026',
    'laporan-balikpapan',
    statusRunningHeader(model),
  );
  expect(pdf.tagged).toBe(true);
  // Cover and chapters in portrait, the indicator appendix in landscape, then portrait again.
  expect(pdf.sizes[0]).toBe('portrait');
  expect(pdf.sizes).toContain('landscape');
  expect(pdf.sizes.at(-1)).toBe('portrait');
  // No running header or page number on the cover; both on every other page.
  const total = pdf.sizes.length;
  expect(pdf.pages[0]).not.toContain('Halaman');
  expect(pdf.pages[0]).toContain('LAPORAN HASIL PENILAIAN MANDIRI EVALUASI SPBE TAHUN 2026');
  pdf.pages.slice(1).forEach((text, i) => {
    expect(text).toContain(`Halaman ${i + 2} dari ${total}`);
    expect(text).toContain(normal(statusRunningHeader(model)));
  });
  for (const text of printedTexts(model)) expect(pdf.text).toContain(text);
  // Each indicator row of the appendix reads whole on one page: number, name, level, target, gap.
  for (const ind of model.data.indicators) {
    const row = `${ind.number} ${ind.name} ${ind.level} ${ind.levelName} ${ind.target} ${ind.gap}`;
    expect(pdf.pages.filter((p) => p.includes(row))).toHaveLength(1);
  }

  // The Word file as a reader sees it (LibreOffice), with the checks every case passes.
  const word = await readWordReport(savedPath(docxDownload), model, docx);
  expectWordReport(word, model, docx);
});

test('a partial evaluation is reported as provisional, with what is missing', async ({ page }) => {
  test.setTimeout(120_000);
  const model = expectedModel('mojokerto');
  const missing = model.provisional?.missing ?? [];
  expect(missing.length).toBe(15);
  await openReport(page, 'mjk-2026');
  await expect(page.getByRole('note', { name: 'Laporan sementara' })).toContainText(
    model.provisional?.text ?? 'no text',
  );
  const preview = page.getByRole('region', { name: 'Pratinjau laporan' });
  await expect(preview.getByText('— SEMENTARA —')).toBeVisible();

  // All three in one go: Word and Excel download, then the PDF goes to the print dialog.
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Simpan ketiganya' }).click();
  await expect
    .poll(() => printed(page))
    .toMatchObject({ hash: '#/cetak/laporan/mjk-2026', ready: 'true' });
  expect((await printed(page))?.title).toBe(
    'Laporan-Evaluasi-SPBE-Kabupaten-Mojokerto-2026-Sementara',
  );
  expect(downloads.map((d) => d.suggestedFilename())).toEqual([
    'Laporan-Evaluasi-SPBE-Kabupaten-Mojokerto-2026-Sementara.docx',
    'Laporan-Evaluasi-SPBE-Kabupaten-Mojokerto-2026-Sementara.xlsx',
  ]);
  await expect(page).toHaveURL(/#\/evaluasi\/mjk-2026\/laporan$/);

  const docx = readDocx(await saveDownload(downloads[0]!));
  expect(docx.text).toContain(`HASIL ${model.provisional?.label}`);
  for (const m of missing) expect(docx.text).toContain(`Indikator ${m.number} ${m.name}`);
  const book = new Workbook();
  await book.xlsx.load(Buffer.from(await saveDownload(downloads[1]!)) as unknown as ArrayBuffer);
  expect(String(book.getWorksheet('Indeks')!.getCell('A4').value)).toContain('SEMENTARA');

  const pdf = await printRoute(
    page,
    '/cetak/laporan/mjk-2026',
    'laporan-mojokerto',
    statusRunningHeader(model),
  );
  // The app's passing messages (still on screen) are not printed.
  expect(pdf.text).not.toContain('Laporan disimpan');
  expect(pdf.pages[0]).toContain('— SEMENTARA —');
  expect(pdf.pages[1]).toContain(normal(statusRunningHeader(model)));
  expect(model.runningHeader).toContain('(SEMENTARA)');
  // The red notice stands wherever the provisional index is shown, with the missing indicators.
  const notices = pdf.text.split('HASIL SEMENTARA').length - 1;
  expect(notices).toBeGreaterThanOrEqual(2);
  for (const m of missing) expect(pdf.text).toContain(`Indikator ${m.number} ${m.name}`);
  for (const text of printedTexts(model)) expect(pdf.text).toContain(text);
});

test('only the chosen sections are previewed and exported', async ({ page }) => {
  const chosen: ReportSectionId[] = ['summary', 'results', 'recommendations'];
  const model = expectedModel('balikpapan', chosen);
  await openReport(page, 'bpp-2026');
  for (const name of [
    'Sampul',
    'Pendahuluan',
    'Metodologi',
    'Kekuatan dan Kelemahan',
    'Kesimpulan',
    'Penutup',
    'Lampiran',
  ]) {
    await page.getByRole('checkbox', { name }).uncheck();
  }
  const preview = page.getByRole('region', { name: 'Pratinjau laporan' });
  await expect(preview.getByRole('heading', { name: 'II. Hasil Penilaian' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Lampiran' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Simpan PDF' }).click();
  await expect
    .poll(() => printed(page))
    .toMatchObject({ hash: '#/cetak/laporan/bpp-2026?bagian=summary%2Cresults%2Crecommendations' });
  // Back on the report screen, the choice is still there.
  await expect(page).toHaveURL(/#\/evaluasi\/bpp-2026\/laporan\?bagian=/);
  await expect(page.getByRole('checkbox', { name: 'Rekomendasi' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Lampiran' })).not.toBeChecked();
  const pdf = await printRoute(
    page,
    '/cetak/laporan/bpp-2026?bagian=summary%2Cresults%2Crecommendations',
    'laporan-bagian',
    statusRunningHeader(model),
  );
  expect(pdf.pages[0]).toContain('I. Ringkasan Eksekutif');
  expect(pdf.text).toContain('III. Rekomendasi');
  expect(pdf.text).not.toContain('Lampiran');
  expect(pdf.sizes).not.toContain('landscape');
  for (const text of printedTexts(model)) expect(pdf.text).toContain(text);
});

test('the print route says so when the evaluation does not exist', async ({ page }) => {
  await page.goto('/#/cetak/laporan/tidak-ada');
  await expect(page.locator('body[data-print-ready="error"]')).toBeAttached();
  await expect(page.getByRole('alert')).toContainText('Evaluasi tidak ditemukan');
});

test('at 1280×720 the landscape tables of the preview fit their sheet and their scroll region is reachable and named', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openReport(page, 'bpp-2026');
  const preview = page.getByRole('region', { name: 'Pratinjau laporan' });
  const blocks = preview.locator('.report-sheet.landscape > .report-table-block');
  await expect(blocks.first()).toBeAttached();
  const measured = await blocks.evaluateAll((els) =>
    els.map((el) => {
      const table = el.querySelector('table')!;
      const sheet = el.closest('.report-sheet')!.getBoundingClientRect();
      const last = table.querySelector('thead th:last-child')!.getBoundingClientRect();
      return {
        caption: table.querySelector('caption')?.textContent ?? '',
        scroll: el.scrollWidth,
        client: el.clientWidth,
        lastRight: Math.round(last.right),
        sheetRight: Math.round(sheet.right),
        blockRight: Math.round(el.getBoundingClientRect().right),
        min: getComputedStyle(table).minWidth,
      };
    }),
  );
  for (const m of measured) {
    // The table fits its block (no hidden last column to scroll to) and stays inside its sheet.
    expect(m.scroll, m.caption).toBeLessThanOrEqual(m.client + 1);
    expect(m.lastRight, m.caption).toBeLessThanOrEqual(m.sheetRight);
  }
  const first = blocks.first();
  const caption = (await first.locator('caption').textContent()) ?? '';
  await expect(first).toHaveAttribute('tabindex', '0');
  await expect(preview.getByRole('region', { name: caption, exact: true })).toBeAttached();
  await expectNoSeriousViolations(page, 'pratinjau 1280×720');
});
