/**
 * How the report is delivered, in both packs: Final only when every answer is verified (else
 * SEMENTARA in the file name, the cover, every header and the workbook), the report date stored
 * with the evaluation, the Word file's language, TOC and header cells, and the follow-up plan
 * workbook (one validation per column, fit to one page wide, header row repeated, fixed comma).
 */
import { strFromU8, unzipSync } from 'fflate';
import { Workbook } from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { EvaluationSnapshot } from '../../../shared/assessment';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import {
  buildReport,
  chartKey,
  chartSvg,
  reportFileName,
  type ReportModel,
} from '../../../shared/report';
import { columnWidths } from '../../../shared/report/office/docx';
import { reportToDocx, reportToXlsx } from '../../../shared/report/office';
import {
  isFinalReport,
  reportDateProblem,
  reportMoment,
  reportStatus,
  statusRunningHeader,
} from '../../../shared/report/status';
import { balikpapanModel, fixture, NOW, readDocx } from './helpers';

// A 1×1 PNG: the chart picture's fallback (its pixels do not matter here).
const PNG_1x1 = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/eL9GtQAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

const spbe = findPack('permenpanrb-59-2020') as InstrumentPack;
const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;

/** The Balikpapan 2026 evaluation with every answer verified, optionally dated. */
function verified(reportDate?: string): EvaluationSnapshot {
  const s = fixture('balikpapan-2026');
  return {
    ...s,
    evaluation: { ...s.evaluation, ...(reportDate ? { reportDate } : {}) },
    answers: s.answers.map((a) => ({ ...a, status: 'verified' as const })),
  };
}

const model = (snapshot: EvaluationSnapshot, pack = spbe): ReportModel =>
  buildReport({ snapshot, pack, now: reportMoment(snapshot.evaluation, NOW) });

const finalModel = model(verified());
/** Every answer present but 5 only submitted: a complete index that is still SEMENTARA. */
const submittedModel = model(fixture('balikpapan-2026'));
const pemdiModel = model(fixture('pemdi-2026'), pemdi);

async function workbook(bytes: Uint8Array) {
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return { wb, files: unzipSync(bytes) };
}

/** The sheet XML of a named sheet (sheets are written in order: sheet1.xml, …). */
function sheetXml(wb: Workbook, files: Record<string, Uint8Array>, name: string): string {
  const index = wb.worksheets.findIndex((w) => w.name === name);
  const file = files[`xl/worksheets/sheet${index + 1}.xml`];
  if (!file) throw new Error(`no sheet ${name}`);
  return strFromU8(file);
}

/** The cells of an A1 range ("H2:H40") as [column, row] pairs. */
function cellsOf(sqref: string): string[] {
  const out: string[] = [];
  for (const part of sqref.split(' ')) {
    const [a, b = a] = part.split(':') as [string, string?];
    const parse = (ref: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(ref ?? '');
      if (!m) throw new Error(ref);
      return { col: m[1] ?? '', row: Number(m[2]) };
    };
    const from = parse(a);
    const to = parse(b ?? a);
    for (let r = from.row; r <= to.row; r += 1) out.push(`${from.col}${r}`);
  }
  return out;
}

describe('report status', () => {
  it('is Final only when the index is complete and every answer is verified', () => {
    expect(reportStatus(finalModel)).toBe('final');
    expect(finalModel.provisional).toBeNull();
    expect(reportStatus(submittedModel)).toBe('sementara');
    expect(submittedModel.provisional).toBeNull();
    expect(reportStatus(pemdiModel)).toBe('sementara');
  });

  it('marks the file name and the running header of a report that is not final', () => {
    expect(reportFileName(finalModel, 'pdf')).toBe(
      'Laporan-Evaluasi-SPBE-Kota-Balikpapan-2026.pdf',
    );
    expect(reportFileName(submittedModel, 'xlsx')).toBe(
      'Laporan-Evaluasi-SPBE-Kota-Balikpapan-2026-Sementara.xlsx',
    );
    expect(reportFileName(pemdiModel, 'docx')).toMatch(
      /^Laporan-Evaluasi-Pemdi-.*-Sementara\.docx$/,
    );
    expect(statusRunningHeader(finalModel)).not.toContain('SEMENTARA');
    expect(statusRunningHeader(submittedModel)).toMatch(/\(SEMENTARA\)$/);
    // Never twice, when the model already says it.
    expect(statusRunningHeader(pemdiModel).match(/SEMENTARA/g)).toHaveLength(1);
  });
});

