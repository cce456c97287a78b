/**
 * The report's workbook (`exceljs`) for the follow-up work of the Bagian Organisasi: sheets
 * "Indeks", "Indikator", "Rencana Tindak Lanjut", "Bukti Dukung" and, with a regional profile,
 * "Kepatuhan" (the regulation's obligations). Numbers are numbers with
 * number formats (Excel shows the reader's decimal separator), dates are dates; every sheet has
 * a frozen header row, column widths and an autofilter. Works in Node and in the browser.
 */
import { Workbook, type Worksheet } from 'exceljs';
import { excelNumberFormat, type ReportModel } from '../model';

const HEADER_FILL = 'FF1F3864';
/** Indonesian long date regardless of the reader's Excel language ([$-421] = id-ID). */
const DATE_FORMAT = '[$-421]d mmmm yyyy';
const PROVISIONAL_FILL = 'FFFDECEA';

interface Column {
  header: string;
  width: number;
  numFmt?: string;
  wrap?: boolean;
}

/** Header row styling, frozen pane and autofilter for a table that starts at `headerRow`. */
function table(ws: Worksheet, columns: readonly Column[], headerRow: number): void {
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.numFmt) col.numFmt = c.numFmt;
    if (c.wrap) col.alignment = { wrapText: true, vertical: 'top' };
  });
  const row = ws.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.numFmt = 'General';
  });
  row.height = 32;
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  ws.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow, column: columns.length },
  };
}

/** "2026-11-22" as an Excel date (UTC midnight: a calendar date never shifts). */
function excelDate(iso: string | null): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function indexSheet(wb: Workbook, model: ReportModel): void {
  const ws = wb.addWorksheet('Indeks');
  const h = model.headline;
  ws.getCell('A1').value = model.title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = model.instansi.name;
  ws.getCell('A3').value =
    `Disusun ${model.dateDisplay}; instrumen ${model.instrument.shortTitle} (paket ${model.instrument.id} versi ${model.instrument.version})`;
  ws.getCell('A4').value = model.provisional
    ? model.provisional.text
    : `${h.indexLabel} dihitung dari seluruh indikator.`;
  if (model.provisional) {
    ws.getCell('A4').font = { bold: true, color: { argb: 'FFC00000' } };
    ws.getCell('A4').fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: PROVISIONAL_FILL },
    };
  }
  ws.getCell('A5').value = model.data.whatIf?.sentence ?? '';
  const columns: Column[] = [
    { header: 'Tingkatan', width: 12 },
    { header: 'Kode', width: 8 },
    { header: 'Nama', width: 48 },
    { header: 'Bobot (%)', width: 11, numFmt: excelNumberFormat.weight },
    { header: 'Indeks', width: 10, numFmt: excelNumberFormat.index },
    { header: 'Predikat', width: 14 },
    { header: 'Target', width: 10, numFmt: excelNumberFormat.index },
    { header: 'Selisih', width: 10, numFmt: excelNumberFormat.index },
    { header: 'Tahun sebelumnya', width: 12, numFmt: excelNumberFormat.index },
    { header: 'Indikator dinilai', width: 11, numFmt: excelNumberFormat.integer },
    { header: 'Jumlah indikator', width: 11, numFmt: excelNumberFormat.integer },
    { header: 'Status', width: 14 },
  ];
  const headerRow = 7;
  table(ws, columns, headerRow);
  const provisional = model.provisional ? 'SEMENTARA' : 'Final';
  const rows: (string | number | null)[][] = [
    [
      h.indexLabel,
      '',
      model.instansi.name,
      100,
      h.value,
      h.rating,
      h.target.value,
      h.targetDifference?.value ?? null,
      h.previous?.value ?? null,
      model.data.indicators.filter((i) => i.value !== null).length,
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
      g.missing.length > 0 ? 'SEMENTARA' : 'Final',
    ]),
  ];
  rows.forEach((values, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    values.forEach((v, k) => {
      row.getCell(k + 1).value = v;
    });
    const topTier = model.instrument.tierCount > 1 ? model.instrument.tierLabels[0] : undefined;
    if (i === 0 || (topTier !== undefined && values[0] === topTier)) {
      row.font = { bold: true };
    }
  });
}

/** The Excel format of an indicator value: "0" for levels, "0.00" for two decimals. */
const valueFormat = (model: ReportModel): string =>
  model.instrument.valueDecimals === 0
    ? excelNumberFormat.integer
    : `0.${'0'.repeat(model.instrument.valueDecimals)}`;

/** "Tingkat" on a level scale, "Nilai" on a decimal one. */
const valueHeader = (model: ReportModel): string =>
  model.instrument.valueDecimals === 0 ? 'Tingkat' : 'Nilai';

