/**
 * The report's workbook (`exceljs`) for the follow-up work of the Bagian Organisasi: sheets
 * "Indeks", "Indikator", "Rencana Tindak Lanjut", "Bukti Dukung" and, with a regional profile,
 * "Kepatuhan" (the regulation's obligations). Numbers are numbers with
 * number formats (Excel shows the reader's decimal separator), dates are dates; every sheet has
 * a frozen header row, column widths, an autofilter, rows as high as their wrapped text, and
 * prints landscape on A4 fitted across with the header row on every page. Works in Node and in
 * the browser.
 */
import { Workbook, type Cell, type Worksheet } from 'exceljs';
import { ratingWithExactIndex } from '../../scoring/score';
import { excelNumberFormat, type ReportModel } from '../model';
import { isFinalReport, PROVISIONAL_MARK, reportStatusLabel, unverifiedReason } from '../status';
import { externalSourceText, joinList } from '../text';

const HEADER_FILL = 'FF1F3864';
/** Indonesian long date regardless of the reader's Excel language ([$-421] = id-ID). */
const DATE_FORMAT = '[$-421]d mmmm yyyy';
const PROVISIONAL_FILL = 'FFFDECEA';
/**
 * Every font names its face and size: a font without them (exceljs writes only what is given)
 * falls back to the reader's default, a serif face in LibreOffice, next to Calibri cells.
 */
const FONT = { name: 'Calibri', family: 2, size: 11 } as const;
/** Points per line of 11 pt text, and the characters of it a column width unit holds. */
const LINE_HEIGHT = 15;
const CHARS_PER_WIDTH = 1.1;

interface Column {
  header: string;
  width: number;
  numFmt?: string;
  wrap?: boolean;
}

/** How a table prints when it is too wide for one page at a readable size. */
interface PrintWidth {
  /** Pages across (1 unless the sheet is too wide to read on one). */
  pagesWide: number;
  /** Columns repeated on every page across ("A:B"), so each names its rows. */
  titleColumns?: string;
}

/**
 * Header row styling, frozen pane, autofilter and print setup for a table that starts at
 * `headerRow`. Every cell sits at the top of its row, as the wrapped text beside it does.
 */
function table(
  ws: Worksheet,
  columns: readonly Column[],
  headerRow: number,
  print: PrintWidth = { pagesWide: 1 },
): void {
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.numFmt) col.numFmt = c.numFmt;
    col.alignment = c.wrap ? { wrapText: true, vertical: 'top' } : { vertical: 'top' };
  });
  const row = ws.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...FONT, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.numFmt = 'General';
  });
  row.height = Math.max(
    32,
    ...columns.map((c) => linesOf(c.header, c.width, 1.2) * LINE_HEIGHT + 2),
  );
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  ws.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow, column: columns.length },
  };
  // Printed as a table: landscape A4, the columns on one page width (or the few given), the
  // header on every page (without it a 47-row sheet printed portrait spread over nine pages of a
  // few columns each, the header row on the first only).
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: print.pagesWide,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    ...(print.titleColumns ? { printTitlesColumn: print.titleColumns } : {}),
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
}

/**
 * How many lines `text` takes wrapped in a column `width` units wide (`widen` for bold text).
 * Neither Excel nor LibreOffice sizes a row to its wrapped text on opening a file, so the rows
 * are given the height of their longest cell, estimated (a slight excess is harmless).
 */