describe('a complete report with unverified answers', () => {
  const notices = (m: ReportModel, id: 'summary' | 'appendix') =>
    m.sections
      .find((s) => s.id === id)!
      .blocks.filter(
        (b) =>
          b.kind === 'notice' &&
          b.title === 'JAWABAN BELUM TERVERIFIKASI' &&
          b.content.some((c) => c.text.includes('belum terverifikasi')),
      );

  it('says in the summary and the Berita Acara why it is SEMENTARA, and which answers are open', async () => {
    const open = submittedModel.data.indicators.filter((i) => i.status !== 'verified');
    expect(open).toHaveLength(5);
    for (const id of ['summary', 'appendix'] as const) {
      const [notice] = notices(submittedModel, id);
      expect(notice).toMatchObject({
        tone: 'provisional',
        content: [{ text: expect.stringContaining('5 jawaban belum terverifikasi') }],
      });
      if (notice?.kind !== 'notice') throw new Error('no notice');
      expect(notice.items).toEqual(open.map((i) => `Indikator ${i.number} ${i.name}: diajukan`));
    }
    const { text } = readDocx(await reportToDocx(submittedModel));
    expect(text).toContain('5 jawaban belum terverifikasi; laporan ini bersifat sementara');
    // Final, or provisional for another reason (that notice says why): no such notice.
    for (const m of [finalModel, pemdiModel]) {
      expect(notices(m, 'summary')).toEqual([]);
      expect(notices(m, 'appendix')).toEqual([]);
    }
  });
});

describe('report date', () => {
  it('prints the stored date instead of today', () => {
    const dated = model(verified('2026-12-03'));
    expect(dated.dateDisplay).toBe('3 Desember 2026');
    expect(finalModel.dateDisplay).toBe('22 November 2026');
  });

  it('refuses impossible and absurd dates with a reason', () => {
    const today = new Date(2026, 11, 5);
    expect(reportDateProblem('2026-12-03', 2026, today)).toBeNull();
    expect(reportDateProblem('2027-03-31', 2026, today)).toBeNull();
    expect(reportDateProblem('2026-02-30', 2026, today)).toMatch(/tidak sah/);
    expect(reportDateProblem('3/12/2026', 2026, today)).toMatch(/tidak sah/);
    expect(reportDateProblem('2025-12-31', 2026, today)).toMatch(/sebelum tahun evaluasi \(2026\)/);
    expect(reportDateProblem('2028-01-01', 2026, today)).toMatch(/lebih dari satu tahun/);
  });

  it('ignores a stored date that is not a real date', () => {
    expect(reportMoment({ reportDate: '2026-02-30' }, NOW)).toBe(NOW);
    expect(reportMoment({}, NOW)).toBe(NOW);
  });
});

