/**
 * The rekap workbook (exceljs): per instrument a "Rekap" sheet (one row per instansi and year:
 * index, predikat, every tier's indices, share verified, export date; an index counting assumed
 * values marked "*" and explained in "Catatan") and an "Indikator" sheet
 * (instansi × indicator, coloured by value; an assumed value marked "1,00*" and explained in
 * "Catatan"); one "Sebaran" sheet (count per predikat, mean and
 * median of the index and of each group, per instrument and year); "Berkas ditolak" (every refused file
 * with its reason) and, when some were, "Berkas digantikan". Numbers are numbers; dates are dates.
 */
import { Workbook, type Worksheet } from 'exceljs';
import type { InstrumentPack } from '../instrument/schema';
import { ratingWithExactIndex } from '../scoring/score';
import {
  ASSUMED_MARK,
  assumedIndexNote,
  assumedNote,
  rekapKey,
  type PackDistribution,
  type RefusedFile,
  type RekapRow,
  type SupersededRow,
} from './rekap';

const HEADER_FILL = 'FF1F3864';
const DATE_FORMAT = '[$-421]d mmmm yyyy';

export interface RekapWorkbookInput {
  kept: readonly RekapRow[];
  superseded: readonly SupersededRow[];
  refused: readonly RefusedFile[];
  distribution: readonly PackDistribution[];
  packOf: (id: string, version: string) => InstrumentPack | undefined;
  /** When the rekap was made (the title line). */
  madeAt: Date;
}

interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

function header(ws: Worksheet, columns: readonly Column[], row: number): void {
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.numFmt) col.numFmt = c.numFmt;
    const cell = ws.getRow(row).getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.numFmt = 'General';
  });
  ws.getRow(row).height = 32;
  ws.views = [{ state: 'frozen', ySplit: row, xSplit: 0 }];
  ws.autoFilter = { from: { row, column: 1 }, to: { row, column: columns.length } };
  ws.pageSetup = {
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  ws.pageSetup.printTitlesRow = `${row}:${row}`;
}

/** A sheet name Excel accepts (≤ 31 characters, none of : \ / ? * [ ]), unique in the book. */
function sheetName(wb: Workbook, wanted: string): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, '-').slice(0, 31);
  let name = base;
  for (let n = 2; wb.getWorksheet(name); n++) name = `${base.slice(0, 27)} (${n})`;
  return name;
}

const packLabel = (r: RekapRow['pack']): string => r.shortTitle;

/** Number format of a pack's values: "0" for levels, "0.00" for two decimals. */
const valueFormat = (pack: InstrumentPack | undefined): string => {
  const d = pack?.valueScale.kind === 'decimal' ? pack.valueScale.decimals : 0;
  return d > 0 ? `0.${'0'.repeat(d)}` : '0';
};

const excelDate = (ms: number): Date => {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
};

function rekapSheet(wb: Workbook, rows: readonly RekapRow[], input: RekapWorkbookInput): void {
  const first = rows[0]!;
  const ws = wb.addWorksheet(sheetName(wb, `Rekap ${packLabel(first.pack)}`));
  ws.getCell('A1').value = `Rekapitulasi ${first.pack.indexLabel} (${first.pack.shortTitle})`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value =
    `Hasil penilaian mandiri; dibuat ${input.madeAt.toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric' })}`;
  const groupCols = first.groups.map<Column>((g) => ({
    header: `${g.tier} ${g.name}`,
    width: 14,
    numFmt: '0.00',
  }));
  const columns: Column[] = [
    { header: 'No', width: 5 },
    { header: 'Instansi', width: 36 },
    { header: 'Daerah', width: 20 },
    { header: 'Provinsi', width: 18 },
    { header: 'Tahun', width: 8 },
    { header: first.pack.indexLabel, width: 12, numFmt: '0.00' },
    { header: 'Predikat', width: 14 },
    { header: 'Status', width: 12 },
    ...groupCols,
    { header: 'Indikator terisi', width: 11 },
    { header: 'Indikator terverifikasi (%)', width: 14, numFmt: '0%' },
    { header: 'Tanggal ekspor', width: 18, numFmt: DATE_FORMAT },
    { header: 'Berkas', width: 30 },
    { header: 'Catatan', width: 60 },
  ];
  header(ws, columns, 4);
  rows.forEach((r, i) => {
    const added = ws.addRow([
      i + 1,
      r.instansi,
      r.region,
      r.province,
      r.year,
      r.index?.value ?? null,
      // The index cell shows 2,50 for 2,4955: where that hides the predikat's side, it says so.
      r.predikat === null
        ? 'Belum dapat dihitung'
        : ratingWithExactIndex(r.predikat, r.index?.exactDisplay),
      r.final ? 'Final' : 'Sementara',
      ...r.groups.map((g) => g.value),
      r.answered,
      r.total === 0 ? 0 : r.verified / r.total,
      excelDate(r.exportedAt),
      r.file,
      assumedIndexNote(r),
    ]);
    // An index that counts assumed values is marked as the screen marks it ("1,00*").
    if (r.awaitingExternal.length > 0 && r.index) added.getCell(6).numFmt = `0.00"${ASSUMED_MARK}"`;
  });
  ws.getColumn(columns.length).alignment = { wrapText: true, vertical: 'top' };
}

