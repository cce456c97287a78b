/**
 * The DOCX and XLSX files, read back: the Word XML (index, predikat, every indicator row, the
 * recommendations, the signature blocks, heading styles, TOC, the provisional notice) and the
 * workbook through exceljs (numbers as numbers with formats, dates as dates, all 47 rows).
 */
import { Resvg } from '@resvg/resvg-js';
import { Workbook, type Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportToDocx, reportToXlsx, type Rasterize } from '../../../shared/report/office';
import { balikpapanModel, mojokertoModel, readDocx } from './helpers';

const rasterize: Rasterize = async (svg, width) =>
  new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: true } })
    .render()
    .asPng();

// A 1×1 PNG, for the logo.
const PNG_1x1 = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/eL9GtQAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

describe('reportToDocx', () => {
  const model = balikpapanModel();
  const docx = reportToDocx(model, { rasterize, logo: PNG_1x1 }).then(readDocx);

  it('writes the index, predikat and the cover addressee', async () => {
    const { text } = await docx;
    expect(text).toContain('Laporan Hasil Penilaian Mandiri Evaluasi SPBE Tahun 2026');
    expect(text).toContain('Disampaikan kepada Wali Kota Balikpapan melalui Sekretaris Daerah');
    expect(text).toContain(
      'Indeks SPBE Pemerintah Kota Balikpapan Tahun 2026 adalah 2,77 dengan predikat Baik.',
    );
    // All 47 answered but 5 only submitted: complete, yet SEMENTARA until verified
    // (a fully verified report without the mark: delivery.test.ts).
    expect(text).not.toContain('HASIL SEMENTARA');
  });

  it('uses real heading styles and a TOC field so that Word builds the table of contents', async () => {
    const { document, paragraphs, xml } = await docx;
    const h1 = [
      ...document.matchAll(
        /<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*<\/w:p>/gs,
      ),
    ];
    // Cover excluded: eight chapters (Pendahuluan … Penutup) and the appendix.
    expect(h1.length).toBe(9);
    expect(document).toContain('<w:pStyle w:val="Heading2"/>');
    expect(document).toContain('TOC \\h \\o &quot;1-2&quot;');
    expect(paragraphs).toContain('I. Ringkasan Eksekutif');
    expect(paragraphs).toContain('Lampiran');
    expect(xml('word/styles.xml')).toContain('w:styleId="Heading1"');
    expect(xml('word/settings.xml')).toContain('<w:updateFields/>');
  });

  it('is A4 with a landscape appendix, a running header and page numbers', async () => {
    const { document, files, xml } = await docx;
    expect(document).toContain('w:w="11906" w:h="16838"');
    expect(document).toContain('w:w="16838" w:h="11906" w:orient="landscape"');
    const headers = Object.keys(files).filter((f) => /^word\/header\d+\.xml$/.test(f));
    expect(headers.length).toBeGreaterThan(0);
    expect(xml(headers[0] ?? '')).toContain(
      'Pemerintah Kota Balikpapan — Laporan Hasil Penilaian Mandiri',
    );
    const footer = Object.keys(files).find((f) => /^word\/footer\d+\.xml$/.test(f)) ?? '';
    expect(xml(footer)).toMatch(/PAGE/);
    expect(xml(footer)).toMatch(/NUMPAGES/);
  });

  it('has a row for every indicator with level, target, gap and dated evidence', async () => {
    const { rows } = await docx;
    for (const ind of model.data.indicators) {
      const row = rows.find((r) => r.startsWith(`${ind.number} | ${ind.name} | `));
      expect(row, `indikator ${ind.number}`).toBeDefined();
      expect(row).toContain(` | ${ind.level} | ${ind.levelName} | 3 | ${ind.gap} | `);
    }
    const ten = rows.find((r) => r.startsWith('10 | Tingkat Kematangan'));
    expect(ten).toContain(
      '• Keputusan Wali Kota Balikpapan tentang Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik Kota Balikpapan, Nomor 188.45-312/2025, tanggal 10 Maret 2025',
    );
  });

  it('lists the recommendations by gain with the what-if', async () => {
    const { rows, text } = await docx;
    expect(rows).toContain(
      '1 | 46. Tingkat Kematangan Layanan Publik Sektor 2 | 2 | 3 | 0,03 | Dinas Kesehatan',
    );
    expect(text).toContain(
      'Apabila 20 indikator di bawah target dinaikkan satu tingkat, Indeks SPBE menjadi 3,15 (predikat Baik).',
    );
    expect(text).toContain('Kriteria tingkat 3 (Terdefinisi): Kriteria tingkat 2 telah terpenuhi');
  });

  it('has editable signature blocks with names and NIP lines', async () => {
    const { rows } = await docx;
    const heads = rows.findIndex(
      (r) => r.includes('Koordinator SPBE') && r.includes('Ketua Tim Asesor Internal'),
    );
    expect(heads).toBeGreaterThanOrEqual(0);
    expect(rows[heads]).toContain('Balikpapan, 22 November 2026');
    // The names and NIPs in a row of their own under the jabatan: both names on one line in
    // Word however many lines one jabatan takes.
    expect(rows[heads]).not.toContain('NIP.');
    const names = rows[heads + 1]!;
    expect(names).toContain('Drs. Hendra Wiratama, M.Si.');
    expect(names).toContain('NIP. 196805121994031007');
    expect(names).toContain('NIP. 197503172002122004');
    // The heads stay on the page of the names (every paragraph of the heads keeps with the next).
    const { document } = await docx;
    const table = [...document.matchAll(/<w:tbl>(?:(?!<\/w:tbl>).)*<\/w:tbl>/gs)]
      .map((m) => m[0])
      .find((t) => t.includes('Ketua Tim Asesor Internal'))!;
    const headRow = /<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/s.exec(table)![0];
    const paragraphs = headRow.match(
      /<w:p>(?:(?!<\/w:p>).)*<\/w:p>|<w:p [^>]*>(?:(?!<\/w:p>).)*<\/w:p>/gs,
    )!;
    for (const p of paragraphs) expect(p).toContain('<w:keepNext/>');
  });

  it('embeds each chart as SVG with a PNG fallback, and the logo', async () => {
    const { files, document } = await docx;
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media.filter((f) => f.endsWith('.svg'))).toHaveLength(4);
    expect(media.filter((f) => f.endsWith('.png'))).toHaveLength(5);
    expect(document).toContain('descr="Indeks Aspek Tahun 2026: Aspek 1 2,70');
  });

  it('writes the charts as data tables when no rasterizer is given', async () => {
    const { files, text } = readDocx(await reportToDocx(model));
    expect(Object.keys(files).filter((f) => f.startsWith('word/media/'))).toHaveLength(0);
    expect(text).toContain('Gambar 1. Indeks Aspek dibandingkan dengan target (data grafik)');
    expect(text).toContain('Grafik disajikan sebagai tabel data');
  });

  it('says clearly that a partial evaluation is provisional and lists what is missing', async () => {
    const partial = mojokertoModel();
    const { text, paragraphs, xml, files } = readDocx(await reportToDocx(partial));
    expect(paragraphs).toContain('— SEMENTARA —');
    expect(paragraphs.filter((p) => p === 'HASIL SEMENTARA').length).toBeGreaterThanOrEqual(4);
    expect(text).toContain('baru 32 dari 47 indikator yang dinilai');
    for (const m of partial.provisional?.missing ?? []) {
      expect(paragraphs).toContain(`Indikator ${m.number} ${m.name}`);
    }
    expect(text).toContain('Disampaikan kepada Bupati Mojokerto melalui Sekretaris Daerah');
    const header = Object.keys(files).find((f) => /^word\/header\d+\.xml$/.test(f)) ?? '';
    expect(xml(header)).toContain('(SEMENTARA)');
  });
});