describe('DOCX delivery', () => {
  it('sets Indonesian on the styles, updates fields on open and has a TOC', async () => {
    const { xml, document } = readDocx(await reportToDocx(finalModel));
    const styles = xml('word/styles.xml');
    expect(styles).toMatch(
      /<w:docDefaults>[\s\S]*<w:lang w:val="id-ID"\/>[\s\S]*<\/w:docDefaults>/,
    );
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:lang w:val="id-ID"\/>/);
    expect(xml('word/settings.xml')).toContain('<w:updateFields/>');
    expect(document).toContain('TOC \\h \\o &quot;1-2&quot;');
    expect(document).toContain('Daftar Isi');
  });

  it('has no SEMENTARA when final and SEMENTARA on the cover and header otherwise', async () => {
    for (const [m, final] of [
      [finalModel, true],
      [submittedModel, false],
      [pemdiModel, false],
    ] as const) {
      const { paragraphs, files, xml, text } = readDocx(await reportToDocx(m));
      const headers = Object.keys(files).filter((f) => /^word\/header\d+\.xml$/.test(f));
      expect(headers.length).toBeGreaterThan(0);
      if (final) {
        expect(text).not.toContain('SEMENTARA');
        for (const h of headers) expect(xml(h)).not.toContain('SEMENTARA');
      } else {
        expect(paragraphs).toContain('— SEMENTARA —');
        for (const h of headers) expect(xml(h)).toContain('(SEMENTARA)');
      }
    }
  });

  it('gives every header cell room for its longest word ("No" never wraps)', async () => {
    const widths = columnWidths(
      [
        { width: 1, header: 'No' },
        { width: 30, header: 'Indikator' },
        { width: 2, header: 'Tingkat' },
      ],
      9070,
      16,
    );
    expect(widths[0]).toBeGreaterThanOrEqual(Math.ceil(2 * 16 * 6.2) + 230);
    expect(widths[2]).toBeGreaterThanOrEqual(Math.ceil(7 * 16 * 6.2) + 230);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9070);
    // In the file: the "No" column of every table is at least that wide.
    const { document } = readDocx(await reportToDocx(finalModel));
    const noCells = [
      ...document.matchAll(
        /<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="(\d+)"\/>(?:(?!<\/w:tc>).)*?<w:t(?: [^>]*)?>No<\/w:t>/gs,
      ),
    ];
    expect(noCells.length).toBeGreaterThan(0);
    for (const m of noCells) expect(Number(m[1])).toBeGreaterThanOrEqual(2 * 16 * 6.2 + 230);
  });
});

describe('DOCX level names stay whole', () => {
  it('widens a keepWords column to its longest word ("Berkembang", not "Berkemban/g")', async () => {
    const widths = columnWidths(
      [
        { width: 1, header: 'Tingkat' },
        { width: 1.6, header: 'Nama', words: ['Berkembang', 'Membangun'] },
        { width: 1.6, header: 'Rentang nilai' },
        { width: 7, header: 'Makna' },
      ],
      9070,
      18,
    );
    expect(widths[1]).toBeGreaterThanOrEqual(Math.ceil(10 * 18 * 7) + 230);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9070);
    // In the Pemdi report: the scale table's name column is as wide as "Berkembang" needs.
    const { document } = readDocx(await reportToDocx(pemdiModel));
    const cell =
      /<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="(\d+)"\/>(?:(?!<\/w:tc>).)*?<w:t(?: [^>]*)?>Berkembang<\/w:t>/s.exec(
        document,
      );
    expect(cell).not.toBeNull();
    expect(Number(cell![1])).toBeGreaterThanOrEqual(Math.ceil(10 * 18 * 7) + 230);
  });
});

