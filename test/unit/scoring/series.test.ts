/**
 * The trend of one instansi across instruments: a mixed history (2023–2025 on PermenPANRB
 * 59/2020, 2026 on PermenPANRB 8/2026) is two series named by their regulations, never one line,
 * with the sentence that says why; and the group series of both packs.
 */
import { describe, expect, it } from 'vitest';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import {
  indexTrend,
  score,
  tierSeries,
  trendEntry,
  type TrendEntry,
} from '../../../shared/scoring';

const spbe = findPack('permenpanrb-59-2020') as InstrumentPack;
const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;

const allAt = (pack: InstrumentPack, value: number): Record<number, number> => {
  const out: Record<number, number> = {};
  for (const i of score(pack, {}).indicators) out[i.number] = value;
  return out;
};

const mixedHistory = (): TrendEntry[] => [
  trendEntry(2026, pemdi, score(pemdi, allAt(pemdi, 2.75))),
  trendEntry(2023, spbe, score(spbe, allAt(spbe, 2))),
  trendEntry(2025, spbe, score(spbe, allAt(spbe, 4))),
  trendEntry(2024, spbe, score(spbe, allAt(spbe, 3))),
];

describe('indexTrend over a mixed history', () => {
  it('keeps one series per instrument, each named by its regulation', () => {
    const trend = indexTrend(mixedHistory());
    expect(trend.years).toEqual([2023, 2024, 2025, 2026]);
    expect(trend.series.map((s) => s.name)).toEqual([
      'Indeks SPBE (PermenPANRB 59/2020)',
      'Indeks Pemdi (PermenPANRB 8/2026)',
    ]);
    const [old, current] = trend.series;
    expect(old?.points.map((p) => [p.year, p.display, p.rating])).toEqual([
      [2023, '2,00', 'Cukup'],
      [2024, '3,00', 'Baik'],
      [2025, '4,00', 'Sangat Baik'],
    ]);
    // The Pemdi index is never a point of the 59/2020 line, nor the other way round.
    expect(current?.points.map((p) => [p.year, p.display])).toEqual([[2026, '2,75']]);
  });

  it('says once why the two indices are not comparable', () => {
    expect(indexTrend(mixedHistory()).note).toBe(
      'Indeks SPBE dan Indeks Pemdi diukur dengan instrumen berbeda sehingga tidak dapat dibandingkan langsung.',
    );
  });

  it('has no note for a history on one instrument', () => {
    const trend = indexTrend(mixedHistory().filter((e) => e.instrument.id === spbe.id));
    expect(trend.series).toHaveLength(1);
    expect(trend.note).toBeNull();
  });

  it('keeps a year without an index as a gap, marked provisional when partly answered', () => {
    const trend = indexTrend([
      trendEntry(2024, spbe, score(spbe, {})),
      trendEntry(2025, spbe, score(spbe, { 1: 3 })),
    ]);
    expect(trend.series[0]?.points).toEqual([
      { year: 2024, value: null, display: null, rating: null, provisional: false },
      { year: 2025, value: 3, display: '3,00', rating: 'Baik', provisional: true },
    ]);
  });
});

describe('tierSeries for both packs', () => {
  it('59/2020: four domains and eight aspects, with target checks from score()', () => {
    const result = score(spbe, allAt(spbe, 3));
    expect(tierSeries(result, 'domain', 'Domain')).toHaveLength(4);
    const aspects = tierSeries(result, 'aspect', 'Aspek');
    expect(aspects).toHaveLength(8);
    expect(aspects[0]).toMatchObject({ label: 'Aspek 1', display: '3,00', meetsTarget: true });
  });

  it('Pemdi: seven aspects by name, no domain tier', () => {
    const result = score(pemdi, { ...allAt(pemdi, 2.75), 1: 1.8, 2: 2 });
    expect(tierSeries(result, 'domain', 'Domain')).toEqual([]);
    const aspects = tierSeries(result, 'aspect', 'Aspek');
    expect(aspects.map((a) => a.name)).toContain('Kepuasan Pengguna Layanan Digital Pemerintah');
    expect(aspects[0]).toMatchObject({ display: '1,90', meetsTarget: false, target: 2.5 });
    expect(aspects[1]).toMatchObject({ display: '2,75', meetsTarget: true });
  });
});
