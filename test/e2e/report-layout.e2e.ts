/**
 * The printed report's layout, read from the PDF the print route makes (pdftotext -bbox): the
 * Daftar Isi's page numbers are the pages the chapters start on; no page but the cover and the
 * last of a chapter (or of a sheet within one) is less than 25 % filled; no table caption or section heading sits in the last 15 % of a
 * page; a table note is on the page where its table ends; a recommendation is not split before
 * its criteria nor a lead-in paragraph from its list; the report date chosen and stored
 * with the evaluation is printed; a report whose answers are not all verified says SEMENTARA
 * on the cover and in every page header, and a fully verified one does not. For Mojokerto (a
 * Bupati's) and Indeks Pemdi, the Word file (rendered by LibreOffice) and the workbook saved from
 * the report screen pass the checks report.e2e.ts runs for Balikpapan (support/report-checks).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { Workbook } from 'exceljs';
import { PRINT_PDF_SETTINGS } from '../../shared/ipc/contract';
import type { TableBlock } from '../../shared/report';
import { statusRunningHeader } from '../../shared/report/status';
import { readDocx } from '../unit/report/docx-reader';
import { expect, test } from './fixtures';
import { AppModel } from './pages/app-model';
import { caseModel, seededCase } from './support/report-cases';
import { expectWordReport, expectWorkbook, readWordReport } from './support/report-checks';
import { seedSnapshots } from './support/seed';

const MM = 72 / 25.4;
/** The content box of a page in points, from report-document.css's @page margins. */
const CONTENT = {
  portrait: { top: 24 * MM, bottom: (297 - 20) * MM },
  landscape: { top: 22 * MM, bottom: (210 - 18) * MM },
};

const balikpapan = (id: string, verified: boolean) => seededCase('balikpapan-2026', id, verified);

interface Line {
  text: string;
  yMin: number;
  yMax: number;
}
interface PdfPage {
  orientation: 'portrait' | 'landscape';
  /** Lines of the page's content box (running header and page number left out). */
  lines: Line[];
  text: string;
}

const normal = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The PDF's words grouped into lines per page, from `pdftotext -bbox`. */
function readPdf(file: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const decode = (t: string) =>
    t
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"');
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(
    (m) => {
      const orientation = Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait';
      const box = CONTENT[orientation];
      const words = [
        ...(m[3] ?? '').matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ]
        .map((w) => ({
          x: Number(w[1]),
          yMin: Number(w[2]),
          yMax: Number(w[4]),
          text: decode(w[5] ?? ''),
        }))
        .filter((w) => w.yMin >= box.top - 2 && w.yMax <= box.bottom + 2);
      const lines: Line[] = [];
      for (const w of words.sort((a, b) => a.yMin - b.yMin || a.x - b.x)) {
        const line = lines.find((l) => Math.abs(l.yMin - w.yMin) < 2.5);
        if (line) {
          line.text += ` ${w.text}`;
          line.yMax = Math.max(line.yMax, w.yMax);
        } else lines.push({ text: w.text, yMin: w.yMin, yMax: w.yMax });
      }
      return { orientation, lines, text: normal(lines.map((l) => l.text).join(' ')) };
    },
  );
}

/** The first word of each text or number cell of a table's last row, as printed. */
function lastRowWords(table: TableBlock): string[] {
  return (table.rows.at(-1)?.cells ?? []).flatMap((cell) => {
    const text = cell.kind === 'text' ? cell.text : cell.kind === 'number' ? cell.display : '';
    const word = normal(text).split(' ')[0];
    return word ? [word] : [];
  });
}