function indicatorSheet(wb: Workbook, model: ReportModel): void {
  const ws = wb.addWorksheet('Indikator');
  const decimal = model.instrument.valueDecimals > 0;
  const twoTiers = model.instrument.tierCount > 1;
  const fmt = valueFormat(model);
  const columns: Column[] = [
    { header: 'No', width: 6, numFmt: excelNumberFormat.integer },
    ...(decimal ? [{ header: 'Kode', width: 7 }] : []),
    { header: 'Indikator', width: 50, wrap: true },
    ...(twoTiers
      ? [{ header: model.instrument.tierLabels[0] ?? 'Domain', width: 24, wrap: true }]
      : []),
    { header: 'Aspek', width: 28, wrap: true },
    { header: 'Bobot (%)', width: 10, numFmt: excelNumberFormat.weight },
    { header: 'Skala', width: 18 },
    { header: valueHeader(model), width: 9, numFmt: fmt },
    { header: decimal ? 'Tingkat kematangan' : 'Nama Tingkat', width: 18 },
    { header: decimal ? 'Nilai sasaran' : 'Target', width: 9, numFmt: fmt },
    { header: 'Selisih', width: 9, numFmt: fmt },
    { header: 'Memenuhi target', width: 11 },
    ...(decimal ? [{ header: 'Nilai eksternal', width: 16 }] : []),
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
  table(ws, columns, 1);
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
      ind.gap,
      ind.meetsTarget === null ? 'Belum dinilai' : ind.meetsTarget ? 'Ya' : 'Tidak',
      ...(decimal
        ? [
            ind.awaitingExternal
              ? `Menunggu nilai eksternal (dihitung ${ind.valueDisplay ?? ''})`
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
}

function actionPlanSheet(wb: Workbook, model: ReportModel): void {
  const ws = wb.addWorksheet('Rencana Tindak Lanjut');
  const decimal = model.instrument.valueDecimals > 0;
  const fmt = valueFormat(model);
  const columns: Column[] = [
    { header: 'Prioritas', width: 9, numFmt: excelNumberFormat.integer },
    { header: 'No Indikator', width: 10, numFmt: excelNumberFormat.integer },
    { header: 'Indikator', width: 44, wrap: true },
    { header: 'Aspek', width: 26, wrap: true },
    { header: `${valueHeader(model)} saat ini`, width: 10, numFmt: fmt },
    decimal
      ? { header: 'Tingkat yang memuat target', width: 12, numFmt: excelNumberFormat.integer }
      : { header: 'Tingkat sasaran', width: 10, numFmt: excelNumberFormat.integer },
    { header: decimal ? 'Nilai sasaran' : 'Target', width: 9, numFmt: fmt },
    {
      header: decimal ? 'Kenaikan indeks per nilai 1,00' : 'Kenaikan indeks per tingkat',
      width: 13,
      numFmt: excelNumberFormat.gain,
    },
    {
      header: decimal ? 'Kriteria tingkat sampai target' : 'Kriteria tingkat sasaran',
      width: 60,
      wrap: true,
    },
    { header: 'Bukti dukung yang perlu disiapkan', width: 60, wrap: true },
    { header: 'Perangkat Daerah penanggung jawab', width: 30, wrap: true },
    { header: 'Tenggat waktu', width: 18, numFmt: DATE_FORMAT },
    { header: 'Keterangan tindak lanjut', width: 40, wrap: true },
  ];
  table(ws, columns, 1);
  const recs = model.data.recommendations;
  recs.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    [
      r.rank,
      r.number,
      r.name,
      r.aspectName,
      decimal ? (model.data.indicators.find((i) => i.number === r.number)?.value ?? null) : r.level,
      decimal ? r.targetLevelOfScale : r.nextLevel,
      r.targetLevel,
      r.gainPerLevel,
      decimal
        ? r.steps
            .map(
              (s) => `Tingkat ${s.level} (${s.name}): ${s.criteria ?? 'kriteria belum tersedia'}`,
            )
            .join('\n')
        : r.criteria,
      r.evidence.join('\n'),
      r.agency,
      null,
      null,
    ].forEach((v, k) => {
      row.getCell(k + 1).value = v;
    });
  });
  // The deadline is for the user to fill in: a date column that accepts dates only.
  const last = Math.max(2, recs.length + 1);
  for (let r = 2; r <= last; r += 1) {
    ws.getCell(r, 12).dataValidation = {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: 'Tenggat waktu',
      error: 'Isi dengan tanggal, misalnya 31/12/2027.',
      formulae: [new Date(Date.UTC(2000, 0, 1))],
    };
  }
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
  indicatorSheet(wb, model);
  actionPlanSheet(wb, model);
  evidenceSheet(wb, model);
  complianceSheet(wb, model);
  const buffer = await wb.xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
}
