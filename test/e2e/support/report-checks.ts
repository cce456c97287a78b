/**
 * The checks of issue 12 on a report's Word file and workbook, the same for every case
 * (Balikpapan, Mojokerto under a Bupati, Indeks Pemdi), against the report model built from the
 * same data: the index and predikat, the verification paragraph with the "one level lower"
 * index, "Belum terpenuhi" only where an obligation's status is so, undecided findings only in
 * the internal annex, the recommendation of an indicator at level 1 with target 3 carrying the
 * criteria of levels 2 and 3, SEMENTARA where the report is a draft. The Word file is read as LibreOffice renders it
 * (fields and Daftar Isi refreshed), with its running headers, page numbers and the Daftar Isi's
 * page numbers checked against the pages the chapters start on, and the layout rules of
 * ./report-layout on its pages (as on the printed PDF); without LibreOffice, through its XML, and
 * the test says so in its annotations.
 */
import type { Workbook } from 'exceljs';
import type { ReportModel } from '../../../shared/report';
import { isFinalReport, statusRunningHeader } from '../../../shared/report/status';
import type { DocxParts } from '../../unit/report/docx-reader';
import { expect, test } from '../fixtures';
import { DOCX_PAGE } from '../../../shared/report/office/docx';
import { hasArialMetrics, hasSoffice, renderDocx, type RenderedPdf } from './docx-pdf';
import {
  expectLayoutRules,
  readPdfLayout,
  type ContentBoxes,
  type LaidOutPage,
} from './report-layout';
import { escapeRegExp, normal, printedTexts } from './report-text';

export interface WordReading {
  via: 'libreoffice' | 'xml';
  /** The body's text in reading order, whitespace collapsed, list bullets left out. */
  text: string;
  /** The rendered pages (LibreOffice only). */
  rendered: RenderedPdf | null;
  /** The rendered pages' content boxes, word by word, for the layout rules (LibreOffice only). */
  layout: LaidOutPage[] | null;
}

/** The content box of the Word file's pages in points, from the generator's page and margins. */
export function wordContentBoxes(): ContentBoxes {
  const pt = (twips: number) => twips / 20;
  const box = (height: number) => ({
    top: pt(DOCX_PAGE.margin),
    bottom: pt(height - DOCX_PAGE.margin),
  });
  return { portrait: box(DOCX_PAGE.height), landscape: box(DOCX_PAGE.width) };
}

const FOOTER = /^Halaman \d+ dari \d+$/;

/** A page's lines after its running header (one or two lines) and without its page number. */
function bodyLines(lines: readonly string[], header: string): string[] {
  const k = [1, 2, 3].find((n) => normal(lines.slice(0, n).join(' ')) === header) ?? 0;
  return lines.slice(k).filter((l, i, all) => !(i === all.length - 1 && FOOTER.test(l)));
}

/** The saved DOCX as LibreOffice renders it, or its XML where `soffice` is absent (said loudly). */
export async function readWordReport(
  file: string,
  model: ReportModel,
  docx: DocxParts,
): Promise<WordReading> {
  if (!hasSoffice()) {
    const description =
      'soffice (LibreOffice) is not installed: the Word file is checked through its XML only, ' +
      'not as rendered (no page, running header or Daftar Isi page-number checks). ' +
      'Run bash test/setup-machine.sh to install it.';
    test.info().annotations.push({ type: 'warning', description });
    console.warn(`[${test.info().title}] ${description}`);
    return {
      via: 'xml',
      text: normal(docx.text.replace(/•\s*/g, '')),
      rendered: null,
      layout: null,
    };
  }
  const rendered = await renderDocx(file, test.info().outputPath('docx-pdf'));
  await test.info().attach('docx-libreoffice.pdf', {
    path: rendered.file,
    contentType: 'application/pdf',
  });
  test.info().annotations.push({
    type: 'docx',
    description: `the Word file rendered by LibreOffice: ${rendered.pages.length} pages`,
  });
  const header = normal(statusRunningHeader(model));
  // Each page's text without its running header (which may take two lines) and page number.
  const body = rendered.pages.map((lines, i) => {
    const page = normal(lines.join(' '));
    if (i === 0) return page;
    return page
      .replace(header, ' ')
      .replace(/Halaman \d+ dari \d+$/, ' ')
      .trim();
  });
  return {
    via: 'libreoffice',
    text: normal(body.join(' ').replace(/•\s*/g, '')),
    rendered,
    layout: readPdfLayout(rendered.file, wordContentBoxes()),
  };
}

