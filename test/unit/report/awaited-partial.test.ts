/**
 * A partly answered Pemdi evaluation: a few indicators assessed, the four converted from other
 * agencies' indices (5, 6, 7, 18) not yet entered, so they count with the assumed 1,00 and are
 * the only ones below target. The report must not speak of them as values reached or raised.
 */
import { describe, expect, it } from 'vitest';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import { buildReport, plainText, type Block, type ReportModel } from '../../../shared/report';
import { NOW, fixture } from './helpers';

const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;

/** Indicators 1–3 assessed at 3,00 (above the target 2,50); nothing else entered. */
function partlyAnswered(): ReportModel {
  const snapshot = fixture('pemdi-2026');
  const answers = [1, 2, 3].map((indicator) => ({
    ...snapshot.answers[0]!,
    indicator,
    value: 3,
    external: null,
  }));
  return buildReport({ snapshot: { ...snapshot, answers }, pack: pemdi, previous: [], now: NOW });
}

function textOf(model: ReportModel): string {
  const out: string[] = [];
  const block = (b: Block): void => {
    if (b.kind === 'heading') out.push(b.text);
    else if (b.kind === 'paragraph') out.push(plainText(b.content));
    else if (b.kind === 'list') for (const item of b.items) out.push(plainText(item));
    else if (b.kind === 'notice') out.push(plainText(b.content));
  };
  for (const s of model.sections) for (const b of s.blocks) block(b);
  return out.join('\n');
}

describe('a partly answered Pemdi evaluation with the external indices awaited', () => {
  const m = partlyAnswered();
  const said = textOf(m);

  it('says the awaited indicators wait for their source agency, not that 0 of 4 are raised', () => {
    expect(m.data.recommendations.map((r) => r.number).sort((a, b) => a - b)).toEqual([
      5, 6, 7, 18,
    ]);
    expect(said).not.toMatch(/\b0 dari \d+ indikator/);
    expect(said).not.toContain('dinaikkan ke batas bawah');
    expect(m.data.whatIf?.sentence).toBe(
      'Seluruh 4 indikator di bawah target menunggu nilai indeks dari instansi sumbernya, ' +
        'sehingga belum ada yang dapat dinaikkan oleh tim; Indeks Pemdi akan berubah setelah nilai tersebut dimasukkan.',
    );
    expect(said).not.toContain('Perubahan terhadap Indeks Pemdi saat ini: 0,00');
    // Nothing is simulated, so the notice is not titled a simulation.
    const notice = m.sections
      .flatMap((s) => s.blocks)
      .find((b) => b.kind === 'notice' && plainText(b.content) === m.data.whatIf?.sentence);
    if (notice?.kind !== 'notice') throw new Error('no what-if notice');
    expect(notice.title).toBe('Indikator di bawah target menunggu nilai eksternal');
  });

  it('does not say an awaited indicator has reached its assumed value', () => {
    expect(said).not.toMatch(/Indikator (5|6|7|18) [^\n]* baru mencapai/);
    expect(said).toContain(
      'Indikator 5 Tingkat Kematangan Tata Kelola Data menunggu nilai indeks dari instansi sumbernya; ' +
        'sementara itu dihitung dengan nilai anggapan 1,00, 1,50 poin di bawah target nilai 2,50.',
    );
    // Nor its recommendation.
    expect(said).not.toContain('Nilai saat ini 1,00');
    expect(said).toContain(
      'Menunggu nilai indeks dari instansi sumbernya; sementara itu dihitung dengan nilai anggapan 1,00; ' +
        'target nilai 2,50, masih 1,50 di bawah target.',
    );
  });

  it("marks an awaited indicator's value in the recommendations table as assumed", () => {
    const table = m.sections
      .flatMap((s) => s.blocks)
      .find((b) => b.kind === 'table' && b.id === 'recommendations');
    if (table?.kind !== 'table') throw new Error('no recommendations table');
    expect(table.rows.map((r) => r.cells[2])).toEqual(
      [1, 2, 3, 4].map(() => expect.objectContaining({ display: '1,00*', name: 'Merintis' })),
    );
    expect(table.note).toMatch(
      / \* Nilai anggapan: indikator menunggu nilai indeks dari instansi sumbernya\.$/,
    );
  });
});