const numFmtOf = (ws: Worksheet, row: number, col: number): string => ws.getCell(row, col).numFmt;

async function workbook(bytes: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('reportToXlsx', () => {
  const model = balikpapanModel();
  const wb = reportToXlsx(model).then(workbook);

  it('has the five sheets with frozen header rows and autofilters', async () => {
    const book = await wb;
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Indeks',
      // Balikpapan 2026 beside its 2025.
      'Perkembangan',
      'Indikator',
      'Rencana Tindak Lanjut',
      'Bukti Dukung',
    ]);
    for (const ws of book.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen' });
      expect(ws.autoFilter).toBeTruthy();
    }
  });

  it('writes the indices as numbers with two-decimal formats', async () => {
    const ws = (await wb).getWorksheet('Indeks');
    if (!ws) throw new Error('no sheet');
    const header = ws.getRow(7).values as unknown[];
    expect(header.slice(1, 6)).toEqual(['Tingkatan', 'Kode', 'Nama', 'Bobot (%)', 'Indeks']);
    expect(ws.getCell(8, 1).value).toBe('Indeks SPBE');
    expect(ws.getCell(8, 5).value).toBeCloseTo(model.headline.value ?? 0, 12);
    expect(numFmtOf(ws, 8, 5)).toBe('0.00');
    expect(ws.getCell(8, 6).value).toBe('Baik');
    expect(ws.getCell(8, 8).value).toBeCloseTo(0.17, 12);
    const a5 = [...Array(13).keys()]
      .map((i) => ws.getRow(9 + i))
      .find((r) => r.getCell(2).value === 'A5');
    expect(typeof a5?.getCell(5).value).toBe('number');
    expect(a5?.getCell(5).value).toBeCloseTo(1.875, 12);
    expect(ws.getCell('A5').value).toBe(model.data.whatIf?.sentence);
    // The verification status and the one-level-lower index, as in the summary.
    const verification = model.data.verification;
    if (!verification) throw new Error('no verification fact');
    expect(ws.getCell('A6').value).toBe(`${verification.statement} ${verification.sentence}`);
    expect(String(ws.getCell('A6').value)).toMatch(/masih akan diverifikasi oleh asesor eksternal/);
  });

  it('has all 47 indicators with numeric levels and gaps', async () => {
    const ws = (await wb).getWorksheet('Indikator');
    if (!ws) throw new Error('no sheet');
    expect(ws.actualRowCount).toBe(48);
    for (let r = 2; r <= 48; r += 1) {
      const ind = model.data.indicators[r - 2];
      expect(ws.getCell(r, 1).value).toBe(ind?.number);
      expect(ws.getCell(r, 7).value).toBe(ind?.level);
      expect(typeof ws.getCell(r, 7).value).toBe('number');
      // Signed like the Indeks sheet's Selisih: tingkat less target, negative below it.
      expect(ws.getCell(r, 10).value).toBe((ind?.level ?? 0) - 3);
    }
    expect(numFmtOf(ws, 2, 7)).toBe('0');
    expect(numFmtOf(ws, 2, 12)).toBe('0.0000');
    expect(ws.getCell(27, 15).value).toContain('Belum ada sistem manajemen pengetahuan');
  });

  it('turns the recommendations into an action plan with an empty date column to fill in', async () => {
    const ws = (await wb).getWorksheet('Rencana Tindak Lanjut');
    if (!ws) throw new Error('no sheet');
    expect(ws.getCell(1, 9).value).toBe('Tenggat');
    const steps = model.data.recommendations.reduce((n, r) => n + Math.max(1, r.steps.length), 0);
    expect(ws.actualRowCount).toBe(1 + steps);
    expect(ws.getCell(2, 1).value).toBe(46);
    expect(ws.getCell(2, 7).value).toBe('Dinas Kesehatan');
    expect(ws.getCell(2, 9).value).toBeNull();
    expect(numFmtOf(ws, 2, 9)).toBe('[$-421]d mmmm yyyy');
    expect(ws.getCell(2, 9).dataValidation).toMatchObject({ type: 'date' });
  });

  it('lists the evidence with real dates', async () => {
    const ws = (await wb).getWorksheet('Bukti Dukung');
    if (!ws) throw new Error('no sheet');
    expect(ws.actualRowCount).toBe(1 + 21);
    const perwal = [...Array(21).keys()]
      .map((i) => ws.getRow(i + 2))
      .find((r) => String(r.getCell(2).value).startsWith('Peraturan Wali Kota Balikpapan'));
    expect(perwal?.getCell(4).value).toBe('14 Tahun 2022');
    const date = perwal?.getCell(5).value;
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString()).toBe('2022-08-22T00:00:00.000Z');
    expect(typeof perwal?.getCell(7).value).toBe('number');
  });

  it('prints each sheet landscape on A4, fitted across, with its header row on every page', async () => {
    const book = await wb;
    for (const ws of book.worksheets) {
      const setup = ws.pageSetup;
      expect(setup, ws.name).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToHeight: 0,
        fitToWidth: ws.name === 'Indikator' ? 2 : 1,
        printTitlesRow: ws.name === 'Indeks' ? '7:7' : ws.name === 'Perkembangan' ? '3:3' : '1:1',
      });
    }
    // Two pages across, each naming its indicators.
    expect(book.getWorksheet('Indikator')?.pageSetup.printTitlesColumn).toBe('A:B');
  });

  it('sizes rows to their wrapped text and sets every font in full', async () => {
    const book = await wb;
    const index = book.getWorksheet('Indeks');
    if (!index) throw new Error('no sheet');
    // The notes above the table run across it, wrapped, not off the printed page.
    expect(index.model.merges).toEqual(expect.arrayContaining(['A4:L4', 'A5:L5', 'A6:L6']));
    expect(index.getCell('A6').alignment).toMatchObject({ wrapText: true });
    expect(index.getRow(6).height).toBeGreaterThanOrEqual(30);
    expect(index.getCell(7, 1).font).toMatchObject({ name: 'Calibri', bold: true });
    expect(index.getCell(8, 1).font).toMatchObject({ name: 'Calibri', bold: true });
    const ind = book.getWorksheet('Indikator');
    if (!ind) throw new Error('no sheet');
    // A long justification: a row of several lines, every cell at its top.
    expect(ind.getRow(27).height).toBeGreaterThanOrEqual(30);
    expect(ind.getCell(27, 7).alignment).toMatchObject({ vertical: 'top' });
  });

  it('marks a partial evaluation SEMENTARA and leaves unanswered levels empty', async () => {
    const book = await workbook(await reportToXlsx(mojokertoModel()));
    const index = book.getWorksheet('Indeks');
    expect(String(index?.getCell('A4').value)).toContain('SEMENTARA');
    expect(index?.getCell(8, 12).value).toBe('SEMENTARA');
    const ind = book.getWorksheet('Indikator');
    expect(ind?.getCell(22, 1).value).toBe(21);
    expect(ind?.getCell(22, 7).value).toBeNull();
    expect(ind?.getCell(22, 8).value).toBe('Belum dinilai');
  });
});
