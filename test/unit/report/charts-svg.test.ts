/**
 * The figures as drawn (chartSvg, the same SVG the preview, the print and the DOCX show): the
 * bar chart of the level distribution prints each number once.
 */
import { describe, expect, it } from 'vitest';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import { buildReport, chartSvg, type ChartModel } from '../../../shared/report';
import { NOW, fixture } from './helpers';

function distribution(packId: string, snapshot: string): ChartModel {
  const pack = findPack(packId) as InstrumentPack;
  const model = buildReport({ snapshot: fixture(snapshot), pack, now: NOW });
  const chart = model.data.charts.find((c) => c.id === 'levels-distribution');
  if (!chart) throw new Error('no levels-distribution chart');
  return chart;
}

/** The whole numbers written in the SVG; `white`: only those written inside a bar. */
function numbers(svg: string, white = false): string[] {
  return [...svg.matchAll(/<text [^>]*>(\d+)<\/text>/g)]
    .filter((l) => !white || l[0].includes('fill="#ffffff"'))
    .map((l) => l[1] ?? '');
}

describe('the level distribution figure', () => {
  it('of a one-scale instrument (Pemdi) prints each count once, above its bar, not inside it too', () => {
    const chart = distribution('permenpanrb-8-2026', 'pemdi-2026');
    expect(chart.series).toHaveLength(1);
    const svg = chartSvg(chart);
    const ticks: string[] = [];
    for (let v = chart.axis.min; v <= chart.axis.max; v += chart.axis.step) ticks.push(String(v));
    const bars = (chart.series[0]?.values ?? [])
      .filter((v): v is number => v !== null && v > 0)
      .map(String);
    expect(numbers(svg, true)).toEqual([]);
    expect(numbers(svg).sort()).toEqual([...ticks, ...bars].sort());
  });

  it('of 59/2020 still labels each scale inside a bar holding both, the total above', () => {
    const chart = distribution('permenpanrb-59-2020', 'balikpapan-2026');
    const [process, service] = chart.series;
    const both = chart.categories
      .map((_, i) => [process?.values[i] ?? 0, service?.values[i] ?? 0] as const)
      .filter(([p, s]) => p > 0 && s > 0);
    expect(both.length).toBeGreaterThan(0);
    // Segments too short for a label (under 14 px) carry none; the rest carry their count.
    const inside = numbers(chartSvg(chart), true);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThanOrEqual(2 * both.length);
  });
});

describe('the aspect radar', () => {
  it('paints its value labels over every line, the dashed target included (no "1,87" cut by it)', () => {
    const pack = findPack('permenpanrb-8-2026') as InstrumentPack;
    const model = buildReport({ snapshot: fixture('pemdi-2026'), pack, now: NOW });
    const chart = model.data.charts.find((c) => c.id === 'aspects-radar');
    if (!chart) throw new Error('no aspects-radar chart');
    expect(chart.series.some((s) => s.role === 'target')).toBe(true);
    const svg = chartSvg(chart);
    const values = chart.series.filter((s) => s.role !== 'target').flatMap((s) => s.displays);
    const labels = [...svg.matchAll(/<text [^>]*>(\d,\d\d)<\/text>/g)];
    expect(labels.map((l) => l[1]).sort()).toEqual(values.filter((v): v is string => !!v).sort());
    // SVG paints in document order: every line and area before the first value label.
    const firstLabel = Math.min(...labels.map((l) => l.index));
    expect(svg.lastIndexOf('<polygon')).toBeLessThan(firstLabel);
    expect(svg.lastIndexOf('<circle')).toBeLessThan(firstLabel);
  });
});