function linesOf(text: string, width: number, widen = 1): number {
  const perLine = Math.max(1, Math.floor((width * CHARS_PER_WIDTH) / widen));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

/** Rows `from`.. of a table as high as their longest wrapped cell. */
function fitRows(ws: Worksheet, columns: readonly Column[], from: number): void {
  for (let r = from; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    const lines = Math.max(
      1,
      ...columns.map((c, i) => {
        const v = row.getCell(i + 1).value;
        return c.wrap && typeof v === 'string' ? linesOf(v, c.width) : 1;
      }),
    );
    if (lines > 1) row.height = lines * LINE_HEIGHT;
  }
}

/**
 * A line of text above a table, across the table's width, wrapped and as high as it needs
 * (a long sentence in one narrow cell runs off the printed page).
 */
function noteRow(ws: Worksheet, row: number, text: string, columns: readonly Column[]): void {
  const cell = ws.getCell(row, 1);
  cell.value = text;
  ws.mergeCells(row, 1, row, columns.length);
  cell.alignment = { wrapText: true, vertical: 'top' };
  const width = columns.reduce((w, c) => w + c.width, 0);
  ws.getRow(row).height = linesOf(text, width) * LINE_HEIGHT;
}

/** "2026-11-22" as an Excel date (UTC midnight: a calendar date never shifts). */
function excelDate(iso: string | null): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/**
 * The header of the Indeks sheet's earlier-year column: named by its year ("Tahun 2025"); empty
 * because every earlier year was measured with another instrument (a Pemdi report after years on
 * 59/2020), it says so and where those years are.
 */
function previousHeader(model: ReportModel): string {
  if (model.headline.previous) return `Tahun ${model.headline.previous.year}`;
  const earlier = model.data.trend.filter((y) => !y.current);
  const otherInstrument =
    earlier.length > 0 && earlier.every((y) => y.shortTitle !== model.instrument.shortTitle);
  return otherInstrument
    ? 'Tahun sebelumnya (instrumen lain, lihat lembar Perkembangan)'
    : 'Tahun sebelumnya';
}

/** The Indeks sheet's table columns; the earlier year's named by its year ("Tahun 2025"). */
const indexColumns = (model: ReportModel): Column[] => [
  { header: 'Tingkatan', width: 12 },
  { header: 'Kode', width: 8 },
  { header: 'Nama', width: 48 },
  { header: 'Bobot (%)', width: 11, numFmt: excelNumberFormat.weight },
  { header: 'Indeks', width: 10, numFmt: excelNumberFormat.index },
  { header: 'Predikat', width: 14 },
  { header: 'Target', width: 10, numFmt: excelNumberFormat.index },
  // Signed like the Indikator sheet's: negative below the target.
  { header: 'Selisih (Indeks − Target)', width: 12, numFmt: excelNumberFormat.index },
  {
    header: previousHeader(model),
    // Wider for the header that says why it is empty.
    width: previousHeader(model).length > 20 ? 16 : 12,
    numFmt: excelNumberFormat.index,
  },
  { header: 'Indikator dinilai', width: 11, numFmt: excelNumberFormat.integer },
  { header: 'Jumlah indikator', width: 11, numFmt: excelNumberFormat.integer },
  { header: 'Status', width: 14 },
];

function indexSheet(wb: Workbook, model: ReportModel): void {
  const ws = wb.addWorksheet('Indeks');
  const h = model.headline;
  const final = isFinalReport(model);
  const columns = indexColumns(model);
  const headerRow = 7;
  // The table first: a column's style set later would overwrite the notes' alignment.
  table(ws, columns, headerRow);
  noteRow(ws, 1, final ? model.title : `${model.title} (${PROVISIONAL_MARK})`, columns);
  ws.getCell('A1').font = {
    ...FONT,
    bold: true,
    size: 14,
    ...(final ? {} : { color: { argb: 'FFC00000' } }),
  };
  ws.getRow(1).height = Math.max(20, ws.getRow(1).height ?? 0);
  noteRow(ws, 2, model.instansi.name, columns);
  noteRow(
    ws,
    3,
    `Tanggal laporan ${model.dateDisplay}; instrumen ${model.instrument.shortTitle}`,
    columns,
  );
  noteRow(
    ws,
    4,
    model.provisional
      ? model.provisional.text
      : (unverifiedReason(model) ?? `${h.indexLabel} dihitung dari seluruh indikator.`),
    columns,
  );
  if (!final) {
    ws.getCell('A4').font = { ...FONT, bold: true, color: { argb: 'FFC00000' } };
    ws.getCell('A4').fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: PROVISIONAL_FILL },
    };
  }
  noteRow(ws, 5, model.data.whatIf?.sentence ?? '', columns);
  // What the index is and how far the evidence backs it, as the report's summary says.
  const verification = model.data.verification;
  if (verification) noteRow(ws, 6, `${verification.statement} ${verification.sentence}`, columns);
  const provisional = reportStatusLabel(model);
  const rows: (string | number | null)[][] = [
    [
      h.indexLabel,
      '',
      model.instansi.name,
      100,
      h.value,
      // The cell shows 2,50 for 2,4955: where that hides the predikat's side, it says so.
      h.rating !== null ? ratingWithExactIndex(h.rating, h.exactDisplay) : null,
      h.target.value,
      h.targetDifference?.value ?? null,
      h.previous?.value ?? null,
      // As the report counts them: an indicator awaiting its external value is not yet scored
      // (it only carries its assumed value), like the aspects' counts below.
      model.data.indicators.filter((i) => i.value !== null && !i.awaitingExternal).length,
      model.data.indicators.length,
      provisional,
    ],
    ...model.data.groups.map((g) => [
      g.tierLabel,
      g.id,
      g.name,
      g.weight,
      g.value,
      null,
      g.target,
      g.targetDifference?.value ?? null,
      g.previous?.value ?? null,
      g.answered,
      g.total,
      g.missing.length > 0 || !final ? PROVISIONAL_MARK : 'Final',
    ]),
  ];
  rows.forEach((values, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    values.forEach((v, k) => {
      row.getCell(k + 1).value = v;
    });
    // A shortfall the two decimals would hide (-0,0045 shown -0,00) gets the digits it is said with.
    const said = i === 0 ? h.targetDifference : model.data.groups[i - 1]?.targetDifference;
    const shortfallDecimals = said?.display.split(',')[1]?.length ?? 0;
    if (shortfallDecimals > 2) {
      const difference = columns.findIndex((c) => c.header.startsWith('Selisih')) + 1;
      row.getCell(difference).numFmt = `0.${'0'.repeat(shortfallDecimals)}`;
    }
    const topTier = model.instrument.tierCount > 1 ? model.instrument.tierLabels[0] : undefined;
    if (i === 0 || (topTier !== undefined && values[0] === topTier)) {
      row.font = { ...FONT, bold: true };
    }
  });
}