describe('XLSX follow-up plan', () => {
  const plan = 'Rencana Tindak Lanjut';

  it('has the columns the Bagian Organisasi works in, one row per level step', async () => {
    const { wb } = await workbook(await reportToXlsx(finalModel));
    const ws = wb.getWorksheet(plan)!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'No',
      'Indikator',
      'Tingkat saat ini',
      'Tingkat target',
      'Langkah',
      'Rencana aksi',
      'Penanggung jawab (OPD)',
      'Anggaran (Rp)',
      'Tenggat',
      'Progres',
      'Status',
    ]);
    const steps = finalModel.data.recommendations.reduce(
      (n, r) => n + Math.max(1, r.steps.length),
      0,
    );
    expect(ws.actualRowCount).toBe(1 + steps);
    const first = finalModel.data.recommendations[0]!;
    expect(ws.getCell(2, 1).value).toBe(first.number);
    expect(ws.getCell(2, 3).value).toBe(first.level);
    expect(typeof ws.getCell(2, 3).value).toBe('number');
    expect(ws.getCell(2, 4).value).toBe(first.targetLevel);
    expect(String(ws.getCell(2, 5).value)).toMatch(/^Tingkat \d \(/);
    // An indicator two levels below its target has a row for each level.
    const twoSteps = finalModel.data.recommendations.find((r) => r.steps.length >= 2);
    if (twoSteps) {
      const rows = [...Array(steps).keys()]
        .map((i) => ws.getRow(i + 2))
        .filter((r) => r.getCell(1).value === twoSteps.number)
        .map((r) => String(r.getCell(5).value));
      expect(rows.map((t) => t.slice(0, 9))).toEqual(
        twoSteps.steps.map((s) => `Tingkat ${s.level}`),
      );
    }
  });

  it('writes one validation per column, none overlapping', async () => {
    const { wb, files } = await workbook(await reportToXlsx(finalModel));
    for (const ws of wb.worksheets) {
      const xml = sheetXml(wb, files, ws.name);
      const sqrefs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map(
        (m) => m[1] ?? '',
      );
      const seen = new Set<string>();
      const columns = new Set<string>();
      for (const sqref of sqrefs) {
        const cells = cellsOf(sqref);
        for (const c of cells) {
          expect(seen.has(c), `${ws.name} ${c} validated twice`).toBe(false);
          seen.add(c);
        }
        const column = new Set(cells.map((c) => c.replace(/\d+$/, '')));
        expect(column.size).toBe(1);
        const [col] = column;
        expect(columns.has(col!), `${ws.name} column ${col} has two validations`).toBe(false);
        columns.add(col!);
      }
      if (ws.name === plan) expect([...columns].sort()).toEqual(['H', 'I', 'J', 'K']);
    }
    const ws = wb.getWorksheet(plan)!;
    expect(ws.getCell(2, 9).dataValidation).toMatchObject({ type: 'date' });
    expect(ws.getCell(2, 11).dataValidation).toMatchObject({ type: 'list' });
  });

  it('prints landscape, one page wide, with the header row on every page', async () => {
    const { wb, files } = await workbook(await reportToXlsx(finalModel));
    const ws = wb.getWorksheet(plan)!;
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    expect(strFromU8(files['xl/workbook.xml']!)).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;Rencana Tindak Lanjut&apos;!$1:$1</definedName>',
    );
    expect(sheetXml(wb, files, plan)).toContain('<pageSetUpPr fitToPage="1"/>');
  });

  it('writes Pemdi values as numbers with the two-decimal format of the Indikator sheet', async () => {
    const { wb } = await workbook(await reportToXlsx(pemdiModel));
    const ws = wb.getWorksheet(plan)!;
    expect((ws.getRow(1).values as unknown[]).slice(3, 5)).toEqual([
      'Nilai saat ini',
      'Nilai target',
    ]);
    const first = pemdiModel.data.recommendations[0]!;
    const value = pemdiModel.data.indicators.find((i) => i.number === first.number)!.value;
    expect(ws.getCell(2, 3).value).toBe(value);
    expect(ws.getCell(2, 4).value).toBe(2.5);
    const indikator = wb.getWorksheet('Indikator')!;
    const nilai = (indikator.getRow(1).values as unknown[]).indexOf('Nilai');
    for (const c of [3, 4]) {
      expect(typeof ws.getCell(2, c).value).toBe('number');
      expect(ws.getCell(2, c).numFmt).toBe('0.00');
      expect(ws.getCell(2, c).numFmt).toBe(indikator.getCell(2, nilai).numFmt);
    }
  });

  it('signs every Selisih as value less target and says so in its header', async () => {
    const { wb } = await workbook(await reportToXlsx(pemdiModel));
    const index = wb.getWorksheet('Indeks')!;
    const ih = index.getRow(7).values as unknown[];
    const ic = ih.indexOf('Selisih (Indeks − Target)');
    expect(ic).toBeGreaterThan(0);
    const h = pemdiModel.headline;
    expect(index.getCell(8, ic).value).toBe(h.targetDifference!.value);
    expect(h.targetDifference!.value).toBeLessThan(0); // 2,48 against 2,50
    const ws = wb.getWorksheet('Indikator')!;
    const header = ws.getRow(1).values as unknown[];
    const c = header.indexOf('Selisih (Nilai − Nilai sasaran)');
    expect(c).toBeGreaterThan(0);
    pemdiModel.data.indicators.forEach((ind, i) => {
      const cell = ws.getCell(i + 2, c).value;
      if (ind.value === null) expect(cell).toBeNull();
      else expect(cell).toBeCloseTo(ind.value - ind.target, 10);
      // Below the target is negative on both sheets.
      if (ind.meetsTarget === false) expect(cell).toBeLessThan(0);
    });
  });

  it('says Final or SEMENTARA in the title cell, the status and every sheet header', async () => {
    const final = (await workbook(await reportToXlsx(finalModel))).wb;
    const index = final.getWorksheet('Indeks')!;
    expect(String(index.getCell('A1').value)).not.toContain('SEMENTARA');
    expect(index.getCell(8, 12).value).toBe('Final');
    expect(String(index.getCell('A3').value)).toContain('22 November 2026');
    for (const ws of final.worksheets) expect(ws.headerFooter.oddHeader).not.toContain('SEMENTARA');

    for (const m of [submittedModel, pemdiModel]) {
      const book = (await workbook(await reportToXlsx(m))).wb;
      const sheet = book.getWorksheet('Indeks')!;
      expect(String(sheet.getCell('A1').value)).toMatch(/\(SEMENTARA\)$/);
      expect(sheet.getCell(8, 12).value).toBe('SEMENTARA');
      for (const ws of book.worksheets) {
        expect(ws.headerFooter.oddHeader).toContain('SEMENTARA');
        expect(ws.headerFooter.oddFooter).toContain('Halaman &P dari &N');
      }
    }
    expect(isFinalReport(submittedModel)).toBe(false);
    const dated = (await workbook(await reportToXlsx(model(verified('2026-12-03'))))).wb;
    expect(String(dated.getWorksheet('Indeks')!.getCell('A3').value)).toContain('3 Desember 2026');
  });
});

