/**
 * The table that opens the Rekomendasi chapter is ordered by the index gained per level step;
 * a reader checks that order from what it prints: the steps to the target and the gain up to it
 * (Pemdi: 1,00 → 2,50 is two steps, its 0,08 ranks below a one-step 0,04).
 */
import { describe, expect, it } from 'vitest';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import { buildReport, type TableBlock } from '../../../shared/report';
import { NOW, fixture } from './helpers';

const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;
const model = buildReport({ snapshot: fixture('pemdi-2026'), pack: pemdi, now: NOW });
const table = model.sections
  .flatMap((s) => s.blocks)
  .find((b): b is TableBlock => b.kind === 'table' && b.id === 'recommendations');

describe('the recommendations table of a Pemdi report', () => {
  it('prints the steps to the target beside the gain, and how they make the order', () => {
    if (!table) throw new Error('no recommendations table');
    const headers = table.columns.map((c) => c.header);
    const steps = headers.indexOf('Langkah');
    const gain = headers.indexOf('Kenaikan indeks sampai target');
    expect(steps).toBeGreaterThan(0);
    expect(steps).toBe(gain - 1);
    // The fixture's external indices are awaited: their assumed values are marked too.
    expect(table.note).toBe(
      'Urutan menurut kenaikan indeks per langkah tingkat, yaitu kenaikan indeks sampai target ' +
        'dibagi jumlah langkah; indikator dengan kenaikan per langkah yang sama diurutkan menurut nomornya. ' +
        '* Nilai anggapan: indikator menunggu nilai indeks dari instansi sumbernya.',
    );
    const perStep = table.rows.map((row, k) => {
      const r = model.data.recommendations[k]!;
      const stepsCell = row.cells[steps];
      expect(stepsCell && 'text' in stepsCell ? stepsCell.text : '').toBe(String(r.steps.length));
      return r.gainToTarget / r.steps.length;
    });
    // A two-step indicator is among them, and the printed numbers give the order.
    expect(model.data.recommendations.some((r) => r.steps.length > 1)).toBe(true);
    perStep.forEach((v, k) => {
      if (k > 0) expect(v).toBeLessThanOrEqual(perStep[k - 1]! + 1e-12);
    });
  });
});
