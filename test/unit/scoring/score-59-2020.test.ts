/**
 * The PermenPANRB 59/2020 arithmetic, checked against the regulation's own worked examples
 * (Lampiran II.D, Tabel 10–12) and the predikat table (Tabel 13) at its exact bounds.
 */
import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../../shared/instrument';
import {
  belowTargetByGain,
  InvalidValuesError,
  raiseByOneLevel,
  score,
  weightedIndex,
  whatIf,
} from '../../../shared/scoring';
import { fromNumber, toFixedString } from '../../../shared/math/rational';
import { levelsFromDigits } from '../helpers';

const pack = defaultPack();
const all = (level: number): Record<number, number> => {
  const out: Record<number, number> = {};
  for (let i = 1; i <= 47; i += 1) out[i] = level;
  return out;
};
const parts = (values: number[], weights: number[]) =>
  values.map((v, i) => ({ value: fromNumber(v), weight: fromNumber(weights[i] ?? 0) }));

describe('the worked examples of PermenPANRB 59/2020', () => {
  it('Tabel 10: Indeks Aspek 2 = (3×2,5 + 4×2,5 + 3×2,5 + 2×2,5) / 10 = 3,00', () => {
    const exact = weightedIndex(parts([3, 4, 3, 2], [2.5, 2.5, 2.5, 2.5]));
    expect(toFixedString(exact, 2)).toBe('3.00');
    const result = score(pack, { ...all(3), 11: 3, 12: 4, 13: 3, 14: 2 });
    const aspect2 = result.groups.find((g) => g.tier === 'aspect' && g.number === 2);
    expect(aspect2?.weight).toBe(10);
    expect(aspect2?.result?.display).toBe('3,00');
  });

  it('Tabel 11: Indeks Domain 2 = (3,0×10 + 4,0×10 + 3,0×5) / 25 = 3,40', () => {
    const exact = weightedIndex(parts([3.0, 4.0, 3.0], [10, 10, 5]));
    expect(toFixedString(exact, 2)).toBe('3.40');
    // The same through the instrument: aspect 2 = 3, aspect 3 (15–18) = 4, aspect 4 (19–20) = 3.
    const result = score(pack, {
      ...all(3),
      11: 3,
      12: 4,
      13: 3,
      14: 2,
      15: 4,
      16: 4,
      17: 4,
      18: 4,
    });
    const domain2 = result.groups.find((g) => g.tier === 'domain' && g.number === 2);
    expect(domain2?.weight).toBe(25);
    expect(domain2?.result?.display).toBe('3,40');
  });

  it('Tabel 12: Indeks SPBE = (3,7×13 + 3,4×25 + 3,0×16,5 + 3,2×45,5) / 100 = 3,28', () => {
    const exact = weightedIndex(parts([3.7, 3.4, 3.0, 3.2], [13, 25, 16.5, 45.5]));
    expect(toFixedString(exact, 4)).toBe('3.2820');
    expect(toFixedString(exact, 2)).toBe('3.28');
  });

  it('the whole index through the tree equals Σ(level × weight) / 100 over the 47 indicators', () => {
    const levels = levelsFromDigits('11111111111111111111111111135552555555555555555');
    const result = score(pack, levels);
    expect(result.overall?.value).toBe(2.9475);
    expect(result.overall?.display).toBe('2,95');
    expect(result.overall?.rating).toBe('Baik');
    expect(result.overall?.provisional).toBe(false);
    expect(result.complete).toBe(true);
  });

  it('domain 1 at 3,7 as in Tabel 12 comes from its ten indicators of weight 1,3', () => {
    const result = score(pack, { ...all(3), 1: 4, 2: 4, 3: 4, 4: 4, 5: 4, 6: 4, 7: 4 });
    expect(result.groups.find((g) => g.id === 'D1')?.result?.display).toBe('3,70');
  });

  it('all at level 1 is 1,00 Kurang; all at level 5 is 5,00 Memuaskan; all at 3 is 3,00 Baik', () => {
    expect(score(pack, all(1)).overall).toMatchObject({ display: '1,00', rating: 'Kurang' });
    expect(score(pack, all(5)).overall).toMatchObject({ display: '5,00', rating: 'Memuaskan' });
    expect(score(pack, all(3)).overall).toMatchObject({ display: '3,00', rating: 'Baik' });
  });
});