async function printPdf(
  page: Page,
  id: string,
  name: string,
): Promise<{ file: string; pages: PdfPage[]; raw: string[] }> {
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
  return { file, pages: readPdf(file), raw };
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

    const headings = new Set(
      model.sections.flatMap((s) =>
        s.blocks.flatMap((b) => (b.kind === 'heading' ? [normal(b.text)] : [])),
      ),
    );
    // The first lines of the sheets, each of which starts a page: the chapters' headings and the
    // heading after each page break within a chapter (the appendix's Lampiran 2, 3, ...).
    const sheetStarts = model.sections.flatMap((s) => [
      normal(s.heading),
      ...s.blocks.flatMap((b, k) => {
        const next = s.blocks[k + 1];
        return k > 0 && b.kind === 'pageBreak' && next?.kind === 'heading'
          ? [normal(next.text)]
          : [];
      }),
    ]);
    const startsSheet = (p: PdfPage | undefined): boolean => {
      const first = normal(p?.lines[0]?.text ?? '');
      return first !== '' && sheetStarts.some((h) => h === first || h.startsWith(`${first} `));
    };
    pages.forEach((p, i) => {
      const box = CONTENT[p.orientation];
      const height = box.bottom - box.top;
      const last = p.lines.at(-1);
      // Fill: no page is less than a quarter filled but the cover and the last page of a sheet
      // (of a chapter, or before a page break within one: the next page starts a sheet).
      if (i > 0 && i < pages.length - 1 && !startsSheet(pages[i + 1])) {
        const fill = last ? (last.yMax - box.top) / height : 0;
        expect(fill, `page ${i + 1} is ${Math.round(fill * 100)} % filled`).toBeGreaterThanOrEqual(
          0.25,
        );
      }
      // No heading or table caption in the last 15 % of a page.
      for (const line of p.lines) {
        const text = normal(line.text);
        if (!headings.has(text) && !/^Tabel \d+\./.test(text)) continue;
        expect(
          (line.yMin - box.top) / height,
          `"${text}" low on page ${i + 1}`,
        ).toBeLessThanOrEqual(0.85);
      }
    });

    // A table note is on the page where its table ends: after the first words of its last row's
    // cells, never alone at the top of a page. A table of 8 rows or fewer is on one page.
    for (const block of model.sections.flatMap((s) => s.blocks)) {
      if (block.kind !== 'table' || !block.note) continue;
      const noteStart = normal(block.note).slice(0, 40);
      const notePage = pages.findIndex((p) => p.text.includes(noteStart));
      expect(notePage, `note of ${block.caption}`).toBeGreaterThan(0);
      const before = pages[notePage]?.text.slice(0, pages[notePage]?.text.indexOf(noteStart));
      expect(before, `note of ${block.caption} opens page ${notePage + 1}`).not.toBe('');
      for (const word of lastRowWords(block)) {
        expect(before, `last row of ${block.caption} before its note`).toContain(word);
      }
      const captionPage = pages.findIndex((p) => p.text.includes(normal(block.caption)));
      if (block.rows.length <= 8) expect(notePage, `${block.caption} kept whole`).toBe(captionPage);
    }

    // A recommendation is never split before its criteria, and a lead-in paragraph ("…
    // disiapkan:") ends on the page where its list starts. Texts are found in document order.
    let cursor = { page: 0, at: 0 };
    const find = (needle: string): { page: number; at: number } => {
      for (let i = cursor.page; i < pages.length; i++) {
        const at = pages[i]?.text.indexOf(needle, i === cursor.page ? cursor.at : 0) ?? -1;
        if (at >= 0) return (cursor = { page: i, at: at + needle.length });
      }
      throw new Error(`"${needle}" not found after page ${cursor.page + 1}`);
    };
    const plain = (content: readonly { text: string }[]): string =>
      normal(content.map((run) => run.text).join(''));
    const blocks = model.sections.flatMap((s) => s.blocks);
    let recommendations = 0;
    blocks.forEach((block, k) => {
      const next = blocks[k + 1];
      if (block.kind === 'heading' && /^\d+\. Indikator /.test(block.text)) {
        recommendations += 1;
        const heading = find(normal(block.text));
        expect(find('Kriteria tingkat').page, `criteria of "${block.text}"`).toBe(heading.page);
      }
      if (
        block.kind === 'paragraph' &&
        next?.kind === 'list' &&
        plain(block.content).endsWith(':')
      ) {
        const leadIn = find(plain(block.content).slice(-30));
        const item = find(plain(next.items[0] ?? []).slice(0, 30));
        expect(item.page, `list after "${plain(block.content)}"`).toBe(leadIn.page);
      }
    });
    expect(recommendations).toBeGreaterThan(0);
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