/**
 * The index over the years (the report's trend table): one row per year and instrument, each
 * naming its index and regulation, with the sentence why two instruments are not compared.
 * Absent without earlier years.
 */
function trendSheet(wb: Workbook, model: ReportModel): void {
  const years = model.data.trend;
  if (years.length === 0) return;
  const ws = wb.addWorksheet('Perkembangan');
  const columns: Column[] = [
    { header: 'Tahun', width: 8, numFmt: excelNumberFormat.integer },
    { header: 'Indeks', width: 16 },
    { header: 'Instrumen', width: 22 },
    { header: 'Nilai indeks', width: 12, numFmt: excelNumberFormat.index },
    { header: 'Predikat', width: 16 },
    { header: 'Status', width: 14 },
  ];
  const headerRow = 3;
  table(ws, columns, headerRow);
  noteRow(ws, 1, `Perkembangan indeks ${model.instansi.name}`, columns);
  ws.getCell('A1').font = { ...FONT, bold: true, size: 12 };
  const instruments = [...new Set(years.map((y) => y.shortTitle))];
  noteRow(
    ws,
    2,
    model.data.trendNote ??
      `Indeks seluruh tahun diukur dengan instrumen yang sama (${joinList(instruments)}).`,
    columns,
  );
  years.forEach((y, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    [
      y.year,
      y.indexLabel,
      y.shortTitle,
      y.value,
      y.rating,
      y.value === null ? null : y.provisional ? PROVISIONAL_MARK : 'Final',
    ].forEach((v, k) => {
      row.getCell(k + 1).value = v;
    });
    if (y.current) row.font = { ...FONT, bold: true };
  });
}

/** The Excel format of an indicator value: "0" for levels, "0.00" for two decimals. */
const valueFormat = (model: ReportModel): string =>
  model.instrument.valueDecimals === 0
    ? excelNumberFormat.integer
    : `0.${'0'.repeat(model.instrument.valueDecimals)}`;

/**
 * An indicator's value less its target, rounded to the value's decimals (no float noise:
 * 1,80 − 2,50 is −0,70, not −0,7000000000000002); null when unanswered.
 */
const valueLessTarget = (
  model: ReportModel,
  value: number | null,
  target: number,
): number | null => {
  if (value === null) return null;
  const scale = 10 ** model.instrument.valueDecimals;
  return Math.round((value - target) * scale) / scale + 0;
};

/** "Tingkat" on a level scale, "Nilai" on a decimal one. */
const valueHeader = (model: ReportModel): string =>
  model.instrument.valueDecimals === 0 ? 'Tingkat' : 'Nilai';