describe('predikat at the exact bounds of Tabel 13', () => {
  // Level strings found so that Σ(level × weight) hits the wanted value exactly.
  const cases: Array<[string, string, string]> = [
    ['11111111151111111111111111111111111111114355555', '1,79', 'Kurang'], // 1,7945
    ['11111111111111111111111111111111111111135255555', '1,80', 'Cukup'], // 1,7950 shown 1,80
    ['11111111111111111111111111111111111111115455555', '1,80', 'Cukup'], // 1,8000
    ['11111111151111111111111111111111145555555455555', '2,59', 'Cukup'], // 2,5945
    ['11111111111111111111111111111111355555555355555', '2,60', 'Baik'], // 2,5950 shown 2,60
    ['11111111111111111111111111111111155555555555555', '2,60', 'Baik'], // 2,6000
    ['11111111151111111113155555555554555555555555555', '3,49', 'Baik'], // 3,4945
    ['11111111111111111114155555555555555555555555555', '3,50', 'Sangat Baik'], // 3,4950
    ['11111111111111111113355555555555555555555555555', '3,50', 'Sangat Baik'], // 3,5000
    ['11111111151135555555155555555554555555555555555', '4,19', 'Sangat Baik'], // 4,1945
    ['11111111111145555555155555555555555555555555555', '4,20', 'Memuaskan'], // 4,1950
    ['11111111111135555555355555555555555555555555555', '4,20', 'Memuaskan'], // 4,2000
  ];
  it.each(cases)('%s gives %s %s', (digits, display, rating) => {
    const result = score(pack, levelsFromDigits(digits));
    expect(result.overall?.display).toBe(display);
    expect(result.overall?.rating).toBe(rating);
  });

  it('reads the predikat from the exact value when a pack says so', () => {
    const exactPack = { ...pack, rounding: { ...pack.rounding, ratingFrom: 'exact' as const } };
    const result = score(
      exactPack,
      levelsFromDigits('11111111111111111111111111111111355555555355555'),
    );
    expect(result.overall?.display).toBe('2,60');
    expect(result.overall?.rating).toBe('Cukup');
  });
});

describe('partial answers', () => {
  it('lists the unanswered indicators and marks the index provisional, never counting them', () => {
    const levels: Record<number, number> = all(3);
    delete levels[12];
    delete levels[47];
    levels[1] = 5;
    const result = score(pack, levels);
    expect(result.missing).toEqual([12, 47]);
    expect(result.complete).toBe(false);
    expect(result.overall?.provisional).toBe(true);
    // Aspect 2 over its three answered indicators: all 3.
    const aspect2 = result.groups.find((g) => g.id === 'A2');
    expect(aspect2?.result?.display).toBe('3,00');
    expect(aspect2?.missing).toEqual([12]);
    expect(aspect2?.answered).toBe(3);
    // Unanswered counted as 0 or 1 would pull the index below 3; it is not.
    expect(result.overall!.value).toBeGreaterThan(3);
    expect(result.indicators.find((i) => i.number === 12)).toMatchObject({
      value: null,
      level: null,
      gap: null,
    });
  });

  it('has no index at all when nothing is answered', () => {
    const result = score(pack, {});
    expect(result.overall).toBeNull();
    expect(result.missing).toHaveLength(47);
    expect(result.groups.every((g) => g.result === null)).toBe(true);
  });

  it('treats null as unanswered', () => {
    const result = score(pack, { ...all(2), 5: null });
    expect(result.missing).toEqual([5]);
  });
});

describe('invalid values', () => {
  it('refuses levels off the scale, fractions and unknown indicators', () => {
    expect(() => score(pack, { 1: 6 })).toThrow(InvalidValuesError);
    expect(() => score(pack, { 1: 0 })).toThrow(/di luar rentang/);
    expect(() => score(pack, { 1: 2.5 })).toThrow(/bilangan bulat/);
    expect(() => score(pack, { 48: 3 })).toThrow(/indikator "48" tidak ada/);
  });
});

describe('targets, gaps and what-if', () => {
  it('gives each indicator its gap to level 3 and each aspect its gap to 3', () => {
    const result = score(pack, { ...all(3), 1: 1, 2: 2, 32: 5 });
    expect(result.indicators.find((i) => i.number === 1)).toMatchObject({
      gap: 2,
      meetsTarget: false,
      levelName: 'Rintisan',
    });
    expect(result.indicators.find((i) => i.number === 32)).toMatchObject({
      gap: 0,
      meetsTarget: true,
      levelName: 'Optimum',
    });
    expect(result.indicators.find((i) => i.number === 33)?.levelName).toBe('Transaksi');
    expect(result.target).toEqual({ index: 2.6, indicatorLevel: 3, rating: 'Baik' });
    const a1 = result.groups.find((g) => g.id === 'A1');
    expect(a1?.gap).toBeCloseTo(0.3, 10);
  });

  it('what-if changes levels without touching the base and reports the exact delta', () => {
    const base = all(2);
    const r = whatIf(pack, base, { 42: 3, 43: 3, 1: 2 });
    expect(base[42]).toBe(2);
    expect(r.changed).toEqual([42, 43]);
    expect(r.before.overall?.display).toBe('2,00');
    expect(r.after.overall?.display).toBe('2,06');
    expect(r.delta?.display).toBe('+0,06');
  });

  it('orders indicators below target by the index gained per level', () => {
    const result = score(pack, { ...all(3), 1: 2, 11: 2, 21: 1, 32: 2, 42: 2 });
    expect(belowTargetByGain(result).map((i) => i.number)).toEqual([42, 32, 11, 21, 1]);
    expect(result.indicators.find((i) => i.number === 42)?.gainPerLevel).toBe(0.03);
  });

  it('raises the indicators below target by one level and gives the new index and predikat', () => {
    const levels = { ...all(3), 1: 2, 42: 1 };
    const scenario = raiseByOneLevel(pack, levels);
    expect(scenario.indicators.sort()).toEqual([1, 42]);
    // Before: (300 − 1,3 − 6) / 100 = 2,927 → 2,93; after: 2,927 + 0,013 + 0,03 = 2,97.
    expect(scenario.result.before.overall?.display).toBe('2,93');
    expect(scenario.result.after.overall?.display).toBe('2,97');
    expect(scenario.result.after.overall?.rating).toBe('Baik');
  });
});
