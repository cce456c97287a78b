/**
 * An earlier year whose evaluation was never completed (Belitung Timur 2025: 30 of 47 answered)
 * has only a provisional index. The report's comparison and trend say so, as they say it of the
 * current year and as the dashboard's trend does: never as if it were that year's final result.
 * The workbook keeps the years too, each on its own instrument.
 */
import { Workbook, type Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { EvaluationSnapshot } from '../../../shared/assessment';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import {
  buildReport,
  plainText,
  previousFromSnapshot,
  type ReportModel,
  type TableBlock,
} from '../../../shared/report';
import { reportToXlsx } from '../../../shared/report/office';
import { balikpapanProfile, fixture, NOW, pack } from './helpers';

const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;

function ofYear(name: string, year: number, answered?: number): EvaluationSnapshot {
  const s = fixture(name);
  const answers = answered === undefined ? s.answers : s.answers.slice(0, answered);
  return { ...s, evaluation: { ...s.evaluation, year }, answers };
}

const earlier = [
  previousFromSnapshot(pack, ofYear('balikpapan-2025', 2024)),
  previousFromSnapshot(pack, ofYear('balikpapan-2025', 2025, 30)),
];
const partial2025 = earlier[1]!.overall!;

function paragraphs(model: ReportModel): string {
  return model.sections
    .flatMap((s) => s.blocks)
    .map((b) => (b.kind === 'paragraph' ? plainText(b.content) : ''))
    .join('\n');
}

function trendRows(model: ReportModel): string[][] {
  const table = model.sections
    .flatMap((s) => s.blocks)
    .find((b): b is TableBlock => b.kind === 'table' && b.id === 'trend');
  return (table?.rows ?? []).map((r) =>
    r.cells.map((c) => (c.kind === 'number' ? c.display : c.kind === 'text' ? c.text : '')),
  );
}

describe('an earlier year with a provisional index', () => {
  it('is marked SEMENTARA in a 59/2020 report: summary, trend table and chart, conclusion', () => {
    expect(earlier[0]!.overall!.provisional).toBe(false);
    expect(partial2025.provisional).toBe(true);
    const model = buildReport({
      snapshot: fixture('balikpapan-2026'),
      pack,
      previous: earlier,
      // Pasal 53 ayat (2) huruf a: the conclusion answers it with the index beside last year's.
      profile: {
        ...balikpapanProfile,
        evaluationPurposes: {
          article: 'Pasal 53 ayat (2)',
          items: ['mengetahui capaian kinerja penerapan SPBE'],
        },
      },
      now: NOW,
    });
    const text = paragraphs(model);
    expect(text).toContain(
      `Dibandingkan dengan Tahun 2025 (Indeks SPBE ${partial2025.display}, predikat ${partial2025.rating} (SEMENTARA)), Indeks SPBE`,
    );
    expect(text).toContain(
      `(Tahun 2025: ${partial2025.display}, predikat ${partial2025.rating} (SEMENTARA))`,
    );
    const rows = trendRows(model);
    expect(rows.find((r) => r[0] === '2025')?.[2]).toBe(`${partial2025.rating} (SEMENTARA)`);
    expect(rows.find((r) => r[0] === '2024')?.[2]).not.toMatch(/SEMENTARA/);
    const chart = model.data.charts.find((c) => c.id === 'trend');
    expect(chart?.description).toContain(`2025 ${partial2025.display} (sementara)`);
    expect(chart?.description).not.toContain(`2024 ${earlier[0]!.overall!.display} (sementara)`);
  });

  it('is marked SEMENTARA beside an Indeks Pemdi too', () => {
    const model = buildReport({
      snapshot: fixture('pemdi-2026'),
      pack: pemdi,
      previous: earlier,
      now: NOW,
    });
    const rows = trendRows(model);
    expect(rows.find((r) => r[0] === '2025')?.at(-1)).toBe(`${partial2025.rating} (SEMENTARA)`);
    const chart = model.data.charts.find((c) => c.id === 'trend');
    expect(chart?.description).toContain(`2025 ${partial2025.display} (sementara)`);
  });
});

async function workbook(model: ReportModel): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(await reportToXlsx(model)) as unknown as ArrayBuffer);
  return wb;
}

const rowsOf = (ws: Worksheet | undefined, from: number): unknown[][] => {
  const out: unknown[][] = [];
  ws?.eachRow((row, n) => {
    if (n >= from) out.push((row.values as unknown[]).slice(1));
  });
  return out;
};

describe('the workbook keeps the years before this one', () => {
  it('lists every year on its own instrument, with the sentence that they are not compared', async () => {
    const wb = await workbook(
      buildReport({ snapshot: fixture('pemdi-2026'), pack: pemdi, previous: earlier, now: NOW }),
    );
    const ws = wb.getWorksheet('Perkembangan');
    expect(ws?.getCell('A2').value).toBe(
      'Indeks SPBE (PermenPANRB 59/2020) dan Indeks Pemdi (PermenPANRB 8/2026) diukur dengan instrumen berbeda sehingga tidak dapat dibandingkan langsung.',
    );
    const rows = rowsOf(ws, 3);
    expect(rows[0]).toEqual(['Tahun', 'Indeks', 'Instrumen', 'Nilai indeks', 'Predikat', 'Status']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[5]])).toEqual([
      [2024, 'Indeks SPBE', 'PermenPANRB 59/2020', 'Final'],
      [2025, 'Indeks SPBE', 'PermenPANRB 59/2020', 'SEMENTARA'],
      [2026, 'Indeks Pemdi', 'PermenPANRB 8/2026', 'SEMENTARA'],
    ]);
    expect(rows[2]?.[3]).toBe(partial2025.value);
    // The Indeks sheet's earlier-year column stays empty on another instrument, and says why.
    const index = wb.getWorksheet('Indeks');
    const header = [...(index?.getRow(7).values as unknown[])].map((v) => String(v));
    const column = header.findIndex((h) => h.startsWith('Tahun sebelumnya'));
    expect(header[column]).toBe('Tahun sebelumnya (instrumen lain, lihat lembar Perkembangan)');
    expect(index?.getCell(8, column).value).toBeNull();
  });

  it('names the earlier year of the Indeks sheet by its year, on one instrument', async () => {
    const wb = await workbook(
      buildReport({ snapshot: fixture('balikpapan-2026'), pack, previous: earlier, now: NOW }),
    );
    expect(wb.getWorksheet('Indeks')?.getRow(7).values).toContain('Tahun 2025');
    expect(wb.getWorksheet('Perkembangan')?.getCell('A2').value).toBe(
      'Indeks seluruh tahun diukur dengan instrumen yang sama (PermenPANRB 59/2020).',
    );
    // Without earlier years there is nothing to list.
    const alone = await workbook(
      buildReport({ snapshot: fixture('balikpapan-2026'), pack, now: NOW }),
    );
    expect(alone.getWorksheet('Perkembangan')).toBeUndefined();
  });
});