function indicatorSheet(wb: Workbook, rows: readonly RekapRow[], input: RekapWorkbookInput): void {
  const first = rows[0]!;
  const pack = input.packOf(first.pack.id, first.pack.version);
  const ws = wb.addWorksheet(sheetName(wb, `Indikator ${packLabel(first.pack)}`));
  const numbers = Object.keys(first.values)
    .map(Number)
    .sort((a, b) => a - b);
  const format = valueFormat(pack);
  const columns: Column[] = [
    { header: 'Instansi', width: 36 },
    { header: 'Tahun', width: 8 },
    ...numbers.map<Column>((n) => ({ header: String(n), width: 6, numFmt: format })),
    { header: 'Catatan', width: 60 },
  ];
  header(ws, columns, 1);
  for (const r of rows) {
    const added = ws.addRow([
      r.instansi,
      r.year,
      ...numbers.map((n) => r.values[n] ?? null),
      assumedNote(r),
    ]);
    // An assumed value stays a number, shown with its mark ("1,00*"), explained in "Catatan".
    for (const n of r.awaitingExternal) {
      const at = numbers.indexOf(n);
      if (at >= 0) added.getCell(3 + at).numFmt = `${format}"${ASSUMED_MARK}"`;
    }
  }
  if (rows.length > 0 && numbers.length > 0) {
    const min = pack?.valueScale.min ?? 1;
    const max = pack?.valueScale.max ?? 5;
    const lastCol = ws.getColumn(2 + numbers.length).letter;
    ws.addConditionalFormatting({
      ref: `C2:${lastCol}${rows.length + 1}`,
      rules: [
        {
          type: 'colorScale',
          priority: 1,
          cfvo: [
            { type: 'num', value: min },
            { type: 'num', value: (min + max) / 2 },
            { type: 'num', value: max },
          ],
          color: [{ argb: 'FFF8696B' }, { argb: 'FFFFEB84' }, { argb: 'FF63BE7B' }],
        },
      ],
    });
  }
}

function distributionSheet(wb: Workbook, input: RekapWorkbookInput): void {
  const ws = wb.addWorksheet('Sebaran');
  ws.getColumn(1).width = 40;
  for (const c of [2, 3, 4]) ws.getColumn(c).width = 14;
  let row = 1;
  for (const d of input.distribution) {
    ws.getCell(row, 1).value =
      `${d.pack.indexLabel} (${d.pack.shortTitle}) tahun ${d.year}: ${d.rows} instansi` +
      (d.provisional > 0 ? ` (${d.provisional} di antaranya sementara)` : '');
    ws.getCell(row, 1).font = { bold: true, size: 13 };
    row += 2;
    const head = (cells: string[]) => {
      cells.forEach((text, i) => {
        const cell = ws.getCell(row, i + 1);
        cell.value = text;
        cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
      });
      row += 1;
    };
    head(['Predikat', 'Jumlah instansi']);
    for (const p of d.predikat) {
      ws.getCell(row, 1).value = p.name;
      ws.getCell(row, 2).value = p.count;
      row += 1;
    }
    row += 1;
    head(['', 'Jumlah', 'Rata-rata', 'Median']);
    const line = (label: string, count: number, mean: number | null, median: number | null) => {
      ws.getCell(row, 1).value = label;
      ws.getCell(row, 2).value = count;
      ws.getCell(row, 3).value = mean;
      ws.getCell(row, 4).value = median;
      ws.getCell(row, 3).numFmt = '0.00';
      ws.getCell(row, 4).numFmt = '0.00';
      row += 1;
    };
    line(
      d.pack.indexLabel,
      d.predikat.reduce((t, p) => t + p.count, 0),
      d.indexMean,
      d.indexMedian,
    );
    for (const g of d.groups) line(`${g.tier} ${g.name}`, g.count, g.mean, g.median);
    row += 2;
  }
  if (input.distribution.length === 0) ws.getCell(1, 1).value = 'Tidak ada berkas sah.';
}

function filesSheet(
  wb: Workbook,
  name: string,
  rows: readonly { file: string; reason: string }[],
  empty: string,
): void {
  const ws = wb.addWorksheet(name);
  header(
    ws,
    [
      { header: 'No', width: 5 },
      { header: 'Berkas', width: 40 },
      { header: 'Alasan', width: 90 },
    ],
    1,
  );
  ws.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  if (rows.length === 0) ws.addRow([null, empty, null]);
  rows.forEach((r, i) => ws.addRow([i + 1, r.file, r.reason]));
}

export async function rekapWorkbook(input: RekapWorkbookInput): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.creator = 'Evaluasi SPBE';
  wb.created = input.madeAt;
  const byPack = new Map<string, RekapRow[]>();
  for (const r of input.kept) {
    const key = `${r.pack.id}@${r.pack.version}`;
    byPack.set(key, [...(byPack.get(key) ?? []), r]);
  }
  for (const rows of byPack.values()) rekapSheet(wb, rows, input);
  for (const rows of byPack.values()) indicatorSheet(wb, rows, input);
  distributionSheet(wb, input);
  filesSheet(wb, 'Berkas ditolak', input.refused, 'Tidak ada berkas yang ditolak.');
  if (input.superseded.length > 0) {
    const kept = new Map(input.kept.map((k) => [rekapKey(k), k]));
    filesSheet(
      wb,
      'Berkas digantikan',
      input.superseded.map((s) => {
        const by = kept.get(rekapKey(s));
        return {
          file: s.file,
          reason: by
            ? `${s.instansi} ${s.year}: dipakai berkas ${by.file} (${by.final ? 'final' : 'lebih baru'})`
            : `${s.instansi} ${s.year}: ada berkas yang lebih baru`,
        };
      }),
      '',
    );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
