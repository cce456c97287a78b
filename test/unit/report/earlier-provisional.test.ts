/**
 * An earlier year whose evaluation was never completed (Belitung Timur 2025: 30 of 47 answered)
 * has only a provisional index. The report's comparison and trend say so, as they say it of the
 * current year and as the dashboard's trend does: never as if it were that year's final result.
 */
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