function indicatorSheet(wb: Workbook, model: ReportModel): void {
  const ws = wb.addWorksheet('Indikator');
  const decimal = model.instrument.valueDecimals > 0;
  const twoTiers = model.instrument.tierCount > 1;
  const fmt = valueFormat(model);
  const targetHeader = decimal ? 'Nilai sasaran' : 'Target';
  const columns: Column[] = [
    { header: 'No', width: 6, numFmt: excelNumberFormat.integer },
    ...(decimal ? [{ header: 'Kode', width: 7 }] : []),
    { header: 'Indikator', width: 50, wrap: true },
    ...(twoTiers
      ? [{ header: model.instrument.tierLabels[0] ?? 'Domain', width: 24, wrap: true }]
      : []),
    { header: 'Aspek', width: 28, wrap: true },
    { header: 'Bobot (%)', width: 10, numFmt: excelNumberFormat.weight },
    { header: 'Skala', width: 18, wrap: true },
    { header: valueHeader(model), width: 9, numFmt: fmt },
    { header: decimal ? 'Tingkat kematangan' : 'Nama Tingkat', width: 18 },
    { header: targetHeader, width: 9, numFmt: fmt },
    // Value less target, as on the Indeks sheet: negative below the target, 0 or more when met.
    { header: `Selisih (${valueHeader(model)} − ${targetHeader})`, width: 12, numFmt: fmt },
    { header: 'Memenuhi target', width: 11 },
    ...(decimal ? [{ header: 'Nilai eksternal', width: 16, wrap: true }] : []),
    {
      header: decimal ? 'Kenaikan indeks per nilai 1,00' : 'Kenaikan indeks per tingkat',
      width: 13,
      numFmt: excelNumberFormat.gain,
    },
    { header: 'Perangkat Daerah', width: 30, wrap: true },
    { header: 'Status', width: 14 },
    { header: 'Penjelasan', width: 60, wrap: true },
    { header: 'Jumlah bukti dukung', width: 11, numFmt: excelNumberFormat.integer },
    { header: 'Bukti dukung', width: 60, wrap: true },
  ];
  // Seventeen columns, two of them long texts, are too small to read on one landscape page:
  // two pages across, each with the number and name of the indicator.
  table(ws, columns, 1, { pagesWide: 2, titleColumns: decimal ? 'A:C' : 'A:B' });
  model.data.indicators.forEach((ind, i) => {
    const row = ws.getRow(i + 2);
    const values = [
      ind.number,
      ...(decimal ? [ind.code ?? ''] : []),
      ind.name,
      ...(twoTiers ? [ind.domain?.name ?? ''] : []),
      ind.aspect?.name ?? '',
      ind.weight,
      ind.scaleName,
      decimal ? ind.value : ind.level,
      ind.levelName ?? 'Belum dinilai',
      ind.target,
      valueLessTarget(model, decimal ? ind.value : ind.level, ind.target),
      ind.meetsTarget === null ? 'Belum dinilai' : ind.meetsTarget ? 'Ya' : 'Tidak',
      ...(decimal
        ? [
            ind.awaitingExternal
              ? `Menunggu nilai eksternal${ind.valueDisplay ? ` (dihitung ${ind.valueDisplay})` : ''}`
              : ind.externalInput
                ? externalSourceText(ind.externalInput)
                : '',
          ]
        : []),
      ind.gainPerLevel,
      ind.agency,
      ind.statusLabel,
      ind.justification,
      ind.evidence.length,
      ind.evidence.map((e) => `• ${e.text}`).join('\n'),
    ];
    values.forEach((v, k) => {
      row.getCell(k + 1).value = v;
    });
    if (ind.meetsTarget === false) {
      row.getCell(columns.findIndex((c) => c.header === valueHeader(model)) + 1).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: 'FFFBE5D6' },
      };
    }
  });
  fitRows(ws, columns, 2);
}

/** What the plan's status column offers. */
export const PLAN_STATUSES = ['Belum dimulai', 'Sedang berjalan', 'Selesai', 'Ditunda'] as const;

type DataValidation = NonNullable<Cell['dataValidation']>;

/**
 * One validation over a whole column range. exceljs's per-cell validations are squeezed into
 * ranges on writing by a pass that sorts addresses as text ("L10" before "L2") and so writes
 * overlapping ranges for one column, which Excel offers to repair; a range given as one address
 * is written as it is (`sqref`).
 */
function validateRange(ws: Worksheet, range: string, validation: DataValidation): void {
  (
    ws as unknown as { dataValidations: { add(address: string, v: DataValidation): void } }
  ).dataValidations.add(range, validation);
}

