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

describe('an awaited external index in the rekap', () => {
  const row = partlyAnswered();

  it('is marked in the row, apart from a value the team entered', () => {
    expect(row.awaitingExternal).toEqual([5, 6, 7, 18]);
    expect(row.valueText[5]).toBe('1,00*');
    expect(row.valueText[1]).toBe('3,00');
  });

  it('keeps its number in the Indikator sheet, shown 1,00* with a note in formal Indonesian', async () => {
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
});