/** The checks on the Word file; `reading` from readWordReport. */
export function expectWordReport(reading: WordReading, model: ReportModel, docx: DocxParts): void {
  const { text } = reading;
  const h = model.headline;
  const final = isFinalReport(model);

  // The headline figures.
  expect(text).toContain(
    `${h.indexLabel} ${model.instansi.name} Tahun ${model.year} adalah ${h.display} dengan predikat ${h.rating}`,
  );
  // The verification paragraph with the index one level lower.
  const v = model.data.verification;
  expect(v, 'verification facts').toBeTruthy();
  expect(text).toContain(normal(v!.statement));
  expect(text).toContain(normal(v!.sentence));
  if (v!.unsupported.length > 0) {
    expect(v!.lowered, 'index one level lower').toBeTruthy();
    expect(text).toContain(
      `${h.indexLabel} menjadi ${v!.lowered!.display} (predikat ${v!.lowered!.rating})`,
    );
  }

  // Compliance: a finding the team has not decided is only in the internal annex, after its
  // heading, never in the body; the body says "Belum terpenuhi" only where the team decided so.
  const annex = text.indexOf('Lampiran internal: temuan otomatis yang belum dikonfirmasi');
  const body = annex < 0 ? text : text.slice(0, annex);
  const decidedNotMet = model.data.compliance.some(
    (c) => c.decided && c.statusLabel === 'Belum terpenuhi',
  );
  if (!decidedNotMet) expect(body).not.toContain('Belum terpenuhi');
  for (const c of model.data.compliance) {
    const at = text.indexOf(normal(c.title));
    expect(at, `obligation "${c.title}"`).toBeGreaterThanOrEqual(0);
    if (!c.decided) {
      expect(annex, 'internal annex').toBeGreaterThanOrEqual(0);
      expect(at, `undecided "${c.title}" in the internal annex`).toBeGreaterThan(annex);
    }
  }

  // A recommendation for an indicator at level 1 with target 3 carries the criteria of every
  // level up to the target, each after the recommendation's heading and before the next one's.
  const recommendations = model.data.recommendations;
  const twoSteps = recommendations.filter((r) => r.level === 1 && r.targetLevelOfScale === 3);
  expect(twoSteps.length, 'recommendations from level 1 to target 3').toBeGreaterThan(0);
  // The recommendations' headings ("1. Indikator 26 …"), found in document order.
  const section = model.sections.find((s) => s.id === 'recommendations')!;
  const headings = section.blocks.flatMap((b) =>
    b.kind === 'heading' && /^\d+\. Indikator \d+ /.test(b.text) ? [normal(b.text)] : [],
  );
  expect(headings.length).toBe(recommendations.length);
  let cursor = text.indexOf(normal(section.heading));
  expect(cursor, section.heading).toBeGreaterThanOrEqual(0);
  const spans = headings.map((heading) => {
    const at = text.indexOf(heading, cursor);
    expect(at, `heading "${heading}"`).toBeGreaterThan(cursor);
    cursor = at;
    return { heading, at };
  });
  for (const r of twoSteps) {
    const k = spans.findIndex((x) => x.heading.includes(` Indikator ${r.number} `));
    expect(k, `recommendation of indicator ${r.number}`).toBeGreaterThanOrEqual(0);
    const block = text.slice(spans[k]!.at, spans[k + 1]?.at);
    expect(r.steps.map((s) => s.level)).toEqual([2, 3]);
    for (const step of r.steps) {
      expect(block, `indicator ${r.number}, level ${step.level}`).toContain(
        `Kriteria tingkat ${step.level} (${step.name}`,
      );
      expect(step.criteria, `criteria of level ${step.level}`).toBeTruthy();
      expect(block, `indicator ${r.number}, criteria of level ${step.level}`).toContain(
        normal(step.criteria ?? '').slice(0, 80),
      );
    }
  }

  // Every heading, paragraph, list, notice, caption and signature the model prints (the tables'
  // rows are read from the XML below: a rendered cell may break a long word).
  const tableTexts = new Set(
    model.sections.flatMap((s) =>
      s.blocks.flatMap((b) =>
        b.kind === 'table' ? printedTexts({ ...model, sections: [{ ...s, blocks: [b] }] }) : [],
      ),
    ),
  );
  const figures = new Set(
    model.sections.flatMap((s) =>
      s.blocks.flatMap((b) =>
        b.kind === 'figures' ? printedTexts({ ...model, sections: [{ ...s, blocks: [b] }] }) : [],
      ),
    ),
  );
  for (const t of printedTexts(model)) {
    if (tableTexts.has(t) && !t.startsWith('Tabel ')) continue;
    if (figures.has(t)) continue;
    // In the XML the cover's title is in its own case (Word shows it in capitals).
    if (reading.via === 'xml') {
      expect(text.toLowerCase(), 'printed text').toContain(t.replace(/•\s*/g, '').toLowerCase());
    } else expect(text, 'printed text').toContain(t.replace(/•\s*/g, ''));
  }
  // Each assessed indicator's row in the appendix: number, name, value as printed.
  for (const ind of model.data.indicators) {
    if (ind.valueDisplay === null) continue;
    expect(docx.rows).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${ind.number} \\| ${escapeRegExp(ind.name)} \\| ${escapeRegExp(ind.valueDisplay)} \\| `,
        ),
      ),
    );
  }

  // SEMENTARA on the cover of a draft, nowhere in a final report.
  if (final) expect(text).not.toContain('SEMENTARA');
  else expect(text).toContain('— SEMENTARA —');

  const rendered = reading.rendered;
  if (!rendered) {
    // Only the file's own promise: a Daftar Isi field Word refreshes when the file is opened.
    expect(docx.document).toMatch(/TOC \\h \\o/);
    expect(docx.xml('word/settings.xml')).toContain('<w:updateFields');
    return;
  }
  const { pages } = rendered;
  const total = pages.length;
  const header = normal(statusRunningHeader(model));
  const chapters = model.sections.filter((s) => s.id !== 'cover');
  // A sane page count: the cover, the Daftar Isi, each chapter on pages of its own, no blank page.
  expect(total).toBeGreaterThanOrEqual(chapters.length + 2);
  // The cover: no running header, no page number; a draft says SEMENTARA.
  const cover = pages[0] ?? [];
  const coverBlock = model.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'cover');
  if (coverBlock?.kind === 'cover') {
    expect(normal(cover.join(' '))).toContain(normal(coverBlock.cover.title.toUpperCase()));
  }
  expect(cover).not.toContain(header);
  if (!final) expect(cover).toContain('— SEMENTARA —');
  // Every other page: the running header (with SEMENTARA for a draft), "Halaman n dari N", text.
  pages.slice(1).forEach((lines, k) => {
    const n = k + 2;
    const page = normal(lines.join(' '));
    expect(page.startsWith(header), `running header of page ${n}`).toBe(true);
    expect(lines.at(-1), `page number of page ${n}`).toBe(`Halaman ${n} dari ${total}`);
    expect(page.length, `page ${n} has text`).toBeGreaterThan(header.length + 20);
  });
  if (!final) expect(header).toMatch(/\(SEMENTARA\)$/);
  // The appendix of indicators is landscape, as in the printed PDF.
  const landscape = model.sections.some((s) =>
    s.blocks.some((b) => b.kind === 'pageBreak' && b.orientation === 'landscape'),
  );
  expect(rendered.orientations.includes('landscape')).toBe(landscape);

  // Daftar Isi: on page 2, each chapter with the page it starts on (its heading opens the page).
  const toc = bodyLines(pages[1] ?? [], header);
  expect(toc[0]).toBe('Daftar Isi');
  for (const section of chapters) {
    const heading = normal(section.heading);
    const line = toc.find((l) => l.startsWith(heading) && /\.{3,}\s*\d+$/.test(l));
    expect(line, `Daftar Isi line of ${heading}`).toBeTruthy();
    const listed = Number(
      new RegExp(`^${escapeRegExp(heading)}\\.{3,}\\s*(\\d+)$`).exec(line!)?.[1],
    );
    const found = pages.findIndex((lines, i) => i > 1 && bodyLines(lines, header)[0] === heading);
    expect(found, `page of ${heading}`).toBeGreaterThan(1);
    expect(listed, `Daftar Isi page of ${heading}`).toBe(found + 1);
  }

  // The layout rules, as on the printed PDF, with Arial's metrics as Word has them.
  expect(
    hasArialMetrics(),
    'a font with Arial metrics (fonts-liberation): run bash test/setup-machine.sh',
  ).toBe(true);
  expectLayoutRules(reading.layout ?? [], model, wordContentBoxes(), 'Word');
}

/** The checks on the workbook. */
export function expectWorkbook(book: Workbook, model: ReportModel): void {
  const h = model.headline;
  const final = isFinalReport(model);
  const index = book.getWorksheet('Indeks')!;
  // The index row: label, value (a number), predikat, status.
  let indexRow = 0;
  index.eachRow((row, i) => {
    if (row.getCell(1).value === h.indexLabel) indexRow = i;
  });
  expect(indexRow, `row of ${h.indexLabel}`).toBeGreaterThan(0);
  expect(index.getCell(indexRow, 5).value).toBeCloseTo(h.value ?? NaN, 12);
  expect(index.getCell(indexRow, 6).value).toBe(h.rating);
  expect(index.getCell(indexRow, 12).value).toBe(final ? 'Final' : 'SEMENTARA');
  expect(String(index.getCell('A1').value)).toBe(
    final ? model.title : `${model.title} (SEMENTARA)`,
  );

  const indicators = book.getWorksheet('Indikator')!;
  expect(indicators.actualRowCount).toBe(1 + model.data.indicators.length);
  model.data.indicators.forEach((ind, i) => {
    expect(indicators.getCell(i + 2, 1).value).toBe(ind.number);
    if (ind.value !== null) expect(indicators.getCell(i + 2, 7).value).toBe(ind.value);
  });

  // The follow-up plan: one row per level step; from level 1 to target 3, two rows.
  const plan = book.getWorksheet('Rencana Tindak Lanjut')!;
  const steps = model.data.recommendations.reduce((n, r) => n + Math.max(1, r.steps.length), 0);
  expect(plan.actualRowCount).toBe(1 + steps);
  const rowsOf = (n: number): string[] => {
    const out: string[] = [];
    plan.eachRow((row, i) => {
      if (i > 1 && row.getCell(1).value === n) out.push(String(row.getCell(5).value));
    });
    return out;
  };
  for (const r of model.data.recommendations.filter(
    (x) => x.level === 1 && x.targetLevelOfScale === 3,
  )) {
    const rows = rowsOf(r.number);
    expect(rows, `plan rows of indicator ${r.number}`).toHaveLength(2);
    r.steps.forEach((step, k) =>
      expect(rows[k]).toContain(
        `Tingkat ${step.level} (${step.name}): ${(step.criteria ?? '').slice(0, 60)}`,
      ),
    );
  }

  // Compliance: each obligation's status worded as on the dashboard; "Belum terpenuhi" nowhere
  // but in the status of an obligation the report model words so.
  const compliance = book.getWorksheet('Kepatuhan');
  expect(!!compliance).toBe(model.data.compliance.length > 0);
  if (compliance) {
    expect(compliance.actualRowCount).toBe(1 + model.data.compliance.length);
    model.data.compliance.forEach((c, i) =>
      expect(compliance.getCell(i + 2, 3).value).toBe(c.statusLabel),
    );
  }
  for (const ws of book.worksheets) {
    ws.eachRow((row, r) =>
      row.eachCell((cell, col) => {
        const status = ws === compliance && col === 3 && r > 1;
        if (!status) expect(String(cell.text)).not.toContain('Belum terpenuhi');
      }),
    );
  }
}