/** A1 letters of a 1-based column number (up to ZZ). */
const columnLetter = (n: number): string =>
  n <= 26
    ? String.fromCharCode(64 + n)
    : String.fromCharCode(64 + Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

/**
 * The follow-up plan the Bagian Organisasi works in: one row per level step of each indicator
 * below its target (in the recommendations' order), with the columns the team fills in —
 * action, the responsible OPD, budget, deadline, progress and status — each under one data
 * validation. Prints as every table does (see `table`).
 *
 * Values are numbers with the format of the Indikator sheet ("0" for levels, "0.00" for Pemdi
 * values; Excel shows the reader's decimal separator), so the plan can be sorted and computed;
 * the budget (whole rupiah) and the progress (whole percent) likewise.
 */
function actionPlanSheet(wb: Workbook, model: ReportModel): void {
  const ws = wb.addWorksheet('Rencana Tindak Lanjut');
  const decimal = model.instrument.valueDecimals > 0;
  const noun = valueHeader(model);
  const fmt = valueFormat(model);
  const valueOf = new Map(model.data.indicators.map((i) => [i.number, i.value]));
  // An awaited external value stays a number in its column; the indicator's cell says so.
  const awaited = new Map(
    model.data.indicators
      .filter((i) => i.awaitingExternal)
      .map((i) => [
        i.number,
        `menunggu nilai eksternal${i.valueDisplay ? ` (dihitung ${i.valueDisplay})` : ''}`,
      ]),
  );
  const columns: Column[] = [
    { header: 'No', width: 6, numFmt: excelNumberFormat.integer },
    { header: 'Indikator', width: 36, wrap: true },
    { header: `${noun} saat ini`, width: 10, numFmt: fmt },
    { header: `${noun} target`, width: 10, numFmt: fmt },
    { header: 'Langkah', width: 60, wrap: true },
    { header: 'Rencana aksi', width: 40, wrap: true },
    { header: 'Penanggung jawab (OPD)', width: 26, wrap: true },
    { header: 'Anggaran (Rp)', width: 16, numFmt: '#,##0' },
    { header: 'Tenggat', width: 18, numFmt: DATE_FORMAT },
    { header: 'Progres', width: 10, numFmt: '0%' },
    { header: 'Status', width: 16 },
  ];
  table(ws, columns, 1);
  let r = 2;
  for (const rec of model.data.recommendations) {
    const steps =
      rec.steps.length > 0
        ? rec.steps
        : [{ level: rec.nextLevel, name: rec.nextLevelName, criteria: rec.criteria }];
    for (const step of steps) {
      const row = ws.getRow(r);
      [
        rec.number,
        awaited.has(rec.number) ? `${rec.name}; ${awaited.get(rec.number)}` : rec.name,
        decimal ? (valueOf.get(rec.number) ?? null) : rec.level,
        rec.targetLevel,
        `Tingkat ${step.level} (${step.name}): ${step.criteria ?? 'kriteria belum tersedia'}`,
        null,
        rec.agency || null,
        null,
        null,
        null,
        PLAN_STATUSES[0],
      ].forEach((v, k) => {
        row.getCell(k + 1).value = v;
      });
      r += 1;
    }
  }
  // The validations cover the written rows (at least one, for an empty plan).
  const last = Math.max(2, r - 1);
  const range = (col: number) => `${columnLetter(col)}2:${columnLetter(col)}${last}`;
  const common = { allowBlank: true, showErrorMessage: true } as const;
  validateRange(ws, range(8), {
    ...common,
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    errorTitle: 'Anggaran',
    error: 'Isi anggaran dalam rupiah, berupa angka tidak negatif.',
    formulae: [0],
  });
  validateRange(ws, range(9), {
    ...common,
    type: 'date',
    operator: 'greaterThan',
    errorTitle: 'Tenggat',
    error: 'Isi dengan tanggal, misalnya 31/12/2027.',
    formulae: [new Date(Date.UTC(2000, 0, 1))],
  });
  validateRange(ws, range(10), {
    ...common,
    type: 'decimal',
    operator: 'between',
    errorTitle: 'Progres',
    error: 'Isi progres antara 0% dan 100%.',
    formulae: [0, 1],
  });
  validateRange(ws, range(11), {
    ...common,
    type: 'list',
    errorTitle: 'Status',
    error: `Pilih salah satu: ${PLAN_STATUSES.join(', ')}.`,
    formulae: [`"${PLAN_STATUSES.join(',')}"`],
  });
  fitRows(ws, columns, 2);
}

function evidenceSheet(wb: Workbook, model: ReportModel): void {
  const ws = wb.addWorksheet('Bukti Dukung');
  const columns: Column[] = [
    { header: 'No', width: 6, numFmt: excelNumberFormat.integer },
    { header: 'Judul dokumen', width: 60, wrap: true },
    { header: 'Jenis', width: 28, wrap: true },
    { header: 'Nomor', width: 22 },
    { header: 'Tanggal', width: 18, numFmt: DATE_FORMAT },
    { header: 'Nama berkas', width: 32 },
    { header: 'Ukuran (bita)', width: 13, numFmt: '#,##0' },
    { header: 'Indikator', width: 16 },
    { header: 'Tautan ke indikator', width: 50, wrap: true },
    { header: 'Keterangan', width: 40, wrap: true },
  ];
  table(ws, columns, 1);
  model.data.evidence.forEach((e, i) => {
    const row = ws.getRow(i + 2);
    [
      i + 1,
      e.title || e.fileName,
      e.kindLabel,
      e.number,
      excelDate(e.documentDate),
      e.fileName,
      e.size,
      e.indicators.join(', '),
      e.links.join('\n'),
      e.description,
    ].forEach((v, k) => {
      row.getCell(k + 1).value = v;
    });
  });
  fitRows(ws, columns, 2);
}

const STATUS_FILL: Record<ReportModel['data']['compliance'][number]['status'], string | null> = {
  met: null,
  notMet: 'FFFBE5D6',
  unknown: 'FFEDEDED',
};

/** The regional regulation's obligations and their status (only with a regional profile). */
function complianceSheet(wb: Workbook, model: ReportModel): void {
  if (model.data.compliance.length === 0) return;
  const ws = wb.addWorksheet('Kepatuhan');
  const columns: Column[] = [
    { header: 'No', width: 6, numFmt: excelNumberFormat.integer },
    { header: 'Kewajiban', width: 44, wrap: true },
    { header: 'Status', width: 18 },
    { header: 'Keterangan', width: 70, wrap: true },
    { header: 'Pasal', width: 60, wrap: true },
    { header: 'Indikator', width: 14 },
    { header: 'Bukti dukung yang ditemukan', width: 50, wrap: true },
  ];
  table(ws, columns, 1);
  model.data.compliance.forEach((c, i) => {
    const row = ws.getRow(i + 2);
    [
      c.number,
      c.title,
      c.statusLabel,
      c.reason,
      c.articles.join('\n'),
      c.indicatorsText,
      c.evidence.join('\n'),
    ].forEach((v, k) => {
      row.getCell(k + 1).value = v;
    });
    const fill = STATUS_FILL[c.status];
    if (fill) row.getCell(3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  });
  fitRows(ws, columns, 2);
}

/** Excel header/footer text: "&" starts a code there, so a literal one is doubled. */
const headerText = (text: string): string => text.replace(/&/g, '&&');

/**
 * Every sheet prints with the instansi and title in its header — "SEMENTARA" in red bold when
 * the report is not final — and "Halaman N dari M" in its footer; A4.
 */
function printFurniture(wb: Workbook, model: ReportModel): void {
  const final = isFinalReport(model);
  const mark = final ? '' : `&R&"Arial,Bold"&KC00000${PROVISIONAL_MARK}`;
  for (const ws of wb.worksheets) {
    ws.pageSetup = { ...ws.pageSetup, paperSize: 9 };
    ws.headerFooter = {
      oddHeader: `&L${headerText(`${model.instansi.name} — ${model.title}`)}${mark}`,
      oddFooter: `&L${headerText(model.dateDisplay)}&RHalaman &P dari &N`,
    };
  }
}

/** The report model as an .xlsx workbook. */
export async function reportToXlsx(model: ReportModel): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.creator = 'Evaluasi SPBE';
  wb.title = model.title;
  wb.subject = model.instansi.name;
  wb.created = new Date(model.generatedAt);
  wb.modified = wb.created;
  indexSheet(wb, model);
  trendSheet(wb, model);
  indicatorSheet(wb, model);
  actionPlanSheet(wb, model);
  evidenceSheet(wb, model);
  complianceSheet(wb, model);
  printFurniture(wb, model);
  const buffer = await wb.xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
}
