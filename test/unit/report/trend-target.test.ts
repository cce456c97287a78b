/**
 * The report's trend of Belitung Timur: five years on PermenPANRB 59/2020, then its first Indeks
 * Pemdi. The Pemdi target (2,50) is drawn over the Pemdi years only: across 2021–2025 it read as
 * a bar the 59/2020 indices (target 2,60 on another scale) fell short of.
 */
import { describe, expect, it } from 'vitest';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import { buildReport, chartSvg, previousFromSnapshot } from '../../../shared/report';
import { fixture, NOW, pack } from './helpers';

const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;

const earlier = [2021, 2022, 2023, 2024, 2025].map((year) => {
  const s = fixture('balikpapan-2025');
  return previousFromSnapshot(pack, { ...s, evaluation: { ...s.evaluation, year } });
});

/** The x of every dashed (target) line's start, and of the plot's left edge (the grid). */
function lines(svg: string): { target: number[]; gridLeft: number } {
  const all = [...svg.matchAll(/<line x1="([\d.]+)"[^>]*?(stroke-dasharray="6 4")?\/>/g)];
  return {
    target: all.filter((m) => m[2]).map((m) => Number(m[1])),
    gridLeft: Math.min(...all.filter((m) => !m[2]).map((m) => Number(m[1]))),
  };
}

describe('the target line of a trend over two instruments', () => {
  it('starts at the first Pemdi year, not over the 59/2020 years', () => {
    const model = buildReport({
      snapshot: fixture('pemdi-2026'),
      pack: pemdi,
      previous: earlier,
      now: NOW,
    });
    const chart = model.data.charts.find((c) => c.id === 'trend');
    expect(chart?.categories).toEqual(['2021', '2022', '2023', '2024', '2025', '2026']);
    expect(chart?.reference?.fromCategory).toBe(5);
    const { target, gridLeft } = lines(chartSvg(chart!));
    expect(target).toHaveLength(1);
    // Five of six year bands lie left of the line's start.
    expect(target[0]).toBeGreaterThan(gridLeft + 400);
  });

  it('spans every year on one instrument', () => {
    const model = buildReport({
      snapshot: fixture('balikpapan-2026'),
      pack,
      previous: earlier,
      now: NOW,
    });
    const chart = model.data.charts.find((c) => c.id === 'trend');
    const { target, gridLeft } = lines(chartSvg(chart!));
    expect(target).toEqual([gridLeft]);
  });
});
