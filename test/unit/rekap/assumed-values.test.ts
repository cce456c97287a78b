/**
 * The rekap of a partly answered Pemdi evaluation: indicators 5, 6, 7 and 18 await their external
 * index and count with the assumed 1,00; the rekap marks those values ("1,00*") and says why.
 */
import { Workbook } from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { BundleManifest } from '../../../shared/bundle/manifest';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import { distribution, isRefused, rekapRow, type RekapRow } from '../../../shared/rekap/rekap';
import { rekapWorkbook } from '../../../shared/rekap/workbook';
import { fixture } from '../report/helpers';

const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;

function partlyAnswered(): RekapRow {
  const snapshot = fixture('pemdi-2026');
  const answers = [1, 2, 3].map((indicator) => ({
    ...snapshot.answers[0]!,
    indicator,
    value: 3,
    external: null,
  }));
  const manifest = {
    scope: { kind: 'all' },
    snapshot: { ...snapshot, answers },
    exportedAt: Date.UTC(2026, 11, 7),
  } as unknown as BundleManifest;
  const row = rekapRow({ file: 'balikpapan.spbe', manifest, pack: pemdi });
  if (isRefused(row)) throw new Error(row.reason);
  return row;
}

async function sheets(row: RekapRow): Promise<Workbook> {
  const bytes = await rekapWorkbook({
    kept: [row],
    superseded: [],
    refused: [],
    distribution: distribution([row], () => pemdi),
    packOf: () => pemdi,
    madeAt: new Date(2026, 11, 7),
  });
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('an awaited external index in the rekap', () => {
  const row = partlyAnswered();

  it('is marked in the row, apart from a value the team entered', () => {
    expect(row.awaitingExternal).toEqual([5, 6, 7, 18]);
    expect(row.valueText[5]).toBe('1,00*');
    expect(row.valueText[1]).toBe('3,00');
  });

  it('keeps its number in the Indikator sheet, shown 1,00* with a note in formal Indonesian', async () => {
    const wb = await sheets(row);
    const ws = wb.worksheets.find((w) => w.name.startsWith('Indikator'))!;
    const head = (ws.getRow(1).values as unknown[]).map(String);
    const col = (h: string): number => head.indexOf(h);
    const awaited = ws.getRow(2).getCell(col('5'));
    expect(awaited.value).toBe(1);
    expect(awaited.numFmt).toBe('0.00"*"');
    expect(ws.getRow(2).getCell(col('1')).numFmt).toBe('0.00');
    expect(ws.getRow(2).getCell(col('Catatan')).value).toBe(
      '* Indikator 5, 6, 7 dan 18 menunggu nilai indeks dari instansi sumbernya; ' +
        'sementara itu dihitung dengan nilai anggapan.',
    );
  });

  it('marks the index in the Rekap sheet that counts those values, and says so in "Catatan"', async () => {
    const wb = await sheets(row);
    const ws = wb.worksheets.find((w) => w.name.startsWith('Rekap'))!;
    const head = (ws.getRow(4).values as unknown[]).map(String);
    const col = (h: string): number => head.indexOf(h);
    const index = ws.getRow(5).getCell(col(pemdi.indexLabel));
    expect(index.value).toBe(row.index!.value);
    expect(index.numFmt).toBe('0.00"*"');
    expect(ws.getRow(5).getCell(col('Catatan')).value).toBe(
      '* termasuk nilai anggapan untuk indikator 5, 6, 7 dan 18 yang menunggu nilai indeks dari instansi sumbernya',
    );
  });

  it('leaves the index of a row with every value entered unmarked', async () => {
    const wb = await sheets({ ...row, awaitingExternal: [] });
    const ws = wb.worksheets.find((w) => w.name.startsWith('Rekap'))!;
    const head = (ws.getRow(4).values as unknown[]).map(String);
    expect(ws.getRow(5).getCell(head.indexOf(pemdi.indexLabel)).numFmt).toBe('0.00');
    expect(ws.getRow(5).getCell(head.indexOf('Catatan')).value).toBe('');
  });
});