describe('charts name what they show', () => {
  it('lists the aspect names behind the short labels, in both packs', async () => {
    for (const m of [finalModel, pemdiModel]) {
      const radar = m.data.charts.find((c) => c.id === 'aspects-radar')!;
      const key = chartKey(radar)!;
      radar.categories.forEach((c, i) => expect(key).toContain(`${c}: ${radar.categoryNames[i]}`));
      const { text } = readDocx(await reportToDocx(m, { rasterize: async () => PNG_1x1 }));
      expect(text).toContain(key);
    }
  });

  it('names nothing twice: no "2025: Tahun 2025" under the trend, no "Optimum / Optimum"', () => {
    const m = balikpapanModel();
    const trend = m.data.charts.find((c) => c.id === 'trend')!;
    expect(trend.categories).toEqual(['2025', '2026']);
    expect(chartKey(trend)).toBeNull();
    const levels = m.data.charts.find((c) => c.id === 'levels-distribution')!;
    expect(chartKey(levels)).toContain('Tingkat 5: Optimum');
    expect(chartKey(levels)).not.toContain('Optimum / Optimum');
    expect(chartKey(levels)).toContain('Tingkat 1: Rintisan / Informasi');
  });

  it("keeps the key under a chart on the chart's page (its caption keeps with it)", async () => {
    const { document } = readDocx(
      await reportToDocx(finalModel, { rasterize: async () => PNG_1x1 }),
    );
    const radar = finalModel.data.charts.find((c) => c.id === 'aspects-radar')!;
    const caption = new RegExp(
      `<w:p>(?:(?!</w:p>).)*?<w:t(?: [^>]*)?>Gambar \\d+\\. ${radar.caption}</w:t>`,
      's',
    ).exec(document);
    expect(caption).not.toBeNull();
    expect(caption![0]).toContain('<w:keepNext/>');
  });

  it('puts the radar scale between two axes, clear of the first axis label', () => {
    const radar = finalModel.data.charts.find((c) => c.id === 'aspects-radar')!;
    const svg = chartSvg(radar);
    const axisLabel = new RegExp(`<text x="([\\d.]+)" y="([\\d.]+)"[^>]*>${radar.categories[0]}<`);
    const m = axisLabel.exec(svg);
    expect(m).not.toBeNull();
    const [ax, ay] = [Number(m![1]), Number(m![2])];
    // Every scale label (grey) is off the first axis and well away from its label.
    const ticks = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*fill="#7f7f7f"[^>]*>/g)];
    expect(ticks.length).toBeGreaterThan(0);
    for (const t of ticks) {
      const [tx, ty] = [Number(t[1]), Number(t[2])];
      expect(Math.abs(tx - ax)).toBeGreaterThan(5);
      expect(Math.hypot(tx - ax, ty - ay)).toBeGreaterThan(30);
    }
  });
});
